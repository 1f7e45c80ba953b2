package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"strings"
	"sync"

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
	// Workers is how many editions render at once; 0 means one per CPU.
	Workers int
}

// renderer holds what every page of one render shares.
type renderer struct {
	site       *model.Site
	opts       Options
	tpl        *templates
	md         *markdown.Converter
	terms      *markdown.Terms
	sink       Sink
	diags      *diag.List
	mu         sync.Mutex // guards diags
	base       string     // the path the site lives under: "/" or "/reports/"
	siteView   *SiteView
	assets     Assets
	latest     *model.Edition
	links      []pageLink // narrative links, checked once every page is written
	chartCache chartCache
	written    map[string]bool
}

// Site renders every page and data file of the site into sink and returns the
// problems found (narrative references, layouts).
func Site(site *model.Site, opts Options, sink Sink) *diag.List {
	r := &renderer{site: site, opts: opts, diags: &diag.List{}, base: "/", written: map[string]bool{}}
	r.sink = recordingSink{r: r, next: sink}
	if site.BaseURL != "" {
		if u, err := url.Parse(site.BaseURL); err == nil && u.Path != "" {
			r.base = u.Path
		}
	}
	l := layouts{site: opts.Overrides}
	r.tpl = loadTemplates(l, r.diags)
	if r.tpl == nil {
		return r.diags
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

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan *model.Edition)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range jobs {
				r.renderEdition(e)
			}
		}()
	}
	for _, e := range site.Editions {
		jobs <- e
	}
	close(jobs)
	wg.Wait()
	r.renderSitePages()
	r.renderArchive()
	r.checkLinks()
	return r.diags
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
	r.mu.Lock()
	r.diags.Errorf(file, line, fix, format, args...)
	r.mu.Unlock()
}

// write sends a file to the sink, reporting a failure.
func (r *renderer) write(p string, data []byte) {
	if err := r.sink.WriteFile(p, data); err != nil {
		r.errorf(p, 0, "check the output folder can be written", "cannot write: %v", err)
	}
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
	r.mu.Lock()
	r.diags.Merge(d)
	for _, l := range links {
		r.links = append(r.links, pageLink{LinkRef: l, page: pagePath})
	}
	r.mu.Unlock()
	return out
}

func (r *renderer) makeSiteView() *SiteView {
	s := r.site
	v := &SiteView{
		Title: s.Title, Organisation: s.Organisation, Service: s.Service, Language: s.Language, Contact: s.Contact,
		Home: r.url(""), Glossary: r.url("glossary/"), Archive: r.url("editions/"), A11y: r.url("accessibility/"), Search: r.url("search/"),
	}
	if r.latest != nil {
		v.Latest = &Link{Href: r.url("editions/" + r.latest.ID + "/"), Text: r.latest.Title}
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

var _ = fmt.Sprint
