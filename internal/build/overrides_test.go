package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLayoutOverridesReachEveryPart gives the example site its own copy of
// the layouts that hold what planpress once wrote in Go (a KPI page's month
// rows, a KPI table's cells, a chart's figure) and expects each to change
// what the pages show: a site's own layout reaches every part of a page.
func TestLayoutOverridesReachEveryPart(t *testing.T) {
	for _, c := range []struct {
		name, file, layout string
		page, want, gone   string
	}{
		{
			name: "KPI page rows", file: "layouts/kpi.html",
			layout: `{{define "main"}}{{with .Extra}}{{range .Years}}{{range .Rows}}<p class="own-row">{{.Month}} is {{.Value}}</p>{{end}}{{end}}{{end}}{{end}}`,
			page:   "kpis/re-referrals/index.html", want: `<p class="own-row">2019-03 is 32.4%</p>`, gone: `<tr id="month-2019-03"`,
		},
		{
			name: "KPI table cells", file: "layouts/partials/kpi-table.html",
			layout: `<div class="own-table">{{range .Rows}}{{$id := .ID}}{{range .Cells}}<span>{{$id}}: {{.Value}}</span>{{end}}{{end}}</div>`,
			page:   "editions/2019-05/priority-2/index.html", want: `<span>re-referrals: 32.4%</span>`, gone: `<table class="kpis"`,
		},
		{
			name: "chart figure", file: "layouts/partials/chart.html",
			layout: `<figure class="own-chart" id="own-{{.ID}}"><figcaption>{{.Caption}}</figcaption></figure>`,
			page:   "kpis/re-referrals/index.html", want: `<figure class="own-chart" id="own-kpi-re-referrals">`, gone: `class="chart__canvas"`,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := copySite(t)
			p := filepath.Join(src, filepath.FromSlash(c.file))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(c.layout), 0o644); err != nil {
				t.Fatal(err)
			}
			files := renderSite(t, Options{Source: src})
			page := string(files[c.page])
			if page == "" {
				t.Fatalf("no %s", c.page)
			}
			if !strings.Contains(page, c.want) {
				t.Errorf("%s does not show the site's own %s: no %q", c.page, c.file, c.want)
			}
			if strings.Contains(page, c.gone) {
				t.Errorf("%s still shows the built-in %s's %q", c.page, c.file, c.gone)
			}
		})
	}
}
