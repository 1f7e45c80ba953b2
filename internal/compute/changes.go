package compute

import "github.com/planpress/planpress/internal/model"

// PreviousEdition is the edition a report compares itself with: the nearest
// earlier edition that is not a draft. Drafts are skipped so that what a
// published edition says has changed is the same whether or not drafts are
// built. editions are oldest first; nil means there is none. Editions are
// told apart by id, so e may be a copy of one of them.
func PreviousEdition(editions []*model.Edition, e *model.Edition) *model.Edition {
	at := -1
	for i, x := range editions {
		if x.ID == e.ID {
			at = i
		}
	}
	for i := at - 1; i >= 0; i-- {
		if !editions[i].Draft {
			return editions[i]
		}
	}
	return nil
}

// StatusChange is a milestone whose status differs from the previous edition's.
type StatusChange struct {
	Milestone *model.Milestone
	Priority  *model.Priority
	From      string
}

// ListedMilestone is a milestone with the priority it is listed under.
type ListedMilestone struct {
	Milestone *model.Milestone
	Priority  *model.Priority
}

// RAGChange is a KPI whose rating at its latest month differs from the rating
// at the previous edition's latest month.
type RAGChange struct {
	KPI      *model.KPI
	From, To Point // the latest point of each edition
}

// FigureRevision is a month whose figure an edition publishes differently
// from the previous edition.
type FigureRevision struct {
	KPI      *model.KPI
	Month    model.Month
	From, To Point
}

// EditionTargetChange is a KPI whose published target differs from the
// previous edition's, with the financial years each applies to.
type EditionTargetChange struct {
	KPI              *model.KPI
	FromYear, ToYear model.FinancialYear
	From, To         TargetPublication
}

// EditionChanges is what moved between two editions.
type EditionChanges struct {
	Previous        *model.Edition
	StatusChanges   []StatusChange
	New             []ListedMilestone
	Closed          []ListedMilestone
	RAGChanges      []RAGChange
	TargetChanges   []EditionTargetChange
	FigureRevisions []FigureRevision
}

// Empty reports whether nothing moved.
func (c EditionChanges) Empty() bool {
	return len(c.StatusChanges)+len(c.New)+len(c.Closed)+len(c.RAGChanges)+len(c.TargetChanges)+len(c.FigureRevisions) == 0
}

// Changes compares an edition with the one before it. It reads nothing but
// the two editions, so a published edition's account of what changed never
// moves when later editions are added.
func Changes(site *model.Site, prev, cur *model.Edition) EditionChanges {
	c := EditionChanges{Previous: prev}
	before := map[string]ListedMilestone{}
	for _, p := range prev.Priorities {
		for _, m := range p.Milestones {
			before[m.Ref] = ListedMilestone{m, p}
		}
	}
	now := map[string]bool{}
	for _, p := range cur.Priorities {
		for _, m := range p.Milestones {
			now[m.Ref] = true
			old, ok := before[m.Ref]
			switch {
			case !ok:
				c.New = append(c.New, ListedMilestone{m, p})
			case old.Milestone.Status != m.Status:
				c.StatusChanges = append(c.StatusChanges, StatusChange{Milestone: m, Priority: p, From: old.Milestone.Status})
			}
		}
	}
	for _, p := range prev.Priorities {
		for _, m := range p.Milestones {
			if !now[m.Ref] {
				c.Closed = append(c.Closed, ListedMilestone{m, p})
			}
		}
	}
	for _, kpi := range site.KPIs {
		ps, pok := prev.Series[kpi.ID]
		cs, cok := cur.Series[kpi.ID]
		if !pok || !cok {
			continue
		}
		pr, cr := EvaluateSeries(site, prev, ps), EvaluateSeries(site, cur, cs)
		pl, cl := pr.Latest(), cr.Latest()
		if pl != nil && cl != nil && pl.RAG != cl.RAG {
			c.RAGChanges = append(c.RAGChanges, RAGChange{KPI: kpi, From: *pl, To: *cl})
		}
		pt, ct := PublishedTarget(site, prev, kpi), PublishedTarget(site, cur, kpi)
		if !SameTarget(pt, ct) {
			c.TargetChanges = append(c.TargetChanges, EditionTargetChange{KPI: kpi, FromYear: site.FinancialYear(prev.AsAt), ToYear: site.FinancialYear(cur.AsAt), From: pt, To: ct})
		}
		for _, p := range cr.Points {
			if old := pr.Point(p.Month); old != nil && !SameFigure(old.Figure, p.Figure, kpi.Decimals) {
				c.FigureRevisions = append(c.FigureRevisions, FigureRevision{KPI: kpi, Month: p.Month, From: *old, To: p})
			}
		}
	}
	return c
}
