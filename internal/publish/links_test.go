package publish

import (
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/view"
	"github.com/planpress/planpress/internal/write"
)

// TestCheckLinks resolves narrative links as a browser would from the page
// they are on, under the site's base path, against the files written.
func TestCheckLinks(t *testing.T) {
	for _, c := range []struct {
		base, page, dest string
		broken           bool
	}{
		{"/", "/editions/2019-05/", "priority-1/", false},
		{"/", "/editions/2019-05/", "../", false},
		{"/", "/editions/2019-05/", "/kpis/", false},
		{"/", "/editions/2019-05/", "/kpis/no-such-kpi/", true},
		{"/", "/editions/2019-05/", "priority-9/", true},
		{"/", "/editions/2019-05/", "#m-1.1", false},
		{"/", "/editions/2019-05/", "data.csv", false},
		{"/", "/about/", "/editions/2019-05", false}, // a folder without its slash
		{"/reports/", "/editions/2019-05/", "/reports/kpis/", false},
		{"/reports/", "/editions/2019-05/", "priority-1/", false},
		// A root link that leaves out the base path leads off the site
		// once it is published below /reports/.
		{"/reports/", "/editions/2019-05/", "/kpis/", true},
		{"/", "/editions/2019-05/", "javascript:alert(1)", true},
	} {
		s := New(&write.Discard{}, c.base)
		for _, f := range []string{"index.html", "kpis/index.html", "editions/index.html", "editions/2019-05/index.html", "editions/2019-05/priority-1/index.html", "editions/2019-05/data.csv", "about/index.html"} {
			s.File(f, nil)
		}
		var d diag.List
		s.CheckLinks([]view.PageLink{{LinkRef: markdown.LinkRef{Dest: c.dest, File: "content/x.md", Line: 3}, Page: c.page}}, &d)
		if got := d.HasErrors(); got != c.broken {
			var b strings.Builder
			d.WriteText(&b)
			t.Errorf("base %s, on %s, link %q: broken = %v, want %v\n%s", c.base, c.page, c.dest, got, c.broken, b.String())
		}
		if c.broken {
			if it := d.Items(); len(it) != 1 || it[0].File != "content/x.md" || it[0].Line != 3 {
				t.Errorf("link %q: the problem is not at the Markdown's line: %+v", c.dest, it)
			}
		}
	}
}
