package publish

import (
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/view"
)

// Renderer renders a page with the site's layouts (render.Templates).
type Renderer interface {
	Page(p *view.Page) ([]byte, error)
}

// Pages renders pages and writes each to its file; a nil page is none.
func (s *Site) Pages(r Renderer, pages ...*view.Page) {
	for _, p := range pages {
		if p == nil {
			continue
		}
		b, err := r.Page(p)
		if err != nil {
			s.problem(func(d *diag.List) {
				d.Errorf("layouts/"+p.Kind+".html", 0, "fix the layout, or delete your copy to use the built-in one", "layout failed on %s: %v", p.File, err)
			})
			continue
		}
		s.File(p.File, b)
	}
}
