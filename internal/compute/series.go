package compute

import (
	"github.com/planpress/planpress/internal/model"
)

// Point is one month of a KPI as an edition reports it, with its rating.
type Point struct {
	model.Figure
	Target *float64 // the target for the month's financial year, if any
	RAG    model.RAG
	Travel Travel // against the previous month
	Agrees bool   // for figures with counts: the counts give the stated value
	Note   string // what the edition published with the figure, if anything
	// CountsNote is what the author recorded about a figure published with
	// counts that do not give it (Agrees is false): the discrepancy is
	// known and explained, not a new slip.
	CountsNote string
}

// KPIResult is an edition's view of one KPI: its figures rated, its target.
type KPIResult struct {
	KPI         *model.KPI
	Points      []Point
	MonitorOnly bool
	// Target is the target for the edition's financial year (nil for none).
	Target *float64
	// TargetYear is the financial year Target belongs to.
	TargetYear model.FinancialYear
	Band       model.Band
	// DirectionOnly is true when no month has a value.
	DirectionOnly bool
}

// Latest returns the last point with a value or direction, or nil.
func (r *KPIResult) Latest() *Point {
	for i := len(r.Points) - 1; i >= 0; i-- {
		if r.Points[i].HasValue || r.Points[i].Direction != model.DirNone {
			return &r.Points[i]
		}
	}
	return nil
}

// Point returns the point for a month, or nil.
func (r *KPIResult) Point(m model.Month) *Point {
	for i := range r.Points {
		if r.Points[i].Month == m {
			return &r.Points[i]
		}
	}
	return nil
}

// TargetFor returns the target in force for a month, from the edition's own
// published target for its financial year, else the definition's targets.
func TargetFor(site *model.Site, e *model.Edition, s *model.Series, m model.Month) (float64, bool) {
	return s.TargetFor(site, e.AsAt, m)
}

// EvaluateSeries rates every month of a KPI in an edition: RAG against the
// target of the month's financial year, and direction against the month
// before (or, for direction-only figures, as published).
func EvaluateSeries(site *model.Site, e *model.Edition, s *model.Series) KPIResult {
	kpi := s.KPI
	r := KPIResult{KPI: kpi, Band: site.Band, TargetYear: site.FinancialYear(e.AsAt), DirectionOnly: true}
	if kpi.Band != nil {
		r.Band = *kpi.Band
	}
	r.MonitorOnly = kpi.MonitorOnly
	if s.MonitorOnly != nil {
		r.MonitorOnly = *s.MonitorOnly
	}
	if t, ok := TargetFor(site, e, s, e.AsAt); ok {
		r.Target = &t
	}
	var prev *model.Figure
	for _, f := range s.Figures {
		p := Point{Figure: f, Agrees: true, Note: s.Notes[f.Month], CountsNote: s.CountsNotes[f.Month]}
		if t, ok := TargetFor(site, e, s, f.Month); ok {
			tv := t
			p.Target = &tv
		}
		if f.HasValue {
			r.DirectionOnly = false
			if p.Target != nil {
				p.RAG = Evaluate(f.Value, *p.Target, kpi.Polarity, r.Band)
			}
			if prev != nil && prev.HasValue && prev.Month == f.Month-1 {
				p.Travel = Describe(Move(prev.Value, f.Value, kpi.Decimals), kpi.Polarity)
			}
		} else if f.Direction != model.DirNone {
			p.Travel = Describe(f.Direction, kpi.Polarity)
		}
		if f.HasRatio {
			p.Agrees = RatioAgrees(f.Value, f.Numerator, f.Denominator, kpi.Decimals)
		}
		r.Points = append(r.Points, p)
		fc := f
		prev = &fc
	}
	if len(s.Figures) == 0 {
		r.DirectionOnly = false
	}
	return r
}

// RAGCount is how many KPIs have each rating at their latest value.
type RAGCount struct {
	Red, Amber, Green, None int
}

// CountRAG counts the latest rating of each KPI result.
func CountRAG(results []KPIResult) RAGCount {
	var c RAGCount
	for i := range results {
		p := results[i].Latest()
		r := model.RAGNone
		if p != nil {
			r = p.RAG
		}
		switch r {
		case model.RAGRed:
			c.Red++
		case model.RAGAmber:
			c.Amber++
		case model.RAGGreen:
			c.Green++
		default:
			c.None++
		}
	}
	return c
}
