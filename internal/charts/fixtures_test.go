package charts

import (
	"time"

	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/theme"
)

// month is a short way to write a month in tests.
func month(year int, m time.Month) model.Month { return model.MonthOf(year, m) }

// words are the built-in British English interface words.
var words = func() *i18n.Catalogue {
	c, diags := i18n.Load(theme.Files{}, "en-GB")
	if c == nil {
		panic(diags)
	}
	return c
}()

// reReferrals is the seed's re-referrals KPI as the May 2019 edition charts
// it: twelve months of 2018/19 with one missing, a target of 25%, a
// baseline and two comparators, and the Ofsted inspection.
func reReferrals() KPIChart {
	values := []float64{29.7, 30.9, 28.1, 27.5, 31.2, 30.0, 26.4, 25.2, 0, 30.1, 33.0, 32.4}
	rags := []model.RAG{
		model.RAGAmber, model.RAGRed, model.RAGAmber, model.RAGAmber, model.RAGRed, model.RAGRed,
		model.RAGAmber, model.RAGGreen, model.RAGNone, model.RAGRed, model.RAGRed, model.RAGRed,
	}
	var points []Point
	for i, v := range values {
		points = append(points, Point{
			Month:    month(2018, time.April) + model.Month(i),
			Value:    v,
			HasValue: i != 8, // December 2018 was not published
			RAG:      rags[i],
		})
	}
	return KPIChart{
		ID:        ID("2019-05", "priority-2", "re-referrals"),
		Title:     "Re-referrals",
		Unit:      model.UnitPercent,
		Decimals:  1,
		Suffix:    "%",
		YFromZero: true,
		Points:    points,
		Targets: []TargetSpan{
			{From: month(2018, time.April), To: month(2019, time.March), Value: 25, Label: "Target 2018/19"},
		},
		Refs: []RefLine{
			{Label: "Baseline 2017/18", Value: 26.8},
			{Label: "Statistical neighbours", Value: 23.9},
			{Label: "England", Value: 22.6},
		},
		Shades: []Shade{{Label: "Ofsted inspection", From: month(2018, time.October), To: month(2018, time.November)}},
		Words:  words,
	}
}

// monitorOnly is a rate with no target and no ratings, charted to fit its
// figures.
func monitorOnly() KPIChart {
	var points []Point
	for i, v := range []float64{131.2, 128.4, 125.9, 122.0, 119.7, 121.3} {
		points = append(points, Point{Month: month(2018, time.October) + model.Month(i), Value: v, HasValue: true})
	}
	return KPIChart{
		ID:       "2019-05-s47-rate",
		Title:    "Section 47 enquiries per 10,000 children",
		Unit:     model.UnitRate,
		Decimals: 1,
		Points:   points,
		Words:    words,
	}
}

func statusBars() Bar {
	return Bar{
		ID:         "2019-05-milestones-by-status",
		Title:      "Milestones by status",
		Unit:       "milestones",
		Categories: []string{"COMPLETE", "ON TRACK", "SLIGHT SLIPPAGE", "OFF TRACK", "NOT YET DUE"},
		Series: []BarSeries{{
			Name:    "Milestones",
			Values:  []float64{3, 12, 4, 1, 2},
			Colours: []string{ColourGreen, ColourGreen, ColourAmber, ColourRed, ColourNoRating},
		}},
		Words: words,
	}
}

func priorityBars() Bar {
	return Bar{
		ID:         "2019-05-milestones-by-priority",
		Title:      "Milestones by priority",
		Unit:       "milestones",
		Stacked:    true,
		Categories: []string{"Priority 1", "Priority 2", "Priority 3", "Priority 4", "Priority 5", "Priority 6"},
		Series: []BarSeries{
			{Name: "COMPLETE", Values: []float64{1, 0, 1, 0, 1, 0}, Colour: ColourGreen},
			{Name: "ON TRACK", Values: []float64{2, 2, 3, 1, 2, 2}},
			{Name: "SLIGHT SLIPPAGE", Values: []float64{1, 1, 0, 1, 0, 1}, Colour: ColourAmber},
			{Name: "OFF TRACK", Values: []float64{0, 0, 0, 1, 0, 0}, Colour: ColourRed},
			{Name: "NOT YET DUE", Values: []float64{0, 1, 0, 0, 1, 0}, Colour: ColourNoRating},
		},
		Words: words,
	}
}

// auditBars is the seed's author chart: 1,363 plans in five categories.
func auditBars() Bar {
	return Bar{
		ID:         "2019-05-priority-2-audit-headlines",
		Title:      "Care plan audit, March to April 2019",
		Unit:       "plans",
		Horizontal: true,
		Categories: []string{
			"Actions have dates",
			"Actions have responsible people",
			"Reviewed within 20 working days",
			"Outcomes are SMART",
			"Child's voice recorded",
		},
		Series: []BarSeries{{Name: "Plans", Values: []float64{548, 548, 40, 84, 143}}},
		Words:  words,
	}
}
