package charts

import (
	"os"
	"testing"
	"time"

	"github.com/planpress/planpress/internal/model"
)

func TestZZProbe(t *testing.T) {
	dir := os.Getenv("PROBE_DIR")
	if dir == "" {
		t.Skip()
	}
	m := func(y, mo int) model.Month { return model.MonthOf(y, time.Month(mo)) }
	vals := []float64{29.7, 30.9, 28.1, 27.5, 31.2, 30.0, 26.4, 25.2, 27.9, 30.1, 33.0, 32.4, 24.1}
	rags := []model.RAG{model.RAGAmber, model.RAGRed, model.RAGAmber, model.RAGAmber, model.RAGRed, model.RAGRed, model.RAGAmber, model.RAGGreen, model.RAGAmber, model.RAGRed, model.RAGRed, model.RAGRed, model.RAGGreen}
	var pts []Point
	for i, v := range vals {
		pts = append(pts, Point{Month: m(2018, 4) + model.Month(i), Value: v, HasValue: i != 8, RAG: rags[i]})
	}
	c := KPIChart{ID: "2019-05-re-referrals", Title: "Re-referrals </script>", Unit: model.UnitPercent, Decimals: 1, Suffix: "%", YFromZero: true, Points: pts,
		Targets: []TargetSpan{{From: m(2018, 4), To: m(2019, 3), Value: 25, Label: "Target 2018/19"}, {From: m(2019, 4), To: m(2020, 3), Value: 23, Label: "Target 2019/20"}},
		Refs:    []RefLine{{Label: "Baseline 2017/18", Value: 26.8}, {Label: "Statistical neighbours", Value: 23.9}, {Label: "England", Value: 22.6}},
		Shades:  []Shade{{Label: "Ofsted inspection", From: m(2018, 10), To: m(2018, 11)}},
	}
	js, err := KPILine(c)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir+"/kpi.json", js, 0o644)
	c.YFromZero = false
	js, _ = KPILine(c)
	os.WriteFile(dir+"/kpi-fit.json", js, 0o644)
	b := Bar{ID: "audit", Title: "Care plan audit", Unit: "plans", Horizontal: true,
		Categories: []string{"Plans with actions that have dates", "Plans with actions with responsible people", "Plans reviewed within 20 working days of conference", "Plans with SMART outcomes", "Plans with the child's voice recorded"},
		Series:     []BarSeries{{Name: "Plans", Values: []float64{548, 548, 40, 84, 143}}}}
	js, err = Bars(b)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir+"/audit.json", js, 0o644)
	st := Bar{ID: "status", Title: "Milestones by status", Unit: "milestones",
		Categories: []string{"COMPLETE", "ON TRACK", "SLIGHT SLIPPAGE", "OFF TRACK", "NOT YET DUE"},
		Series:     []BarSeries{{Name: "Milestones", Values: []float64{3, 12, 4, 1, 2}, Colours: []string{ColourGreen, ColourGreen, ColourAmber, ColourRed, ColourNoRating}}}}
	js, _ = Bars(st)
	os.WriteFile(dir+"/status.json", js, 0o644)
	pr := Bar{ID: "by-priority", Title: "Milestones by priority", Unit: "milestones", Stacked: true,
		Categories: []string{"Priority 1", "Priority 2", "Priority 3", "Priority 4", "Priority 5", "Priority 6"},
		Series: []BarSeries{
			{Name: "COMPLETE", Values: []float64{1, 0, 1, 0, 1, 0}, Colour: ColourGreen},
			{Name: "ON TRACK", Values: []float64{2, 2, 3, 1, 2, 2}, Colour: "#12436D"},
			{Name: "SLIGHT SLIPPAGE", Values: []float64{1, 1, 0, 1, 0, 1}, Colour: ColourAmber},
			{Name: "OFF TRACK", Values: []float64{0, 0, 0, 1, 0, 0}, Colour: ColourRed},
			{Name: "NOT YET DUE", Values: []float64{0, 1, 0, 0, 1, 0}, Colour: ColourNoRating},
		}}
	js, _ = Bars(pr)
	os.WriteFile(dir+"/priority.json", js, 0o644)
}
