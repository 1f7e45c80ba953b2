package linkcheck

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// placeholderHost stands for the site's own host when Options.BaseURL gives
// none, so that links resolve to absolute URLs that can be told apart from
// links to other hosts. The .invalid domain can never be a real host.
const placeholderHost = "planpress-site.invalid"

// baseURL is where the site is published.
type baseURL struct {
	scheme string
	host   string
	path   string // starts and ends with "/"
}

func parseBase(s string) (*baseURL, error) {
	if s == "" {
		return &baseURL{scheme: "https", host: placeholderHost, path: "/"}, nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("linkcheck: base URL %q: %w", s, err)
	}
	b := &baseURL{scheme: strings.ToLower(u.Scheme), host: strings.ToLower(u.Host), path: u.Path}
	if b.scheme == "" || b.host == "" {
		if u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
			return nil, fmt.Errorf("linkcheck: base URL %q must be absolute (https://host/path/) or a path that starts with /", s)
		}
		b.scheme, b.host = "https", placeholderHost
	}
	if !strings.HasPrefix(b.path, "/") {
		b.path = "/" + b.path
	}
	if !strings.HasSuffix(b.path, "/") {
		b.path += "/"
	}
	return b, nil
}

// own reports whether u, an absolute URL, is on the site's own host.
func (b *baseURL) own(u *url.URL) bool {
	return strings.EqualFold(u.Scheme, b.scheme) && strings.EqualFold(u.Host, b.host)
}

// checkRef checks one URL found in the file from (a slash path relative to the
// root), whose <base href> is baseHref, and adds what it finds to rep.
func (s *site) checkRef(rep *Report, from, baseHref string, r ref) {
	problem := func(format string, args ...any) {
		rep.Problems = append(rep.Problems, Problem{Page: from, Line: r.line, Attr: r.attr, Link: r.url, Reason: fmt.Sprintf(format, args...)})
	}
	if r.url == "" {
		if r.load {
			problem("empty URL")
		}
		return
	}
	rep.Links++
	u, err := url.Parse(r.url)
	if err != nil {
		problem("not a URL: %v", errors.Unwrap(err))
		return
	}
	switch strings.ToLower(u.Scheme) {
	case "mailto", "tel", "sms", "about", "blob":
		return
	case "javascript":
		problem("javascript: URLs do not run under Content-Security-Policy default-src 'self'")
		return
	case "data":
		if r.load {
			problem("data: URLs are blocked by Content-Security-Policy default-src 'self'")
		}
		return
	}

	docBase := &url.URL{Scheme: s.base.scheme, Host: s.base.host, Path: s.base.path + from}
	if baseHref != "" {
		b, err := url.Parse(baseHref)
		if err != nil {
			problem("the page's <base href=%q> is not a URL", baseHref)
			return
		}
		docBase = docBase.ResolveReference(b)
	}
	target := docBase.ResolveReference(u)
	if !s.base.own(target) {
		switch {
		case r.load:
			problem("loads from another host (%s): a published page may fetch only from its own", hostOf(target))
		case target.Scheme == "http" || target.Scheme == "https":
			rep.External = append(rep.External, Link{Page: from, Line: r.line, Attr: r.attr, URL: r.url})
		default:
			problem("unsupported URL scheme %q", target.Scheme)
		}
		return
	}

	if !strings.HasPrefix(target.Path, s.base.path) {
		problem("%s is outside the site's base path %s", target.Path, s.base.path)
		return
	}
	rel := strings.TrimPrefix(target.Path, s.base.path)
	file := rel
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	info, err := os.Stat(filepath.Join(s.root, filepath.FromSlash(file)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		problem("no such file: %s", target.Path)
		return
	case err != nil:
		problem("cannot read %s: %v", target.Path, err)
		return
	case info.IsDir():
		if _, err := os.Stat(filepath.Join(s.root, filepath.FromSlash(file), "index.html")); err == nil {
			problem("%s is a folder: end the link with a slash (%s/) so that relative links on its page resolve", target.Path, target.Path)
		} else {
			problem("%s is a folder with no index.html", target.Path)
		}
		return
	}

	frag := target.Fragment
	if frag == "" {
		return
	}
	switch strings.ToLower(path.Ext(file)) {
	case ".html", ".htm":
	default:
		return // a fragment of a PDF or an image means something else
	}
	p, err := s.page(file)
	if err != nil {
		problem("cannot read the target page: %v", err)
		return
	}
	if !p.ids[frag] && !strings.EqualFold(frag, "top") {
		problem("no element with id %q in %s", frag, file)
	}
}

func hostOf(u *url.URL) string {
	if u.Host != "" {
		return u.Host
	}
	return u.Scheme + ":"
}
