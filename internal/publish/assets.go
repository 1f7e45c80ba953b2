package publish

import (
	"errors"
	"path"

	"github.com/planpress/planpress/internal/assets"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/theme"
	"github.com/planpress/planpress/internal/view"
)

// Assets writes the site's stylesheet and scripts, each the site's own file
// under assets/ or the built-in one, minified, and the chart library, under
// names
// fingerprinted by their content (so a browser may cache them for good), and
// returns their addresses. live adds the live-reload script of planpress
// serve.
func (s *Site) Assets(files theme.Files, live bool) view.Assets {
	var a view.Assets
	put := func(name string) string {
		b, _, err := files.Read(name)
		if err != nil {
			s.problem(func(d *diag.List) {
				d.Errorf(name, 0, "restore the file, or delete your copy to use the built-in one", "cannot read asset: %v", err)
			})
			return ""
		}
		if b, err = minify(name, b); err != nil {
			line := 0
			if se, ok := err.(*syntaxError); ok {
				line, err = se.line, errors.New(se.msg)
			}
			s.problem(func(d *diag.List) {
				d.Errorf(name, line, "fix the syntax, or delete your copy to use the built-in one", "cannot read the file: %v", err)
			})
			return ""
		}
		p := "assets/" + assets.Fingerprint(path.Base(name), b)
		s.File(p, b)
		return s.base + p
	}
	a.CSS = put("assets/css/site.css")
	a.Charts = put("assets/js/charts.js")
	a.Search = put("assets/js/search.js")
	if live {
		a.Live = put("assets/js/live.js")
	}
	f, err := assets.ECharts()
	if err != nil {
		s.problem(func(d *diag.List) { d.Warnf("planpress", 0, "", "charts are left out of this build: %v", err) })
		return a
	}
	p := "assets/" + f.Name
	s.File(p, f.Data)
	a.ECharts = s.base + p
	return a
}
