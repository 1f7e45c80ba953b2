package compute

import (
	"sort"

	"github.com/planpress/planpress/internal/model"
)

// Publication is one edition's figure for one month of a KPI, rated as that
// edition rated it.
type Publication struct {
	Edition *model.Edition
	Point   Point
}

// Revision is a figure that an edition published differently from the
// edition before it that gave the same month.
type Revision struct {
	Edition  *model.Edition // the edition that published the new figure
	Previous *model.Edition // the edition whose figure it replaced
	From, To model.Figure
}

// HistoryPoint is one month of a KPI across every edition that gave it. The
// figure shown is the newest published one; the first published figure and
// each revision since are kept, so a reader can see what changed and when.
type HistoryPoint struct {
	Month  model.Month
	Latest Publication // from the newest edition that gave the month
	First  Publication // from the first edition that gave it
	// Revisions lists, oldest first, each edition that changed the figure.
	Revisions []Revision
	// Travel compares the newest figure with the newest figure of the month
	// before; YearOnYear with the same month a year earlier.
	Travel     Travel
	YearOnYear Travel
}

// Revised reports whether the figure has changed since it was first published.
func (h HistoryPoint) Revised() bool { return len(h.Revisions) > 0 }

// LastRevision is the revision that gave the figure shown, or nil.
func (h HistoryPoint) LastRevision() *Revision {
	if len(h.Revisions) == 0 {
		return nil
	}
	return &h.Revisions[len(h.Revisions)-1]
}

// TargetPublication is the target one edition published for its own
// financial year (the year of its as-at month).
type TargetPublication struct {
	Edition     *model.Edition
	Target      *float64 // nil when there is no target
	MonitorOnly bool
}

// TargetChange is a target an edition published differently from the edition
// before it, for the same financial year.
type TargetChange struct {
	Edition  *model.Edition
	Previous *model.Edition
	From, To TargetPublication
}

// TargetHistory is one financial year's target: as the KPI definition sets it
// and as each edition of that year published it.
type TargetHistory struct {
	Year model.FinancialYear
	// Defined is the definition's target for the year, if any.
	Defined *float64
	// Published lists, oldest first, the editions whose as-at month falls in
	// the year.
	Published []TargetPublication
	// Changes lists where an edition published a different target from the
	// edition before it.
	Changes []TargetChange
}

// Current is the target in force: the newest edition's, else the definition's.
func (t TargetHistory) Current() (target *float64, monitorOnly bool) {
	if n := len(t.Published); n > 0 {
		return t.Published[n-1].Target, t.Published[n-1].MonitorOnly
	}
	return t.Defined, false
}

// KPIHistory is a KPI across every edition: its series with the newest figure
// for each month, and its targets by financial year.
type KPIHistory struct {
	KPI      *model.KPI
	Points   []HistoryPoint // in month order
	Targets  []TargetHistory
	Editions []*model.Edition // those that published figures for the KPI, oldest first
	// DirectionOnly is true when no month has a value.
	DirectionOnly bool
}

// Point returns the month's history, or nil.
func (h *KPIHistory) Point(m model.Month) *HistoryPoint {
	i := sort.Search(len(h.Points), func(i int) bool { return h.Points[i].Month >= m })
	if i < len(h.Points) && h.Points[i].Month == m {
		return &h.Points[i]
	}
	return nil
}

// Latest returns the last month with a value or a direction, or nil.
func (h *KPIHistory) Latest() *HistoryPoint {
	for i := len(h.Points) - 1; i >= 0; i-- {
		f := h.Points[i].Latest.Point
		if f.HasValue || f.Direction != model.DirNone {
			return &h.Points[i]
		}
	}
	return nil
}

// RevisedCount is how many months show a figure revised since first published.
func (h *KPIHistory) RevisedCount() int {
	n := 0
	for _, p := range h.Points {
		if p.Revised() {
			n++
		}
	}
	return n
}

// SameFigure reports whether two figures say the same thing at the precision
// they are published to. Notes are commentary, not figures, and are ignored.
func SameFigure(a, b model.Figure, decimals int) bool {
	if a.HasValue != b.HasValue || a.HasRatio != b.HasRatio || a.Direction != b.Direction {
		return false
	}
	if a.HasValue && Round(a.Value, decimals) != Round(b.Value, decimals) {
		return false
	}
	if a.HasRatio && (a.Numerator != b.Numerator || a.Denominator != b.Denominator) {
		return false
	}
	return true
}

// History builds a KPI's history from editions given oldest first. Each
// edition is rated on its own (EvaluateSeries), so a month's rating is the one
// the edition that published the newest figure gave it, against the target that
// edition published.
func History(site *model.Site, kpi *model.KPI, editions []*model.Edition) KPIHistory {
	h := KPIHistory{KPI: kpi, DirectionOnly: true}
	// Each month keeps its first and newest publication and the revisions
	// between, not every publication: a month appears in several editions,
	// and an archive has thousands.
	at := map[model.Month]int{}
	for _, e := range editions {
		s, ok := e.Series[kpi.ID]
		if !ok {
			continue
		}
		res := EvaluateSeries(site, e, s)
		if len(res.Points) > 0 {
			h.Editions = append(h.Editions, e)
		}
		for _, p := range res.Points {
			pub := Publication{Edition: e, Point: p}
			i, seen := at[p.Month]
			if !seen {
				at[p.Month] = len(h.Points)
				h.Points = append(h.Points, HistoryPoint{Month: p.Month, First: pub, Latest: pub})
				continue
			}
			hp := &h.Points[i]
			if !SameFigure(hp.Latest.Point.Figure, p.Figure, kpi.Decimals) {
				hp.Revisions = append(hp.Revisions, Revision{Edition: e, Previous: hp.Latest.Edition, From: hp.Latest.Point.Figure, To: p.Figure})
			}
			hp.Latest = pub
		}
	}
	sort.Slice(h.Points, func(i, j int) bool { return h.Points[i].Month < h.Points[j].Month })
	for i := range h.Points {
		if h.Points[i].Latest.Point.HasValue {
			h.DirectionOnly = false
		}
	}
	if len(h.Points) == 0 {
		h.DirectionOnly = false
	}
	for i := range h.Points {
		p := &h.Points[i]
		cur := p.Latest.Point
		switch {
		case cur.HasValue:
			if prev := h.Point(p.Month - 1); prev != nil && prev.Latest.Point.HasValue {
				p.Travel = Describe(Move(prev.Latest.Point.Value, cur.Value, kpi.Decimals), kpi.Polarity)
			}
			if prev := h.Point(p.Month - 12); prev != nil && prev.Latest.Point.HasValue {
				p.YearOnYear = Describe(Move(prev.Latest.Point.Value, cur.Value, kpi.Decimals), kpi.Polarity)
			}
		case cur.Direction != model.DirNone:
			p.Travel = Describe(cur.Direction, kpi.Polarity)
		}
	}
	h.Targets = targetHistory(site, kpi, editions)
	return h
}

// PublishedTarget is the target an edition published for a KPI for the
// financial year of its as-at month.
func PublishedTarget(site *model.Site, e *model.Edition, kpi *model.KPI) TargetPublication {
	s := e.Series[kpi.ID]
	if s == nil {
		s = &model.Series{KPI: kpi}
	}
	tp := TargetPublication{Edition: e, MonitorOnly: kpi.MonitorOnly}
	if s.MonitorOnly != nil {
		tp.MonitorOnly = *s.MonitorOnly
	}
	if t, ok := TargetFor(site, e, s, e.AsAt); ok {
		tp.Target = &t
	}
	return tp
}

// SameTarget reports whether two editions published the same target.
func SameTarget(a, b TargetPublication) bool {
	if a.MonitorOnly != b.MonitorOnly || (a.Target == nil) != (b.Target == nil) {
		return false
	}
	return a.Target == nil || *a.Target == *b.Target
}

func targetHistory(site *model.Site, kpi *model.KPI, editions []*model.Edition) []TargetHistory {
	byYear := map[model.FinancialYear]*TargetHistory{}
	get := func(fy model.FinancialYear) *TargetHistory {
		t, ok := byYear[fy]
		if !ok {
			t = &TargetHistory{Year: fy}
			if v, ok := kpi.Targets[fy]; ok {
				t.Defined = &v
			}
			byYear[fy] = t
		}
		return t
	}
	for fy := range kpi.Targets {
		get(fy)
	}
	for _, e := range editions {
		if _, ok := e.Series[kpi.ID]; !ok {
			continue
		}
		th := get(site.FinancialYear(e.AsAt))
		tp := PublishedTarget(site, e, kpi)
		if n := len(th.Published); n > 0 && !SameTarget(th.Published[n-1], tp) {
			th.Changes = append(th.Changes, TargetChange{Edition: e, Previous: th.Published[n-1].Edition, From: th.Published[n-1], To: tp})
		}
		th.Published = append(th.Published, tp)
	}
	out := make([]TargetHistory, 0, len(byYear))
	for _, t := range byYear {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}
