package view

import (
	"fmt"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
)

// KPIIndexView lists every KPI with its latest figure.
type KPIIndexView struct {
	KPIs    []KPISummaryView
	Revised int // how many KPIs have a revised figure
	// ColourKey sets out the rules the ratings follow.
	ColourKey ColourKey
}

// KPISummaryView is one KPI in the index.
type KPISummaryView struct {
	ID          string
	Title       string
	Href        string
	Unit        string
	Polarity    string
	Latest      string // the newest figure
	LatestMonth string
	RAG         string
	RAGWord     string
	Target      string
	Priorities  []Link
	Revised     int
	// Band says the KPI is rated with an amber band of its own.
	Band string
}

// KPIPageView is a KPI's page: its definition and its whole series.
type KPIPageView struct {
	ID            string
	Title         string
	ShortTitle    string
	Description   string
	Unit          string
	Polarity      string
	Proxy         bool
	ProxyNote     string
	Caveats       []string
	MonitorOnly   bool
	Baseline      *BaselineView
	Comparators   []ComparatorView
	Targets       []TargetYearView
	Years         []KPIYearView // the series, by financial year
	Editions      []Link        // the editions that published figures for it
	Priorities    []Link
	Revised       int
	DirectionOnly bool
	// Chart is the KPI's chart across editions, nil when there is nothing
	// to draw.
	Chart   *ChartView
	Summary string // the latest figure in a sentence
	CSV     string
	JSON    string
	// Band says the KPI is rated with an amber band of its own, and
	// ColourKey sets out the rules its ratings follow.
	Band      string
	ColourKey ColourKey
}

// BaselineView is the figure a KPI is measured from.
type BaselineView struct {
	Value  string
	Counts string
	Period string
	Source string
}

// ComparatorView is a published figure to compare with.
type ComparatorView struct {
	Name   string
	Value  string
	Period string
	Source string
}

// TargetYearView is one financial year's target and how it changed.
type TargetYearView struct {
	Year    string
	Target  string
	Source  string   // where the target shown comes from
	Changes []string // each change between editions, in words
}

// KPIYearView is one financial year of a KPI's series.
type KPIYearView struct {
	Year string
	Rows []KPIMonthView
}

// KPIMonthView is one month of a KPI across editions.
type KPIMonthView struct {
	Month      string // "2019-03"
	MonthLong  string // "March 2019"
	Value      string
	Counts     string
	RAG        string
	RAGWord    string
	Target     string
	Travel     TravelView
	YearOnYear TravelView
	Source     Link // the edition whose figure is shown
	Revised    bool
	First      string // the figure as first published
	FirstIn    Link
	RevisedIn  Link
	Note       string
}

// KPIPages are a KPI's page across editions, its row in the list of KPIs
// and its entry in the search index. A KPI published as directions only
// has no page (and no entry in the search index) unless its definition
// asks for one: Page is nil and its row in the list has no link.
type KPIPages struct {
	Page    *Page
	Summary KPISummaryView
	Search  SearchEntry
}

// HasKPIPage reports whether a KPI has a page of its own across reports:
// every KPI but one whose every published figure is a direction only, unless
// its definition asks for a page (page = true).
func (s *Site) HasKPIPage(k *model.KPI) bool {
	if k.OwnPage {
		return true
	}
	figures := false
	for _, e := range s.Model.Editions {
		if sr, ok := e.Series[k.ID]; ok {
			for _, f := range sr.Figures {
				if f.HasValue {
					return true
				}
				figures = true
			}
		}
	}
	return !figures
}

// KPI builds one KPI's page across editions from its history.
func (s *Site) KPI(h *compute.KPIHistory, f *Findings) *KPIPages {
	refs := s.kpiPriorities(h.KPI)
	out := &KPIPages{Summary: s.kpiSummaryView(h, refs)}
	if !s.HasKPIPage(h.KPI) {
		out.Summary.Href = ""
		return out
	}
	v := s.kpiPageView(h, refs, f)
	out.Page = s.page("kpi", KPIDir(h.KPI.ID)+"index.html", &Page{
		Title: h.KPI.Title, Heading: h.KPI.Title,
		Description: firstNonEmpty(h.KPI.Description, s.t(i18n.KPIDescription, "title", h.KPI.Title)),
		Breadcrumbs: []Link{s.homeCrumb(), {Href: s.URL("kpis/"), Text: s.t(i18n.KPIsTitle)}}, Extra: v, HasCharts: v.Chart != nil,
	})
	out.Search = SearchEntry{Title: h.KPI.Title, URL: s.KPIPage(h.KPI.ID), Kind: "indicator", Text: h.KPI.ShortTitle + ". " + h.KPI.Description + " " + v.Summary}.cut()
	return out
}

// KPIDir is the folder of a KPI's page and data files below the site root.
func KPIDir(id string) string { return "kpis/" + id + "/" }

// KPIIndex builds the list of KPIs from each KPI's row, in the order given.
func (s *Site) KPIIndex(rows []KPISummaryView) *Page {
	iv := &KPIIndexView{KPIs: rows}
	var kpis []*compute.KPIResult
	for _, k := range s.Model.KPIs {
		kpis = append(kpis, &compute.KPIResult{KPI: k, MonitorOnly: k.MonitorOnly})
	}
	iv.ColourKey = s.colourKey(kpis)
	for _, k := range rows {
		if k.Revised > 0 {
			iv.Revised++
		}
	}
	title := s.t(i18n.KPIsTitle)
	return s.page("kpis", "kpis/index.html", &Page{
		Title: title, Heading: title,
		Description: s.t(i18n.KPIsDescription),
		Breadcrumbs: []Link{s.homeCrumb()}, Extra: iv,
	})
}

// priorityRef is a priority that reports a KPI, as the newest edition
// numbers and names it.
type priorityRef struct {
	Number int
	Title  string
}

// kpiPriorities lists the priorities that report a KPI, newest edition first.
func (s *Site) kpiPriorities(k *model.KPI) []priorityRef {
	var out []priorityRef
	eds := s.Model.Editions
	seen := map[int]bool{}
	for i := len(eds) - 1; i >= 0; i-- {
		for _, p := range eds[i].Priorities {
			for _, id := range p.KPIs {
				if id == k.ID && !seen[p.Number] {
					seen[p.Number] = true
					out = append(out, priorityRef{p.Number, p.Title})
				}
			}
		}
	}
	return out
}

// kpiSummaryView is a KPI's row in the list of KPIs.
func (s *Site) kpiSummaryView(h *compute.KPIHistory, refs []priorityRef) KPISummaryView {
	k := h.KPI
	v := KPISummaryView{ID: k.ID, Title: k.Title, Href: s.KPIPage(k.ID), Unit: s.unitLabel(k), Polarity: s.polarityLabel(k.Polarity), Priorities: s.kpiPriorityLinks(refs), Revised: h.RevisedCount()}
	if k.Band != nil && k.Polarity != model.PolarityNone && !k.MonitorOnly {
		v.Band = s.t(i18n.KPITableOwnBand, "band", s.bandWords(*k.Band, k.Unit))
	}
	if p := h.Latest(); p != nil {
		v.Latest = s.figureText(k, p.Latest.Point.Figure)
		v.LatestMonth = s.month(p.Month)
		v.RAG, v.RAGWord = p.Latest.Point.RAG.String(), s.ragWord(p.Latest.Point.RAG)
	}
	v.Target = s.t(i18n.TargetNone)
	if n := len(h.Targets); n > 0 {
		t := s.targetYearView(k, h.Targets[n-1])
		v.Target = s.t(i18n.KPIsTargetYear, "target", t.Target, "year", t.Year)
	}
	if k.MonitorOnly {
		v.Target = s.t(i18n.TargetMonitorOnly)
	}
	return v
}

func (s *Site) kpiPageView(h *compute.KPIHistory, refs []priorityRef, f *Findings) *KPIPageView {
	k := h.KPI
	v := &KPIPageView{
		ID: k.ID, Title: k.Title, ShortTitle: k.ShortTitle, Description: k.Description,
		Unit: s.unitLabel(k), Polarity: s.polarityLabel(k.Polarity), Proxy: k.Proxy, ProxyNote: k.ProxyNote,
		Caveats: k.Caveats, MonitorOnly: k.MonitorOnly, Revised: h.RevisedCount(), DirectionOnly: h.DirectionOnly,
		CSV: s.RootURL(KPIDir(k.ID) + "data.csv"), JSON: s.RootURL(KPIDir(k.ID) + "data.json"),
	}
	if v.Polarity == "" {
		v.Polarity = s.t(i18n.PolarityNone)
	}
	if b := k.Baseline; b != nil {
		bv := &BaselineView{Value: format.Number(b.Value, k.Unit, k.Decimals), Period: b.Period, Source: b.Source}
		if b.HasRatio {
			bv.Counts = fmt.Sprintf("%d/%d", b.Numerator, b.Denominator)
		}
		v.Baseline = bv
	}
	for _, c := range k.Comparators {
		v.Comparators = append(v.Comparators, ComparatorView{Name: c.Name, Value: format.Number(c.Value, k.Unit, k.Decimals), Period: c.Period, Source: c.Source})
	}
	for _, t := range h.Targets {
		v.Targets = append(v.Targets, s.targetYearView(k, t))
	}
	for i := len(h.Editions) - 1; i >= 0; i-- {
		v.Editions = append(v.Editions, s.editionLink(h.Editions[i]))
	}
	v.Priorities = s.kpiPriorityLinks(refs)
	var year *KPIYearView
	for _, p := range h.Points {
		fy := s.Model.FinancialYear(p.Month).String()
		if year == nil || year.Year != fy {
			v.Years = append(v.Years, KPIYearView{Year: fy})
			year = &v.Years[len(v.Years)-1]
		}
		year.Rows = append(year.Rows, s.kpiMonthView(k, p))
	}
	v.Summary = s.kpiSentence(h)
	v.Chart = s.kpiHistoryChart(h, f)
	if k.Band != nil && k.Polarity != model.PolarityNone && !k.MonitorOnly {
		v.Band = s.t(i18n.KPIOwnBand, "band", s.bandWords(*k.Band, k.Unit))
	}
	// The example the key works through is this KPI's own, at its newest
	// target.
	kr := &compute.KPIResult{KPI: k, MonitorOnly: k.MonitorOnly}
	if p := h.Latest(); p != nil {
		kr.Target = p.Latest.Point.Target
	}
	v.ColourKey = s.colourKey([]*compute.KPIResult{kr})
	return v
}

// kpiPriorityLinks links to the priorities a KPI is reported under.
func (s *Site) kpiPriorityLinks(refs []priorityRef) []Link {
	var out []Link
	for _, p := range refs {
		out = append(out, Link{Href: s.priorityHistoryPath(p.Number), Text: s.t(i18n.KPIPriorityLink, "number", p.Number, "title", p.Title)})
	}
	return out
}

func (s *Site) kpiMonthView(k *model.KPI, p compute.HistoryPoint) KPIMonthView {
	pt := p.Latest.Point
	row := KPIMonthView{
		Month: p.Month.String(), MonthLong: s.month(p.Month),
		RAG: pt.RAG.String(), RAGWord: s.ragWord(pt.RAG),
		Travel: s.travelView(p.Travel), YearOnYear: s.travelView(p.YearOnYear),
		Source: s.editionShortLink(p.Latest.Edition), Revised: p.Revised(), Note: pt.Note,
	}
	if pt.HasValue {
		row.Value = format.Number(pt.Value, k.Unit, k.Decimals)
	}
	if pt.HasRatio {
		row.Counts = fmt.Sprintf("%d/%d", pt.Numerator, pt.Denominator)
	}
	if pt.Target != nil {
		row.Target = format.Target(*pt.Target, k.Unit, k.Decimals)
	}
	if rev := p.LastRevision(); rev != nil {
		row.First = s.figureText(k, p.First.Point.Figure)
		row.FirstIn = s.editionShortLink(p.First.Edition)
		row.RevisedIn = s.editionShortLink(rev.Edition)
	}
	return row
}

func (s *Site) targetYearView(k *model.KPI, t compute.TargetHistory) TargetYearView {
	v := TargetYearView{Year: t.Year.String()}
	target, monitor := t.Current()
	switch {
	case monitor || (k.MonitorOnly && len(t.Published) == 0):
		v.Target = s.t(i18n.TargetMonitorOnly)
	case target == nil:
		v.Target = s.t(i18n.TargetNone)
	default:
		v.Target = format.Target(*target, k.Unit, k.Decimals)
	}
	if n := len(t.Published); n > 0 {
		v.Source = s.t(i18n.KPITargetSource, "report", s.editionShortLink(t.Published[n-1].Edition).Text)
	} else {
		v.Source = s.t(i18n.KPITargetDefault)
	}
	for _, c := range t.Changes {
		v.Changes = append(v.Changes, s.t(i18n.KPITargetChanged, "report", s.editionShortLink(c.Edition).Text, "from", s.targetText(k, c.From), "to", s.targetText(k, c.To)))
	}
	return v
}

// kpiSentence says where a KPI stands now, in words.
func (s *Site) kpiSentence(h *compute.KPIHistory) string {
	k := h.KPI
	p := h.Latest()
	if p == nil {
		return s.t(i18n.KPINoFigures)
	}
	pt := p.Latest.Point
	month := s.month(p.Month)
	var sentence string
	switch w := s.ragWord(pt.RAG); {
	case pt.HasValue && w != "" && pt.Target != nil:
		sentence = s.t(i18n.KPILatestRated, "month", month, "value", format.Number(pt.Value, k.Unit, k.Decimals),
			"rating", w, "target", format.Target(*pt.Target, k.Unit, k.Decimals))
	case pt.HasValue:
		sentence = s.t(i18n.KPILatest, "month", month, "value", format.Number(pt.Value, k.Unit, k.Decimals))
	default:
		sentence = s.t(i18n.KPILatestDirection, "month", month, "direction", strings.ToLower(s.directionWord(pt.Direction)))
	}
	if n := h.RevisedCount(); n > 0 {
		sentence += " " + s.t(i18n.KPIRevised, "count", n)
	}
	return sentence
}
