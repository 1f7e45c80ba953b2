package render

import (
	"errors"
	"fmt"
	"html/template"
	"sync"

	"github.com/planpress/planpress/internal/assets"
	"github.com/planpress/planpress/internal/charts"
	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/model"
)

// chartCache keeps the charts of the editions being rendered: the same KPI
// chart appears on its priority page and on the print page, and building its
// options is the costliest step of a chart. An edition's entry is dropped
// when the edition is done, so memory does not grow with the archive.
type chartCache struct {
	mu sync.Mutex
	m  map[*model.Edition]map[string]any
}

// cached returns the value stored for an edition under key, building it the
// first time.
func cached[T any](c *chartCache, e *model.Edition, key string, build func() T) T {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[*model.Edition]map[string]any{}
	}
	byKey := c.m[e]
	if byKey == nil {
		byKey = map[string]any{}
		c.m[e] = byKey
	}
	v, ok := byKey[key]
	c.mu.Unlock()
	if ok {
		return v.(T)
	}
	t := build()
	c.mu.Lock()
	byKey[key] = t
	c.mu.Unlock()
	return t
}

func (c *chartCache) drop(e *model.Edition) {
	c.mu.Lock()
	delete(c.m, e)
	c.mu.Unlock()
}

// chartInput turns an edition's view of a KPI into what its line chart shows.
func (r *renderer) chartInput(id string, res *compute.KPIResult) charts.KPIChart {
	k := res.KPI
	c := charts.KPIChart{ID: id, Title: k.ShortTitle, Unit: k.Unit, Decimals: k.Decimals, YFromZero: k.YAxisFromZero}
	if k.Unit == model.UnitPercent {
		c.Suffix = "%"
	}
	var span *charts.TargetSpan
	for _, p := range res.Points {
		c.Points = append(c.Points, charts.Point{Month: p.Month, Value: p.Value, HasValue: p.HasValue, RAG: p.RAG})
		if p.Target == nil {
			span = nil
			continue
		}
		fy := r.site.FinancialYear(p.Month)
		if span != nil && span.Value == *p.Target && span.To == p.Month-1 && r.site.FinancialYear(span.From) == fy {
			span.To = p.Month
			continue
		}
		c.Targets = append(c.Targets, charts.TargetSpan{From: p.Month, To: p.Month, Value: *p.Target, Label: "Target " + fy.String()})
		span = &c.Targets[len(c.Targets)-1]
	}
	if b := k.Baseline; b != nil {
		label := "Baseline " + b.Period
		if b.Source != "" {
			label += " (" + b.Source + ")"
		}
		c.Refs = append(c.Refs, charts.RefLine{Label: label, Value: b.Value})
	}
	for _, cmp := range k.Comparators {
		label := cmp.Name
		if cmp.Period != "" {
			label += " " + cmp.Period
		}
		c.Refs = append(c.Refs, charts.RefLine{Label: label, Value: cmp.Value})
	}
	if len(res.Points) > 0 {
		first, last := res.Points[0].Month, res.Points[len(res.Points)-1].Month
		for _, ev := range r.site.Events {
			if ev.To >= first && ev.From <= last {
				c.Shades = append(c.Shades, charts.Shade{Label: ev.Name, From: max(ev.From, first), To: min(ev.To, last)})
			}
		}
	}
	return c
}

// kpiChart is the figure of a KPI's line chart in an edition, or "" for a
// KPI with nothing to draw (directions only).
func (r *renderer) kpiChart(e *model.Edition, res *compute.KPIResult) template.HTML {
	return cached(r.chartCache, e, "kpi:"+res.KPI.ID, func() template.HTML {
		return r.lineFigure(charts.ID(e.ID, res.KPI.ID), res, "")
	})
}

// lineFigure draws a KPI's points as a line chart in a figure with its
// caption and one-sentence summary, or returns "" when nothing has a value.
// The caption names the KPI and the months shown, then any note.
func (r *renderer) lineFigure(id string, res *compute.KPIResult, note string) template.HTML {
	c := r.chartInput(id, res)
	sum, ok := charts.SummaryOf(c, res.KPI.Polarity)
	if !ok {
		return ""
	}
	c.Description = charts.Sentence(sum)
	opts, err := charts.KPILine(c)
	if err != nil {
		if !errors.Is(err, charts.ErrNoValues) {
			r.errorf(res.KPI.Pos.File, res.KPI.Pos.Line, "", "cannot chart KPI %q: %v", res.KPI.ID, err)
		}
		return ""
	}
	caption := "Chart: " + res.KPI.Title
	if n := len(res.Points); n > 0 {
		caption += fmt.Sprintf(", %s to %s", res.Points[0].Month.Long(), res.Points[n-1].Month.Long())
	}
	if note != "" {
		caption += ", " + note
	}
	return charts.Figure(c.ID, opts, caption, c.Description)
}

// statusColours are the bar colours of the site's statuses, by their RAG.
func (r *renderer) statusColours() []string {
	out := make([]string, 0, len(r.site.Statuses))
	for _, s := range r.site.Statuses {
		out = append(out, charts.RAGColour(s.RAG))
	}
	return out
}

// summaryCharts returns the edition overview's charts: milestones by status,
// milestones by priority and status, and KPIs by their latest rating.
func (r *renderer) summaryCharts(e *model.Edition, v *EditionView) []template.HTML {
	return cached(r.chartCache, e, "summary", func() []template.HTML {
		var out []template.HTML
		var names []string
		var counts []float64
		for _, c := range v.Milestones.ByStatus {
			names = append(names, c.Status.Name)
			counts = append(counts, float64(c.Count))
		}
		status := charts.Bar{ID: charts.ID(e.ID, "milestones-by-status"), Title: "Milestones by status", Unit: "milestones",
			Categories: names, Series: []charts.BarSeries{{Name: "Milestones", Values: counts, Colours: r.statusColours()}}, Horizontal: true}
		out = append(out, r.barFigure(e, status, "Chart: milestones by status"))

		var cats []string
		for _, p := range e.Priorities {
			cats = append(cats, fmt.Sprintf("%d. %s", p.Number, p.Title))
		}
		byPriority := charts.Bar{ID: charts.ID(e.ID, "milestones-by-priority"), Title: "Milestones by priority and status", Unit: "milestones",
			Categories: cats, Stacked: true, Horizontal: true}
		for i, st := range r.site.Statuses {
			vals := make([]float64, len(e.Priorities))
			any := false
			for j, p := range e.Priorities {
				n := compute.Summarise(p.Milestones, r.site.Statuses).ByStatus[i].Count
				vals[j] = float64(n)
				any = any || n > 0
			}
			if any {
				byPriority.Series = append(byPriority.Series, charts.BarSeries{Name: st.Name, Values: vals, Colour: charts.RAGColour(st.RAG)})
			}
		}
		if len(cats) > 0 && len(byPriority.Series) > 0 {
			out = append(out, r.barFigure(e, byPriority, "Chart: milestones by priority and status"))
		}
		if v.KPIs.Total > 0 {
			rag := charts.Bar{ID: charts.ID(e.ID, "kpis-by-rating"), Title: "Indicators by latest rating", Unit: "indicators",
				Categories: []string{"Green", "Amber", "Red", "No rating"},
				Series: []charts.BarSeries{{Name: "Indicators", Values: []float64{float64(v.KPIs.Green), float64(v.KPIs.Amber), float64(v.KPIs.Red), float64(v.KPIs.None)},
					Colours: []string{charts.RAGColour(model.RAGGreen), charts.RAGColour(model.RAGAmber), charts.RAGColour(model.RAGRed), charts.RAGColour(model.RAGNone)}}},
				Horizontal: true}
			out = append(out, r.barFigure(e, rag, "Chart: indicators by their latest rating"))
		}
		return out
	})
}

func (r *renderer) barFigure(e *model.Edition, b charts.Bar, caption string) template.HTML {
	b.Description = charts.BarSentence(b)
	opts, err := charts.Bars(b)
	if err != nil {
		r.errorf(e.Pos.File, 0, "", "cannot draw chart %s: %v", b.ID, err)
		return ""
	}
	return charts.Figure(b.ID, opts, caption, b.Description)
}

// authorChartFigure returns the chart of an author-declared chart (the
// partial writes the figure, caption and table around it).
func (r *renderer) authorChartFigure(c *editionCtx, ch *model.AuthorChart) (template.HTML, string) {
	b := charts.Bar{ID: charts.ID(c.edition.ID, ch.ID), Title: ch.Title, Unit: ch.Unit, Categories: ch.Categories,
		Series: []charts.BarSeries{{Name: firstNonEmpty(ch.Unit, "Number"), Values: ch.Values}}, Horizontal: true}
	b.Description = charts.BarSentence(b)
	opts, err := charts.Bars(b)
	if err != nil {
		r.errorf(ch.Pos.File, ch.Pos.Line, "give one number for each category", "cannot draw chart %q: %v", ch.ID, err)
		return "", b.Description
	}
	return charts.Canvas(b.ID, opts, b.Description), b.Description
}

// echartsBundle returns the chart library built into this binary.
func echartsBundle() (assets.File, error) { return assets.ECharts() }
