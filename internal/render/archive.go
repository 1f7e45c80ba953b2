package render

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// The archive: pages that span every edition (each KPI's whole series, the
// milestone tracker, each priority across editions), search, the feed and the
// sitemap. They are rendered after every edition, because they depend on all
// of them; no edition's <main> depends on them.

// writtenPages returns the pages written so far, sorted.
func (r *renderer) writtenPages() []string {
	var out []string
	for p := range r.written {
		if strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// prepareArchive sets up, before any page is written, what every page links
// to: the search script and index, and the feed.
func (r *renderer) prepareArchive(l layouts) {
	if b, _, err := l.read(searchScript); err != nil {
		r.errorf(searchScript, 0, "restore the file, or delete your copy to use the built-in one", "cannot read asset: %v", err)
	} else {
		p := fingerprint(searchScript, b)
		r.write(p, b)
		r.assets.Search = r.url(p)
		r.siteView.SearchScript = r.assets.Search
		r.siteView.SearchIndex = true
	}
	r.siteView.Feed = r.url(feedPath)
}

// kpiParts render each KPI's page across editions. Each part works out its
// KPI's history, which is dropped when the part is done: at 1000 editions the
// histories of every KPI together were a fifth of the heap.
func (r *renderer) kpiParts() []*part {
	var parts []*part
	for _, k := range r.site.KPIs {
		parts = append(parts, &part{key: r.kpiKey(k), run: func(r *renderer) { r.renderKPIPage(r.kpiHistory(k, r.site.Editions)) }})
	}
	return parts
}

// kpiKey hashes what a KPI's page across editions reads: of each edition,
// its metadata, the KPI's figures as it published them, and the priorities
// that report the KPI. A figure of another KPI, or a priority's narrative,
// can change without rendering this page again.
func (r *renderer) kpiKey(k *model.KPI) string {
	if r.opts.Cache == nil {
		return ""
	}
	h := (&hasher{}).add("kpi", r.siteKey, k.ID)
	for _, e := range r.site.Editions {
		h.add(e.ID, e.Title, e.Published.String(), e.PublishedPrecision, fmt.Sprint(e.Draft, e.AsAt, e.From, e.To))
		if s := e.Series[k.ID]; s != nil {
			h.series(s)
		}
		for _, p := range e.Priorities {
			if slices.Contains(p.KPIs, k.ID) {
				h.add(fmt.Sprint(p.Number), p.Title)
			}
		}
	}
	return h.sum()
}

// renderTrackerAndPriorities writes the milestone tracker and each priority
// across editions, which show the same milestones.
func (r *renderer) renderTrackerAndPriorities() {
	tracker := r.trackerView(r.site.Editions)
	r.renderTracker(tracker)
	r.renderPriorityHistories(r.site.Editions, tracker)
	r.out.search = r.milestoneSearch(tracker)
}

// editionLabel names an edition briefly, as a column heading or in a list:
// its publication month ("May 2019"), else its id.
func editionLabel(e *model.Edition) string {
	if e.Published.IsZero() {
		return e.ID
	}
	return model.MonthOf(e.Published.Year(), e.Published.Month()).Long()
}

// editionLink links to an edition's overview.
func (r *renderer) editionLink(e *model.Edition) Link {
	return Link{Href: r.url(editionPath(e)), Text: e.Title}
}

// editionShortLink links to an edition's overview by its short name: "May
// 2019 report".
func (r *renderer) editionShortLink(e *model.Edition) Link {
	text := editionLabel(e) + " report"
	if e.Draft {
		text += " (draft)"
	}
	return Link{Href: r.url(editionPath(e)), Text: text}
}

// priorityPage is the address of a priority's page in one edition.
func (r *renderer) priorityPage(e *model.Edition, p *model.Priority) string {
	return r.url(editionPath(e) + p.Slug + "/")
}

// kpiPage is the address of a KPI's page across editions.
func (r *renderer) kpiPage(id string) string { return r.url("kpis/" + id + "/") }
