package view

import (
	"fmt"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/format"
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
	v := &ChangesView{Since: s.editionLink(prev), SinceAsAt: prev.AsAt.Long(), Nothing: c.Empty()}
	priorityName := func(p *model.Priority) string { return p.Label + ": " + p.Title }
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
			Title: x.KPI.Title, Href: s.KPIPage(x.KPI.ID),
			From: ratingView(x.KPI, x.From), To: ratingView(x.KPI, x.To),
		})
	}
	for _, t := range c.TargetChanges {
		v.Targets = append(v.Targets, TargetChangeView{Title: t.KPI.Title, Href: s.KPIPage(t.KPI.ID), Words: targetChangeWords(t)})
	}
	for _, x := range c.FigureRevisions {
		v.Revisions = append(v.Revisions, RevisionView{
			Title: x.KPI.Title, Href: s.KPIPage(x.KPI.ID), Month: x.Month.Long(),
			From: figureText(x.KPI, x.From.Figure), To: figureText(x.KPI, x.To.Figure),
		})
	}
	v.Sentence = changesSentence(c)
	return v
}

func ratingView(k *model.KPI, p compute.Point) RatingView {
	word := p.RAG.Word()
	if word == "" {
		word = "No rating"
	}
	v := RatingView{RAG: p.RAG.String(), Word: word, Month: p.Month.Long()}
	if p.HasValue {
		v.Value = format.Number(p.Value, k.Unit, k.Decimals)
	}
	return v
}

// targetText writes a published target: "25%", "Monitor only" or "No target".
func targetText(k *model.KPI, t compute.TargetPublication) string {
	switch {
	case t.MonitorOnly:
		return "Monitor only"
	case t.Target == nil:
		return "No target"
	}
	return format.Target(*t.Target, k.Unit, k.Decimals)
}

func targetChangeWords(t compute.EditionTargetChange) string {
	from, to := targetText(t.KPI, t.From), targetText(t.KPI, t.To)
	if t.FromYear == t.ToYear {
		return fmt.Sprintf("The %s target changed from %s to %s.", t.ToYear, from, to)
	}
	return fmt.Sprintf("The target for %s is %s (for %s it was %s).", t.ToYear, to, t.FromYear, from)
}

// figureText writes a figure as published: "32.4%", "22.7% (64/282)", or a
// direction in words.
func figureText(k *model.KPI, f model.Figure) string {
	var s string
	switch {
	case f.HasValue:
		s = format.Number(f.Value, k.Unit, k.Decimals)
		if f.HasRatio {
			s += fmt.Sprintf(" (%d/%d)", f.Numerator, f.Denominator)
		}
	case f.Direction != model.DirNone:
		s = directionWord(f.Direction)
	}
	return s
}

func directionWord(d model.Direction) string {
	switch d {
	case model.DirUp:
		return "Up"
	case model.DirDown:
		return "Down"
	case model.DirSame:
		return "No change"
	}
	return ""
}

// changesSentence counts the changes: "2 milestones changed status, 1 is new
// and 1 is closed; 2 indicators changed rating; ..."
func changesSentence(c compute.EditionChanges) string {
	if c.Empty() {
		return "Nothing has changed: every milestone has the same status, and every indicator the same rating, target and figures."
	}
	var parts []string
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	if n := len(c.StatusChanges); n > 0 {
		parts = append(parts, plural(n, "milestone changed status", "milestones changed status"))
	}
	if n := len(c.New); n > 0 {
		parts = append(parts, plural(n, "milestone is new", "milestones are new"))
	}
	if n := len(c.Closed); n > 0 {
		parts = append(parts, plural(n, "milestone is no longer listed", "milestones are no longer listed"))
	}
	if n := len(c.RAGChanges); n > 0 {
		parts = append(parts, plural(n, "indicator changed rating", "indicators changed rating"))
	}
	if n := len(c.TargetChanges); n > 0 {
		parts = append(parts, plural(n, "indicator has a different target", "indicators have a different target"))
	}
	if n := len(c.FigureRevisions); n > 0 {
		parts = append(parts, plural(n, "figure for an earlier month was revised", "figures for earlier months were revised"))
	}
	s := parts[0]
	if len(parts) > 1 {
		s = strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
