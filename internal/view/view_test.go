package view

import (
	"html/template"
	"os"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/theme"
)

// The view stage is tested without templates: partials records what the
// narrative asks the render stage for and answers with a marker.

type call struct {
	name string
	data any
}

type partials struct{ calls []call }

func (p *partials) Partial(name string, data any) (template.HTML, error) {
	p.calls = append(p.calls, call{name, data})
	return template.HTML("<!--" + name + "-->"), nil
}

// viewOf loads a site folder and makes its views.
func viewOf(t *testing.T, dir string, drafts bool) (*Site, *partials) {
	t.Helper()
	site, diags := load.Site(os.DirFS(dir), load.Options{Drafts: drafts})
	if diags.HasErrors() {
		t.Fatalf("%s does not load: %v", dir, diags.Err())
	}
	words, d := i18n.Load(theme.Files{}, site.Language)
	if d.HasErrors() {
		t.Fatal(d.Err())
	}
	p := &partials{}
	return NewSite(site, words, Assets{}, p, &diag.List{}), p
}

func edition(t *testing.T, v *Site, id string) *model.Edition {
	t.Helper()
	for _, e := range v.Model.Editions {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no edition %s", id)
	return nil
}

// TestEditionOfTheExample checks the seed's figures as the overview and the
// priority pages carry them: 22 milestones, 15 on track (68.2%), and the
// re-referrals row of priority 2's table at March 2019, Red.
func TestEditionOfTheExample(t *testing.T) {
	v, p := viewOf(t, "../..", false)
	e := edition(t, v, "2019-05")
	f := &Findings{}
	pages := v.Edition(compute.Edition(v.Model, e), f)
	if f.Diags.HasErrors() {
		t.Fatal(f.Diags.Err())
	}
	byFile := map[string]*Page{}
	for _, pg := range pages.Pages {
		byFile[pg.File] = pg
	}
	for _, file := range []string{"editions/2019-05/index.html", "index.html", "editions/2019-05/priority-2/index.html", "editions/2019-05/print/index.html"} {
		if byFile[file] == nil {
			t.Fatalf("no page %s among %d", file, len(pages.Pages))
		}
	}
	ev := byFile["editions/2019-05/index.html"].Edition
	if ev.Milestones.Total != 22 || ev.Milestones.OnTrack != 15 || ev.Milestones.OnTrackPercent != "68.2%" {
		t.Errorf("milestones %d, on track %d (%s); the seed has 22, 15 (68.2%%)", ev.Milestones.Total, ev.Milestones.OnTrack, ev.Milestones.OnTrackPercent)
	}
	if ev.Changes != nil {
		t.Errorf("the only edition compares itself with nothing, got %+v", ev.Changes)
	}
	if byFile["index.html"].Canonical != "https://reports.example.org/editions/2019-05/" {
		t.Errorf("the home page's canonical address is %q", byFile["index.html"].Canonical)
	}
	if n := byFile["editions/2019-05/index.html"].Notice; n != nil {
		t.Errorf("the latest edition has a notice: %+v", n)
	}
	// Priority 2's narrative places the table of re-referrals.
	var table *KPITableView
	for _, c := range p.calls {
		if kt, ok := c.data.(*KPITableView); ok && c.name == "kpi-table" {
			for _, r := range kt.Rows {
				if r.ID == "re-referrals" {
					table = kt
				}
			}
		}
	}
	if table == nil {
		t.Fatal("no KPI table of re-referrals was asked of the render stage")
	}
	var row KPIRowView
	for _, r := range table.Rows {
		if r.ID == "re-referrals" {
			row = r
		}
	}
	last := row.Cells[len(row.Cells)-1]
	if last.Value != "32.4%" || last.RAG != "red" || row.Target != "25%" {
		t.Errorf("re-referrals at March 2019: %+v, target %q; the seed has 32.4%%, Red against 25%%", last, row.Target)
	}
	if len(table.Months) != 12 || table.Months[11].Long != "March 2019" {
		t.Errorf("months %+v, want April 2018 to March 2019", table.Months)
	}
}

// TestArchiveNotices: an edition's pages older than the latest say it is
// archived, a draft's say it is a draft, and only the latest writes the home
// page.
func TestArchiveNotices(t *testing.T) {
	v, _ := viewOf(t, "../../examples/archive", true)
	for _, c := range []struct {
		id, notice string
		home       bool
	}{{"2019-05", "newer", false}, {"2019-11", "newer", false}, {"2020-02", "draft", true}} {
		pages := v.Edition(compute.Edition(v.Model, edition(t, v, c.id)), &Findings{})
		home := false
		for _, pg := range pages.Pages {
			if pg.File == "index.html" {
				home = true
				continue
			}
			if pg.Notice == nil || pg.Notice.Kind != c.notice {
				t.Errorf("%s %s: notice %+v, want %s", c.id, pg.File, pg.Notice, c.notice)
			}
		}
		if home != c.home {
			t.Errorf("%s writes the home page: %v, want %v", c.id, home, c.home)
		}
	}
}

// TestKPIPageMarksRevisions: the archive revises a figure in a later
// edition; the KPI page shows the newest figure and where it was first
// published.
func TestKPIPageMarksRevisions(t *testing.T) {
	v, _ := viewOf(t, "../../examples/archive", false)
	revised := 0
	for _, k := range v.Model.KPIs {
		h := compute.History(v.Model, k, v.Model.Editions)
		pages := v.KPI(&h, &Findings{})
		kp := pages.Page.Extra.(*KPIPageView)
		for _, y := range kp.Years {
			for _, r := range y.Rows {
				if r.Revised {
					revised++
					if r.First == "" || r.FirstIn.Href == "" || r.RevisedIn.Href == "" || r.FirstIn.Href == r.RevisedIn.Href {
						t.Errorf("%s %s is revised but says not where: %+v", k.ID, r.Month, r)
					}
				}
			}
		}
		if pages.Summary.Revised != kp.Revised {
			t.Errorf("%s: the list of KPIs counts %d revised months, its page %d", k.ID, pages.Summary.Revised, kp.Revised)
		}
	}
	if revised == 0 {
		t.Error("the archive revises figures, but no KPI page marks one")
	}
}

// TestTravelWords: each verdict has its words, and a direction its arrow.
func TestTravelWords(t *testing.T) {
	v, _ := viewOf(t, "../..", false)
	for d, want := range map[model.Direction]string{model.DirUp: "▲", model.DirDown: "▼", model.DirSame: "▶", model.DirNone: ""} {
		if got := arrow(d); got != want {
			t.Errorf("arrow(%v) = %q, want %q", d, got, want)
		}
	}
	seen := map[string]bool{}
	for _, verdict := range []compute.Verdict{compute.Improving, compute.Worsening, compute.Increasing, compute.Decreasing, compute.NoChange} {
		w := v.travelWord(compute.Travel{Direction: model.DirUp, Verdict: verdict})
		if w == "" || seen[w] || strings.Contains(w, "{") {
			t.Errorf("verdict %v has the words %q", verdict, w)
		}
		seen[w] = true
	}
}
