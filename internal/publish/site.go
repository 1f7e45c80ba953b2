package publish

import (
	"sort"
	"strings"
	"sync"

	"github.com/planpress/planpress/internal/diag"
)

// Output receives the files of a site. Implementations must be safe for
// concurrent use.
type Output interface {
	WriteFile(name string, data []byte) error
}

// Site publishes one build's files to an Output, noting every file written
// for the sitemap and the link check. It is safe for concurrent use.
type Site struct {
	out   Output
	base  string // the path the site lives under: "/" or "/reports/"
	mu    sync.Mutex
	files map[string]bool
	// static are the files of the site's static/ folder, by their path in
	// the site (see StaticFiles).
	static map[string]bool
	diags  diag.List
}

// New publishes into out a site that lives under base ("/" for most sites;
// see view.BasePath).
func New(out Output, base string) *Site {
	return &Site{out: out, base: base, files: map[string]bool{}}
}

// File writes one file of the site, below the site root. A file of the
// site's static/ folder of the same name replaces robots.txt and the
// favicon; any other clash is an error.
func (s *Site) File(name string, data []byte) { s.write(name, data, false) }

func (s *Site) write(name string, data []byte, static bool) {
	s.mu.Lock()
	clash := s.static[name] && !static
	written := s.files[name]
	s.files[name] = true
	s.mu.Unlock()
	switch {
	case clash && replaceable[name]:
		return // the site's own
	case clash || (static && written && !replaceable[name]):
		s.problem(func(d *diag.List) {
			d.Errorf("static/"+name, 0, "rename or move the file: planpress writes a file of that name", "static/%s would replace a file of the site", name)
		})
		return
	}
	if err := s.out.WriteFile(name, data); err != nil {
		s.problem(func(d *diag.List) {
			d.Errorf(name, 0, "check the output folder can be written", "cannot write: %v", err)
		})
	}
}

func (s *Site) problem(add func(*diag.List)) {
	s.mu.Lock()
	add(&s.diags)
	s.mu.Unlock()
}

// Diagnostics are the problems found while publishing.
func (s *Site) Diagnostics() *diag.List { return &s.diags }

// written reports whether the build wrote a file.
func (s *Site) written(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files[name]
}

// pages returns every page written, sorted.
func (s *Site) pages() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for p := range s.files {
		if strings.HasSuffix(p, ".html") && !s.static[p] {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
