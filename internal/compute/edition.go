package compute

import "github.com/planpress/planpress/internal/model"

// EditionResult is what one edition states, computed: every KPI it gives
// figures for, rated; its milestones counted, in all and by priority; and
// what changed since the edition it compares itself with. It reads only the
// edition and that previous one, so an edition's results never change when
// later editions are published.
type EditionResult struct {
	Edition *model.Edition
	KPIs    map[string]*KPIResult // by KPI id
	// Reported lists the KPIs the priorities report, in their order (a KPI
	// reported under two priorities counts twice), and Ratings counts them
	// by their latest rating.
	Reported   []*KPIResult
	Ratings    RAGCount
	Milestones Summary
	Priorities []Summary // by the edition's priorities, in order
	// Previous is the edition this one compares itself with, and Changes
	// what moved since; both nil for the first edition.
	Previous *model.Edition
	Changes  *EditionChanges
}

// Edition computes everything one edition of the site states.
func Edition(site *model.Site, e *model.Edition) *EditionResult {
	r := &EditionResult{Edition: e, KPIs: make(map[string]*KPIResult, len(e.Series))}
	for id, s := range e.Series {
		res := EvaluateSeries(site, e, s)
		r.KPIs[id] = &res
	}
	var reported []KPIResult
	for _, p := range e.Priorities {
		for _, id := range p.KPIs {
			if x, ok := r.KPIs[id]; ok {
				r.Reported = append(r.Reported, x)
				reported = append(reported, *x)
			}
		}
		r.Priorities = append(r.Priorities, Summarise(p.Milestones, site.Statuses))
	}
	r.Ratings = CountRAG(reported)
	r.Milestones = Summarise(e.Milestones(), site.Statuses)
	if prev := PreviousEdition(site.Editions, e); prev != nil {
		c := Changes(site, prev, e)
		r.Previous, r.Changes = prev, &c
	}
	return r
}
