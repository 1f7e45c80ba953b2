package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/model"
)

// kpiHistory is one KPI across editions, computed once and used by its page,
// the index, its data files and search.
type kpiHistory struct {
	compute.KPIHistory
	priorities []priorityRef // the priorities that report it, newest edition's numbering
}

type priorityRef struct {
	Number int
	Title  string
}

// KPIIndexView lists every KPI with its latest figure.
type KPIIndexView struct {
	KPIs    []KPISummaryView
	Revised int // how many KPIs have a revised figure
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
	// Chart is the KPI's chart across editions; empty until charts are
	// wired in (see kpiHistoryChart).
	Chart   template.HTML
	Summary string // the latest figure in a sentence
	CSV     string
	JSON    string
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
	// RowsHTML is every row, each on its own line (see KPIMonthView.HTML).
	RowsHTML template.HTML
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
	// HTML is the whole row, written in Go (see htmlgo.go) from the fields
	// above, which a site's own layout may use instead.
	HTML template.HTML
}

// TravelView is a direction of travel ready to show.
type TravelView struct {
	Arrow string
	Word  string
	RAG   string
}

func travelView(t compute.Travel) TravelView {
	return TravelView{Arrow: t.Arrow, Word: t.Word, RAG: t.RAG.String()}
}

func (r *renderer) kpiHistory(k *model.KPI, eds []*model.Edition) *kpiHistory {
	h := &kpiHistory{KPIHistory: compute.History(r.site, k, eds)}
	seen := map[int]bool{}
	for i := len(eds) - 1; i >= 0; i-- {
		for _, p := range eds[i].Priorities {
			for _, id := range p.KPIs {
				if id == k.ID && !seen[p.Number] {
					seen[p.Number] = true
					h.priorities = append(h.priorities, priorityRef{p.Number, p.Title})
				}
			}
		}
	}
	return h
}

func (r *renderer) priorityHistoryPath(n int) string { return r.url(fmt.Sprintf("priorities/%d/", n)) }

// renderKPIPage writes one KPI's page across editions and its data files.
func (r *renderer) renderKPIPage(h *kpiHistory) {
	v := r.kpiPageView(h)
	dir := "kpis/" + h.KPI.ID + "/"
	r.writePage("kpi", dir+"index.html", &Page{
		Title: h.KPI.Title, Heading: h.KPI.Title,
		Description: firstNonEmpty(h.KPI.Description, "Every published figure for "+h.KPI.Title+"."),
		Breadcrumbs: []Link{{Href: r.url(""), Text: "Home"}, {Href: r.url("kpis/"), Text: "Indicators"}}, Extra: v, HasCharts: v.Chart != "",
	})
	r.write(dir+"data.csv", kpiHistoryCSV(h))
	r.writeKPIHistoryJSON(dir+"data.json", h)
	sum := r.kpiSummaryView(h)
	r.out.kpi = &sum
	entry := searchEntry{Title: h.KPI.Title, URL: r.kpiPage(h.KPI.ID), Kind: "indicator", Text: h.KPI.ShortTitle + ". " + h.KPI.Description + " " + kpiSentence(h)}
	r.out.search = []searchEntry{entry.cut()}
}

// renderKPIIndex writes the list of KPIs.
func (r *renderer) renderKPIIndex(kpis []*KPISummaryView) {
	iv := &KPIIndexView{}
	for _, k := range kpis {
		if k == nil {
			continue
		}
		iv.KPIs = append(iv.KPIs, *k)
		if k.Revised > 0 {
			iv.Revised++
		}
	}
	r.writePage("kpis", "kpis/index.html", &Page{
		Title: "Indicators", Heading: "Indicators",
		Description: "Every performance indicator across every report, with its newest figures.",
		Breadcrumbs: []Link{{Href: r.url(""), Text: "Home"}}, Extra: iv,
	})
}

// kpiSummaryView is a KPI's row in the list of KPIs.
func (r *renderer) kpiSummaryView(h *kpiHistory) KPISummaryView {
	k := h.KPI
	s := KPISummaryView{ID: k.ID, Title: k.Title, Href: r.kpiPage(k.ID), Unit: unitLabel(k), Polarity: polarityLabel(k.Polarity), Priorities: r.kpiPriorityLinks(h), Revised: h.RevisedCount()}
	if p := h.Latest(); p != nil {
		s.Latest = figureText(k, p.Latest.Point.Figure)
		s.LatestMonth = p.Month.Long()
		s.RAG, s.RAGWord = p.Latest.Point.RAG.String(), p.Latest.Point.RAG.Word()
	}
	s.Target = "No target"
	if n := len(h.Targets); n > 0 {
		t := r.targetYearView(k, h.Targets[n-1])
		s.Target = t.Target + " (" + t.Year + ")"
	}
	if k.MonitorOnly {
		s.Target = "Monitor only"
	}
	return s
}

func (r *renderer) kpiPageView(h *kpiHistory) *KPIPageView {
	k := h.KPI
	v := &KPIPageView{
		ID: k.ID, Title: k.Title, ShortTitle: k.ShortTitle, Description: k.Description,
		Unit: unitLabel(k), Polarity: polarityLabel(k.Polarity), Proxy: k.Proxy, ProxyNote: k.ProxyNote,
		Caveats: k.Caveats, MonitorOnly: k.MonitorOnly, Revised: h.RevisedCount(), DirectionOnly: h.DirectionOnly,
		CSV: r.url("kpis/" + k.ID + "/data.csv"), JSON: r.url("kpis/" + k.ID + "/data.json"),
	}
	if v.Polarity == "" {
		v.Polarity = "Neither higher nor lower is better"
	}
	if b := k.Baseline; b != nil {
		bv := &BaselineView{Value: compute.Format(b.Value, k.Unit, k.Decimals), Period: b.Period, Source: b.Source}
		if b.HasRatio {
			bv.Counts = fmt.Sprintf("%d/%d", b.Numerator, b.Denominator)
		}
		v.Baseline = bv
	}
	for _, c := range k.Comparators {
		v.Comparators = append(v.Comparators, ComparatorView{Name: c.Name, Value: compute.Format(c.Value, k.Unit, k.Decimals), Period: c.Period, Source: c.Source})
	}
	for _, t := range h.Targets {
		v.Targets = append(v.Targets, r.targetYearView(k, t))
	}
	for i := len(h.Editions) - 1; i >= 0; i-- {
		v.Editions = append(v.Editions, r.editionLink(h.Editions[i]))
	}
	v.Priorities = r.kpiPriorityLinks(h)
	var year *KPIYearView
	for _, p := range h.Points {
		fy := r.site.FinancialYear(p.Month).String()
		if year == nil || year.Year != fy {
			v.Years = append(v.Years, KPIYearView{Year: fy})
			year = &v.Years[len(v.Years)-1]
		}
		year.Rows = append(year.Rows, r.kpiMonthView(k, p))
	}
	for i := range v.Years {
		var b strings.Builder
		for _, row := range v.Years[i].Rows {
			b.WriteString("\n    ")
			b.WriteString(string(row.HTML))
		}
		v.Years[i].RowsHTML = template.HTML(b.String())
	}
	v.Summary = kpiSentence(h)
	v.Chart = r.kpiHistoryChart(h)
	return v
}

// kpiPriorityLinks links to the priorities a KPI is reported under.
func (r *renderer) kpiPriorityLinks(h *kpiHistory) []Link {
	var out []Link
	for _, p := range h.priorities {
		out = append(out, Link{Href: r.priorityHistoryPath(p.Number), Text: fmt.Sprintf("Priority %d: %s", p.Number, p.Title)})
	}
	return out
}

func (r *renderer) kpiMonthView(k *model.KPI, p compute.HistoryPoint) KPIMonthView {
	pt := p.Latest.Point
	row := KPIMonthView{
		Month: p.Month.String(), MonthLong: p.Month.Long(), Value: pt.Formatted,
		RAG: pt.RAG.String(), RAGWord: pt.RAG.Word(),
		Travel: travelView(p.Travel), YearOnYear: travelView(p.YearOnYear),
		Source: r.editionShortLink(p.Latest.Edition), Revised: p.Revised(), Note: pt.Note,
	}
	if !pt.HasValue && pt.Direction != model.DirNone {
		row.Value = ""
	}
	if pt.HasRatio {
		row.Counts = fmt.Sprintf("%d/%d", pt.Numerator, pt.Denominator)
	}
	if pt.Target != nil {
		row.Target = compute.FormatTarget(*pt.Target, k.Unit, k.Decimals)
	}
	if rev := p.LastRevision(); rev != nil {
		row.First = figureText(k, p.First.Point.Figure)
		row.FirstIn = r.editionShortLink(p.First.Edition)
		row.RevisedIn = r.editionShortLink(rev.Edition)
	}
	row.HTML = monthRowHTML(row)
	return row
}

func (r *renderer) targetYearView(k *model.KPI, t compute.TargetHistory) TargetYearView {
	v := TargetYearView{Year: t.Year.String()}
	target, monitor := t.Current()
	switch {
	case monitor || (k.MonitorOnly && len(t.Published) == 0):
		v.Target = "Monitor only"
	case target == nil:
		v.Target = "No target"
	default:
		v.Target = compute.FormatTarget(*target, k.Unit, k.Decimals)
	}
	if n := len(t.Published); n > 0 {
		v.Source = "As published in the " + r.editionShortLink(t.Published[n-1].Edition).Text
	} else {
		v.Source = "Set in the indicator's definition; no report for this year yet"
	}
	for _, c := range t.Changes {
		v.Changes = append(v.Changes, fmt.Sprintf("Changed in the %s from %s to %s.", r.editionShortLink(c.Edition).Text, targetText(k, c.From), targetText(k, c.To)))
	}
	return v
}

// kpiSentence says where a KPI stands now, in words.
func kpiSentence(h *kpiHistory) string {
	k := h.KPI
	p := h.Latest()
	if p == nil {
		return "No report has published figures for this indicator yet."
	}
	pt := p.Latest.Point
	var b strings.Builder
	if pt.HasValue {
		fmt.Fprintf(&b, "The latest figure, for %s, is %s", p.Month.Long(), pt.Formatted)
		if w := pt.RAG.Word(); w != "" && pt.Target != nil {
			fmt.Fprintf(&b, ": %s against a target of %s", w, compute.FormatTarget(*pt.Target, k.Unit, k.Decimals))
		}
		b.WriteString(".")
	} else {
		fmt.Fprintf(&b, "The latest month published, %s, shows a direction only: %s.", p.Month.Long(), strings.ToLower(directionWord(pt.Direction)))
	}
	if n := h.RevisedCount(); n == 1 {
		b.WriteString(" One month's figure has been revised since it was first published.")
	} else if n > 1 {
		fmt.Fprintf(&b, " %d months' figures have been revised since they were first published.", n)
	}
	return b.String()
}

// kpiHistoryCSVHeader is the header row of kpis/ID/data.csv.
var kpiHistoryCSVHeader = []string{"kpi", "period", "value", "numerator", "denominator", "direction", "target", "rag", "travel", "year_on_year", "edition", "revised", "first_published", "first_edition", "revised_in"}

// kpiHistoryCSV writes a KPI's whole series as RFC 4180 CSV: one row a month,
// the newest published figure, with where it was first published.
func kpiHistoryCSV(h *kpiHistory) []byte {
	k := h.KPI
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	_ = w.Write(kpiHistoryCSVHeader)
	for _, p := range h.Points {
		pt := p.Latest.Point
		row := make([]string, len(kpiHistoryCSVHeader))
		row[0], row[1] = k.ID, p.Month.String()
		if pt.HasValue {
			row[2] = strconv.FormatFloat(compute.Round(pt.Value, k.Decimals), 'f', k.Decimals, 64)
		}
		if pt.HasRatio {
			row[3], row[4] = strconv.Itoa(pt.Numerator), strconv.Itoa(pt.Denominator)
		}
		row[5] = p.Travel.Direction.String()
		if pt.Target != nil {
			row[6] = strconv.FormatFloat(*pt.Target, 'f', -1, 64)
		}
		row[7], row[8], row[9] = pt.RAG.String(), p.Travel.Word, p.YearOnYear.Word
		row[10] = p.Latest.Edition.ID
		row[11] = strconv.FormatBool(p.Revised())
		row[12] = csvFigure(k, p.First.Point.Figure)
		row[13] = p.First.Edition.ID
		if rev := p.LastRevision(); rev != nil {
			row[14] = rev.Edition.ID
		}
		_ = w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}

// csvFigure writes a figure in one CSV field: "32.4", "64/282" when only
// counts were published, or a direction word.
func csvFigure(k *model.KPI, f model.Figure) string {
	switch {
	case f.HasValue:
		return strconv.FormatFloat(compute.Round(f.Value, k.Decimals), 'f', k.Decimals, 64)
	case f.Direction != model.DirNone:
		return f.Direction.String()
	}
	return ""
}

// The shape of kpis/ID/data.json. Field order is fixed by these types, so the
// file is byte-identical build to build.
type kpiHistoryFile struct {
	KPI     kpiDefinition    `json:"kpi"`
	Targets []kpiTargetYear  `json:"targets"`
	Values  []kpiHistoryItem `json:"values"`
}

type kpiDefinition struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	ShortTitle  string          `json:"short_title"`
	Description string          `json:"description"`
	Unit        string          `json:"unit"`
	Per         int             `json:"per,omitempty"`
	Decimals    int             `json:"decimals"`
	Polarity    string          `json:"polarity"`
	Proxy       bool            `json:"proxy"`
	ProxyNote   string          `json:"proxy_note,omitempty"`
	MonitorOnly bool            `json:"monitor_only"`
	Baseline    *dataBase       `json:"baseline"`
	Comparators []kpiComparator `json:"comparators"`
	Editions    []string        `json:"editions"`
}

type kpiComparator struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Period string  `json:"period,omitempty"`
	Source string  `json:"source,omitempty"`
}

type kpiTargetYear struct {
	Year        string            `json:"year"`
	Target      *float64          `json:"target"`
	MonitorOnly bool              `json:"monitor_only"`
	Defined     *float64          `json:"defined"`
	Edition     string            `json:"edition,omitempty"`
	Changes     []kpiTargetChange `json:"changes"`
}

type kpiTargetChange struct {
	Edition string   `json:"edition"`
	From    *float64 `json:"from"`
	To      *float64 `json:"to"`
}

type kpiHistoryItem struct {
	dataValue
	YearOnYear *string       `json:"year_on_year"`
	Edition    string        `json:"edition"`
	Revised    bool          `json:"revised"`
	First      kpiPublished  `json:"first_published"`
	Revisions  []kpiRevision `json:"revisions"`
}

type kpiPublished struct {
	Edition     string   `json:"edition"`
	Value       *float64 `json:"value"`
	Numerator   *int     `json:"numerator"`
	Denominator *int     `json:"denominator"`
	Direction   *string  `json:"direction"`
}

// kpiRevision is a figure an edition published differently from the
// edition before it: from says who published what before, to what it became.
type kpiRevision struct {
	Edition string       `json:"edition"`
	From    kpiPublished `json:"from"`
	To      kpiPublished `json:"to"`
}

func publishedOf(e *model.Edition, f model.Figure) kpiPublished {
	p := kpiPublished{Edition: e.ID, Direction: strPtr(f.Direction.String())}
	if f.HasValue {
		v := f.Value
		p.Value = &v
	}
	if f.HasRatio {
		n, d := f.Numerator, f.Denominator
		p.Numerator, p.Denominator = &n, &d
	}
	return p
}

func (r *renderer) writeKPIHistoryJSON(p string, h *kpiHistory) {
	k := h.KPI
	f := kpiHistoryFile{
		KPI: kpiDefinition{ID: k.ID, Title: k.Title, ShortTitle: k.ShortTitle, Description: k.Description, Unit: k.Unit.String(), Per: k.Per,
			Decimals: k.Decimals, Polarity: k.Polarity.String(), Proxy: k.Proxy, ProxyNote: k.ProxyNote, MonitorOnly: k.MonitorOnly,
			Comparators: []kpiComparator{}, Editions: []string{}},
		Targets: []kpiTargetYear{}, Values: []kpiHistoryItem{},
	}
	if b := k.Baseline; b != nil {
		db := &dataBase{Value: b.Value, Period: b.Period, Source: b.Source}
		if b.HasRatio {
			n, d := b.Numerator, b.Denominator
			db.Numerator, db.Denominator = &n, &d
		}
		f.KPI.Baseline = db
	}
	for _, c := range k.Comparators {
		f.KPI.Comparators = append(f.KPI.Comparators, kpiComparator{Key: c.Key, Name: c.Name, Value: c.Value, Period: c.Period, Source: c.Source})
	}
	for _, e := range h.Editions {
		f.KPI.Editions = append(f.KPI.Editions, e.ID)
	}
	for _, t := range h.Targets {
		target, monitor := t.Current()
		ty := kpiTargetYear{Year: t.Year.String(), Target: target, MonitorOnly: monitor, Defined: t.Defined, Changes: []kpiTargetChange{}}
		if n := len(t.Published); n > 0 {
			ty.Edition = t.Published[n-1].Edition.ID
		}
		for _, c := range t.Changes {
			ty.Changes = append(ty.Changes, kpiTargetChange{Edition: c.Edition.ID, From: c.From.Target, To: c.To.Target})
		}
		f.Targets = append(f.Targets, ty)
	}
	for _, p := range h.Points {
		dv := dataValueOf(p.Latest.Point)
		dv.Direction, dv.Travel = strPtr(p.Travel.Direction.String()), strPtr(p.Travel.Word)
		item := kpiHistoryItem{dataValue: dv, YearOnYear: strPtr(p.YearOnYear.Word), Edition: p.Latest.Edition.ID, Revised: p.Revised(),
			First: publishedOf(p.First.Edition, p.First.Point.Figure), Revisions: []kpiRevision{}}
		for _, rev := range p.Revisions {
			item.Revisions = append(item.Revisions, kpiRevision{Edition: rev.Edition.ID, From: publishedOf(rev.Previous, rev.From), To: publishedOf(rev.Edition, rev.To)})
		}
		f.Values = append(f.Values, item)
	}
	// Not indented: at 1000 editions each KPI's file is over a megabyte,
	// and indenting added half again.
	b, err := json.Marshal(f)
	if err != nil {
		r.errorf(k.Pos.File, k.Pos.Line, "", "cannot write %s: %v", p, err)
		return
	}
	r.write(p, append(b, '\n'))
}
