package build

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
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

// A site renders in parts (each edition, each KPI across editions, the
// milestone tracker with the priorities across editions, the site's own
// pages), each going through compute, view, render and publish on its own;
// what spans the parts (the list of KPIs, the search index, the sitemap and
// the link check) follows once they are all done. A build runs every part on
// the workers; serve runs the part that writes the page a reader asks for
// first, and the rest after.

// plan is a site loaded and ready to render into an output.
type plan struct {
	opts  Options
	root  *os.Root
	site  *model.Site
	diags *diag.List // the load's, the layouts' and the catalogues'
	pub   *publish.Site
	// words, tpl and view are the default language's: langs[0]'s.
	words *i18n.Catalogue
	tpl   *render.Templates
	view  *view.Site
	// langs are the languages the site publishes in, the default first:
	// each has its own pages, made by parts of its own.
	langs []*language
	parts []*part
}

// language is the site in one of its languages, and what its parts
// gather for what spans them (the list of KPIs, the search index).
type language struct {
	site  *model.Site
	words *i18n.Catalogue
	tpl   *render.Templates
	view  *view.Site

	shards          *publish.SearchShards
	kpiRows         []view.KPISummaryView
	kpiSearch       []view.SearchEntry
	milestoneSearch []view.SearchEntry
}

// part is one piece of the site. It runs once, however often it is asked for.
type part struct {
	prefixes []string // the files it writes start with one of these
	run      func(*view.Findings)
	// wide is true for a part across every edition (a KPI's history, the
	// tracker), whose memory grows with the archive: one runs at a time.
	wide  bool
	once  sync.Once
	found *view.Findings
}

// owns reports whether the part writes the file name.
func (pt *part) owns(name string) bool {
	for _, p := range pt.prefixes {
		if strings.HasPrefix(name, p) || name+"/" == p {
			return true
		}
	}
	return false
}

// prepare loads the site, its layouts, interface words and assets, writing
// the assets into out. The plan is ready to render when its problems hold no
// error; it holds the site as loaded either way (nil when the folder cannot
// be opened), and must be closed.
func prepare(opts Options, out publish.Output) (*plan, *diag.List) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		var l diag.List
		abs, _ := filepath.Abs(opts.Source)
		l.Errorf(opts.Source, 0, "pass the site folder with -source DIR (it holds planpress.toml)", "cannot open the site folder %s: %v", abs, err)
		return &plan{}, &l
	}
	// The narrative is read an edition at a time, when its pages are made:
	// the pages across editions need every edition's plan and figures, not
	// its prose, so memory does not grow with the archive's text.
	site, diags := load.Site(root.FS(), load.Options{Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now, SkipNarrative: true, Memo: opts.Memo})
	p := &plan{opts: opts, root: root, site: site, diags: diags}
	if site == nil || diags.HasErrors() {
		return p, diags
	}
	// Each language's interface words; the layouts are parsed once and
	// copied for each other language.
	sites := append([]*model.Site{site}, site.Translations...)
	for _, s := range sites {
		words, d := i18n.Load(theme.Files{Site: root.FS()}, s.Language)
		diags.Merge(d)
		p.langs = append(p.langs, &language{site: s, words: words})
	}
	if diags.HasErrors() {
		return p, diags
	}
	def := p.langs[0]
	if def.tpl = render.Load(root.FS(), def.words, diags); def.tpl == nil {
		return p, diags
	}
	for _, l := range p.langs[1:] {
		tpl, err := def.tpl.For(l.words)
		if err != nil {
			diags.Errorf("layouts", 0, "", "cannot copy the layouts for %s: %v", l.site.Language, err)
			return p, diags
		}
		l.tpl = tpl
	}
	p.words, p.tpl = def.words, def.tpl
	p.pub = publish.New(out, view.BasePath(site.BaseURL))
	p.pub.StaticFiles(site.Static)
	assets := p.pub.Assets(theme.Files{Site: root.FS()}, opts.Live, site.Brand)
	assets.Icons = p.pub.Icons(site)
	for _, l := range p.langs {
		l.view = view.NewSite(l.site, l.words, assets, l.tpl, diags)
	}
	p.view = def.view
	p.plan()
	return p, diags
}

// close releases the site folder.
func (p *plan) close() {
	if p.root != nil {
		p.root.Close()
	}
}

// plan lists the parts: each language's, the default's first. The open
// data (an edition's and a KPI's data files), the static files, robots.txt
// and the host files are the same in every language, and are written once,
// with the default language's pages.
func (p *plan) plan() {
	for i, l := range p.langs {
		p.planLanguage(l, i == 0)
	}
}

// planLanguage lists the parts of one language; def says it is the site's
// default language.
func (p *plan) planLanguage(l *language, def bool) {
	site, v, pub, tpl := l.site, l.view, p.pub, l.tpl
	eds := site.Editions
	l.shards = pub.NewSearchShards(v.Prefix, eds)
	l.kpiRows = make([]view.KPISummaryView, len(site.KPIs))
	l.kpiSearch = make([]view.SearchEntry, len(site.KPIs))
	// The pages across editions go first: they are the largest parts.
	for i, k := range site.KPIs {
		p.addWide(func(f *view.Findings) {
			h := compute.History(site, k, eds)
			pages := v.KPI(&h, f)
			l.kpiRows[i] = pages.Summary
			if pages.Page != nil { // a KPI of directions only has none
				l.kpiSearch[i] = pages.Search
				pub.Pages(tpl, pages.Page)
				// The page's view is not used after this: the open
				// data is made from the history alone, and the view
				// can go while it is.
				if def {
					pub.KPIData(&h)
				}
			}
		}, v.FileName(view.KPIDir(k.ID)))
	}
	p.addWide(func(f *view.Findings) {
		pages, search := v.Tracker(compute.MilestoneHistories(eds))
		pub.Pages(tpl, pages...)
		l.milestoneSearch = search
	}, v.FileName("milestones/"), v.FileName("priorities/"))
	for _, e := range eds {
		owns := []string{v.FileName(view.EditionPath(e))}
		if v.IsLatest(e) {
			owns = append(owns, v.FileName("index.html"))
		}
		p.add(func(f *view.Findings) {
			e, d := load.Narrative(p.root.FS(), e)
			f.Diags.Merge(d)
			res := compute.Edition(site, e)
			pages := v.Edition(res, f)
			pub.Pages(tpl, pages.Pages...)
			// The views are not used after this, and can go while the
			// open data is made.
			l.shards.Add(e, pages.Search)
			if def {
				pub.EditionData(site, res)
			}
		}, owns...)
	}
	if def && len(site.Static) > 0 {
		p.add(func(*view.Findings) { pub.CopyStatic(p.root.FS(), site) }, site.Static...)
	}
	p.add(func(f *view.Findings) {
		pages := v.SitePages(f)
		pub.Pages(tpl, pages...)
		pub.Feed(v)
		if def {
			pub.Robots(v)
			pub.HostFiles(site)
		}
	}, v.SitePagePrefixes()...)
}

func (p *plan) add(run func(*view.Findings), prefixes ...string) {
	p.parts = append(p.parts, &part{prefixes: prefixes, run: run})
}

func (p *plan) addWide(run func(*view.Findings), prefixes ...string) {
	p.parts = append(p.parts, &part{prefixes: prefixes, run: run, wide: true})
}

// runPart runs a part unless it has run.
func (p *plan) runPart(pt *part) {
	pt.once.Do(func() {
		f := &view.Findings{}
		pt.run(f)
		pt.found = f
	})
}

// renderFile runs the part that writes the file name, if one does, and
// returns its problems; false means no part writes it alone (the file spans
// the site, like the search index, and comes with finish).
func (p *plan) renderFile(name string) (*diag.List, bool) {
	for _, pt := range p.parts {
		if pt.owns(name) {
			p.runPart(pt)
			return &pt.found.Diags, true
		}
	}
	return nil, false
}

// finish runs every part not yet run, on the workers, then writes what spans
// them and checks the narrative's links, and returns every problem.
func (p *plan) finish() *diag.List {
	workers := p.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	q := newQueueOfParts(p.parts)
	var wg sync.WaitGroup
	for range min(workers, len(p.parts)) {
		wg.Go(func() {
			for pt := q.take(); pt != nil; pt = q.take() {
				p.runPart(pt)
				q.done(pt)
			}
		})
	}
	wg.Wait()

	pub := p.pub
	var links []view.PageLink
	for _, l := range p.langs {
		v := l.view
		pub.Pages(l.tpl, v.KPIIndex(l.kpiRows))
		// Search: the editions' entries are in the shards, written as
		// each year's editions were done; the index has the KPIs', the
		// milestones', the site's own pages' and the glossary's.
		var entries []view.SearchEntry
		for _, e := range l.kpiSearch {
			if e.URL != "" { // a KPI without a page has no entry
				entries = append(entries, e)
			}
		}
		entries = append(entries, l.milestoneSearch...)
		entries = append(entries, v.SiteSearch()...)
		pub.SearchIndex(v.SearchEditions(), entries, l.shards)
		links = append(links, v.HomeLinks()...)
	}
	pub.Sitemap(p.view)

	diags := p.diags
	for _, pt := range p.parts {
		diags.Merge(&pt.found.Diags)
		links = append(links, pt.found.Links...)
	}
	pub.CheckLinks(links, diags)
	diags.Merge(pub.Diagnostics())
	for _, l := range p.langs {
		diags.Merge(l.words.Problems())
	}
	return diags
}

// partQueue hands the parts to the workers in order, but never two wide
// parts at once: while one worker works across the archive, the others take
// editions, so that memory holds one archive-wide part at a time. At 3000
// editions two KPI histories at once were a third of the peak.
type partQueue struct {
	mu         sync.Mutex
	wait       *sync.Cond
	parts      []*part // not yet taken, in order
	wideActive bool
}

func newQueueOfParts(parts []*part) *partQueue {
	q := &partQueue{parts: append([]*part(nil), parts...)}
	q.wait = sync.NewCond(&q.mu)
	return q
}

// take returns the next part a worker may run, waiting while only wide parts
// are left and one is running; nil when none is left.
func (q *partQueue) take() *part {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		for i, pt := range q.parts {
			if pt.wide && q.wideActive {
				continue
			}
			q.parts = append(q.parts[:i], q.parts[i+1:]...)
			if pt.wide {
				q.wideActive = true
			}
			return pt
		}
		if len(q.parts) == 0 {
			return nil
		}
		q.wait.Wait()
	}
}

// done says a part taken has finished.
func (q *partQueue) done(pt *part) {
	if !pt.wide {
		return
	}
	q.mu.Lock()
	q.wideActive = false
	q.mu.Unlock()
	q.wait.Broadcast()
}

// run takes a site through every stage into out and returns every problem.
func run(opts Options, out publish.Output) (*model.Site, *diag.List) {
	p, diags := prepare(opts, out)
	defer p.close()
	if diags.HasErrors() {
		return p.site, diags
	}
	return p.site, p.finish()
}
