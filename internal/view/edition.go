package view

import (
	"fmt"
	"html/template"
	"path"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/model"
)

// StatusView is a status word ready to show as a tag.
type StatusView struct {
	Name        string
	Key         string
	RAG         string // "red", "amber", "green" or ""
	OnTrack     bool
	Description string
}

// StatusCountView is one line of a milestone summary.
type StatusCountView struct {
	Status  StatusView
	Count   int
	Percent string
}

// SummaryView is a milestone summary, ready to show.
type SummaryView struct {
	Total          int
	OnTrack        int
	OnTrackPercent string
	ByStatus       []StatusCountView
	Sentence       string
}

// EditionView is one edition, computed and formatted.
type EditionView struct {
	ID           string
	Title        string
	Path         string
	Published    string // "May 2019" or "31 May 2019"
	PublishedISO string
	AsAt         string // "March 2019"
	Period       string // "April 2018 to March 2019"
	Summary      string
	Signatory    model.Person
	Intro        template.HTML
	// Lang is the language tag of the edition's own words (its title,
	// summary and introduction) when they are not in the page's language:
	// a draft not yet translated.
	Lang       string
	Caveat     string
	Draft      bool
	Milestones SummaryView
	Priorities []*PriorityView
	KPIs       KPIRAGView
	ColourKey  ColourKey
	DataJSON   string
	DataCSV    string
	PrintPath  string
	Charts     []*ChartView
	// Changes says what moved since the previous edition (nil for the
	// first). It reads only this edition and the one before, so an
	// edition's page never changes when later editions are added.
	Changes *ChangesView
	// Glance is the headline the overview opens with (nil in the print
	// edition, which opens with the whole report).
	Glance *GlanceView
}

// KPIRAGView counts an edition's KPIs by their latest rating.
type KPIRAGView struct {
	Red, Amber, Green, None, Total int
	Sentence                       string
}

// ColourKey writes the rating rules out in words, as they were applied.
type ColourKey struct {
	Green, Amber, Red, Travel, Monitor string
	// OwnBands names each KPI rated with an amber band of its own, and
	// the band.
	OwnBands []string
}

// PriorityView is one priority of an edition.
type PriorityView struct {
	Number     int
	Label      string
	Title      string
	Commitment template.HTML
	Path       string
	Milestones []MilestoneView
	Summary    SummaryView
	Body       template.HTML
	// Unplaced is the table of the KPIs the narrative did not place itself.
	Unplaced *KPITableView
	KPIs     []string
	// Previous and Next are the priorities before and after this one in
	// the edition, for moving between their pages; nil at either end.
	Previous, Next *Link
	// Lang is the language tag of the priority's own words when they are
	// not in the page's language: a draft's priority not yet translated.
	Lang string
}

// MilestoneView is one row of a plan table.
type MilestoneView struct {
	Ref    string
	Anchor string
	Text   template.HTML
	Impact []template.HTML
	QA     []template.HTML
	Dates  []DateView
	Status StatusView
	// Lang is the language tag of the milestone's words when they are not
	// in the page's language: a draft's milestone not yet translated.
	Lang string
}

// DateView is one key date of a milestone.
type DateView struct {
	Label string
	Value string
}

// EditionPath is the folder of an edition's pages below the site root.
func EditionPath(e *model.Edition) string { return path.Join("editions", e.ID) + "/" }

// priorityLabel is what the plan calls a priority: its label, or "Priority
// 2" in the interface words where its file gives none.
func (s *Site) priorityLabel(p *model.Priority) string {
	if p.Label != "" {
		return p.Label
	}
	return s.t(i18n.PriorityLabel, "number", p.Number)
}

// PriorityPage is the address of a priority's page in one edition.
func (s *Site) PriorityPage(e *model.Edition, p *model.Priority) string {
	return s.URL(EditionPath(e) + p.Slug + "/")
}

// KPIPage is the address of a KPI's page across editions.
func (s *Site) KPIPage(id string) string { return s.URL("kpis/" + id + "/") }

// MilestoneAnchor is the id of a milestone's row in its plan table.
func MilestoneAnchor(ref string) string { return "m-" + ref }

// newNarrative prepares what an edition's narrative can quote. Milestone refs
// link to their rows on the priority's own page, on another page of the
// edition, or (inPrint) on the same print page.
func (s *Site) newNarrative(res *compute.EditionResult, p *model.Priority, inPrint bool) *narrative {
	e := res.Edition
	c := &narrative{view: s, site: s.Model, edition: e, results: res.KPIs, priority: p, placed: map[string]bool{}, quoted: map[string]bool{}, anchors: map[string]string{}}
	for _, pr := range e.Priorities {
		page := ""
		if !inPrint && (p == nil || pr != p) {
			page = s.PriorityPage(e, pr)
		}
		for _, m := range pr.Milestones {
			c.anchors[m.Ref] = page + "#" + MilestoneAnchor(m.Ref)
		}
	}
	return c
}

func (s *Site) statusView(name string) StatusView {
	st := s.Model.Status(name)
	if st == nil {
		return StatusView{Name: name}
	}
	return StatusView{Name: st.Name, Key: st.Key, RAG: st.RAG.String(), OnTrack: st.OnTrack, Description: st.Description}
}

// summaryView words a milestone summary; what says which milestones it
// counts (i18n.SummaryInEdition, i18n.SummaryInPriority).
func (s *Site) summaryView(sum compute.Summary, what i18n.Key) SummaryView {
	v := SummaryView{Total: sum.Total, OnTrack: sum.OnTrack, OnTrackPercent: format.Number(sum.OnTrackPercent, model.UnitPercent, 1)}
	var parts []string
	for _, c := range sum.ByStatus {
		st := s.statusView(c.Status.Name)
		v.ByStatus = append(v.ByStatus, StatusCountView{Status: st, Count: c.Count, Percent: format.Number(c.Percent, model.UnitPercent, 1)})
		if c.Count > 0 {
			parts = append(parts, s.t(i18n.SummaryStatusCount, "count", c.Count, "status", strings.ToLower(c.Status.Name)))
		}
	}
	key := i18n.SummaryOnTrack
	if len(parts) > 0 {
		key = i18n.SummaryOnTrackByStatus
	}
	v.Sentence = s.t(key, "count", sum.OnTrack, "milestones", s.t(i18n.SummaryMilestones, "count", sum.Total), "what", s.t(what), "percent", v.OnTrackPercent,
		"statuses", strings.Join(parts, s.t(i18n.ListSeparator)))
	return v
}

// ColourKeyAnchor is the id of the colour key on every page that shows
// ratings: a rating is one link away from the rules that gave it.
const ColourKeyAnchor = "colour-key"

// colourKey writes out the rules in force for a set of KPIs (an edition's,
// or one KPI's): the site's amber band with an example worked from one of
// the KPIs it applies to, and each KPI that has a band of its own.
func (s *Site) colourKey(kpis []*compute.KPIResult) ColourKey {
	b := s.Model.Band
	width := format.Number(b.Width, model.UnitNumber, decimalsOf(b.Width))
	amber := i18n.ColourKeyAmberRelative
	if b.Mode == model.BandPoints {
		amber = i18n.ColourKeyAmberPoints
	}
	// The example: the first rated KPI with a target that the site's band
	// applies to, else a target of 25% where lower is better.
	target, unit, decimals, polarity := 25.0, model.UnitPercent, 1, model.PolarityLower
	seen := map[string]bool{}
	var own []string
	found := false
	for _, x := range kpis {
		k := x.KPI
		if seen[k.ID] {
			continue
		}
		seen[k.ID] = true
		rated := k.Polarity != model.PolarityNone && !x.MonitorOnly
		if k.Band != nil && rated {
			own = append(own, s.t(i18n.ColourKeyOwnBand, "title", k.ShortTitle, "band", s.bandWords(*k.Band, k.Unit)))
			continue
		}
		if !found && rated && x.Target != nil {
			target, unit, decimals, polarity, found = *x.Target, k.Unit, k.Decimals, k.Polarity, true
		}
	}
	limit := compute.AmberLimit(target, polarity, b)
	exampleKey := i18n.ColourKeyExampleLower
	if polarity == model.PolarityHigher {
		exampleKey = i18n.ColourKeyExampleHigher
	}
	example := s.t(exampleKey, "target", format.Target(target, unit, decimals), "limit", exactNumber(limit, unit, decimals))
	return ColourKey{
		Green:    s.t(i18n.ColourKeyGreen),
		Amber:    s.t(amber, "width", width, "example", example),
		Red:      s.t(i18n.ColourKeyRed),
		Travel:   s.t(i18n.ColourKeyTravelRule),
		Monitor:  s.t(i18n.ColourKeyMonitor),
		OwnBands: own,
	}
}

// bandWords is an amber band in words: "15% of the target", "1.5
// percentage points".
func (s *Site) bandWords(b model.Band, unit model.Unit) string {
	width := format.Number(b.Width, model.UnitNumber, decimalsOf(b.Width))
	switch {
	case b.Mode == model.BandRelative:
		return s.t(i18n.BandRelative, "width", width)
	case unit == model.UnitPercent:
		return s.t(i18n.BandPoints, "width", width)
	}
	return s.t(i18n.BandUnits, "width", width)
}

// exactNumber writes a computed limit with as many decimals as it needs (at
// least the KPI's own, at most three): 28.75% for 15% beyond 25%.
func exactNumber(v float64, unit model.Unit, decimals int) string {
	d := decimals
	for d < 3 && compute.Round(v, d) != compute.Round(v, 3) {
		d++
	}
	return format.Number(v, unit, d)
}

// publishedWords is when an edition was published, as a reader reads it:
// "May 2019" when only the month is known, else "31 May 2019"; and the same
// as an ISO date.
func (s *Site) publishedWords(e *model.Edition) (words, iso string) {
	switch {
	case e.PublishedPrecision == "month":
		return s.month(model.MonthOf(e.Published.Year(), e.Published.Month())), e.Published.Format("2006-01")
	case !e.Published.IsZero():
		return s.Words.Day(e.Published), e.Published.Format("2006-01-02")
	}
	return "", ""
}

// editionView builds the overview of an edition for one page: the edition's
// own pages, or (inPrint) its print edition.
func (s *Site) editionView(res *compute.EditionResult, g *markdown.Glossary, inPrint bool, charts []*ChartView, f *Findings) *EditionView {
	e := res.Edition
	v := &EditionView{
		ID: e.ID, Title: e.Title, Path: s.URL(EditionPath(e)), Summary: e.Summary, Lang: e.Lang,
		AsAt: s.month(e.AsAt), Signatory: e.Signatory, Caveat: e.Caveat, Draft: e.Draft,
		DataJSON:  s.RootURL(EditionPath(e) + "data.json"),
		DataCSV:   s.RootURL(EditionPath(e) + "data.csv"),
		PrintPath: s.URL(EditionPath(e) + "print/"),
	}
	if !e.From.IsZero() {
		v.Period = s.t(i18n.EditionPeriodRange, "from", s.month(e.From), "to", s.month(e.To))
	}
	v.Published, v.PublishedISO = s.publishedWords(e)
	ctx := s.newNarrative(res, nil, inPrint)
	check := ""
	if !inPrint {
		check = "/" + EditionPath(e)
	}
	v.Intro = s.convert(e.Intro, e.IntroPos, ctx, g, check, f)
	v.Milestones = s.summaryView(res.Milestones, i18n.SummaryInEdition)
	r := res.Ratings
	v.KPIs = KPIRAGView{Red: r.Red, Amber: r.Amber, Green: r.Green, None: r.None, Total: len(res.Reported)}
	v.KPIs.Sentence = s.kpiRatingsSentence(len(res.Reported), r)
	if !inPrint {
		v.Glance = s.glanceView(res, v.Milestones)
	}
	v.ColourKey = s.colourKey(res.Reported)
	v.Charts = charts
	v.Changes = s.changesView(res)
	return v
}

// kpiRatingsSentence counts an edition's indicators by their latest rating:
// "Of 13 indicators at their latest month, 1 is Red, 2 are Amber and 4 are
// Green; 6 have no target or publish a direction only."
func (s *Site) kpiRatingsSentence(total int, r compute.RAGCount) string {
	var parts []string
	for _, c := range []struct {
		n   int
		key i18n.Key
	}{{r.Red, i18n.EditionKPIRed}, {r.Amber, i18n.EditionKPIAmber}, {r.Green, i18n.EditionKPIGreen}} {
		if c.n > 0 {
			parts = append(parts, s.t(c.key, "count", c.n))
		}
	}
	ratings := s.joinAnd(parts)
	if r.None > 0 {
		none := s.t(i18n.EditionKPINone, "count", r.None)
		if ratings == "" {
			ratings = none
		} else {
			ratings = s.t(i18n.EditionKPIRatedAndNot, "rated", ratings, "none", none)
		}
	}
	return s.t(i18n.EditionIndicators, "count", total, "ratings", ratings)
}

// priorityView builds one priority's page of an edition. The print edition
// shows the same view.
func (s *Site) priorityView(res *compute.EditionResult, i int, g *markdown.Glossary, f *Findings) *PriorityView {
	e, p := res.Edition, res.Edition.Priorities[i]
	ctx := s.newNarrative(res, p, false)
	v := &PriorityView{Number: p.Number, Label: s.priorityLabel(p), Title: p.Title, Path: s.PriorityPage(e, p), KPIs: p.KPIs, Lang: p.Lang}
	plain := &markdown.Env{Glossary: g}
	v.Commitment = s.md.ConvertInline(p.Commitment, plain)
	for _, m := range p.Milestones {
		mv := MilestoneView{Ref: m.Ref, Anchor: MilestoneAnchor(m.Ref), Status: s.statusView(m.Status), Lang: firstNonEmpty(m.Lang, p.Lang)}
		mv.Text = s.md.ConvertInline(m.Text, plain)
		for _, x := range m.Impact {
			mv.Impact = append(mv.Impact, s.md.ConvertInline(x, plain))
		}
		for _, x := range m.QA {
			mv.QA = append(mv.QA, s.md.ConvertInline(x, plain))
		}
		mv.Dates = s.milestoneDates(m, e.AsAt)
		v.Milestones = append(v.Milestones, mv)
	}
	v.Summary = s.summaryView(res.Priorities[i], i18n.SummaryInPriority)
	v.Body = s.convert(p.Body, p.BodyPos, ctx, g, "/"+EditionPath(e)+p.Slug+"/", f)
	warnUncommentedRed(p, res, ctx, f)
	var unplaced []*compute.KPIResult
	for _, id := range p.KPIs {
		if x, ok := res.KPIs[id]; ok && !ctx.placed[id] {
			unplaced = append(unplaced, x)
		}
	}
	if len(unplaced) > 0 {
		v.Unplaced = ctx.kpiTableView(g, unplaced, "", f)
	}
	return v
}

func (s *Site) milestoneDates(m *model.Milestone, asAt model.Month) []DateView {
	var out []DateView
	if !m.Commenced.IsZero() {
		label := i18n.MilestoneCommenced
		if m.Commenced > asAt {
			label = i18n.MilestoneCommencing
		}
		out = append(out, DateView{s.t(label), s.month(m.Commenced)})
	}
	if !m.Launch.IsZero() {
		out = append(out, DateView{s.t(i18n.MilestoneLaunch), s.month(m.Launch)})
	}
	if !m.Due.IsZero() {
		out = append(out, DateView{s.t(i18n.MilestoneDue), s.month(m.Due)})
	}
	if !m.Date.IsZero() {
		out = append(out, DateView{"", s.month(m.Date)})
	}
	if m.Timing != "" {
		out = append(out, DateView{s.t(i18n.MilestoneTiming), m.Timing})
	}
	if len(m.Updates) > 0 {
		var months []string
		for _, u := range m.Updates {
			months = append(months, s.Words.MonthShort(u))
		}
		out = append(out, DateView{s.t(i18n.MilestoneUpdates), strings.Join(months, s.t(i18n.ListSeparator))})
	}
	return out
}

// prioritySummary is a priority as the edition overview lists it.
func (s *Site) prioritySummary(res *compute.EditionResult, i int) *PriorityView {
	e, p := res.Edition, res.Edition.Priorities[i]
	v := &PriorityView{Number: p.Number, Label: s.priorityLabel(p), Title: p.Title, Path: s.PriorityPage(e, p), KPIs: p.KPIs, Lang: p.Lang}
	v.Commitment = template.HTML(template.HTMLEscapeString(p.Commitment))
	for _, m := range p.Milestones {
		v.Milestones = append(v.Milestones, MilestoneView{Ref: m.Ref, Anchor: MilestoneAnchor(m.Ref), Text: template.HTML(template.HTMLEscapeString(m.Text)), Status: s.statusView(m.Status), Lang: firstNonEmpty(m.Lang, p.Lang)})
	}
	v.Summary = s.summaryView(res.Priorities[i], i18n.SummaryInPriority)
	return v
}

// notice says, outside <main>, that this is a draft, or that it is an
// archived report. The notice does not name the newer report: then an
// edition's pages, once a later one is published, stay the same byte for
// byte whatever is published after (the latest report is the home page).
func (s *Site) notice(e *model.Edition) *Notice {
	if e.Draft {
		return &Notice{Kind: "draft", Text: s.t(i18n.NoticeDraft)}
	}
	if s.Latest != nil && !s.IsLatest(e) {
		return &Notice{Kind: "newer", Text: s.t(i18n.NoticeArchived),
			Link: &Link{Href: s.URL(""), Text: s.t(i18n.NoticeLatestLink)}}
	}
	return nil
}

// warnUncommentedRed warns of a KPI that is Red at its latest month while its
// priority's narrative neither quotes it nor names it: a scrutiny committee
// will ask about it.
func warnUncommentedRed(p *model.Priority, res *compute.EditionResult, ctx *narrative, f *Findings) {
	body := strings.ToLower(p.Body)
	for i, id := range p.KPIs {
		x, ok := res.KPIs[id]
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
		f.Diags.Warnf(p.Pos.File, line, fmt.Sprintf("say what is being done about it, quoting the figure with {{< value %s latest >}}", id),
			"KPI %q is Red at %s (%s against a target of %s) but the narrative of priority %d does not comment on it",
			id, latest.Month.Long(), format.Number(latest.Value, k.Unit, k.Decimals), format.Target(*latest.Target, k.Unit, k.Decimals), p.Number)
	}
}
