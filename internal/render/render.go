package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/model"
)

// Options adjust a render.
type Options struct {
	// Overrides is the site folder, whose layouts/ and assets/ files replace
	// the built-in ones of the same name. Nil uses the built-in theme only.
	Overrides fs.FS
	// Live adds the live-reload script (planpress serve).
	Live bool
	// Workers is how many parts render at once; 0 means one per CPU.
	Workers int
	// Cache, when set, reuses the parts of earlier renders whose inputs are
	// unchanged (planpress serve). The site must come from a load with
	// fingerprints (every load has them).
	Cache *Cache
	// Version names the program that renders (its build), so that a saved
	// cache is reused only by the program that wrote it.
	Version string
}

// renderer holds what every page of one render shares.
type renderer struct {
	site       *model.Site
	opts       Options
	tpl        *templates
	md         *markdown.Converter
	terms      *markdown.Terms
	sink       Sink
	out        *output // what the current part has produced
	base       string  // the path the site lives under: "/" or "/reports/"
	siteView   *SiteView
	assets     Assets
	latest     *model.Edition
	chartCache *chartCache
	siteKey    string          // hashes what every part reads: site files, layouts, options
	written    map[string]bool // every file written, once all parts are done
}

// Site renders every page and data file of the site into sink and returns the
// problems found (narrative references, layouts).
func Site(site *model.Site, opts Options, sink Sink) *diag.List {
	r := &renderer{site: site, opts: opts, out: &output{}, base: "/", sink: sink, chartCache: &chartCache{}}
	if site.BaseURL != "" {
		if u, err := url.Parse(site.BaseURL); err == nil && u.Path != "" {
			r.base = u.Path
		}
	}
	l := layouts{site: opts.Overrides}
	overrides := ""
	if opts.Cache != nil {
		overrides = overridesKey(opts.Overrides)
	}
	r.tpl = opts.Cache.templates(overrides, func() *templates { return loadTemplates(l, &r.out.diags) })
	if r.tpl == nil {
		return &r.out.diags
	}
	if opts.Cache != nil {
		opts.Cache.begin()
		defer opts.Cache.end()
		r.siteKey = (&hasher{}).add(site.Fingerprint, overrides, fmt.Sprint(opts.Live), opts.Version).sum()
	}
	var mdOpts []markdown.Option
	if site.RawHTML {
		mdOpts = append(mdOpts, markdown.WithRawHTML())
	}
	r.md = markdown.New(mdOpts...)
	var terms []markdown.Term
	for _, t := range site.Glossary {
		terms = append(terms, markdown.Term{Abbr: t.Abbr, Meaning: t.Meaning, Href: r.url("glossary/") + "#" + termAnchor(t.Abbr)})
	}
	r.terms = markdown.CompileGlossary(terms)
	for _, st := range site.Statuses {
		r.terms.Ignore(strings.Fields(st.Name)...)
	}
	if len(site.Editions) > 0 {
		r.latest = site.Editions[len(site.Editions)-1]
	}
	r.assets = r.writeAssets(l)
	r.siteView = r.makeSiteView()
	r.prepareArchive(l)
	if h := site.Home; h != nil {
		r.siteView.Intro = r.convert(h.Body, h.Pos, nil, r.terms.NewPage(), "/")
	}

	// The pages across editions go first: they are the largest parts.
	kpiParts := r.kpiParts()
	parts := append(kpiParts, &part{key: r.frontKey("tracker"), run: (*renderer).renderTrackerAndPriorities})
	trackerPart := parts[len(parts)-1]
	edParts := make([]*part, len(site.Editions))
	for i, e := range site.Editions {
		edParts[i] = &part{key: r.editionKey(i), run: func(r *renderer) { r.renderEdition(e) }}
	}
	parts = append(parts, edParts...)
	parts = append(parts, &part{key: r.frontKey("site pages"), run: (*renderer).renderSitePages})
	r.runParts(parts)
	// The list of KPIs, from what each KPI's part found.
	var kpis []*KPISummaryView
	for _, p := range kpiParts {
		kpis = append(kpis, p.out.kpi)
	}
	r.runParts([]*part{{key: r.archiveKey("kpis"), run: func(r *renderer) { r.renderKPIIndex(kpis) }}})

	// Search: each edition's entries newest first, then the KPIs', then the
	// milestones'.
	var entries []searchEntry
	for i := len(edParts) - 1; i >= 0; i-- {
		entries = append(entries, edParts[i].out.search...)
	}
	for _, p := range kpiParts {
		entries = append(entries, p.out.search...)
	}
	entries = append(entries, trackerPart.out.search...)
	r.renderSearch(entries)
	r.write(feedPath, r.feed())
	r.written = make(map[string]bool, len(r.out.paths))
	for _, p := range r.out.paths {
		r.written[p] = true
	}
	if r.site.BaseURL != "" {
		r.write(sitemapPath, r.sitemap(r.writtenPages()))
		r.written[sitemapPath] = true
	}
	r.checkLinks()
	if opts.Cache != nil {
		opts.Cache.Written = r.out.paths
	}
	return &r.out.diags
}

// editionKey hashes what edition i's pages read: its own files, the previous
// edition's (the "what has changed" section compares with it), whether it is
// the latest (the home page, and the notice above an archived report) and the
// site.
func (r *renderer) editionKey(i int) string {
	if r.opts.Cache == nil {
		return ""
	}
	e := r.site.Editions[i]
	h := (&hasher{}).add("edition", r.siteKey, e.ID, e.Fingerprint, fmt.Sprint(e == r.latest))
	if prev := compute.PreviousEdition(r.site.Editions, e); prev != nil {
		h.add(prev.ID, prev.Fingerprint)
	}
	return h.sum()
}

// archiveKey hashes what a page across editions reads: every edition's
// files but the narrative's body text.
func (r *renderer) archiveKey(what string) string {
	return r.editionsKey(what, func(e *model.Edition) string { return e.DataFingerprint })
}

// frontKey hashes what the milestone tracker and the list of reports read:
// every edition's settings, priorities and milestones, not its figures.
func (r *renderer) frontKey(what string) string {
	return r.editionsKey(what, func(e *model.Edition) string { return e.FrontFingerprint })
}

func (r *renderer) editionsKey(what string, fp func(*model.Edition) string) string {
	if r.opts.Cache == nil {
		return ""
	}
	h := (&hasher{}).add(what, r.siteKey)
	for _, e := range r.site.Editions {
		h.add(e.ID, fp(e))
	}
	return h.sum()
}

// url makes a site address from a path below the site root.
func (r *renderer) url(p string) string {
	return r.base + strings.TrimPrefix(p, "/")
}

// absolute makes a full address for canonical links and feeds.
func (r *renderer) absolute(p string) string {
	if r.site.BaseURL == "" {
		return ""
	}
	return strings.TrimSuffix(r.site.BaseURL, "/") + "/" + strings.TrimPrefix(strings.TrimPrefix(p, r.base), "/")
}

func (r *renderer) errorf(file string, line int, fix, format string, args ...any) {
	r.out.mu.Lock()
	r.out.diags.Errorf(file, line, fix, format, args...)
	r.out.mu.Unlock()
}

func (r *renderer) warnf(file string, line int, fix, format string, args ...any) {
	r.out.mu.Lock()
	r.out.diags.Warnf(file, line, fix, format, args...)
	r.out.mu.Unlock()
}

// write sends a file to the sink and notes it in the part's output.
func (r *renderer) write(p string, data []byte) {
	r.out.wrote(p, data)
	r.sendToSink(p, data)
}

// writePage renders a page layout to p (a path below the site root such as
// "editions/2019-05/index.html").
func (r *renderer) writePage(kind, p string, page *Page) {
	page.Site = r.siteView
	page.Assets = r.assets
	if !r.opts.Live {
		page.Assets.Live = ""
	}
	page.Kind = kind
	if page.Path == "" {
		page.Path = r.url(strings.TrimSuffix(p, "index.html"))
	}
	if page.Canonical == "" {
		page.Canonical = r.absolute(page.Path)
	}
	out, err := r.tpl.page(kind, page)
	if err != nil {
		r.errorf("layouts/"+kind+".html", 0, "fix the layout, or delete your copy to use the built-in one", "layout failed on %s: %v", p, err)
		return
	}
	r.write(p, out)
}

// convert renders one piece of narrative for one page. pagePath is the page's
// address below the site root, against which its relative links are checked;
// "" skips the link check (the same narrative checked on another page).
func (r *renderer) convert(src string, pos model.Pos, ctx *editionCtx, glossary *markdown.Glossary, pagePath string) template.HTML {
	d := &diag.List{}
	var links []markdown.LinkRef
	env := &markdown.Env{File: pos.File, Line: pos.Line, Diags: d, Glossary: glossary}
	if pagePath != "" {
		env.Links = &links
		env.WarnUnknownTerms = true
	}
	if ctx != nil {
		env.Shortcodes = ctx.shortcodes(r, glossary)
		env.MilestoneHref = ctx.milestoneHref
	}
	out := r.md.Convert(src, env)
	r.out.mu.Lock()
	r.out.diags.Merge(d)
	for _, l := range links {
		r.out.links = append(r.out.links, pageLink{LinkRef: l, page: pagePath})
	}
	r.out.mu.Unlock()
	return out
}

func (r *renderer) makeSiteView() *SiteView {
	s := r.site
	v := &SiteView{
		Title: s.Title, Organisation: s.Organisation, Service: s.Service, Language: s.Language, Contact: s.Contact,
		Home: r.url(""), Glossary: r.url("glossary/"), Archive: r.url("editions/"), A11y: r.url("accessibility/"), Search: r.url("search/"),
	}
	v.Nav = []Link{
		{Href: v.Home, Text: "Latest report"},
		{Href: v.Archive, Text: "All reports"},
		{Href: r.url("kpis/"), Text: "Indicators"},
		{Href: r.url("milestones/"), Text: "Milestones"},
		{Href: v.Glossary, Text: "Glossary"},
	}
	for _, p := range s.Pages {
		v.Nav = append(v.Nav, Link{Href: r.url(p.Slug + "/"), Text: p.Title})
	}
	return v
}

func termAnchor(abbr string) string {
	var b strings.Builder
	b.WriteString("term-")
	for _, c := range strings.ToLower(abbr) {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			b.WriteRune(c)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

func editionPath(e *model.Edition) string { return path.Join("editions", e.ID) + "/" }

// results computes every KPI of an edition.
func results(site *model.Site, e *model.Edition) map[string]*compute.KPIResult {
	out := map[string]*compute.KPIResult{}
	for id, s := range e.Series {
		res := compute.EvaluateSeries(site, e, s)
		out[id] = &res
	}
	return out
}
