package linkcheck

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
)

// A ref is one URL found in a file.
type ref struct {
	line int
	attr string
	url  string
	load bool // the browser fetches it to show the page, rather than a reader following it
}

// A page is what a check needs to know of one HTML file.
type page struct {
	ids      map[string]bool
	refs     []ref
	baseHref string // the href of its <base> element, if any
}

// loadRels are the link relations that make the browser fetch the target.
var loadRels = map[string]bool{
	"stylesheet": true, "icon": true, "apple-touch-icon": true, "mask-icon": true,
	"manifest": true, "preload": true, "modulepreload": true, "prefetch": true,
	"preconnect": true, "dns-prefetch": true, "prerender": true,
}

// svgLoads are the elements whose href is a resource the browser fetches.
var svgLoads = map[string]bool{"use": true, "image": true, "feimage": true, "script": true}

// readPage reads the HTML file at path.
func readPage(path string) (*page, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parsePage(f)
}

// parsePage collects the ids and URLs of an HTML document. It uses the
// tokenizer rather than the tree parser so that each URL keeps its line.
func parsePage(r io.Reader) (*page, error) {
	p := &page{ids: map[string]bool{}}
	z := html.NewTokenizer(r)
	line := 1
	inStyle := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() == io.EOF {
				return p, nil
			}
			return nil, z.Err()
		}
		start := line
		line += bytes.Count(z.Raw(), []byte{'\n'})
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			p.element(tok, start)
			inStyle = tok.Data == "style" && tt == html.StartTagToken
		case html.TextToken:
			if inStyle {
				p.refs = append(p.refs, cssRefs(string(z.Raw()), start)...)
			}
		case html.EndTagToken:
			inStyle = false
		}
	}
}

// element records the id and the URLs of one start tag.
func (p *page) element(tok html.Token, line int) {
	tag := tok.Data
	get := func(key string) (string, bool) {
		for _, a := range tok.Attr {
			if a.Key == key {
				return a.Val, true
			}
		}
		return "", false
	}
	if id, ok := get("id"); ok && id != "" {
		p.ids[id] = true
	}
	if name, ok := get("name"); ok && tag == "a" && name != "" {
		p.ids[name] = true
	}
	add := func(attr, url string, load bool) {
		p.refs = append(p.refs, ref{line: line, attr: attr, url: strings.TrimSpace(url), load: load})
	}
	for _, a := range tok.Attr {
		switch a.Key {
		case "href", "xlink:href":
			switch {
			case tag == "base":
				if p.baseHref == "" {
					p.baseHref = strings.TrimSpace(a.Val)
				}
			case tag == "link":
				rel, _ := get("rel")
				add(a.Key, a.Val, relLoads(rel))
			default:
				add(a.Key, a.Val, svgLoads[tag])
			}
		case "src", "poster":
			add(a.Key, a.Val, true)
		case "data":
			if tag == "object" {
				add(a.Key, a.Val, true)
			}
		case "srcset", "imagesrcset":
			for _, u := range srcsetURLs(a.Val) {
				add(a.Key, u, true)
			}
		case "action", "formaction":
			add(a.Key, a.Val, false)
		case "content":
			if equiv, _ := get("http-equiv"); tag == "meta" && strings.EqualFold(equiv, "refresh") {
				if u, ok := refreshURL(a.Val); ok {
					add("http-equiv=refresh", u, false)
				}
			}
		case "style":
			for _, r := range cssRefs(a.Val, line) {
				r.attr = "style"
				p.refs = append(p.refs, r)
			}
		}
	}
}

// relLoads reports whether a <link> with this rel makes the browser fetch it.
func relLoads(rel string) bool {
	for _, r := range strings.Fields(strings.ToLower(rel)) {
		if loadRels[r] {
			return true
		}
	}
	return false
}

// refreshURL returns the URL of a meta refresh, as in content="0; url=/new/".
func refreshURL(content string) (string, bool) {
	_, rest, ok := strings.Cut(content, ";")
	if !ok {
		_, rest, ok = strings.Cut(content, ",")
		if !ok {
			return "", false
		}
	}
	rest = strings.TrimSpace(rest)
	if len(rest) >= 3 && strings.EqualFold(rest[:3], "url") {
		rest = strings.TrimSpace(rest[3:])
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "="))
	}
	rest = strings.Trim(rest, `"'`)
	return rest, rest != ""
}

// site caches the pages of a site as a check reads them.
type site struct {
	root     string
	resolver *Resolver
	pages    map[string]*page
}

// page returns the parsed page at the slash path rel, reading it on first use.
func (s *site) page(rel string) (*page, error) {
	if p, ok := s.pages[rel]; ok {
		return p, nil
	}
	p, err := readPage(filepath.Join(s.root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("linkcheck: %s: %w", rel, err)
	}
	s.pages[rel] = p
	return p, nil
}
