package charts

import (
	"testing"
	"time"

	"github.com/planpress/planpress/internal/model"
)

// BenchmarkKPIChart is one KPI's chart as a priority page carries it: the
// options and the sentence (the figure's markup is the layouts'). bench/RESULTS.md uses it to
// project what charts add to a build (about 40 charts an edition).
func BenchmarkKPIChart(b *testing.B) {
	m := func(y, mo int) model.Month { return model.MonthOf(y, time.Month(mo)) }
	var pts []Point
	for i := range 12 {
		pts = append(pts, Point{Month: m(2018, 4) + model.Month(i), Value: 20 + float64(i%5), HasValue: true, RAG: model.RAG(i % 4)})
	}
	c := KPIChart{ID: ID("priority-2", "re-referrals"), Title: "Re-referrals within 12 months", Unit: model.UnitPercent, Decimals: 1, Suffix: "%", YFromZero: true, Points: pts,
		Targets: []TargetSpan{{From: m(2018, 4), To: m(2019, 3), Value: 25}},
		Refs:    []RefLine{{Label: "Baseline 2017/18", Value: 26.8}, {Label: "Statistical neighbours", Value: 23.9}},
		Shades:  []Shade{{Label: "Ofsted inspection", From: m(2018, 10), To: m(2018, 11)}}, Words: words}
	b.ReportAllocs()
	for b.Loop() {
		opts, err := KPILine(c)
		if err != nil {
			b.Fatal(err)
		}
		if len(opts) == 0 {
			b.Fatal("no options")
		}
		if s, ok := SummaryOf(c, model.PolarityLower); ok {
			_ = Sentence(s, words)
		}
	}
}
