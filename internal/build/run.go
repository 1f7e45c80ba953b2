package build

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/publish"
	"github.com/planpress/planpress/internal/render"
	"github.com/planpress/planpress/internal/theme"
	"github.com/planpress/planpress/internal/view"
)

// run takes a site through every stage into out and returns every problem.
// The site is split into parts (each edition, each KPI across editions, the
// milestone tracker with the priorities across editions, the site's own
// pages) that go through compute, view, render and publish on their own, in
// parallel; what spans the parts (the list of KPIs, the search index, the
// feed, the sitemap and the link check) follows once they are done.
func run(opts Options, out publish.Output) (*model.Site, *diag.List) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		var l diag.List
		abs, _ := filepath.Abs(opts.Source)
		l.Errorf(opts.Source, 0, "pass the site folder with -source DIR (it holds planpress.toml)", "cannot open the site folder %s: %v", abs, err)
		return nil, &l
	}
	defer root.Close()
	// The narrative is read an edition at a time, when its pages are made:
	// the pages across editions need every edition's plan and figures, not
	// its prose, so memory does not grow with the archive's text.
	site, diags := load.Site(root.FS(), load.Options{Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now, SkipNarrative: true})
	if site == nil || diags.HasErrors() {
		return site, diags
	}
	words, d := i18n.Load(theme.Files{Site: root.FS()}, site.Language)
	diags.Merge(d)
	if words == nil {
		return site, diags
	}
	tpl := render.Load(root.FS(), words, diags)
	if tpl == nil {
		return site, diags
	}
	pub := publish.New(out, view.BasePath(site.BaseURL))
	v := view.NewSite(site, words, pub.Assets(theme.Files{Site: root.FS()}, opts.Live), tpl, diags)

	eds := site.Editions
	shards := pub.NewSearchShards(eds)
	kpiRows := make([]view.KPISummaryView, len(site.KPIs))
	kpiSearch := make([]view.SearchEntry, len(site.KPIs))
	var milestoneSearch []view.SearchEntry
	var parts []func(*view.Findings)
	// The pages across editions go first: they are the largest parts.
	for i, k := range site.KPIs {
		parts = append(parts, func(f *view.Findings) {
			h := compute.History(site, k, eds)
			pages := v.KPI(&h, f)
			pub.Pages(tpl, pages.Page)
			pub.KPIData(&h)
			kpiRows[i], kpiSearch[i] = pages.Summary, pages.Search
		})
	}
	parts = append(parts, func(f *view.Findings) {
		pages, search := v.Tracker(compute.MilestoneHistories(eds))
		pub.Pages(tpl, pages...)
		milestoneSearch = search
	})
	for _, e := range eds {
		parts = append(parts, func(f *view.Findings) {
			e, d := load.Narrative(root.FS(), e)
			f.Diags.Merge(d)
			res := compute.Edition(site, e)
			pages := v.Edition(res, f)
			pub.Pages(tpl, pages.Pages...)
			pub.EditionData(site, res)
			shards.Add(e, pages.Search)
		})
	}
	parts = append(parts, func(f *view.Findings) {
		pub.Pages(tpl, v.SitePages(f)...)
		pub.Robots(v)
		pub.Feed(v)
	})
	findings := runParts(parts, opts.Workers)
	pub.Pages(tpl, v.KPIIndex(kpiRows))

	// Search: the editions' entries are in the shards, written as each
	// year's editions were done; the index has the KPIs', the milestones',
	// the site's own pages' and the glossary's.
	entries := append(kpiSearch, milestoneSearch...)
	entries = append(entries, v.SiteSearch()...)
	pub.SearchIndex(v.SearchEditions(), entries, shards)
	pub.Sitemap(v)

	links := v.HomeLinks()
	for _, f := range findings {
		diags.Merge(&f.Diags)
		links = append(links, f.Links...)
	}
	pub.CheckLinks(links, diags)
	diags.Merge(pub.Diagnostics())
	diags.Merge(words.Problems())
	return site, diags
}

// runParts runs the parts on workers (one per CPU when workers is 0), each
// with findings of its own, returned in the order of the parts so that a
// build reports its problems in the same order every time.
func runParts(parts []func(*view.Findings), workers int) []*view.Findings {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	findings := make([]*view.Findings, len(parts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(parts)) {
		wg.Go(func() {
			for i := range next {
				f := &view.Findings{}
				parts[i](f)
				findings[i] = f
			}
		})
	}
	for i := range parts {
		next <- i
	}
	close(next)
	wg.Wait()
	return findings
}
