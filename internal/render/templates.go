package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	planpress "github.com/planpress/planpress"
	"github.com/planpress/planpress/internal/diag"
)

// layouts resolves a layout or asset name to the site's own file when it has
// one, else the built-in theme's.
type layouts struct {
	site fs.FS // the site folder; may be nil
}

func (l layouts) read(name string) ([]byte, string, error) {
	if l.site != nil {
		if b, err := fs.ReadFile(l.site, name); err == nil {
			return b, name, nil
		}
	}
	b, err := fs.ReadFile(planpress.Theme, name)
	return b, "built-in " + name, err
}

// names lists the files of a theme folder, the site's and the built-in ones.
func (l layouts) names(dir string) []string {
	seen := map[string]bool{}
	for _, f := range []fs.FS{planpress.Theme, l.site} {
		if f == nil {
			continue
		}
		entries, _ := fs.ReadDir(f, dir)
		for _, e := range entries {
			if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				seen[e.Name()] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// templates holds one parsed template set per page layout.
type templates struct {
	pages    map[string]*template.Template
	partials *template.Template
}

var funcs = template.FuncMap{
	"add":  func(a, b int) int { return a + b },
	"join": strings.Join,
}

// loadTemplates parses baseof.html, partials/*.html and each page layout.
func loadTemplates(l layouts, diags *diag.List) *templates {
	base := template.New("").Funcs(funcs)
	ok := true
	parse := func(t *template.Template, name string) {
		src, from, err := l.read(name)
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
	for _, n := range l.names("layouts/partials") {
		parse(base, path.Join("layouts/partials", n))
	}
	t := &templates{pages: map[string]*template.Template{}, partials: base}
	for _, n := range l.names("layouts") {
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
	return t
}

// page executes a page layout through baseof.html.
func (t *templates) page(kind string, data any) ([]byte, error) {
	set, ok := t.pages[kind]
	if !ok {
		return nil, fmt.Errorf("no layout layouts/%s.html", kind)
	}
	buf := outBufs.Get().(*bytes.Buffer)
	defer outBufs.Put(buf)
	buf.Reset()
	if err := set.ExecuteTemplate(buf, "layouts/baseof.html", data); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

// outBufs recycles the buffers layouts execute into, so that a build does
// not allocate and grow a fresh one for every page and partial.
var outBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// partial executes a partial into HTML for use inside Markdown output.
func (t *templates) partial(name string, data any) (template.HTML, error) {
	buf := outBufs.Get().(*bytes.Buffer)
	defer outBufs.Put(buf)
	buf.Reset()
	if err := t.partials.ExecuteTemplate(buf, "layouts/partials/"+name+".html", data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
