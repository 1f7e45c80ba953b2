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

// KPITableView is a table of KPIs (layouts/partials/kpi-table.html): each
// KPI's latest figure, target and rating first, where a reader sees them
// without scrolling, then its baseline and a column per month, and its
// charts. Notes (proxy measures, counts that do not give the figure, notes
// published with a figure) are numbered in one series below the table.
type KPITableView struct {
	ID       string
	Caption  string
	Baseline string // the baseline column's heading: "2017/18 actual"
	Target   string // the target column's heading: "2018/19 target"
	// Latest is the table's last month, which the latest figures are for.
	Latest MonthHeader
	Groups []ColumnGroup
	Months []MonthHeader
	Rows   []KPIRowView
	Notes  []NoteView
	Caveat string
	// Key is the address of the colour key that explains the ratings.
	Key    string
	Charts []*ChartView
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

// NoteView is one numbered note below a KPI table; rows and cells refer to
// it by its number.
type NoteView struct {
	Number int
	ID     string // the note's anchor
	Text   string
}

// NoteRef is a reference from a row or a cell to a note.
type NoteRef struct {
	Number int
	Href   string
}

// KPIRowView is one KPI's row and, when it has counts, the row beneath.
type KPIRowView struct {
	ID       string
	Title    template.HTML // with the first use of a glossary term marked
	Href     string        // its page across reports; "" when it has none
	Unit     string        // "Percentage", "Rate per 10,000"
	Polarity string        // "Lower is better"
	Proxy    bool
	// ProxyNote refers to the note that says what the proxy measures.
	ProxyNote *NoteRef
	// Band says the KPI is rated with an amber band of its own: "amber
	// band: 1.5 percentage points".
	Band     string
	Baseline string
	Source   string
	// BaselineNote refers to the note on the baseline's counts.
	BaselineNote *NoteRef
	Latest       LatestView
	Cells        []CellView
	Target       string
	Counts       *CountRowView
}

// LatestView is a KPI's latest figure, as the table shows it first.
type LatestView struct {
	Value      string // "32.4%", or "" for a direction only
	Travel     string // a direction only: "Increasing"
	TravelCode string // class: "up-green", "down"
	// Month names the month when it is not the table's last: "Feb-19".
	Month   string
	RAG     string // class: "red", "amber", "green"
	RAGWord string // "Red", or "" for none
	Counts  string // "64/282"
}

// CellView is one month of one KPI.
type CellView struct {
	Value   string
	RAG     string // class: "red", "amber", "green"
	RAGWord string
	// Travel is the direction of travel in words; TravelCode its class,
	// which draws the arrow and colours it: "up-green", "down-amber", "same".
	Travel     string
	TravelCode string
	Note       *NoteRef
	Empty      bool // no figure for the month
}

// CountRowView is the numerator/denominator row under a percentage.
type CountRowView struct {
	Title        string
	Latest       string
	Baseline     string
	BaselineNote *NoteRef
	Cells        []CountCell
}

// CountCell is one month's counts, with the percentage they give when that
// differs from the published one and the author has not explained why, or
// the note that explains it.
type CountCell struct {
	Text     string
	Mismatch string
	Note     *NoteRef
}

// notes numbers a table's notes in the order they are first referred to;
// the same words get the same number.
type notes struct {
	table string
	list  []NoteView
	seen  map[string]int
}

func (n *notes) ref(text string) *NoteRef {
	if text == "" {
		return nil
	}
	if n.seen == nil {
		n.seen = map[string]int{}
	}
	i, ok := n.seen[text]
	if !ok {
		i = len(n.list) + 1
		n.seen[text] = i
		n.list = append(n.list, NoteView{Number: i, ID: fmt.Sprintf("%s-note-%d", n.table, i), Text: text})
	}
	return &NoteRef{Number: i, Href: fmt.Sprintf("#%s-note-%d", n.table, i)}
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
		Key:    "#" + ColourKeyAnchor,
	}
	if len(v.ID) > 60 {
		v.ID = v.ID[:60]
	}
	s := c.view
	v.Target = s.t(i18n.KPITableTarget, "year", c.site.FinancialYear(e.AsAt).String())
	if caption == "" {
		from, to := s.month(e.From), s.month(e.To)
		if c.priority != nil {
			caption = s.t(i18n.KPITableCaptionPriority, "label", s.priorityLabel(c.priority), "from", from, "to", to)
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
	if n := len(v.Months); n > 0 {
		v.Latest = v.Months[n-1]
	}
	v.Groups = s.columnGroups(c.site.Events, months)
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
	n := &notes{table: v.ID}
	for _, res := range list {
		v.Rows = append(v.Rows, c.kpiRow(g, res, months, n))
		if ch := c.view.editionKPIChart(e, res, f); ch != nil {
			v.Charts = append(v.Charts, ch)
		}
	}
	v.Notes = n.list
	return v
}

// columnGroups splits the months at the first event that falls inside them.
func (s *Site) columnGroups(events []model.Event, months []model.Month) []ColumnGroup {
	if len(months) == 0 {
		return nil
	}
	for _, ev := range events {
		if ev.Split > months[0] && ev.Split <= months[len(months)-1] {
			before := int(ev.Split - months[0])
			return []ColumnGroup{{Label: s.eventLabel(ev.BeforeLabel, i18n.KPITableBeforeEvent, ev.Name), Span: before}, {Label: s.eventLabel(ev.AfterLabel, i18n.KPITableAfterEvent, ev.Name), Span: len(months) - before}}
		}
	}
	return nil
}

// eventLabel is a column group's heading: the label planpress.toml gives,
// else the interface words' ("Before Ofsted inspection").
func (s *Site) eventLabel(label string, key i18n.Key, event string) string {
	if label != "" {
		return label
	}
	return s.t(key, "event", event)
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
	return s.t(i18n.UnitNumber)
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

func (c *narrative) kpiRow(g *markdown.Glossary, res *compute.KPIResult, months []model.Month, n *notes) KPIRowView {
	k, s := res.KPI, c.view
	row := KPIRowView{
		ID:       k.ID,
		Title:    template.HTML(g.Mark(k.Title)),
		Unit:     s.unitLabel(k),
		Polarity: s.polarityLabel(k.Polarity),
		Proxy:    k.Proxy,
		Target:   s.targetWords(res),
	}
	if s.linksToKPI(c.edition, res) {
		row.Href = s.KPIPage(k.ID)
	}
	if k.Proxy {
		note := k.ProxyNote
		if note == "" {
			note = s.t(i18n.KPITableProxyDefault)
		}
		row.ProxyNote = n.ref(s.t(i18n.KPITableNoteFor, "title", k.ShortTitle, "note", note))
	}
	if k.Band != nil && !res.MonitorOnly && k.Polarity != model.PolarityNone {
		row.Band = s.t(i18n.KPITableOwnBand, "band", s.bandWords(*k.Band, k.Unit))
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
			counts.BaselineNote = n.ref(noteFor(s, k, b.CountsNote))
		}
	} else if b := k.Baseline; b != nil {
		row.BaselineNote = n.ref(noteFor(s, k, b.CountsNote))
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
		cell := CellView{RAG: p.RAG.String(), RAGWord: s.ragWord(p.RAG), Travel: s.travelWord(p.Travel), TravelCode: travelCode(p.Travel)}
		if p.HasValue {
			cell.Value = format.Number(p.Value, k.Unit, k.Decimals)
		}
		cell.Note = n.ref(noteFor(s, k, p.Note))
		row.Cells = append(row.Cells, cell)
		if counts != nil {
			cc := CountCell{}
			if p.HasRatio {
				cc.Text = fmt.Sprintf("%d/%d", p.Numerator, p.Denominator)
				if !p.Agrees && p.CountsNote == "" { // a recorded discrepancy is a note, not a warning
					pc, _ := compute.Percent(p.Numerator, p.Denominator)
					cc.Mismatch = format.Number(pc, model.UnitPercent, k.Decimals)
				}
				cc.Note = n.ref(noteFor(s, k, p.CountsNote))
			}
			counts.Cells = append(counts.Cells, cc)
		}
	}
	if p := res.Latest(); p != nil {
		row.Latest = LatestView{RAG: p.RAG.String(), RAGWord: s.ragWord(p.RAG)}
		if p.HasValue {
			row.Latest.Value = format.Number(p.Value, k.Unit, k.Decimals)
		} else {
			row.Latest.Travel, row.Latest.TravelCode = s.travelWord(p.Travel), travelCode(p.Travel)
		}
		if len(months) > 0 && p.Month != months[len(months)-1] {
			row.Latest.Month = s.Words.MonthShort(p.Month)
		}
		if counts != nil && p.HasRatio {
			counts.Latest = fmt.Sprintf("%d/%d", p.Numerator, p.Denominator)
		}
	}
	row.Counts = counts
	return row
}

// noteFor words a note about one KPI's figures for the notes below a table:
// "Re-referrals: the report printed ...".
func noteFor(s *Site, k *model.KPI, note string) string {
	if note == "" {
		return ""
	}
	return s.t(i18n.KPITableNoteFor, "title", k.ShortTitle, "note", note)
}

// travelCode is the class of a direction of travel: its arrow and, for a
// KPI with a good direction, its colour: "up-green", "down-amber", "same".
func travelCode(t compute.Travel) string {
	var d string
	switch t.Direction {
	case model.DirUp:
		d = "up"
	case model.DirDown:
		d = "down"
	case model.DirSame:
		d = "same"
	default:
		return ""
	}
	if r := t.RAG.String(); r != "" {
		return d + "-" + r
	}
	return d
}

// linksToKPI reports whether an edition links a KPI to its page across
// reports. A KPI published as directions only has no page unless its
// definition asks for one (page = true): a row of arrows has nothing a page
// could add. The edition decides from its own figures, so that its pages do
// not change when a later edition publishes values.
func (s *Site) linksToKPI(e *model.Edition, res *compute.KPIResult) bool {
	if res.KPI.OwnPage {
		return true
	}
	for _, p := range res.Points {
		if p.HasValue {
			return true
		}
	}
	return false
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
