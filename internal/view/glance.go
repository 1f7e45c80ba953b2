package view

import (
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
)

// GlanceView is an edition's headline, which its overview and the home page
// open with, before any prose (layouts/partials/at-a-glance.html): how many
// milestones are on track, with a bar; the indicators by rating, the Red and
// Amber ones named; and what changed since the last report, in a line.
type GlanceView struct {
	// Milestones: "15 of 22 milestones on track (68.2%)".
	OnTrack  int
	Total    int
	Percent  string  // "68.2%"
	Share    float64 // the on-track share, 0 to 100, for the bar's width
	Sentence string
	// Statuses counts the milestones by status: "15 on track, 6 slight
	// slippage and 1 not yet due".
	Statuses string
	// Ratings counts the indicators by their latest rating, in a sentence.
	Ratings string
	// Red and Amber name the indicators with those ratings.
	Red, Amber []GlanceKPI
	// Changes says in a line what moved since the previous report; empty
	// for the first.
	Changes string
	// First is true for the first report, which has nothing to compare.
	First bool
}

// GlanceKPI is an indicator named in the headline, with its latest figure.
type GlanceKPI struct {
	Title  string
	Href   string // its page across reports, or "" when it has none
	RAG    string
	Words  string // "32.4% in March 2019, against a target of 25%"
	OwnKey bool   // rated with an amber band of its own
}

// glanceView builds an edition's headline from what compute found in it.
func (s *Site) glanceView(res *compute.EditionResult, sum SummaryView) *GlanceView {
	v := &GlanceView{OnTrack: sum.OnTrack, Total: sum.Total, Percent: sum.OnTrackPercent, First: res.Changes == nil}
	v.Share = res.Milestones.OnTrackPercent
	v.Sentence = s.t(i18n.GlanceOnTrack, "count", sum.OnTrack, "milestones", s.t(i18n.GlanceMilestones, "count", sum.Total), "percent", sum.OnTrackPercent)
	var parts []string
	for _, c := range sum.ByStatus {
		if c.Count > 0 {
			parts = append(parts, s.t(i18n.SummaryStatusCount, "count", c.Count, "status", strings.ToLower(c.Status.Name)))
		}
	}
	v.Statuses = capitalise(s.joinAnd(parts))

	seen := map[string]bool{}
	for _, x := range res.Reported {
		k := x.KPI
		if seen[k.ID] {
			continue
		}
		seen[k.ID] = true
		p := x.Latest()
		if p == nil || (p.RAG != model.RAGRed && p.RAG != model.RAGAmber) {
			continue
		}
		g := GlanceKPI{Title: k.Title, RAG: p.RAG.String(), OwnKey: k.Band != nil}
		if s.linksToKPI(res.Edition, x) {
			g.Href = s.KPIPage(k.ID)
		}
		g.Words = s.t(i18n.GlanceFigure, "value", format.Number(p.Value, k.Unit, k.Decimals), "month", s.month(p.Month), "in_month", s.Words.InMonth(p.Month),
			"target", format.Target(*p.Target, k.Unit, k.Decimals))
		if p.RAG == model.RAGRed {
			v.Red = append(v.Red, g)
		} else {
			v.Amber = append(v.Amber, g)
		}
	}
	r := res.Ratings
	var counts []string
	for _, c := range []struct {
		n   int
		key i18n.Key
	}{{r.Red, i18n.GlanceRed}, {r.Amber, i18n.GlanceAmber}, {r.Green, i18n.GlanceGreen}, {r.None, i18n.GlanceNone}} {
		if c.n > 0 {
			counts = append(counts, s.t(c.key, "count", c.n))
		}
	}
	if len(res.Reported) > 0 {
		v.Ratings = s.t(i18n.GlanceRatings, "count", len(res.Reported), "ratings", s.joinAnd(counts))
	}
	if res.Changes != nil {
		if res.Changes.Empty() {
			v.Changes = s.t(i18n.GlanceNoChanges, "report", s.EditionLabel(res.Previous))
		} else {
			v.Changes = s.t(i18n.GlanceChanges, "report", s.EditionLabel(res.Previous), "changes", s.changesList(*res.Changes))
		}
	}
	return v
}
