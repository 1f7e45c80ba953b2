package compute

import (
	"testing"
	"time"

	"github.com/planpress/planpress/internal/model"
)

func month(t *testing.T, s string) model.Month {
	t.Helper()
	m, err := model.ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func value(m model.Month, v float64) model.Figure {
	return model.Figure{Month: m, HasValue: true, Value: v}
}

// edition makes an edition that publishes one KPI's figures.
func edition(id string, asAt model.Month, kpi *model.KPI, figs ...model.Figure) *model.Edition {
	return &model.Edition{ID: id, AsAt: asAt, Series: map[string]*model.Series{kpi.ID: {KPI: kpi, Figures: figs}}}
}

func TestHistoryTakesNewestFigureAndMarksRevisions(t *testing.T) {
	site := &model.Site{FinancialYearStart: time.April, Band: rel15}
	kpi := &model.KPI{ID: "re-referrals", Unit: model.UnitPercent, Decimals: 1, Polarity: model.PolarityLower,
		Targets: map[model.FinancialYear]float64{2018: 25, 2019: 25}}
	mar18, mar19, jun19 := month(t, "2018-03"), month(t, "2019-03"), month(t, "2019-06")
	may := edition("2019-05", mar19, kpi, value(mar18, 30), value(mar19-1, 32.6), value(mar19, 32.4))
	aug := edition("2019-08", jun19, kpi, value(mar19-1, 32.6), value(mar19, 31.8), value(jun19, 27.6))
	nov := edition("2019-11", jun19+3, kpi, value(mar19, 31.8), value(jun19, 27.6))
	nov.Series[kpi.ID].Target = ptr(23.0)

	h := History(site, kpi, []*model.Edition{may, aug, nov})
	mar := h.Point(mar19)
	if mar == nil || mar.Latest.Edition != nov || mar.Latest.Point.Value != 31.8 {
		t.Fatalf("March 2019 should show the newest figure, 31.8 from 2019-11: %+v", mar)
	}
	if !mar.Revised() || mar.First.Edition != may || mar.First.Point.Value != 32.4 {
		t.Errorf("March 2019 should be revised from 32.4 first published in 2019-05: %+v", mar)
	}
	if len(mar.Revisions) != 1 || mar.Revisions[0].Edition != aug || mar.Revisions[0].Previous != may {
		t.Errorf("the revision was made by 2019-08 (2019-11 repeats it): %+v", mar.Revisions)
	}
	if feb := h.Point(mar19 - 1); feb.Revised() {
		t.Errorf("February was published the same twice: not revised")
	}
	if mar.Travel.Verdict != Improving {
		t.Errorf("31.8 after 32.6 where lower is better is Improving, got %v", mar.Travel.Verdict)
	}
	if mar.YearOnYear.Verdict != Worsening {
		t.Errorf("31.8 against 30.0 a year before is Worsening, got %v", mar.YearOnYear.Verdict)
	}
	if h.RevisedCount() != 1 {
		t.Errorf("RevisedCount = %d, want 1", h.RevisedCount())
	}
	if got := h.Latest(); got == nil || got.Month != jun19 {
		t.Errorf("latest month should be June 2019: %+v", got)
	}
	// June 2019 is rated by 2019-11, against the target it published (23).
	if jun := h.Point(jun19); jun.Latest.Point.RAG != model.RAGRed || *jun.Latest.Point.Target != 23 {
		t.Errorf("June 2019: 27.6 against 23 is Red: %+v", jun.Latest.Point)
	}

	if len(h.Targets) != 2 {
		t.Fatalf("targets for 2018/19 and 2019/20, got %+v", h.Targets)
	}
	fy19 := h.Targets[1]
	if cur, _ := fy19.Current(); fy19.Year != 2019 || cur == nil || *cur != 23 {
		t.Errorf("2019/20's target is 23 as 2019-11 published it: %+v", fy19)
	}
	if len(fy19.Changes) != 1 || fy19.Changes[0].Edition != nov || *fy19.Changes[0].From.Target != 25 {
		t.Errorf("2019-11 changed the 2019/20 target from 25: %+v", fy19.Changes)
	}
}

func ptr(v float64) *float64 { return &v }

func TestSameFigure(t *testing.T) {
	m := month(t, "2019-03")
	cases := []struct {
		a, b model.Figure
		same bool
	}{
		{value(m, 32.4), value(m, 32.4), true},
		{value(m, 32.41), value(m, 32.44), true}, // equal at one decimal
		{value(m, 32.4), value(m, 31.8), false},
		{model.Figure{HasValue: true, Value: 22.7, HasRatio: true, Numerator: 64, Denominator: 282}, value(m, 22.7), false},
		{model.Figure{Direction: model.DirUp}, model.Figure{Direction: model.DirDown}, false},
	}
	for i, c := range cases {
		if got := SameFigure(c.a, c.b, 1); got != c.same {
			t.Errorf("case %d: SameFigure = %v, want %v", i, got, c.same)
		}
	}
}

func TestMilestoneHistories(t *testing.T) {
	ms := func(pairs ...string) []*model.Milestone {
		var out []*model.Milestone
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, &model.Milestone{Ref: pairs[i], Text: "Milestone " + pairs[i], Status: pairs[i+1]})
		}
		return out
	}
	e1 := &model.Edition{ID: "a", Priorities: []*model.Priority{{Number: 1, Milestones: ms("1.10", "ON TRACK", "1.2", "ON TRACK")}}}
	e2 := &model.Edition{ID: "b", Priorities: []*model.Priority{{Number: 1, Milestones: ms("1.10", "COMPLETE", "1.2", "ON TRACK", "1.3", "NOT YET DUE")}}}
	e3 := &model.Edition{ID: "c", Priorities: []*model.Priority{{Number: 1, Milestones: ms("1.2", "ON TRACK", "1.3", "ON TRACK")}}}
	hs := MilestoneHistories([]*model.Edition{e1, e2, e3})
	if len(hs) != 3 || hs[0].Ref != "1.2" || hs[1].Ref != "1.3" || hs[2].Ref != "1.10" {
		t.Fatalf("refs should sort as numbers (1.2, 1.3, 1.10): %+v", hs)
	}
	states := func(h MilestoneHistory) []MilestoneState {
		var out []MilestoneState
		for _, e := range h.Entries {
			out = append(out, e.State)
		}
		return out
	}
	want := map[string][]MilestoneState{
		"1.2":  {MilestoneFirst, MilestoneSame, MilestoneSame},
		"1.3":  {MilestoneAbsent, MilestoneNew, MilestoneChanged},
		"1.10": {MilestoneFirst, MilestoneChanged, MilestoneClosed},
	}
	for _, h := range hs {
		got := states(h)
		for i := range got {
			if got[i] != want[h.Ref][i] {
				t.Errorf("%s: states %v, want %v", h.Ref, got, want[h.Ref])
				break
			}
		}
	}
	if hs[2].Entries[1].Previous != "ON TRACK" || hs[2].Changes() != 1 {
		t.Errorf("1.10 changed from ON TRACK once: %+v", hs[2].Entries)
	}
}

func TestChangesBetweenEditions(t *testing.T) {
	site := &model.Site{FinancialYearStart: time.April, Band: rel15}
	kpi := &model.KPI{ID: "icpc", Unit: model.UnitPercent, Decimals: 1, Polarity: model.PolarityHigher,
		Targets: map[model.FinancialYear]float64{2018: 75, 2019: 80}}
	site.KPIs = []*model.KPI{kpi}
	mar19, jun19 := month(t, "2019-03"), month(t, "2019-06")
	prev := edition("2019-05", mar19, kpi, value(mar19-1, 76.1), value(mar19, 77.0))
	prev.Priorities = []*model.Priority{{Number: 1, Milestones: []*model.Milestone{{Ref: "1.1", Status: "ON TRACK"}, {Ref: "1.2", Status: "ON TRACK"}}}}
	cur := edition("2019-08", jun19, kpi, value(mar19, 77.5), value(jun19, 67.5))
	cur.Priorities = []*model.Priority{{Number: 1, Milestones: []*model.Milestone{{Ref: "1.1", Status: "COMPLETE"}, {Ref: "1.3", Status: "NOT YET DUE"}}}}

	c := Changes(site, prev, cur)
	if len(c.StatusChanges) != 1 || c.StatusChanges[0].Milestone.Ref != "1.1" || c.StatusChanges[0].From != "ON TRACK" {
		t.Errorf("status changes: %+v", c.StatusChanges)
	}
	if len(c.New) != 1 || c.New[0].Milestone.Ref != "1.3" || len(c.Closed) != 1 || c.Closed[0].Milestone.Ref != "1.2" {
		t.Errorf("new %+v, closed %+v", c.New, c.Closed)
	}
	if len(c.RAGChanges) != 1 || c.RAGChanges[0].From.RAG != model.RAGGreen || c.RAGChanges[0].To.RAG != model.RAGRed {
		t.Errorf("77.0 v 75 is Green; 67.5 v 80 is Red: %+v", c.RAGChanges)
	}
	if len(c.TargetChanges) != 1 || c.TargetChanges[0].FromYear != 2018 || c.TargetChanges[0].ToYear != 2019 {
		t.Errorf("a new year with a new target: %+v", c.TargetChanges)
	}
	if len(c.FigureRevisions) != 1 || c.FigureRevisions[0].Month != mar19 || c.FigureRevisions[0].To.Value != 77.5 {
		t.Errorf("March 2019 revised from 77.0 to 77.5: %+v", c.FigureRevisions)
	}
	if c.Empty() {
		t.Error("changes are not empty")
	}
	if same := Changes(site, prev, prev); !same.Empty() {
		t.Errorf("an edition compared with itself has no changes: %+v", same)
	}
}

func TestPreviousEditionSkipsDrafts(t *testing.T) {
	a, b, c := &model.Edition{ID: "a"}, &model.Edition{ID: "b", Draft: true}, &model.Edition{ID: "c"}
	eds := []*model.Edition{a, b, c}
	if got := PreviousEdition(eds, c); got != a {
		t.Errorf("previous of c = %v, want a (b is a draft)", got)
	}
	if got := PreviousEdition(eds, b); got != a {
		t.Errorf("previous of the draft b = %v, want a", got)
	}
	if got := PreviousEdition(eds, a); got != nil {
		t.Errorf("the first edition has no previous: %v", got)
	}
}

func TestCompareRefs(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"1.2", "1.10", -1}, {"2.1", "1.9", 1}, {"1.1", "1.1", 0}, {"1.1a", "1.1b", -1}, {"1.1", "1.1.1", -1},
	}
	for _, c := range cases {
		got := CompareRefs(c.a, c.b)
		if (got < 0) != (c.want < 0) || (got > 0) != (c.want > 0) {
			t.Errorf("CompareRefs(%q, %q) = %d, want sign of %d", c.a, c.b, got, c.want)
		}
	}
}
