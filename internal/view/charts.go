package view

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"

	"github.com/planpress/planpress/internal/charts"
	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
)

// ChartView is a chart as a page carries it (layouts/partials/chart.html,
// and layouts/partials/chart-canvas.html for the canvas alone): the options
// the site's chart script draws, and the caption and one-sentence summary
// that every reader gets, with or without the script.
type ChartView struct {
	// ID names the chart: its canvas is "chart-ID", its options
	// "chart-ID-options" and its figure "figure-ID".
	ID      string
	Caption string
	Summary string
	// Options are the ECharts options as JSON with <, > and & escaped, safe
	// inside <script type="application/json">; empty when the chart could
	// not be drawn.
	Options template.JS
}

// NewChart is a chart for the chart partials: options as KPILine or Bars made
// them (nil when the chart could not be drawn), escaped here for a script
// element whatever their source.
func NewChart(id string, options json.RawMessage, caption, summary string) *ChartView {
	v := &ChartView{ID: id, Caption: caption, Summary: summary}
	if len(options) > 0 {
		var b bytes.Buffer
		json.HTMLEscape(&b, options)
		v.Options = template.JS(b.String())
	}
	return v
}

// chartInput turns an edition's view of a KPI into what its line chart shows.
func (s *Site) chartInput(id string, res *compute.KPIResult) charts.KPIChart {
	site := s.Model
	k := res.KPI
	c := charts.KPIChart{ID: id, Title: k.ShortTitle, Unit: k.Unit, Decimals: k.Decimals, YFromZero: k.YAxisFromZero, YAuto: !k.YAxisSet, Words: s.Words}
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
		fy := site.FinancialYear(p.Month)
		if span != nil && span.Value == *p.Target && span.To == p.Month-1 && site.FinancialYear(span.From) == fy {
			span.To = p.Month
			continue
		}
		c.Targets = append(c.Targets, charts.TargetSpan{From: p.Month, To: p.Month, Value: *p.Target, Label: s.t(i18n.ChartTargetYear, "year", fy.String())})
		span = &c.Targets[len(c.Targets)-1]
	}
	if b := k.Baseline; b != nil {
		label := s.t(i18n.ChartBaseline, "period", b.Period)
		if b.Source != "" {
			label = s.t(i18n.ChartBaselineSource, "period", b.Period, "source", b.Source)
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
		for _, ev := range site.Events {
			if ev.To >= first && ev.From <= last {
				c.Shades = append(c.Shades, charts.Shade{Label: ev.Name, From: max(ev.From, first), To: min(ev.To, last)})
			}
		}
	}
	return c
}

// editionKPIChart is the line chart of a KPI in an edition, or nil for a
// KPI with nothing to draw (directions only).
func (s *Site) editionKPIChart(e *model.Edition, res *compute.KPIResult, f *Findings) *ChartView {
	return s.lineChart(charts.ID(e.ID, res.KPI.ID), res, "", f)
}

// lineChart draws a KPI's points as a line chart with its caption and
// one-sentence summary, or returns nil when nothing has a value. The caption
// names the KPI and the months shown, then any note.
func (s *Site) lineChart(id string, res *compute.KPIResult, note string, f *Findings) *ChartView {
	c := s.chartInput(id, res)
	sum, ok := charts.SummaryOf(c, res.KPI.Polarity)
	if !ok {
		return nil
	}
	c.Description = charts.Sentence(sum, s.Words)
	opts, err := charts.KPILine(c)
	if err != nil {
		if !errors.Is(err, charts.ErrNoValues) {
			f.Diags.Errorf(res.KPI.Pos.File, res.KPI.Pos.Line, "", "cannot chart KPI %q: %v", res.KPI.ID, err)
		}
		return nil
	}
	// SummaryOf found a figure, so there are points.
	from, to := s.month(res.Points[0].Month), s.month(res.Points[len(res.Points)-1].Month)
	caption := s.t(i18n.ChartKPICaption, "title", res.KPI.Title, "from", from, "to", to)
	if note != "" {
		caption = s.t(i18n.ChartKPICaptionNote, "title", res.KPI.Title, "from", from, "to", to, "note", note)
	}
	return NewChart(c.ID, opts, caption, c.Description)
}

// statusColours are the bar colours of the site's statuses, by their RAG.
func (s *Site) statusColours() []string {
	out := make([]string, 0, len(s.Model.Statuses))
	for _, st := range s.Model.Statuses {
		out = append(out, charts.RAGColour(st.RAG))
	}
	return out
}

// summaryCharts returns the edition overview's charts: milestones by status,
// milestones by priority and status, and KPIs by their latest rating.
func (s *Site) summaryCharts(res *compute.EditionResult, f *Findings) []*ChartView {
	e := res.Edition
	var out []*ChartView
	var names []string
	var counts []float64
	for _, c := range res.Milestones.ByStatus {
		names = append(names, c.Status.Name)
		counts = append(counts, float64(c.Count))
	}
	status := charts.Bar{ID: charts.ID(e.ID, "milestones-by-status"), Title: s.t(i18n.ChartByStatusTitle), Unit: s.t(i18n.ChartMilestonesUnit),
		Categories: names, Series: []charts.BarSeries{{Name: s.t(i18n.ChartMilestonesSeries), Values: counts, Colours: s.statusColours()}}, Horizontal: true}
	out = appendChart(out, s.barChart(e, status, s.t(i18n.ChartByStatusCaption), f))

	var cats []string
	for _, p := range e.Priorities {
		cats = append(cats, fmt.Sprintf("%d. %s", p.Number, p.Title))
	}
	byPriority := charts.Bar{ID: charts.ID(e.ID, "milestones-by-priority"), Title: s.t(i18n.ChartByPriorityTitle), Unit: s.t(i18n.ChartMilestonesUnit),
		Categories: cats, Stacked: true, Horizontal: true}
	for i, st := range s.Model.Statuses {
		vals := make([]float64, len(e.Priorities))
		any := false
		for j := range e.Priorities {
			n := res.Priorities[j].ByStatus[i].Count
			vals[j] = float64(n)
			any = any || n > 0
		}
		if any {
			byPriority.Series = append(byPriority.Series, charts.BarSeries{Name: st.Name, Values: vals, Colour: charts.RAGColour(st.RAG)})
		}
	}
	if len(cats) > 0 && len(byPriority.Series) > 0 {
		out = appendChart(out, s.barChart(e, byPriority, s.t(i18n.ChartByPriorityCaption), f))
	}
	if r := res.Ratings; len(res.Reported) > 0 {
		rag := charts.Bar{ID: charts.ID(e.ID, "kpis-by-rating"), Title: s.t(i18n.ChartByRatingTitle), Unit: s.t(i18n.ChartKPIsUnit),
			Categories: []string{s.t(i18n.RatingGreen), s.t(i18n.RatingAmber), s.t(i18n.RatingRed), s.t(i18n.RatingNone)},
			Series: []charts.BarSeries{{Name: s.t(i18n.ChartKPIsSeries), Values: []float64{float64(r.Green), float64(r.Amber), float64(r.Red), float64(r.None)},
				Colours: []string{charts.RAGColour(model.RAGGreen), charts.RAGColour(model.RAGAmber), charts.RAGColour(model.RAGRed), charts.RAGColour(model.RAGNone)}}},
			Horizontal: true}
		out = appendChart(out, s.barChart(e, rag, s.t(i18n.ChartByRatingCaption), f))
	}
	return out
}

func appendChart(list []*ChartView, c *ChartView) []*ChartView {
	if c == nil {
		return list
	}
	return append(list, c)
}

func (s *Site) barChart(e *model.Edition, b charts.Bar, caption string, f *Findings) *ChartView {
	b.Words = s.Words
	b.Description = charts.BarSentence(b)
	opts, err := charts.Bars(b)
	if err != nil {
		f.Diags.Errorf(e.Pos.File, 0, "", "cannot draw chart %s: %v", b.ID, err)
		return nil
	}
	return NewChart(b.ID, opts, caption, b.Description)
}

// authorChart is the chart of an author-declared chart; the author-chart
// partial writes its figure, caption and table around it.
func (s *Site) authorChart(e *model.Edition, ch *model.AuthorChart, f *Findings) *ChartView {
	b := charts.Bar{ID: charts.ID(e.ID, ch.ID), Title: ch.Title, Unit: ch.Unit, Categories: ch.Categories,
		Series: []charts.BarSeries{{Name: firstNonEmpty(ch.Unit, s.t(i18n.ChartNumber)), Values: ch.Values}}, Horizontal: true, Words: s.Words}
	b.Description = charts.BarSentence(b)
	opts, err := charts.Bars(b)
	if err != nil {
		f.Diags.Errorf(ch.Pos.File, ch.Pos.Line, "give one number for each category", "cannot draw chart %q: %v", ch.ID, err)
		return NewChart(b.ID, nil, "", b.Description)
	}
	return NewChart(b.ID, opts, "", b.Description)
}
