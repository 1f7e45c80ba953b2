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

// Resolver says where the links of a site's pages lead. The build uses it for
// the narrative's links, against the files it wrote; Check for every link of
// a built site, against the files on disk.
type Resolver struct{ base *baseURL }

// NewResolver resolves links for a site published at baseURL (see
// Options.BaseURL).
func NewResolver(baseURL string) (*Resolver, error) {
	b, err := parseBase(baseURL)
	if err != nil {
		return nil, err
	}
	return &Resolver{base: b}, nil
}

// A Target is where a link leads.
type Target struct {
	// Local is true for a link to a file of the site itself; File is then
	// that file, a slash path below the site root ("kpis/x/index.html" for
	// "/kpis/x/"), and Fragment what follows "#".
	Local    bool
	File     string
	Fragment string
	// External is true for an http or https link to another host.
	External bool
	// Problem says why the link can never work (empty when it may).
	Problem string
}

// Resolve resolves link, written on the page whose file is page (a slash path
// below the site root) under the page's <base href> when it has one. load is
// true for something the page loads (a script, an image) rather than a link
// a reader follows.
func (r *Resolver) Resolve(page, baseHref, link string, load bool) Target {
	bad := func(format string, args ...any) Target { return Target{Problem: fmt.Sprintf(format, args...)} }
	if link == "" {
		if load {
			return bad("empty URL")
		}
		return Target{}
	}
	u, err := url.Parse(link)
	if err != nil {
		return bad("not a URL: %v", errors.Unwrap(err))
	}
	switch strings.ToLower(u.Scheme) {
	case "mailto", "tel", "sms", "about", "blob":
		return Target{}
	case "javascript":
		return bad("javascript: URLs do not run under Content-Security-Policy default-src 'self'")
	case "data":
		if load {
			return bad("data: URLs are blocked by Content-Security-Policy default-src 'self'")
		}
		return Target{}
	}
	docBase := &url.URL{Scheme: r.base.scheme, Host: r.base.host, Path: r.base.path + page}
	if baseHref != "" {
		b, err := url.Parse(baseHref)
		if err != nil {
			return bad("the page's <base href=%q> is not a URL", baseHref)
		}
		docBase = docBase.ResolveReference(b)
	}
	target := docBase.ResolveReference(u)
	if !r.base.own(target) {
		switch {
		case load:
			return bad("loads from another host (%s): a published page may fetch only from its own", hostOf(target))
		case target.Scheme == "http" || target.Scheme == "https":
			return Target{External: true}
		}
		return bad("unsupported URL scheme %q", target.Scheme)
	}
	if !strings.HasPrefix(target.Path, r.base.path) {
		return bad("%s is outside the site's base path %s", target.Path, r.base.path)
	}
	file := strings.TrimPrefix(target.Path, r.base.path)
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	return Target{Local: true, File: file, Fragment: target.Fragment}
}

// checkRef checks one URL found in the file from (a slash path relative to the
// root), whose <base href> is baseHref, and adds what it finds to rep.
func (s *site) checkRef(rep *Report, from, baseHref string, r ref) {
	problem := func(format string, args ...any) {
		rep.Problems = append(rep.Problems, Problem{Page: from, Line: r.line, Attr: r.attr, Link: r.url, Reason: fmt.Sprintf(format, args...)})
	}
	if r.url != "" {
		rep.Links++
	}
	t := s.resolver.Resolve(from, baseHref, r.url, r.load)
	switch {
	case t.Problem != "":
		problem("%s", t.Problem)
		return
	case t.External:
		rep.External = append(rep.External, Link{Page: from, Line: r.line, Attr: r.attr, URL: r.url})
		return
	case !t.Local:
		return
	}
	file, frag := t.File, t.Fragment
	target := &url.URL{Path: s.resolver.base.path + strings.TrimSuffix(file, "index.html")}
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
