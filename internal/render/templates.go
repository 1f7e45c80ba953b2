package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/theme"
	"github.com/planpress/planpress/internal/view"
)

// Templates are the parsed layouts of one site in one language: a template
// set per page layout, each holding baseof.html and every partial. They are
// safe for concurrent use.
type Templates struct {
	pages    map[string]*template.Template
	partials *template.Template
	sizes    pageSizes
}

// funcs are the layouts' functions. t, the interface words, is bound to a
// catalogue once the layouts are parsed (see bind); a template needs its
// functions to parse.
var funcs = template.FuncMap{
	"add":  func(a, b int) int { return a + b },
	"join": strings.Join,
	"t": func(key string, args ...any) (template.HTML, error) {
		return "", fmt.Errorf("no interface words for %q", key)
	},
}

// Load parses layouts/baseof.html, layouts/partials/*.html and each page
// layout, the site's own file where it has one (site may be nil), and gives
// them the interface words of the site's language: {{t "kpi.about"}} in a
// layout writes words's entry kpi.about (see i18n.Catalogue.HTML). It
// returns nil, with the problems in diags, when a layout cannot be read or
// parsed.
func Load(site fs.FS, words *i18n.Catalogue, diags *diag.List) *Templates {
	l := theme.Files{Site: site}
	base := template.New("").Funcs(funcs)
	ok := true
	parse := func(t *template.Template, name string) {
		src, from, err := l.Read(name)
		if err != nil {
			diags.Errorf(name, 0, "restore the file, or delete your copy to use the built-in one", "cannot read layout: %v", err)
			ok = false
			return
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			diags.Errorf(strings.TrimPrefix(from, "built-in "), 0, "fix the template syntax (see Go's html/template)", "layout does not parse: %v", err)
			ok = false
		}
	}
	parse(base, "layouts/baseof.html")
	for _, n := range l.Names("layouts/partials") {
		parse(base, path.Join("layouts/partials", n))
	}
	t := &Templates{pages: map[string]*template.Template{}, partials: base}
	for _, n := range l.Names("layouts") {
		if n == "baseof.html" || !strings.HasSuffix(n, ".html") {
			continue
		}
		clone, err := base.Clone()
		if err != nil {
			continue
		}
		parse(clone, path.Join("layouts", n))
		t.pages[strings.TrimSuffix(n, ".html")] = clone
	}
	if !ok {
		return nil
	}
	t.bind(words)
	return t
}

// For returns the layouts in another language: a copy of them bound to
// that language's words. A site in more than one language parses its
// layouts once and takes a copy for each other language; For must be
// called before t renders anything (html/template cannot copy a template
// that has run).
func (t *Templates) For(words *i18n.Catalogue) (*Templates, error) {
	c := &Templates{pages: make(map[string]*template.Template, len(t.pages))}
	var err error
	if c.partials, err = t.partials.Clone(); err != nil {
		return nil, err
	}
	for kind, set := range t.pages {
		if c.pages[kind], err = set.Clone(); err != nil {
			return nil, err
		}
	}
	c.bind(words)
	return c, nil
}

// bind gives every template set the interface words of one language.
func (t *Templates) bind(words *i18n.Catalogue) {
	fm := template.FuncMap{"t": words.HTML}
	t.partials.Funcs(fm)
	for _, set := range t.pages {
		set.Funcs(fm)
	}
}

// Page executes a page's layout (layouts/KIND.html) through baseof.html.
func (t *Templates) Page(p *view.Page) ([]byte, error) {
	set, ok := t.pages[p.Kind]
	if !ok {
		return nil, fmt.Errorf("no layout layouts/%s.html", p.Kind)
	}
	// The page is written into a buffer of its own, sized from the last
	// page of its kind, and handed over as it is: pages are most of what a
	// build allocates, and a pooled buffer had to be copied out. A page
	// that outgrows it goes on in chunks rather than doubling the buffer
	// (see pageBuffer).
	buf := newPageBuffer(t.sizes.hint(p.Kind))
	if err := set.ExecuteTemplate(buf, "layouts/baseof.html", p); err != nil {
		return nil, err
	}
	t.sizes.saw(p.Kind, buf.Len())
	return buf.Bytes(), nil
}

// pageSizes remembers the size of the last page of each kind, as the size
// to give the next one's buffer.
type pageSizes struct{ m sync.Map }

func (s *pageSizes) hint(kind string) int {
	if v, ok := s.m.Load(kind); ok {
		return v.(int) + v.(int)/8
	}
	return 16 << 10
}

func (s *pageSizes) saw(kind string, n int) { s.m.Store(kind, n) }

// outBufs recycles the buffers layouts execute into, so that a build does
// not allocate and grow a fresh one for every page and partial.
var outBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Partial executes layouts/partials/NAME.html, for what a narrative embeds.
func (t *Templates) Partial(name string, data any) (template.HTML, error) {
	buf := outBufs.Get().(*bytes.Buffer)
	defer outBufs.Put(buf)
	buf.Reset()
	if err := t.partials.ExecuteTemplate(buf, "layouts/partials/"+name+".html", data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
