package load

import (
	"errors"
	"fmt"
	"hash/maphash"
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
	// Memo, when set, keeps this load's editions for the next load with the
	// same Memo, which then parses only the editions whose files changed.
	Memo *Memo
	// SkipNarrative leaves out the narrative of every edition (its
	// introduction and each priority's body): everything else is loaded and
	// checked. A build of a large archive holds every edition's plan and
	// figures at once but needs one edition's narrative at a time, which
	// Narrative reads when it is needed.
	SkipNarrative bool
}

type loader struct {
	fsys          fs.FS
	skipNarrative bool
	site          *model.Site
	diags         *diag.List
	// settingsOK and kpisOK are false when planpress.toml or data/kpis.toml
	// has a syntax error: references to status words or KPI ids then go
	// unchecked, rather than each being reported as unknown.
	settingsOK, kpisOK bool
	// badTargets are the KPIs whose targets could not all be read.
	badTargets map[string]bool
	// now is the moment an edition's publication date is compared with.
	now time.Time
	// rec, when set, notes every file read and folder listed (see Memo).
	rec *recorder
}

// Site reads the site in fsys (rooted at the site folder; every read stays
// inside it). It returns the site and every problem found; the site is
// usable for rendering only when the list holds no errors.
func Site(fsys fs.FS, opts Options) (*model.Site, *diag.List) {
	l := &loader{fsys: fsys, skipNarrative: opts.SkipNarrative, site: &model.Site{KPIByID: map[string]*model.KPI{}}, diags: &diag.List{}, now: opts.Now}
	if l.now.IsZero() {
		l.now = time.Now()
	}
	memo := opts.Memo
	if memo != nil {
		memo.mu.Lock()
		defer memo.mu.Unlock()
		if memo.seed == (maphash.Seed{}) {
			memo.seed = maphash.MakeSeed()
		}
		l.rec = &recorder{seed: memo.seed}
	}
	l.loadSiteWide()
	if memo != nil {
		l.rec.file(StaticDir+"/", []byte(strings.Join(l.site.Static, "\x00")), nil)
		memo.begin(l.rec, opts, l.now)
		l.rec = nil
	}
	l.site.Editions = l.loadEditions(EditionIDs(fsys), memo)
	l.checkOrphanFigures()
	sort.SliceStable(l.site.Editions, func(i, j int) bool {
		a, b := l.site.Editions[i], l.site.Editions[j]
		if a.AsAt != b.AsAt {
			return a.AsAt < b.AsAt
		}
		return a.ID < b.ID
	})
	for i, e := range l.site.Editions {
		prev := previousPublished(l.site.Editions[:i])
		checkTargets(l.site, e, prev, l.badTargets, l.diags)
		checkCopiedCharts(e, prev, l.diags)
	}
	l.site.Editions = filterEditions(l.site.Editions, opts)
	l.assembleTranslations()
	if len(l.site.Editions) == 0 && !l.diags.HasErrors() {
		l.diags.Errorf("content/editions", 0, "create content/editions/ID/_index.md (planpress new edition ID does it for you), or build with -drafts / -future", "there is no edition to publish")
	}
	return l.site, l.diags
}

// loadSiteWide reads the site's own files: the settings, KPIs, glossary and
// pages, which every edition is read against.
func (l *loader) loadSiteWide() {
	l.settingsOK, l.kpisOK = true, true
	l.site.Static = listStatic(l.fsys, l.diags)
	src, ok := l.read(SiteFile, true)
	if ok {
		l.settingsOK = loadSettings(src, l.site, l.diags)
	} else {
		l.site.Statuses = DefaultStatuses()
	}
	if src, ok := l.read(KPIFile, false); ok {
		if empty(src) {
			l.diags.Errorf(KPIFile, 1, "define the site's KPIs in it, each starting with [[kpi]] (see docs/format.md), or delete the file if the site has none", "the KPI definitions file is empty")
			l.kpisOK = false
		} else {
			l.kpisOK, l.badTargets = loadKPIs(src, l.site, l.diags)
		}
	}
	if src, ok := l.read(GlossaryFile, false); ok {
		if empty(src) {
			l.diags.Errorf(GlossaryFile, 1, `write the glossary's terms in it, each starting with [[term]], then abbr = "..." and meaning = "..." (see docs/format.md), or delete the file`, "the glossary is empty")
		} else {
			loadGlossary(src, l.site, l.diags)
		}
	}
	l.loadPages()
	l.translateSite()
}

// loadEditions reads the editions in parallel, in the order of ids. Each has
// a copy of the loader with its own problem list, merged in the order of ids,
// so the result is the same as one by one. loadEdition must only read what
// the loader shares: the settings, KPIs and glossary already loaded.
//
// With a memo, an edition whose files are unchanged is the memo's, and the
// memo then holds this load's editions and no others.
func (l *loader) loadEditions(ids []string, memo *Memo) []*model.Edition {
	eds := make([]*model.Edition, len(ids))
	diags := make([]*diag.List, len(ids))
	reads := make([][]memoRead, len(ids))
	kept := make([]bool, len(ids))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(ids)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(ids) {
					return
				}
				if memo != nil {
					if e, d, ok := memo.edition(l.fsys, ids[i], l.site); ok {
						eds[i], diags[i], kept[i] = e, d, true
						continue
					}
				}
				sub := *l
				sub.diags = &diag.List{}
				if memo != nil {
					sub.rec = &recorder{seed: memo.seed}
				}
				eds[i], diags[i] = loadEdition(&sub, ids[i]), sub.diags
				if sub.rec != nil {
					reads[i] = sub.rec.reads
				}
			}
		})
	}
	wg.Wait()
	for _, d := range diags {
		l.diags.Merge(d)
	}
	if memo != nil {
		next := make(map[string]*memoEdition, len(ids))
		for i, id := range ids {
			if kept[i] {
				next[id] = memo.editions[id]
			} else {
				next[id] = &memoEdition{reads: reads[i], edition: eds[i], diags: diags[i]}
			}
		}
		memo.editions = next
	}
	return eds
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

// read returns a file's text. A missing required file is an error.
func (l *loader) read(name string, required bool) (string, bool) {
	b, err := fs.ReadFile(l.fsys, name)
	if l.rec != nil {
		l.rec.file(name, b, err)
	}
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

// list returns the names of the files in a folder, sorted, leaving out
// hidden files (editor swap files and the like).
func (l *loader) list(dir string) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if l.rec != nil {
		l.rec.dir(dir, entries, err)
	}
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

// EditionIDs lists the edition folders of a site, sorted: every folder of
// content/editions whose name does not start with "." or "_". An id that
// cannot be an address is reported when the edition loads.
func EditionIDs(fsys fs.FS) []string { return listDirs(fsys, "content/editions") }

// listDirs returns the sub-folders of a folder, sorted.
func listDirs(fsys fs.FS, dir string) []string {
	entries, err := fs.ReadDir(fsys, dir)
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
	for _, id := range listDirs(l.fsys, "data/editions") {
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
		if _, _, translated := TranslationOf(l.site, name); !strings.HasSuffix(name, ".md") || translated {
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
	front, body, bodyLine, ok := SplitFrontMatter(file, src, l.diags)
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
