package view

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/model"
)

// KPITableView is a table of KPIs with a column per month, and their charts
// (layouts/partials/kpi-table.html).
type KPITableView struct {
	ID       string
	Caption  string
	Baseline string // the baseline column's heading: "2017/18 actual"
	Target   string // the target column's heading: "2018/19 target"
	Groups   []ColumnGroup
	Months   []MonthHeader
	Rows     []KPIRowView
	Caveat   string
	HasProxy bool
	Charts   []*ChartView
}

// ColumnGroup spans months: "Pre Ofsted visit".
type ColumnGroup struct {
	Label string
	Span  int
}

// MonthHeader is one month column.
type MonthHeader struct {
	Short string // "Mar-19"
	Long  string // "March 2019"
}

// KPIRowView is one KPI's row and, when it has counts, the row beneath.
type KPIRowView struct {
	ID        string
	Title     template.HTML // with the first use of a glossary term marked
	Href      string
	Unit      string // "Percentage", "Rate per 10,000"
	Polarity  string // "Lower is better"
	Proxy     bool
	ProxyNote string
	Baseline  string
	Source    string
	Cells     []CellView
	Target    string
	Counts    *CountRowView
}

// CellView is one month of one KPI.
type CellView struct {
	Value      string
	RAG        string // class: "red", "amber", "green"
	RAGWord    string
	Arrow      string
	TravelWord string
	TravelRAG  string
	Empty      bool // no figure for the month
}

// CountRowView is the numerator/denominator row under a percentage.
type CountRowView struct {
	Title    string
	Baseline string
	Cells    []CountCell
}

// CountCell is one month's counts, with the percentage they give when that
// differs from the published one.
type CountCell struct {
	Text     string
	Mismatch string
}

// kpiTable places the table (and charts) of one or more KPIs.
func (c *narrative) kpiTable(g *markdown.Glossary, a markdown.Args, f *Findings) (markdown.Output, error) {
	if len(a.Positional) == 0 {
		return markdown.Output{}, markdown.Fixf("write {{< kpi-table re-referrals multiple-cp-plans >}}", "name at least one KPI")
	}
	var list []*compute.KPIResult
	for _, id := range a.Positional {
		res, err := c.kpiArg(markdown.Args{Positional: []string{id}}, "{{< kpi-table ID >}}")
		if err != nil {
			return markdown.Output{}, err
		}
		list = append(list, res)
	}
	caption, _ := a.Get("caption")
	h, err := c.view.partials.Partial("kpi-table", c.kpiTableView(g, list, caption, f))
	if err != nil {
		return markdown.Output{}, err
	}
	for _, id := range a.Positional {
		c.placed[id] = true
	}
	return markdown.Output{HTML: string(h), Block: true}, nil
}

func (c *narrative) kpiTableView(g *markdown.Glossary, list []*compute.KPIResult, caption string, f *Findings) *KPITableView {
	e := c.edition
	var ids []string
	for _, res := range list {
		ids = append(ids, res.KPI.ID)
	}
	v := &KPITableView{
		ID:     "kpis-" + strings.Join(ids, "-"),
		Caveat: e.Caveat,
	}
	if len(v.ID) > 60 {
		v.ID = v.ID[:60]
	}
	s := c.view
	v.Target = s.t(i18n.KPITableTarget, "year", c.site.FinancialYear(e.AsAt).String())
	if caption == "" {
		from, to := s.month(e.From), s.month(e.To)
		if c.priority != nil {
			caption = s.t(i18n.KPITableCaptionPriority, "label", c.priority.Label, "from", from, "to", to)
		} else {
			caption = s.t(i18n.KPITableCaption, "from", from, "to", to)
		}
	}
	v.Caption = caption
	months := []model.Month{}
	for m := e.From; m <= e.To && !e.From.IsZero(); m++ {
		months = append(months, m)
		v.Months = append(v.Months, MonthHeader{Short: s.Words.MonthShort(m), Long: s.month(m)})
	}
	v.Groups = columnGroups(c.site.Events, months)
	period := ""
	for i, res := range list {
		if b := res.KPI.Baseline; b != nil {
			if i == 0 {
				period = b.Period
			} else if b.Period != period {
				period = ""
			}
		}
	}
	v.Baseline = s.t(i18n.KPITableBaseline)
	if period != "" {
		v.Baseline = s.t(i18n.KPITableBaselinePeriod, "period", period)
	}
	for _, res := range list {
		v.Rows = append(v.Rows, c.kpiRow(g, res, months))
		if res.KPI.Proxy {
			v.HasProxy = true
		}
		if ch := c.view.editionKPIChart(e, res, f); ch != nil {
			v.Charts = append(v.Charts, ch)
		}
	}
	return v
}

// columnGroups splits the months at the first event that falls inside them.
func columnGroups(events []model.Event, months []model.Month) []ColumnGroup {
	if len(months) == 0 {
		return nil
	}
	for _, ev := range events {
		if ev.Split > months[0] && ev.Split <= months[len(months)-1] {
			before := int(ev.Split - months[0])
			return []ColumnGroup{{Label: ev.BeforeLabel, Span: before}, {Label: ev.AfterLabel, Span: len(months) - before}}
		}
	}
	return nil
}

func (s *Site) unitLabel(k *model.KPI) string {
	switch k.Unit {
	case model.UnitPercent:
		return s.t(i18n.UnitPercent)
	case model.UnitRate:
		return s.t(i18n.UnitRate, "per", format.Number(float64(k.Per), model.UnitCount, 0))
	case model.UnitCount:
		return s.t(i18n.UnitCount)
	}
	return ""
}

func (s *Site) polarityLabel(p model.Polarity) string {
	switch p {
	case model.PolarityHigher:
		return s.t(i18n.PolarityHigher)
	case model.PolarityLower:
		return s.t(i18n.PolarityLower)
	}
	return ""
}

// targetWords is the target a KPI table shows for the edition's year.
func (s *Site) targetWords(res *compute.KPIResult) string {
	switch {
	case res.MonitorOnly:
		return s.t(i18n.TargetMonitorOnly)
	case res.Target != nil:
		return format.Target(*res.Target, res.KPI.Unit, res.KPI.Decimals)
	}
	return s.t(i18n.TargetNone)
}

func (c *narrative) kpiRow(g *markdown.Glossary, res *compute.KPIResult, months []model.Month) KPIRowView {
	k, s := res.KPI, c.view
	row := KPIRowView{
		ID:        k.ID,
		Title:     template.HTML(g.Mark(k.Title)),
		Href:      s.KPIPage(k.ID),
		Unit:      s.unitLabel(k),
		Polarity:  s.polarityLabel(k.Polarity),
		Proxy:     k.Proxy,
		ProxyNote: k.ProxyNote,
		Target:    s.targetWords(res),
	}
	if b := k.Baseline; b != nil {
		row.Baseline = format.Number(b.Value, k.Unit, k.Decimals)
		row.Source = b.Source
	}
	hasCounts := false
	for _, p := range res.Points {
		if p.HasRatio {
			hasCounts = true
		}
	}
	var counts *CountRowView
	if hasCounts {
		title := k.CountTitle
		if title == "" {
			title = s.t(i18n.KPITableCounts)
		}
		counts = &CountRowView{Title: title}
		if b := k.Baseline; b != nil && b.HasRatio {
			counts.Baseline = fmt.Sprintf("%d/%d", b.Numerator, b.Denominator)
		}
	}
	for _, m := range months {
		p := res.Point(m)
		if p == nil {
			row.Cells = append(row.Cells, CellView{Empty: true})
			if counts != nil {
				counts.Cells = append(counts.Cells, CountCell{})
			}
			continue
		}
		cell := CellView{RAG: p.RAG.String(), RAGWord: s.ragWord(p.RAG), Arrow: arrow(p.Travel.Direction), TravelWord: s.travelWord(p.Travel), TravelRAG: p.Travel.RAG.String()}
		if p.HasValue {
			cell.Value = format.Number(p.Value, k.Unit, k.Decimals)
		}
		row.Cells = append(row.Cells, cell)
		if counts != nil {
			cc := CountCell{}
			if p.HasRatio {
				cc.Text = fmt.Sprintf("%d/%d", p.Numerator, p.Denominator)
				if !p.Agrees {
					pc, _ := compute.Percent(p.Numerator, p.Denominator)
					cc.Mismatch = format.Number(pc, model.UnitPercent, k.Decimals)
				}
			}
			counts.Cells = append(counts.Cells, cc)
		}
	}
	row.Counts = counts
	return row
}

// AuthorChartView is a chart an author declared, with its data as a table
// (layouts/partials/author-chart.html).
type AuthorChartView struct {
	ID      string
	Title   string
	Unit    string
	Note    string
	Rows    []LabelValue
	Chart   *ChartView
	Summary string
}

// LabelValue is one labelled figure.
type LabelValue struct {
	Label string
	Value string
}

// authorChart places a chart declared in the priority's front matter.
func (c *narrative) authorChart(a markdown.Args, f *Findings) (markdown.Output, error) {
	if len(a.Positional) != 1 {
		return markdown.Output{}, markdown.Fixf("write {{< chart ID >}}", "name one chart")
	}
	var ids []string
	if c.priority != nil {
		for _, ch := range c.priority.Charts {
			if ch.ID == a.Positional[0] {
				h, err := c.view.partials.Partial("author-chart", c.authorChartView(ch, f))
				if err != nil {
					return markdown.Output{}, err
				}
				return markdown.Output{HTML: string(h), Block: true}, nil
			}
			ids = append(ids, ch.ID)
		}
	}
	fix := "declare it with [[charts]] in this file's front matter"
	if len(ids) > 0 {
		fix = "use one of: " + strings.Join(ids, ", ")
	}
	return markdown.Output{}, markdown.Fixf(fix, "unknown chart %q", a.Positional[0])
}

func (c *narrative) authorChartView(ch *model.AuthorChart, f *Findings) *AuthorChartView {
	v := &AuthorChartView{ID: "chart-" + ch.ID, Title: ch.Title, Unit: ch.Unit, Note: ch.Note}
	for i, cat := range ch.Categories {
		if i < len(ch.Values) {
			v.Rows = append(v.Rows, LabelValue{Label: cat, Value: format.Number(ch.Values[i], model.UnitNumber, decimalsOf(ch.Values[i]))})
		}
	}
	v.Chart = c.view.authorChart(c.edition, ch, f)
	v.Summary = v.Chart.Summary
	return v
}

func decimalsOf(v float64) int {
	if v == float64(int64(v)) {
		return 0
	}
	return 1
}
