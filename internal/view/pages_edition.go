package view

import (
	"html/template"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/markdown"
)

// EditionPages are the pages of one edition, and its entries in the search
// index.
type EditionPages struct {
	// Pages are the overview, the home page when the edition is the
	// latest, each priority's page and the print edition.
	Pages  []*Page
	Search []SearchEntry
}

// Edition builds every page of one edition from what compute found in it.
func (s *Site) Edition(res *compute.EditionResult, f *Findings) *EditionPages {
	e := res.Edition
	out := &EditionPages{}
	dir := EditionPath(e)
	notice := s.notice(e)
	crumbs := []Link{s.homeCrumb(), {Href: s.URL("editions/"), Text: s.t(i18n.ArchiveTitle)}}
	charts := s.summaryCharts(res, f)

	ev := s.editionView(res, s.terms.NewPage(), false, charts, f)
	for i := range e.Priorities {
		ev.Priorities = append(ev.Priorities, s.prioritySummary(res, i))
	}
	out.Pages = append(out.Pages, s.page("edition", dir+"index.html", &Page{
		Title: e.Title, Heading: e.Title, Description: firstNonEmpty(e.Summary, e.Title),
		Breadcrumbs: crumbs, Notice: notice, Edition: ev, HasCharts: len(ev.Charts) > 0,
	}))
	if s.IsLatest(e) {
		home := *ev
		out.Pages = append(out.Pages, s.page("home", "index.html", &Page{
			Title: "", Heading: e.Title, Description: firstNonEmpty(s.Model.Description, e.Summary, e.Title),
			Edition: &home, Path: s.URL(""), Canonical: s.Absolute(s.URL(dir)), HasCharts: len(ev.Charts) > 0,
			// A draft shown as the latest (planpress serve, build -drafts)
			// says so on the home page too.
			Notice: notice,
		}))
	}
	pvs := make([]*PriorityView, len(e.Priorities))
	for i := range e.Priorities {
		pvs[i] = s.priorityView(res, i, s.terms.NewPage(), f)
	}
	for i, pv := range pvs {
		if i > 0 {
			pv.Previous = &Link{Href: pvs[i-1].Path, Text: s.t(i18n.PriorityLinkText, "label", pvs[i-1].Label, "title", pvs[i-1].Title)}
		}
		if i+1 < len(pvs) {
			pv.Next = &Link{Href: pvs[i+1].Path, Text: s.t(i18n.PriorityLinkText, "label", pvs[i+1].Label, "title", pvs[i+1].Title)}
		}
	}
	for i, p := range e.Priorities {
		pv := pvs[i]
		evp := &EditionView{ID: e.ID, Title: e.Title, Path: ev.Path, AsAt: ev.AsAt, Period: ev.Period, Caveat: e.Caveat, ColourKey: ev.ColourKey, DataJSON: ev.DataJSON, DataCSV: ev.DataCSV, PrintPath: ev.PrintPath, Published: ev.Published}
		out.Pages = append(out.Pages, s.page("priority", dir+p.Slug+"/index.html", &Page{
			Title:   s.t(i18n.PriorityPageTitle, "label", s.priorityLabel(p), "title", p.Title, "edition", e.Title),
			Heading: p.Title, Description: p.Commitment,
			Breadcrumbs: append(crumbs[:len(crumbs):len(crumbs)], Link{Href: ev.Path, Text: e.Title}),
			Notice:      notice, Edition: evp, Priority: pv, HasCharts: pv.hasCharts(),
		}))
	}
	// The print edition: the whole report on one page, for a committee pack.
	// Each priority is shown as its own page shows it (converting every
	// narrative again was a tenth of the build), one heading level down.
	pev := s.editionView(res, s.terms.NewPage(), true, charts, f)
	for _, pv := range pvs {
		pp := *pv
		pp.Body = markdown.ShiftHeadings(pv.Body, 1)
		pev.Priorities = append(pev.Priorities, &pp)
	}
	out.Pages = append(out.Pages, s.page("print", dir+"print/index.html", &Page{
		Title: s.t(i18n.PrintPageTitle, "edition", e.Title), Heading: e.Title, Description: s.t(i18n.PrintDescription),
		Breadcrumbs: append(crumbs, Link{Href: ev.Path, Text: e.Title}), Notice: notice, Edition: pev, HasCharts: true,
		Extra: s.printView(e),
	}))
	bodies := make([]template.HTML, len(pvs))
	for i, pv := range pvs {
		bodies[i] = pv.Body
	}
	out.Search = s.editionSearch(res, ev.Intro, bodies)
	return out
}

// hasCharts reports whether a priority's page shows a chart: one its
// narrative places, or one of the table of KPIs it did not place.
func (v *PriorityView) hasCharts() bool {
	if v.Unplaced != nil && len(v.Unplaced.Charts) > 0 {
		return true
	}
	return containsChart(v.Body)
}

func containsChart(h template.HTML) bool {
	return markdown.ContainsAttr(h, "data-chart")
}
