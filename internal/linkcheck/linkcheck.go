// Package linkcheck finds broken links in a built site: local links and loads
// that name no file, fragments that name no element, and loads from other hosts.
// It reads the files only; it needs no server and no browser.
package linkcheck

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// A Problem is one link that does not work, or one load that a site fit to
// publish must not make.
type Problem struct {
	Page   string // the page or stylesheet, as a slash path relative to the site root
	Line   int    // the line of the link in Page, from 1
	Attr   string // where the link is: "href", "src", "srcset", "action", "url()", ...
	Link   string // the link as written
	Reason string // why it is a problem
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s=%q: %s", p.Page, p.Line, p.Attr, p.Link, p.Reason)
}

// A Link is a link to another host that a reader may follow. Such links are
// allowed; a report lists them so that a person can look them over.
type Link struct {
	Page string
	Line int
	Attr string
	URL  string
}

func (l Link) String() string {
	return fmt.Sprintf("%s:%d: %s=%q", l.Page, l.Line, l.Attr, l.URL)
}

// Options say where the site will be published. The zero value means a site
// served from the root of its host.
type Options struct {
	// BaseURL is the address the site is published at, such as
	// "https://reports.example.org/progress/". Its path is the base path
	// that root-relative links start with, and links that start with
	// BaseURL itself are checked as local links. Empty means "/".
	BaseURL string
}

// A Report is what Check found.
type Report struct {
	Pages       int       // HTML pages read
	Stylesheets int       // CSS files read
	Links       int       // links and loads checked
	Problems    []Problem // in page and line order
	External    []Link    // links to other hosts, in page and line order
}

// Dir checks the site built into root, served from the root of its host, and
// returns the problems it found. The error is for a site it could not read.
func Dir(root string) ([]Problem, error) {
	r, err := Check(root, Options{})
	if err != nil {
		return nil, err
	}
	return r.Problems, nil
}

// Check checks every HTML page and stylesheet under root.
func Check(root string, opts Options) (*Report, error) {
	res, err := NewResolver(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	s := &site{root: root, resolver: res, pages: map[string]*page{}}
	var htmlFiles, cssFiles []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch strings.ToLower(path.Ext(rel)) {
		case ".html", ".htm":
			htmlFiles = append(htmlFiles, rel)
		case ".css":
			cssFiles = append(cssFiles, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("linkcheck: reading %s: %w", root, err)
	}
	if len(htmlFiles) == 0 {
		return nil, fmt.Errorf("linkcheck: no .html files under %s", root)
	}
	for _, rel := range htmlFiles {
		if _, err := s.page(rel); err != nil {
			return nil, err
		}
	}
	rep := &Report{Pages: len(htmlFiles), Stylesheets: len(cssFiles)}
	for _, rel := range htmlFiles {
		p := s.pages[rel]
		for _, ref := range p.refs {
			s.checkRef(rep, rel, p.baseHref, ref)
		}
	}
	for _, rel := range cssFiles {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return nil, fmt.Errorf("linkcheck: %w", err)
		}
		for _, ref := range cssRefs(string(data), 1) {
			s.checkRef(rep, rel, "", ref)
		}
	}
	sort.SliceStable(rep.Problems, func(i, j int) bool {
		a, b := rep.Problems[i], rep.Problems[j]
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		return a.Line < b.Line
	})
	sort.SliceStable(rep.External, func(i, j int) bool {
		a, b := rep.External[i], rep.External[j]
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		return a.Line < b.Line
	})
	return rep, nil
}
