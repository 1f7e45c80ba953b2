package compute

import (
	"testing"
	"time"

	"github.com/planpress/planpress/internal/model"
)

var rel15 = model.Band{Width: 15, Mode: model.BandRelative}

func TestEvaluateBoundaries(t *testing.T) {
	lower, higher := model.PolarityLower, model.PolarityHigher
	pts := model.Band{Width: 2, Mode: model.BandPoints}
	cases := []struct {
		name   string
		value  float64
		target float64
		pol    model.Polarity
		band   model.Band
		want   model.RAG
	}{
		{"lower: exactly on target is green", 12, 12, lower, rel15, model.RAGGreen},
		{"lower: below target is green", 11.9, 12, lower, rel15, model.RAGGreen},
		{"lower: just over target is amber", 12.1, 12, lower, rel15, model.RAGAmber},
		{"lower: exactly 15% over is amber", 13.8, 12, lower, rel15, model.RAGAmber},
		{"lower: just past 15% is red", 13.9, 12, lower, rel15, model.RAGRed},
		{"lower: 25% target, 28.75 is amber", 28.75, 25, lower, rel15, model.RAGAmber},
		{"lower: 25% target, 28.8 is red", 28.8, 25, lower, rel15, model.RAGRed},
		{"seed: re-referrals 32.4 v 25 is red", 32.4, 25, lower, rel15, model.RAGRed},
		{"higher: exactly on target is green", 70, 70, higher, rel15, model.RAGGreen},
		{"seed: long-term stability 66.1 v 70 is amber", 66.1, 70, higher, rel15, model.RAGAmber},
		{"higher: exactly 15% under is amber", 59.5, 70, higher, rel15, model.RAGAmber},
		{"higher: just past 15% under is red", 59.4, 70, higher, rel15, model.RAGRed},
		{"seed: accommodation 94.3 v 90 is green", 94.3, 90, higher, rel15, model.RAGGreen},
		{"points: 2 points over is amber", 27, 25, lower, pts, model.RAGAmber},
		{"points: 2.1 points over is red", 27.1, 25, lower, pts, model.RAGRed},
		{"points: higher, 2 points under is amber", 63, 65, higher, pts, model.RAGAmber},
		{"no polarity: no rating", 50, 40, model.PolarityNone, rel15, model.RAGNone},
		{"zero band: any miss is red", 12.1, 12, lower, model.Band{}, model.RAGRed},
		{"zero target, lower: zero is green", 0, 0, lower, rel15, model.RAGGreen},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Evaluate(c.value, c.target, c.pol, c.band); got != c.want {
				t.Errorf("Evaluate(%v, %v) = %s, want %s", c.value, c.target, got.Word(), c.want.Word())
			}
		})
	}
}

func TestAmberLimit(t *testing.T) {
	if got := AmberLimit(12, model.PolarityLower, rel15); Round(got, 6) != 13.8 {
		t.Errorf("lower limit = %v, want 13.8", got)
	}
	if got := AmberLimit(70, model.PolarityHigher, rel15); Round(got, 6) != 59.5 {
		t.Errorf("higher limit = %v, want 59.5", got)
	}
}

func TestDescribe(t *testing.T) {
	cases := []struct {
		d       model.Direction
		pol     model.Polarity
		verdict Verdict
		rag     model.RAG
	}{
		{model.DirDown, model.PolarityLower, Improving, model.RAGGreen},
		{model.DirUp, model.PolarityLower, Worsening, model.RAGAmber},
		{model.DirUp, model.PolarityHigher, Improving, model.RAGGreen},
		{model.DirDown, model.PolarityHigher, Worsening, model.RAGAmber},
		{model.DirSame, model.PolarityHigher, NoChange, model.RAGNone},
		{model.DirUp, model.PolarityNone, Increasing, model.RAGNone},
		{model.DirDown, model.PolarityNone, Decreasing, model.RAGNone},
		{model.DirNone, model.PolarityLower, NotKnown, model.RAGNone},
	}
	for _, c := range cases {
		got := Describe(c.d, c.pol)
		if got.Verdict != c.verdict || got.Direction != c.d || got.RAG != c.rag {
			t.Errorf("Describe(%v, %v) = %+v, want %v %s", c.d, c.pol, got, c.verdict, c.rag)
		}
	}
}

func TestMoveComparesAtPublishedPrecision(t *testing.T) {
	if Move(32.6, 32.4, 1) != model.DirDown || Move(32.4, 32.6, 1) != model.DirUp {
		t.Error("plain moves wrong")
	}
	if Move(32.41, 32.44, 1) != model.DirSame {
		t.Error("values equal at one decimal should be no change")
	}
}

func TestRoundAndRatio(t *testing.T) {
	cases := []struct {
		v    float64
		d    int
		want float64
	}{{12.65, 1, 12.7}, {12.646, 1, 12.6}, {22.695, 1, 22.7}, {-1.25, 1, -1.3}, {68.18, 1, 68.2}, {0.5, 0, 1}}
	for _, c := range cases {
		if got := Round(c.v, c.d); got != c.want {
			t.Errorf("Round(%v, %d) = %v, want %v", c.v, c.d, got, c.want)
		}
	}
	// The seed's own slips: 54/427 is 12.6%, published as 12.7%.
	if RatioAgrees(12.7, 54, 427, 1) {
		t.Error("12.7 v 54/427 should disagree")
	}
	if !RatioAgrees(22.7, 64, 282, 1) {
		t.Error("22.7 v 64/282 should agree")
	}
	if RatioAgrees(10, 1, 0, 1) {
		t.Error("zero denominator cannot agree")
	}
	if _, ok := Percent(1, 0); ok {
		t.Error("Percent with zero denominator must fail")
	}
}

func statuses() []model.Status {
	return []model.Status{
		{Name: "ON TRACK", OnTrack: true, RAG: model.RAGGreen},
		{Name: "SLIGHT SLIPPAGE", RAG: model.RAGAmber},
		{Name: "NOT YET DUE"},
	}
}

func TestSummariseSeedCounts(t *testing.T) {
	var ms []*model.Milestone
	add := func(status string, n int) {
		for range n {
			ms = append(ms, &model.Milestone{Status: status})
		}
	}
	add("ON TRACK", 15)
	add("SLIGHT SLIPPAGE", 6)
	add("NOT YET DUE", 1)
	s := Summarise(ms, statuses())
	if s.Total != 22 || s.OnTrack != 15 || s.OnTrackPercent != 68.2 {
		t.Errorf("got %d total, %d on track, %v%%; want 22, 15, 68.2%%", s.Total, s.OnTrack, s.OnTrackPercent)
	}
	if s.Count("SLIGHT SLIPPAGE") != 6 || s.Count("NOT YET DUE") != 1 || s.Count("OFF TRACK") != 0 {
		t.Errorf("by status wrong: %+v", s.ByStatus)
	}
	if s.ByStatus[2].Percent != 4.5 {
		t.Errorf("NOT YET DUE percent = %v, want 4.5", s.ByStatus[2].Percent)
	}
	empty := Summarise(nil, statuses())
	if empty.Total != 0 || empty.OnTrackPercent != 0 || len(empty.ByStatus) != 3 {
		t.Errorf("empty summary wrong: %+v", empty)
	}
}

func TestEvaluateSeries(t *testing.T) {
	site := &model.Site{FinancialYearStart: time.April, Band: rel15}
	kpi := &model.KPI{ID: "re-referrals", Unit: model.UnitPercent, Decimals: 1, Polarity: model.PolarityLower,
		Targets: map[model.FinancialYear]float64{2018: 25, 2019: 20}}
	mar19, _ := model.ParseMonth("2019-03")
	e := &model.Edition{AsAt: mar19}
	s := &model.Series{KPI: kpi, Figures: []model.Figure{
		{Month: mar19 - 2, HasValue: true, Value: 33.0},
		{Month: mar19 - 1, HasValue: true, Value: 32.6},
		{Month: mar19, HasValue: true, Value: 32.4},
		{Month: mar19 + 1, HasValue: true, Value: 21.0},
	}}
	r := EvaluateSeries(site, e, s)
	if r.Target == nil || *r.Target != 25 {
		t.Fatalf("edition target = %v, want 25", r.Target)
	}
	mar := r.Point(mar19)
	if mar.RAG != model.RAGRed || mar.Travel.Verdict != Improving {
		t.Errorf("March: %+v", mar)
	}
	if first := r.Points[0]; first.Travel.Known() {
		t.Errorf("first month has no previous month, got %+v", first.Travel)
	}
	// April 2019 is in 2019/20, whose target is 20: 21 is within 15%.
	if apr := r.Point(mar19 + 1); apr.RAG != model.RAGAmber || *apr.Target != 20 {
		t.Errorf("April 2019 should use the 2019/20 target: %+v", apr)
	}
	override := 30.0
	s.Target = &override
	if r := EvaluateSeries(site, e, s); r.Point(mar19).RAG != model.RAGAmber {
		t.Errorf("an edition's own target should override the definition's")
	}
	mon := true
	s.MonitorOnly = &mon
	if r := EvaluateSeries(site, e, s); r.Point(mar19).RAG != model.RAGNone || r.Target != nil {
		t.Errorf("monitor only must have no RAG")
	}
}

func TestDirectionOnlySeries(t *testing.T) {
	site := &model.Site{FinancialYearStart: time.April, Band: rel15}
	kpi := &model.KPI{ID: "s47-rate", Unit: model.UnitRate, Per: 10000, Decimals: 1}
	m, _ := model.ParseMonth("2018-04")
	s := &model.Series{KPI: kpi, Figures: []model.Figure{{Month: m, Direction: model.DirDown}, {Month: m + 1, Direction: model.DirUp}}}
	r := EvaluateSeries(site, &model.Edition{AsAt: m + 11}, s)
	if !r.DirectionOnly || r.Points[1].Travel.Verdict != Increasing || r.Points[0].Travel.Direction != model.DirDown {
		t.Errorf("direction only: %+v", r)
	}
	if c := CountRAG([]KPIResult{r}); c.None != 1 {
		t.Errorf("CountRAG = %+v", c)
	}
}

// TestCountsNoteCarried: a month published with counts that do not give its
// value keeps Agrees false, and carries the author's note when there is one,
// so that a view can tell a recorded discrepancy from a new one.
func TestCountsNoteCarried(t *testing.T) {
	kpi := &model.KPI{ID: "eet", Unit: model.UnitPercent, Decimals: 1, Polarity: model.PolarityHigher}
	site := &model.Site{FinancialYearStart: time.April, Band: rel15}
	e := &model.Edition{AsAt: model.MonthOf(2019, 3)}
	apr, may := model.MonthOf(2018, 4), model.MonthOf(2018, 5)
	s := &model.Series{KPI: kpi, Figures: []model.Figure{
		{Month: apr, Value: 52.0, Numerator: 116, Denominator: 224, HasValue: true, HasRatio: true},
		{Month: may, Value: 55.0, Numerator: 117, Denominator: 214, HasValue: true, HasRatio: true},
	}, CountsNotes: map[model.Month]string{apr: "The report printed 52.0%; the counts give 51.8%."}}
	r := EvaluateSeries(site, e, s)
	if p := r.Point(apr); p.Agrees || p.CountsNote != "The report printed 52.0%; the counts give 51.8%." {
		t.Errorf("April: agrees %v, note %q", p.Agrees, p.CountsNote)
	}
	if p := r.Point(may); p.Agrees || p.CountsNote != "" {
		t.Errorf("May: agrees %v, note %q", p.Agrees, p.CountsNote)
	}
}
