package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// Options choose which editions a load keeps.
type Options struct {
	// Drafts keeps editions marked draft = true.
	Drafts bool
	// Future keeps editions published after Now.
	Future bool
	// Now is the moment "future" is measured from; the zero time means time.Now().
	Now time.Time
	// Cache, when set, keeps this load's results for the next load with the
	// same cache, which then parses only the files that changed.
	Cache *Cache
}

type loader struct {
	fsys fs.FS
	// src holds the files of the part being loaded (the site's own, or one
	// edition's), read and fingerprinted before any is parsed.
	src   *sources
	site  *model.Site
	diags *diag.List
	// settingsOK and kpisOK are false when planpress.toml or data/kpis.toml
	// has a syntax error: references to status words or KPI ids then go
	// unchecked, rather than each being reported as unknown.
	settingsOK, kpisOK bool
}

// Site reads the site in fsys (rooted at the site folder; every read stays
// inside it). It returns the site and every problem found; the site is
// usable for rendering only when the list holds no errors.
func Site(fsys fs.FS, opts Options) (*model.Site, *diag.List) {
	c := opts.Cache
	if c == nil {
		c = &Cache{}
	} else {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	l := &loader{fsys: fsys, diags: &diag.List{}}
	l.loadSiteFiles(c)
	l.site.Editions = l.loadEditions(c, l.listDirs("content/editions"))
	l.checkOrphanFigures()
	sort.SliceStable(l.site.Editions, func(i, j int) bool {
		a, b := l.site.Editions[i], l.site.Editions[j]
		if a.AsAt != b.AsAt {
			return a.AsAt < b.AsAt
		}
		return a.ID < b.ID
	})
	l.site.Editions = filterEditions(l.site.Editions, opts)
	if len(l.site.Editions) == 0 && !l.diags.HasErrors() {
		l.diags.Errorf("content/editions", 0, "create content/editions/ID/_index.md (planpress new edition ID does it for you), or build with -drafts / -future", "there is no edition to publish")
	}
	return l.site, l.diags
}

// loadSiteFiles loads everything on the site but its editions: the settings,
// KPIs, glossary and pages. When their files are those of the cached load,
// it keeps that load's results (so the KPIs that cached editions point to
// stay the KPIs of the site) and its problems.
func (l *loader) loadSiteFiles(c *Cache) {
	src := readSiteSources(l.fsys)
	fp := src.fingerprint()
	r := c.siteFor(fp)
	if r == nil {
		sub := &loader{fsys: l.fsys, src: src, site: &model.Site{KPIByID: map[string]*model.KPI{}, Fingerprint: fp}, diags: &diag.List{}}
		sub.loadSiteWide()
		r = &siteResult{fingerprint: fp, site: *sub.site, diags: sub.diags, settingsOK: sub.settingsOK, kpisOK: sub.kpisOK}
		c.site = r
		c.join(sub.site)
		c.changed = len(c.editions) == 0
	} else {
		c.changed = false
	}
	site := r.site
	l.site, l.settingsOK, l.kpisOK = &site, r.settingsOK, r.kpisOK
	l.diags.Merge(r.diags)
}

// loadSiteWide reads the site's own files: the part of a load that every
// edition is read against.
func (l *loader) loadSiteWide() {
	l.settingsOK, l.kpisOK = true, true
	src, ok := l.read(SiteFile, true)
	if ok {
		l.settingsOK = loadSettings(src, l.site, l.diags)
	} else {
		l.site.Statuses = DefaultStatuses()
	}
	if src, ok := l.read(KPIFile, false); ok {
		l.kpisOK = loadKPIs(src, l.site, l.diags)
	}
	if src, ok := l.read(GlossaryFile, false); ok {
		loadGlossary(src, l.site, l.diags)
	}
	l.loadPages()
}

// loadEditions reads the editions in parallel, in the order of ids. Each has
// a copy of the loader with its own problem list, merged in the order of ids,
// so the result is the same as one by one. loadEdition must only read what
// the loader shares: the settings, KPIs and glossary already loaded.
//
// An edition whose files are those of the cached load is that load's
// edition, with its problems. The cache then holds this load's editions and
// no others.
func (l *loader) loadEditions(c *Cache, ids []string) []*model.Edition {
	results := make([]*editionResult, len(ids))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(ids)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(ids) {
					return
				}
				results[i] = l.loadCachedEdition(c, ids[i])
			}
		}()
	}
	wg.Wait()
	eds := make([]*model.Edition, len(ids))
	if len(c.editions) != len(ids) {
		c.changed = true
	}
	kept := make(map[string]*editionResult, len(ids))
	for i, r := range results {
		eds[i] = r.edition
		l.diags.Merge(r.diags)
		if c.editions[ids[i]] != r {
			c.changed = true
		}
		kept[ids[i]] = r
	}
	c.editions = kept
	return eds
}

// loadCachedEdition reads edition id's files and loads them, unless the
// cache holds the edition loaded from the same files.
func (l *loader) loadCachedEdition(c *Cache, id string) *editionResult {
	src := readEditionSources(l.fsys, id)
	fp := src.fingerprint()
	if r := c.edition(id, fp); r != nil {
		return r
	}
	sub := *l
	sub.src, sub.diags = src, &diag.List{}
	e := loadEdition(&sub, id)
	e.Fingerprint, e.DataFingerprint, e.FrontFingerprint = fp, src.dataFingerprint(), src.frontFingerprint()
	return &editionResult{fingerprint: fp, edition: e, diags: sub.diags}
}

func filterEditions(eds []*model.Edition, opts Options) []*model.Edition {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	out := eds[:0]
	for _, e := range eds {
		if e.Draft && !opts.Drafts {
			continue
		}
		if !opts.Future && e.Published.After(now) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// read returns a file's text, as it was read up front. A missing required
// file is an error.
func (l *loader) read(name string, required bool) (string, bool) {
	f, ok := l.src.files[name]
	if !ok {
		// A file read here but not up front would not count in the
		// fingerprint, so a cached load would miss a change to it.
		panic("load: " + name + " was not read up front with the other files of its part of the site")
	}
	b, err := f.data, f.err
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if required {
				l.diags.Errorf(name, 0, fmt.Sprintf("create %s (see docs/format.md)", name), "missing file")
			}
			return "", false
		}
		l.diags.Errorf(name, 0, "check the file can be read and does not point outside the site folder", "cannot read: %v", cleanErr(err))
		return "", false
	}
	return string(b), true
}

func cleanErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// list returns the file names in a folder, sorted, as they were listed up front.
func (l *loader) list(dir string) []string {
	names, ok := l.src.lists[dir]
	if !ok {
		panic("load: " + dir + " was not listed up front with the other files of its part of the site")
	}
	return names
}

// listFiles returns the file names in a folder, sorted.
func listFiles(fsys fs.FS, dir string) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}

// listDirs returns the sub-folders of a folder, sorted.
func (l *loader) listDirs(dir string) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "_") {
			out = append(out, e.Name())
		}
	}
	return out
}

// checkOrphanFigures reports a figures folder with no edition to go with it.
func (l *loader) checkOrphanFigures() {
	have := map[string]bool{}
	for _, e := range l.site.Editions {
		have[e.ID] = true
	}
	for _, id := range l.listDirs("data/editions") {
		if !have[id] {
			l.diags.Errorf(path.Join("data/editions", id), 0, fmt.Sprintf("create content/editions/%s/_index.md, or rename the folder to an edition's id", id), "figures for an edition %q that does not exist", id)
		}
	}
}

func (l *loader) loadPages() {
	if src, ok := l.read("content/_index.md", false); ok {
		l.site.Home = l.readPage("content/_index.md", "", src)
	}
	for _, name := range l.list("content/pages") {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		file := path.Join("content/pages", name)
		src, _ := l.read(file, true)
		slug := strings.TrimSuffix(name, ".md")
		if !editionID.MatchString(slug) {
			l.diags.Errorf(file, 0, fmt.Sprintf("rename it to %s.md", Slug(slug)), "page file name %q cannot be used in an address", name)
			continue
		}
		if p := l.readPage(file, slug, src); p != nil {
			l.site.Pages = append(l.site.Pages, p)
		}
	}
}

func (l *loader) readPage(file, slug, src string) *model.Page {
	front, body, bodyLine, ok := splitFrontMatter(file, src, l.diags)
	if !ok {
		return nil
	}
	p := &model.Page{Slug: slug, Body: body, Pos: model.Pos{File: file, Line: bodyLine}}
	if front != "" {
		t, _ := parseTOML(file, front, 1, l.diags)
		if t != nil {
			p.Title = t.str("title", slug != "", `"About this report"`)
			t.done()
		}
	} else if slug != "" {
		l.diags.Errorf(file, 1, "start the file with front matter: +++, title = \"...\", +++", "the page has no title")
	}
	return p
}
