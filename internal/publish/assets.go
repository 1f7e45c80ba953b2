package publish

import (
	"errors"
	"path"
	"strings"

	"github.com/planpress/planpress/internal/assets"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/theme"
	"github.com/planpress/planpress/internal/view"
)

// Assets writes the site's stylesheet and scripts, each the site's own file
// under assets/ or the built-in one, minified, and the chart library, under
// names fingerprinted by their content (so a browser may cache them for
// good), and returns their addresses. live adds the live-reload script of
// planpress serve.
//
// A binary built without the chart library publishes no chart library and
// says nothing here: the pages then show their tables without charts. That
// is not a problem of the site's files, which is all that diagnostics
// report; the command line decides whether to build at all (planpress build
// refuses without -allow-no-charts) and says so.
func (s *Site) Assets(files theme.Files, live bool, brand model.Brand) view.Assets {
	var a view.Assets
	put := func(name string) string {
		b, _, err := files.Read(name)
		if err != nil {
			s.problem(func(d *diag.List) {
				d.Errorf(name, 0, "restore the file, or delete your copy to use the built-in one", "cannot read asset: %v", err)
			})
			return ""
		}
		if name == "assets/css/site.css" {
			b = append(b, brandCSS(brand)...)
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
		return a // ErrNoBundle: an embedded file cannot fail otherwise
	}
	p := "assets/" + f.Name
	s.File(p, f.Data)
	a.ECharts = s.base + p
	return a
}

// brandCSS sets the header's colours of [brand] in planpress.toml, after
// the stylesheet: the page's policy allows no style of its own.
func brandCSS(b model.Brand) string {
	var vars []string
	if b.HeaderColour != "" {
		vars = append(vars, "--brand:"+b.HeaderColour)
	}
	if b.HeaderText != "" {
		vars = append(vars, "--brand-text:"+b.HeaderText)
	}
	if len(vars) == 0 {
		return ""
	}
	return "\n:root{" + strings.Join(vars, ";") + "}\n"
}
