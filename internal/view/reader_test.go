package view

import (
	"fmt"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/compute"
)

// editionPages builds an edition's pages and the KPI tables its narrative
// asked the render stage for.
func editionPages(t *testing.T, dir, id string, drafts bool) (*Site, map[string]*Page, []*KPITableView) {
	t.Helper()
	v, p := viewOf(t, dir, drafts)
	f := &Findings{}
	pages := v.Edition(compute.Edition(v.Model, edition(t, v, id)), f)
	if f.Diags.HasErrors() {
		t.Fatal(f.Diags.Err())
	}
	byFile := map[string]*Page{}
	for _, pg := range pages.Pages {
		byFile[pg.File] = pg
	}
	var tables []*KPITableView
	for _, c := range p.calls {
		if kt, ok := c.data.(*KPITableView); ok {
			tables = append(tables, kt)
		}
	}
	for _, pg := range byFile {
		if pg.Priority != nil && pg.Priority.Unplaced != nil {
			tables = append(tables, pg.Priority.Unplaced)
		}
	}
	return v, byFile, tables
}

func tableOf(t *testing.T, tables []*KPITableView, kpi string) (*KPITableView, KPIRowView) {
	t.Helper()
	for _, kt := range tables {
		for _, r := range kt.Rows {
			if r.ID == kpi {
				return kt, r
			}
		}
	}
	t.Fatalf("no KPI table has %s", kpi)
	return nil, KPIRowView{}
}

// TestGlance: the example's overview and home page open with its headline:
// 15 of 22 milestones on track, re-referrals Red and named, two Amber.
func TestGlance(t *testing.T) {
	_, pages, _ := editionPages(t, "../..", "2019-05", false)
	for _, file := range []string{"editions/2019-05/index.html", "index.html"} {
		g := pages[file].Edition.Glance
		if g == nil {
			t.Fatalf("%s has no headline", file)
		}
		if g.Sentence != "15 of 22 milestones on track (68.2%)" || g.Share != 68.2 {
			t.Errorf("%s: %q (%v)", file, g.Sentence, g.Share)
		}
		if len(g.Red) != 1 || g.Red[0].Title != "Referrals within 12 months of a previous referral (year to date)" || g.Red[0].Href != "/kpis/re-referrals/" ||
			g.Red[0].Words != "32.4% in March 2019, against a target of 25%" {
			t.Errorf("%s: Red %+v", file, g.Red)
		}
		if len(g.Amber) != 2 || !g.First || g.Changes != "" {
			t.Errorf("%s: Amber %+v, first %v, changes %q", file, g.Amber, g.First, g.Changes)
		}
		if g.Ratings != "13 indicators: 1 Red, 2 Amber, 4 Green and 6 not rated." {
			t.Errorf("%s: %q", file, g.Ratings)
		}
	}
	if pages["editions/2019-05/print/index.html"].Edition.Glance != nil {
		t.Error("the print edition opens with the whole report, not a headline")
	}
	_, arch, _ := editionPages(t, "../../examples/archive", "2019-11", false)
	g := arch["editions/2019-11/index.html"].Edition.Glance
	if !strings.HasPrefix(g.Changes, "Since the August 2019 report, 3 milestones changed status") || g.First {
		t.Errorf("November 2019 says what changed as %q", g.Changes)
	}
}

// TestKPITableNotes: the notes below a KPI table are numbered in one series,
// each naming the indicator it is about, and each row or cell refers to its
// own: the three proxy measures of priority 1, the counts notes of priority 3.
func TestKPITableNotes(t *testing.T) {
	_, _, tables := editionPages(t, "../..", "2019-05", false)
	kt, _ := tableOf(t, tables, "strategy-to-s47")
	proxies := 0
	for _, r := range kt.Rows {
		if !r.Proxy {
			continue
		}
		proxies++
		if r.ProxyNote == nil || r.ProxyNote.Number != proxies || r.ProxyNote.Href != fmt.Sprintf("#%s-note-%d", kt.ID, proxies) {
			t.Errorf("%s: proxy note %+v, want number %d", r.ID, r.ProxyNote, proxies)
			continue
		}
		note := kt.Notes[r.ProxyNote.Number-1]
		if note.Number != proxies || note.ID != strings.TrimPrefix(r.ProxyNote.Href, "#") {
			t.Errorf("%s: note %+v does not match %+v", r.ID, note, r.ProxyNote)
		}
	}
	if proxies != 3 || len(kt.Notes) != 3 {
		t.Errorf("priority 1 has %d proxy rows and %d notes, want 3 of each", proxies, len(kt.Notes))
	}

	kt, row := tableOf(t, tables, "short-term-stability")
	c := row.Counts
	if c == nil || c.BaselineNote == nil || c.BaselineNote.Number != 1 {
		t.Fatalf("the short-term stability baseline's counts note: %+v", c)
	}
	oct := c.Cells[6] // October 2018: 12.7% printed beside 54/427
	if oct.Text != "54/427" || oct.Note == nil || oct.Note.Number != 2 || oct.Mismatch != "" {
		t.Errorf("October 2018's counts: %+v; want the counts with note 2 and no warning", oct)
	}
	if !strings.HasPrefix(kt.Notes[1].Text, "Short-term placement instability: The report printed 12.7%") {
		t.Errorf("note 2 reads %q", kt.Notes[1].Text)
	}
}

// TestKPITableLatest: a KPI's latest figure, target and rating come first.
func TestKPITableLatest(t *testing.T) {
	_, _, tables := editionPages(t, "../..", "2019-05", false)
	kt, row := tableOf(t, tables, "re-referrals")
	if row.Latest.Value != "32.4%" || row.Latest.RAGWord != "Red" || row.Latest.Month != "" || row.Target != "25%" {
		t.Errorf("re-referrals' latest: %+v, target %q", row.Latest, row.Target)
	}
	if kt.Latest.Short != "Mar-19" || kt.Key != "#colour-key" {
		t.Errorf("the table's latest month %+v, colour key %q", kt.Latest, kt.Key)
	}
	_, row = tableOf(t, tables, "s47-rate")
	if row.Latest.Value != "" || row.Latest.Travel != "Increasing" || row.Latest.TravelCode != "up" {
		t.Errorf("s47-rate, published as directions, has the latest %+v", row.Latest)
	}
}

// TestColourKeyFromTheRulesInForce: the colour key's example is worked from
// the site's band and a KPI it applies to, and a KPI with a band of its own
// is named with its band, in the key and in its table row.
func TestColourKeyFromTheRulesInForce(t *testing.T) {
	_, pages, _ := editionPages(t, "../..", "2019-05", false)
	key := pages["editions/2019-05/index.html"].Edition.ColourKey
	if !strings.Contains(key.Amber, "15% of the target (for a target of 75% where higher is better, down to 63.75%)") || len(key.OwnBands) != 0 {
		t.Errorf("the example's key: %q %q", key.Amber, key.OwnBands)
	}
	_, pages, tables := editionPages(t, "../../examples/archive", "2019-11", false)
	key = pages["editions/2019-11/index.html"].Edition.ColourKey
	if len(key.OwnBands) != 1 || !strings.Contains(key.OwnBands[0], "Second or later CP plans has an amber band of its own") || !strings.Contains(key.OwnBands[0], "1.5 percentage points") {
		t.Errorf("the archive's key names its own bands as %q", key.OwnBands)
	}
	if _, row := tableOf(t, tables, "multiple-cp-plans"); row.Band != "Amber band: 1.5 percentage points" {
		t.Errorf("the multiple CP plans row says %q of its band", row.Band)
	}
}

// TestDirectionOnlyKPIs: a KPI published as directions only has no page,
// and nothing links to one, unless its definition asks for a page.
func TestDirectionOnlyKPIs(t *testing.T) {
	v, _, tables := editionPages(t, "../..", "2019-05", false)
	for id, want := range map[string]bool{"unlabelled-direction-row": false, "s47-rate": true, "re-referrals": true} {
		k := v.Model.KPI(id)
		h := compute.History(v.Model, k, v.Model.Editions)
		pages := v.KPI(&h, &Findings{})
		if got := pages.Page != nil; got != want {
			t.Errorf("%s has a page: %v, want %v", id, got, want)
		}
		if got := pages.Summary.Href != ""; got != want {
			t.Errorf("%s's row in the list of KPIs links to a page: %v, want %v", id, got, want)
		}
		if _, row := tableOf(t, tables, id); (row.Href != "") != want {
			t.Errorf("%s's table row links to %q", id, row.Href)
		}
	}
}

// TestDraftHomePage: a draft shown as the latest report says so on the home
// page too.
func TestDraftHomePage(t *testing.T) {
	_, pages, _ := editionPages(t, "../../examples/archive", "2020-02", true)
	if n := pages["index.html"].Notice; n == nil || n.Kind != "draft" {
		t.Errorf("the home page of a draft has the notice %+v", n)
	}
	_, pages, _ = editionPages(t, "../..", "2019-05", false)
	if n := pages["index.html"].Notice; n != nil {
		t.Errorf("the home page of a published report has the notice %+v", n)
	}
}

// TestPriorityPagination: each priority's page links to the one before and
// the one after.
func TestPriorityPagination(t *testing.T) {
	_, pages, _ := editionPages(t, "../..", "2019-05", false)
	first := pages["editions/2019-05/priority-1/index.html"].Priority
	mid := pages["editions/2019-05/priority-3/index.html"].Priority
	last := pages["editions/2019-05/priority-6/index.html"].Priority
	if first.Previous != nil || first.Next == nil || first.Next.Href != "/editions/2019-05/priority-2/" {
		t.Errorf("priority 1: previous %+v, next %+v", first.Previous, first.Next)
	}
	if mid.Previous == nil || mid.Previous.Text != "ILACS priority action 2: Written plans" || mid.Next == nil {
		t.Errorf("priority 3: previous %+v, next %+v", mid.Previous, mid.Next)
	}
	if last.Next != nil || last.Previous == nil {
		t.Errorf("priority 6: previous %+v, next %+v", last.Previous, last.Next)
	}
}
