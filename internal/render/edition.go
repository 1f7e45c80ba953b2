package render

import (
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/model"
)

// AuthorChartView is a chart an author declared, with its data as a table.
type AuthorChartView struct {
	ID      string
	Title   string
	Unit    string
	Note    string
	Rows    []LabelValue
	Chart   template.HTML
	Summary string
}

// LabelValue is one labelled figure.
type LabelValue struct {
	Label string
	Value string
}

func (c *editionCtx) authorChartView(r *renderer, ch *model.AuthorChart) *AuthorChartView {
	v := &AuthorChartView{ID: "chart-" + ch.ID, Title: ch.Title, Unit: ch.Unit, Note: ch.Note}
	for i, cat := range ch.Categories {
		if i < len(ch.Values) {
			v.Rows = append(v.Rows, LabelValue{Label: cat, Value: compute.Format(ch.Values[i], model.UnitNumber, decimalsOf(ch.Values[i]))})
		}
	}
	v.Chart, v.Summary = r.authorChartFigure(c, ch)
	return v
}

func decimalsOf(v float64) int {
	if v == float64(int64(v)) {
		return 0
	}
	return 1
}

// newCtx prepares what an edition's narrative can quote.
func (r *renderer) newCtx(e *model.Edition, res map[string]*compute.KPIResult, p *model.Priority, anchorsOn string) *editionCtx {
	c := &editionCtx{site: r.site, edition: e, results: res, priority: p, placed: map[string]bool{}, quoted: map[string]bool{}, anchors: map[string]string{}}
	for _, pr := range e.Priorities {
		page := ""
		if anchorsOn != "print" && (p == nil || pr != p) {
			page = r.url(editionPath(e) + pr.Slug + "/")
		}
		for _, m := range pr.Milestones {
			c.anchors[m.Ref] = page + "#" + milestoneAnchor(m.Ref)
		}
	}
	return c
}

func milestoneAnchor(ref string) string { return "m-" + ref }

func (r *renderer) statusView(name string) StatusView {
	s := r.site.Status(name)
	if s == nil {
		return StatusView{Name: name}
	}
	return StatusView{Name: s.Name, Key: s.Key, RAG: s.RAG.String(), OnTrack: s.OnTrack, Description: s.Description}
}

func (r *renderer) summaryView(ms []*model.Milestone, what string) SummaryView {
	s := compute.Summarise(ms, r.site.Statuses)
	v := SummaryView{Total: s.Total, OnTrack: s.OnTrack, OnTrackPercent: compute.Format(s.OnTrackPercent, model.UnitPercent, 1)}
	var parts []string
	for _, c := range s.ByStatus {
		st := r.statusView(c.Status.Name)
		v.ByStatus = append(v.ByStatus, StatusCountView{Status: st, Count: c.Count, Percent: compute.Format(c.Percent, model.UnitPercent, 1)})
		if c.Count > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.Count, strings.ToLower(c.Status.Name)))
		}
	}
	v.Sentence = fmt.Sprintf("%d of %d milestones %s are on track (%s)", s.OnTrack, s.Total, what, v.OnTrackPercent)
	if len(parts) > 0 {
		v.Sentence += ": " + strings.Join(parts, ", ")
	}
	v.Sentence += "."
	return v
}

func (r *renderer) colourKey(e *model.Edition) ColourKey {
	b := r.site.Band
	width := compute.Format(b.Width, model.UnitNumber, decimalsOf(b.Width))
	amber := fmt.Sprintf("the figure misses its target by no more than %s%% of the target (for a target of 25%% where lower is better, up to 28.75%%)", width)
	if b.Mode == model.BandPoints {
		amber = fmt.Sprintf("the figure misses its target by no more than %s percentage points (or units, for figures that are not percentages)", width)
	}
	return ColourKey{
		Green:   "the figure meets or beats its target.",
		Amber:   amber + ".",
		Red:     "the figure misses its target by more than that.",
		Travel:  "compares each month with the month before: Improving (green) when it moved the right way for that indicator, Worsening (amber) when it moved the wrong way, and Increasing or Decreasing where neither way is better.",
		Monitor: "indicators marked Monitor only, or with no target, are watched but not rated.",
	}
}

// editionView builds the overview data of an edition for one page.
func (r *renderer) editionView(e *model.Edition, res map[string]*compute.KPIResult, g *markdown.Glossary, anchorsOn string) *EditionView {
	v := &EditionView{
		ID: e.ID, Title: e.Title, Path: r.url(editionPath(e)), Summary: e.Summary,
		AsAt: e.AsAt.Long(), Signatory: e.Signatory, Caveat: e.Caveat, Draft: e.Draft,
		DataJSON:  r.url(editionPath(e) + "data.json"),
		PrintPath: r.url(editionPath(e) + "print/"),
	}
	if !e.From.IsZero() {
		v.Period = e.From.Long() + " to " + e.To.Long()
	}
	if e.PublishedPrecision == "month" {
		v.Published = model.MonthOf(e.Published.Year(), e.Published.Month()).Long()
		v.PublishedISO = e.Published.Format("2006-01")
	} else if !e.Published.IsZero() {
		v.Published = e.Published.Format("2 January 2006")
		v.PublishedISO = e.Published.Format("2006-01-02")
	}
	ctx := r.newCtx(e, res, nil, anchorsOn)
	check := ""
	if anchorsOn != "print" {
		check = "/" + editionPath(e)
	}
	v.Intro = r.convert(e.Intro, e.IntroPos, ctx, g, check)
	v.Milestones = r.summaryView(e.Milestones(), "in this edition")
	var list []compute.KPIResult
	for _, p := range e.Priorities {
		for _, id := range p.KPIs {
			if x, ok := res[id]; ok {
				list = append(list, *x)
			}
		}
	}
	counts := compute.CountRAG(list)
	v.KPIs = KPIRAGView{Red: counts.Red, Amber: counts.Amber, Green: counts.Green, None: counts.None, Total: len(list)}
	v.KPIs.Sentence = fmt.Sprintf("Of %d indicators at their latest month, %d are Green, %d Amber and %d Red; %d have no target or publish a direction only.", len(list), counts.Green, counts.Amber, counts.Red, counts.None)
	v.ColourKey = r.colourKey(e)
	v.Charts = r.summaryCharts(e, v)
	v.Changes = r.changesFor(e)
	return v
}

// priorityView builds one priority for one page.
// The print edition reuses these views, so they are built once, for the
// priority's own page.
func (r *renderer) priorityView(e *model.Edition, res map[string]*compute.KPIResult, p *model.Priority, g *markdown.Glossary) *PriorityView {
	ctx := r.newCtx(e, res, p, "")
	v := &PriorityView{Number: p.Number, Label: p.Label, Title: p.Title, Path: r.url(editionPath(e) + p.Slug + "/"), KPIs: p.KPIs}
	plain := &markdown.Env{Glossary: g}
	v.Commitment = r.md.ConvertInline(p.Commitment, plain)
	for _, m := range p.Milestones {
		mv := MilestoneView{Ref: m.Ref, Anchor: milestoneAnchor(m.Ref), Status: r.statusView(m.Status)}
		mv.Text = r.md.ConvertInline(m.Text, plain)
		for _, s := range m.Impact {
			mv.Impact = append(mv.Impact, r.md.ConvertInline(s, plain))
		}
		for _, s := range m.QA {
			mv.QA = append(mv.QA, r.md.ConvertInline(s, plain))
		}
		mv.Dates = milestoneDates(m, e.AsAt)
		v.Milestones = append(v.Milestones, mv)
	}
	v.Summary = r.summaryView(p.Milestones, "in this priority")
	v.Body = r.convert(p.Body, p.BodyPos, ctx, g, "/"+editionPath(e)+p.Slug+"/")
	r.warnUncommentedRed(e, p, res, ctx)
	var unplaced []*compute.KPIResult
	for _, id := range p.KPIs {
		if x, ok := res[id]; ok && !ctx.placed[id] {
			unplaced = append(unplaced, x)
		}
	}
	if len(unplaced) > 0 {
		h, err := ctx.renderKPITable(r, g, unplaced, "")
		if err != nil {
			r.errorf("layouts/partials/kpi-table.html", 0, "fix the layout", "%v", err)
		}
		v.Unplaced = h
	}
	return v
}

// headingShift steps a narrative's headings down a level, for the print
// edition, where each priority is a section under an h2.
var headingShift = strings.NewReplacer("<h5", "<h6", "</h5>", "</h6>", "<h4", "<h5", "</h4>", "</h5>", "<h3", "<h4", "</h3>", "</h4>", "<h2", "<h3", "</h2>", "</h3>", "<h1", "<h2", "</h1>", "</h2>")

func milestoneDates(m *model.Milestone, asAt model.Month) []DateView {
	var out []DateView
	if !m.Commenced.IsZero() {
		label := "Commenced"
		if m.Commenced > asAt {
			label = "Commencing"
		}
		out = append(out, DateView{label, m.Commenced.Long()})
	}
	if !m.Launch.IsZero() {
		out = append(out, DateView{"Launch", m.Launch.Long()})
	}
	if !m.Due.IsZero() {
		out = append(out, DateView{"Due", m.Due.Long()})
	}
	if !m.Date.IsZero() {
		out = append(out, DateView{"", m.Date.Long()})
	}
	if m.Timing != "" {
		out = append(out, DateView{"Timing", m.Timing})
	}
	if len(m.Updates) > 0 {
		var s []string
		for _, u := range m.Updates {
			s = append(s, u.Short())
		}
		out = append(out, DateView{"Quarterly updates", strings.Join(s, ", ")})
	}
	return out
}

// renderEdition writes an edition's overview, priority pages, print page and data.
func (r *renderer) renderEdition(e *model.Edition) {
	res := results(r.site, e)
	dir := editionPath(e)
	notice := r.noticeFor(e)
	crumbs := []Link{{Href: r.url(""), Text: "Home"}, {Href: r.url("editions/"), Text: "All reports"}}

	ev := r.editionView(e, res, r.terms.NewPage(), "")
	for _, p := range e.Priorities {
		ev.Priorities = append(ev.Priorities, r.prioritySummary(e, p))
	}
	r.writePage("edition", dir+"index.html", &Page{
		Title: e.Title, Heading: e.Title, Description: firstNonEmpty(e.Summary, e.Title),
		Breadcrumbs: crumbs, Notice: notice, Edition: ev, HasCharts: len(ev.Charts) > 0,
	})
	if e == r.latest {
		home := *ev
		r.writePage("home", "index.html", &Page{
			Title: "", Heading: e.Title, Description: firstNonEmpty(r.site.Description, e.Summary, e.Title),
			Edition: &home, Path: r.url(""), Canonical: r.absolute(r.url(dir)), HasCharts: len(ev.Charts) > 0,
		})
	}
	// The priority pages render in parallel: after an edit in serve, the
	// edited edition is the one part left to render.
	pvs := make([]*PriorityView, len(e.Priorities))
	var wg sync.WaitGroup
	for i, p := range e.Priorities {
		wg.Go(func() { pvs[i] = r.renderPriority(e, res, p, ev, notice, crumbs) })
	}
	wg.Wait()
	// The print edition: the whole report on one page, for a committee pack.
	g := r.terms.NewPage()
	pev := r.editionView(e, res, g, "print")
	// Each priority is shown as its own page shows it (converting every
	// narrative again was a tenth of the build), one heading level down.
	for _, pv := range pvs {
		pp := *pv
		pp.Body = template.HTML(headingShift.Replace(string(pv.Body)))
		pev.Priorities = append(pev.Priorities, &pp)
	}
	r.writePage("print", dir+"print/index.html", &Page{
		Title: "Print edition – " + e.Title, Heading: e.Title, Description: "The whole report on one page, for printing.",
		Breadcrumbs: append(crumbs, Link{Href: ev.Path, Text: e.Title}), Notice: notice, Edition: pev, HasCharts: true,
	})
	r.writeEditionData(e, res)
	r.out.search = r.editionSearch(e, res)
	r.chartCache.drop(e)
}

// renderPriority writes one priority's page of an edition and returns its view.
func (r *renderer) renderPriority(e *model.Edition, res map[string]*compute.KPIResult, p *model.Priority, ev *EditionView, notice *Notice, crumbs []Link) *PriorityView {
	pv := r.priorityView(e, res, p, r.terms.NewPage())
	evp := &EditionView{ID: e.ID, Title: e.Title, Path: ev.Path, AsAt: ev.AsAt, Period: ev.Period, Caveat: e.Caveat, ColourKey: ev.ColourKey, DataJSON: ev.DataJSON, PrintPath: ev.PrintPath, Published: ev.Published}
	r.writePage("priority", editionPath(e)+p.Slug+"/index.html", &Page{
		Title:   fmt.Sprintf("%s: %s – %s", p.Label, p.Title, e.Title),
		Heading: p.Title, Description: p.Commitment,
		Breadcrumbs: append(crumbs[:len(crumbs):len(crumbs)], Link{Href: ev.Path, Text: e.Title}),
		Notice:      notice, Edition: evp, Priority: pv, HasCharts: strings.Contains(string(pv.Body)+string(pv.Unplaced), "data-chart="),
	})
	return pv
}

// prioritySummary is a priority as the edition overview lists it.
func (r *renderer) prioritySummary(e *model.Edition, p *model.Priority) *PriorityView {
	v := &PriorityView{Number: p.Number, Label: p.Label, Title: p.Title, Path: r.url(editionPath(e) + p.Slug + "/"), KPIs: p.KPIs}
	v.Commitment = template.HTML(template.HTMLEscapeString(p.Commitment))
	for _, m := range p.Milestones {
		v.Milestones = append(v.Milestones, MilestoneView{Ref: m.Ref, Anchor: milestoneAnchor(m.Ref), Text: template.HTML(template.HTMLEscapeString(m.Text)), Status: r.statusView(m.Status)})
	}
	v.Summary = r.summaryView(p.Milestones, "in this priority")
	return v
}

// noticeFor says, outside <main>, that this is a draft, or that it is an
// archived report. The notice does not name the newer report: then an
// edition's pages, once a later one is published, stay the same byte for
// byte whatever is published after (the latest report is the home page).
func (r *renderer) noticeFor(e *model.Edition) *Notice {
	if e.Draft {
		return &Notice{Kind: "draft", Text: "This is a draft. It is not published."}
	}
	if r.latest != nil && e != r.latest {
		return &Notice{Kind: "newer", Text: "This is an archived report, kept as it was published. A newer report has been published since.",
			Link: &Link{Href: r.url(""), Text: "Read the latest report"}}
	}
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// warnUncommentedRed warns of a KPI that is Red at its latest month while its
// priority's narrative neither quotes it nor names it: a scrutiny committee
// will ask about it.
func (r *renderer) warnUncommentedRed(e *model.Edition, p *model.Priority, res map[string]*compute.KPIResult, ctx *editionCtx) {
	body := strings.ToLower(p.Body)
	for i, id := range p.KPIs {
		x, ok := res[id]
		if !ok {
			continue
		}
		latest := x.Latest()
		if latest == nil || latest.RAG != model.RAGRed || ctx.quoted[id] {
			continue
		}
		k := x.KPI
		if strings.Contains(body, strings.ToLower(k.Title)) || strings.Contains(body, strings.ToLower(k.ShortTitle)) {
			continue
		}
		line := p.Pos.Line
		if i < len(p.KPILines) {
			line = p.KPILines[i]
		}
		r.warnf(p.Pos.File, line, fmt.Sprintf("say what is being done about it, quoting the figure with {{< value %s latest >}}", id),
			"KPI %q is Red at %s (%s against a target of %s) but the narrative of priority %d does not comment on it",
			id, latest.Month.Long(), latest.Formatted, compute.FormatTarget(*latest.Target, k.Unit, k.Decimals), p.Number)
	}
}
