package charts

import (
	"testing"
	"time"

	"github.com/planpress/planpress/internal/model"
)

func BenchmarkZZKPI(b *testing.B) {
	m := func(y, mo int) model.Month { return model.MonthOf(y, time.Month(mo)) }
	var pts []Point
	for i := 0; i < 12; i++ {
		pts = append(pts, Point{Month: m(2018, 4) + model.Month(i), Value: 20 + float64(i), HasValue: true, RAG: model.RAGRed})
	}
	c := KPIChart{ID: "a-b", Title: "Re-referrals", Decimals: 1, Suffix: "%", YFromZero: true, Points: pts,
		Targets: []TargetSpan{{From: m(2018, 4), To: m(2019, 3), Value: 25}},
		Refs:    []RefLine{{Label: "Baseline", Value: 26.8}, {Label: "SN", Value: 23.9}, {Label: "England", Value: 22.6}},
		Shades:  []Shade{{Label: "Ofsted", From: m(2018, 10), To: m(2018, 11)}}, Description: "x"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := KPILine(c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkZZNewLine(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		l := chartsNewLine()
		_ = l
	}
}
