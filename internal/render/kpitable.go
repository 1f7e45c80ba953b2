package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/model"
)

// kpiTable places the table (and charts) of one or more KPIs.
func (c *editionCtx) kpiTable(r *renderer, g *markdown.Glossary, a markdown.Args) (markdown.Output, error) {
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
	h, err := c.renderKPITable(r, g, list, caption)
	if err != nil {
		return markdown.Output{}, err
	}
	for _, id := range a.Positional {
		c.placed[id] = true
	}
	return markdown.Output{HTML: string(h), Block: true}, nil
}

// renderKPITable builds the view of a KPI table and runs the kpi-table partial.
func (c *editionCtx) renderKPITable(r *renderer, g *markdown.Glossary, list []*compute.KPIResult, caption string) (template.HTML, error) {
	v := c.kpiTableView(r, g, list, caption)
	return r.tpl.partial("kpi-table", v)
}

func (c *editionCtx) kpiTableView(r *renderer, g *markdown.Glossary, list []*compute.KPIResult, caption string) *KPITableView {
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
	v.Target = c.site.FinancialYear(e.AsAt).String() + " target"
	if caption == "" {
		if c.priority != nil {
			caption = fmt.Sprintf("%s: performance indicators, %s to %s", c.priority.Label, e.From.Long(), e.To.Long())
		} else {
			caption = fmt.Sprintf("Performance indicators, %s to %s", e.From.Long(), e.To.Long())
		}
	}
	v.Caption = caption
	months := []model.Month{}
	for m := e.From; m <= e.To && !e.From.IsZero(); m++ {
		months = append(months, m)
		v.Months = append(v.Months, MonthHeader{Short: m.Short(), Long: m.Long()})
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
	v.Baseline = "Baseline"
	if period != "" {
		v.Baseline = period + " actual"
	}
	for _, res := range list {
		v.Rows = append(v.Rows, c.kpiRow(r, g, res, months))
		if res.KPI.Proxy {
			v.HasProxy = true
		}
		if h := r.kpiChart(e, res); h != "" {
			v.Charts = append(v.Charts, h)
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

func unitLabel(k *model.KPI) string {
	switch k.Unit {
	case model.UnitPercent:
		return "Percentage"
	case model.UnitRate:
		return "Rate per " + compute.Format(float64(k.Per), model.UnitCount, 0)
	case model.UnitCount:
		return "Count"
	}
	return ""
}

func polarityLabel(p model.Polarity) string {
	switch p {
	case model.PolarityHigher:
		return "Higher is better"
	case model.PolarityLower:
		return "Lower is better"
	}
	return ""
}

func (c *editionCtx) kpiRow(r *renderer, g *markdown.Glossary, res *compute.KPIResult, months []model.Month) KPIRowView {
	k := res.KPI
	row := KPIRowView{
		ID:        k.ID,
		Title:     template.HTML(g.Mark(k.Title)),
		Href:      r.url("kpis/" + k.ID + "/"),
		Unit:      unitLabel(k),
		Polarity:  polarityLabel(k.Polarity),
		Proxy:     k.Proxy,
		ProxyNote: k.ProxyNote,
	}
	if b := k.Baseline; b != nil {
		row.Baseline = compute.Format(b.Value, k.Unit, k.Decimals)
		row.Source = b.Source
	}
	switch {
	case res.MonitorOnly:
		row.Target = "Monitor only"
	case res.Target != nil:
		row.Target = compute.FormatTarget(*res.Target, k.Unit, k.Decimals)
	default:
		row.Target = "No target"
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
			title = "Numerator/denominator"
		}
		counts = &CountRowView{Title: title}
		if b := k.Baseline; b != nil && b.HasRatio {
			counts.Baseline = fmt.Sprintf("%d/%d", b.Numerator, b.Denominator)
		}
	}
	for _, m := range months {
		p := res.Point(m)
		if p == nil {
			row.Cells = append(row.Cells, CellView{Empty: true, HTML: emptyCell})
			if counts != nil {
				counts.Cells = append(counts.Cells, CountCell{HTML: "<td></td>"})
			}
			continue
		}
		cell := CellView{Value: p.Formatted, RAG: p.RAG.String(), RAGWord: p.RAG.Word(), Arrow: p.Travel.Arrow, TravelWord: p.Travel.Word, TravelRAG: p.Travel.RAG.String()}
		cell.HTML = cellHTML(cell)
		row.Cells = append(row.Cells, cell)
		if counts != nil {
			cc := CountCell{}
			if p.HasRatio {
				cc.Text = fmt.Sprintf("%d/%d", p.Numerator, p.Denominator)
				if !p.Agrees {
					pc, _ := compute.Percent(p.Numerator, p.Denominator)
					cc.Mismatch = compute.Format(pc, model.UnitPercent, k.Decimals)
				}
			}
			cc.HTML = countHTML(cc)
			counts.Cells = append(counts.Cells, cc)
		}
	}
	row.Counts = counts
	return row
}

// authorChart places a chart declared in the priority's front matter.
func (c *editionCtx) authorChart(r *renderer, a markdown.Args) (markdown.Output, error) {
	if len(a.Positional) != 1 {
		return markdown.Output{}, markdown.Fixf("write {{< chart ID >}}", "name one chart")
	}
	var ids []string
	if c.priority != nil {
		for _, ch := range c.priority.Charts {
			if ch.ID == a.Positional[0] {
				h, err := r.tpl.partial("author-chart", c.authorChartView(r, ch))
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

const emptyCell template.HTML = `<td class="cell"><span class="none">–</span><span class="visually-hidden">No figure</span></td>`

// cellHTML writes one month of a KPI row: the value, its rating in words and
// its direction of travel in words, with the rating's colour as a class.
func cellHTML(c CellView) template.HTML {
	var b strings.Builder
	b.WriteString(`<td class="cell`)
	if c.RAG != "" {
		b.WriteString(" rag-")
		b.WriteString(c.RAG)
	}
	b.WriteString(`">`)
	if c.Value != "" {
		b.WriteString(`<span class="value">`)
		b.WriteString(escText(c.Value))
		b.WriteString(`</span>`)
	}
	if c.RAGWord != "" {
		b.WriteString(`<span class="rag-word">`)
		b.WriteString(c.RAGWord)
		b.WriteString(`</span>`)
	}
	if c.Arrow != "" {
		b.WriteString(`<span class="travel`)
		if c.TravelRAG != "" {
			b.WriteString(" travel--")
			b.WriteString(c.TravelRAG)
		}
		b.WriteString(`"><span aria-hidden="true">`)
		b.WriteString(c.Arrow)
		b.WriteString(`</span> `)
		b.WriteString(escText(c.TravelWord))
		b.WriteString(`</span>`)
	}
	b.WriteString(`</td>`)
	return template.HTML(b.String())
}

// countHTML writes one month's numerator/denominator cell, with the
// percentage the counts give when it differs from the published one.
func countHTML(c CountCell) template.HTML {
	s := "<td>" + escText(c.Text)
	if c.Mismatch != "" {
		s += `<span class="mismatch">counts give ` + escText(c.Mismatch) + `</span>`
	}
	return template.HTML(s + "</td>")
}
