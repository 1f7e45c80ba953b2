package view

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
)

// ChangesView says what moved since the previous edition: it is part of an
// edition's own record, so it reads only that edition and the one before.
type ChangesView struct {
	Since     Link   // the previous edition
	SinceAsAt string // "March 2019"
	Sentence  string // the changes counted in one sentence
	Statuses  []MilestoneChangeView
	New       []MilestoneChangeView
	Closed    []MilestoneChangeView
	Ratings   []RatingChangeView
	Targets   []TargetChangeView
	Revisions []RevisionView
	Nothing   bool
}

// MilestoneChangeView is a milestone that changed status, or is new or closed.
type MilestoneChangeView struct {
	Ref      string
	Href     string
	Text     string
	Priority string // "Priority action 2: Written plans"
	Status   StatusView
	From     StatusView // the status before (changed and closed milestones)
}

// RatingChangeView is a KPI whose latest rating changed.
type RatingChangeView struct {
	Title    string
	Href     string
	From, To RatingView
}

// RatingView is a rating with the figure and month it applies to.
type RatingView struct {
	RAG   string // class: "red", "amber", "green" or ""
	Word  string // "Red", or "No rating"
	Value string // "32.4%"
	Month string // "March 2019"
	// InMonth is the month after "in": "in March 2019" ("ym Mawrth 2019").
	InMonth string
}

// TargetChangeView is a KPI whose published target changed.
type TargetChangeView struct {
	Title string
	Href  string
	Words string // "The 2019/20 target changed from 25% to 23%."
}

// RevisionView is a month's figure published differently from before.
type RevisionView struct {
	Title string
	Href  string
	Month string
	From  string
	To    string
}

// changesView says what moved since the previous published edition; nil for
// the first.
func (s *Site) changesView(res *compute.EditionResult) *ChangesView {
	if res.Changes == nil {
		return nil
	}
	e, prev, c := res.Edition, res.Previous, *res.Changes
	v := &ChangesView{Since: s.editionLink(prev), SinceAsAt: s.month(prev.AsAt), Nothing: c.Empty()}
	priorityName := func(p *model.Priority) string { return s.priorityLabel(p) + ": " + p.Title }
	for _, x := range c.StatusChanges {
		v.Statuses = append(v.Statuses, MilestoneChangeView{
			Ref: x.Milestone.Ref, Href: s.PriorityPage(e, x.Priority) + "#" + MilestoneAnchor(x.Milestone.Ref),
			Text: x.Milestone.Text, Priority: priorityName(x.Priority),
			Status: s.statusView(x.Milestone.Status), From: s.statusView(x.From),
		})
	}
	for _, m := range c.New {
		v.New = append(v.New, MilestoneChangeView{
			Ref: m.Milestone.Ref, Href: s.PriorityPage(e, m.Priority) + "#" + MilestoneAnchor(m.Milestone.Ref),
			Text: m.Milestone.Text, Priority: priorityName(m.Priority), Status: s.statusView(m.Milestone.Status),
		})
	}
	for _, m := range c.Closed {
		v.Closed = append(v.Closed, MilestoneChangeView{
			Ref: m.Milestone.Ref, Href: s.PriorityPage(prev, m.Priority) + "#" + MilestoneAnchor(m.Milestone.Ref),
			Text: m.Milestone.Text, Priority: priorityName(m.Priority), From: s.statusView(m.Milestone.Status),
		})
	}
	for _, x := range c.RAGChanges {
		v.Ratings = append(v.Ratings, RatingChangeView{
			Title: x.KPI.Title, Href: s.kpiHref(res, x.KPI),
			From: s.ratingView(x.KPI, x.From), To: s.ratingView(x.KPI, x.To),
		})
	}
	for _, t := range c.TargetChanges {
		v.Targets = append(v.Targets, TargetChangeView{Title: t.KPI.Title, Href: s.kpiHref(res, t.KPI), Words: s.targetChangeWords(t)})
	}
	for _, x := range c.FigureRevisions {
		v.Revisions = append(v.Revisions, RevisionView{
			Title: x.KPI.Title, Href: s.kpiHref(res, x.KPI), Month: s.month(x.Month),
			From: s.figureText(x.KPI, x.From.Figure), To: s.figureText(x.KPI, x.To.Figure),
		})
	}
	v.Sentence = s.changesSentence(c)
	return v
}

// kpiHref is the address of a KPI's page as an edition links to it, or ""
// when the edition does not link to one (see linksToKPI).
func (s *Site) kpiHref(res *compute.EditionResult, k *model.KPI) string {
	if x, ok := res.KPIs[k.ID]; ok && s.linksToKPI(res.Edition, x) {
		return s.KPIPage(k.ID)
	}
	return ""
}

func (s *Site) ratingView(k *model.KPI, p compute.Point) RatingView {
	word := s.ragWord(p.RAG)
	if word == "" {
		word = s.t(i18n.RatingNone)
	}
	v := RatingView{RAG: p.RAG.String(), Word: word, Month: s.month(p.Month), InMonth: s.Words.InMonth(p.Month)}
	if p.HasValue {
		v.Value = format.Number(p.Value, k.Unit, k.Decimals)
	}
	return v
}

// targetText writes a published target: "25%", "Monitor only" or "No target".
func (s *Site) targetText(k *model.KPI, t compute.TargetPublication) string {
	switch {
	case t.MonitorOnly:
		return s.t(i18n.TargetMonitorOnly)
	case t.Target == nil:
		return s.t(i18n.TargetNone)
	}
	return format.Target(*t.Target, k.Unit, k.Decimals)
}

func (s *Site) targetChangeWords(t compute.EditionTargetChange) string {
	from, to := s.targetText(t.KPI, t.From), s.targetText(t.KPI, t.To)
	if t.FromYear == t.ToYear {
		return s.t(i18n.ChangesTargetChanged, "year", t.ToYear.String(), "from", from, "to", to)
	}
	return s.t(i18n.ChangesTargetYearChanged, "year", t.ToYear.String(), "to", to, "from_year", t.FromYear.String(), "from", from)
}

// figureText writes a figure as published: "32.4%", "22.7% (64/282)", or a
// direction in words.
func (s *Site) figureText(k *model.KPI, f model.Figure) string {
	var text string
	switch {
	case f.HasValue:
		text = format.Number(f.Value, k.Unit, k.Decimals)
		if f.HasRatio {
			text += fmt.Sprintf(" (%d/%d)", f.Numerator, f.Denominator)
		}
	case f.Direction != model.DirNone:
		text = s.directionWord(f.Direction)
	}
	return text
}

// changesSentence counts the changes: "2 milestones changed status, 1 is new
// and 1 is closed; 2 indicators changed rating; ..."
func (s *Site) changesSentence(c compute.EditionChanges) string {
	if c.Empty() {
		return s.t(i18n.ChangesNothing)
	}
	return s.t(i18n.ChangesSentence, "changes", capitalise(s.changesList(c)))
}

// changesList counts the changes as a list: "2 milestones changed status
// and 1 indicator changed rating"; "" when nothing changed.
func (s *Site) changesList(c compute.EditionChanges) string {
	var parts []string
	for _, x := range []struct {
		n   int
		key i18n.Key
	}{
		{len(c.StatusChanges), i18n.ChangesStatusChanged},
		{len(c.New), i18n.ChangesNewCount},
		{len(c.Closed), i18n.ChangesClosedCount},
		{len(c.RAGChanges), i18n.ChangesRatingsChanged},
		{len(c.TargetChanges), i18n.ChangesTargetsChanged},
		{len(c.FigureRevisions), i18n.ChangesFiguresRevised},
	} {
		if x.n > 0 {
			parts = append(parts, s.t(x.key, "count", x.n))
		}
	}
	return s.joinAnd(parts)
}

// capitalise starts a sentence with a capital letter.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
