// Package build runs planpress's stages in order (load the site's files,
// compute what they state, render pages and data, write them out) and is the
// library behind the build, check and serve commands.
package build

import (
	"os"
	"path/filepath"
	"time"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/render"
)

// Options say what to build and where.
type Options struct {
	Source string // the site folder
	Dest   string // the output folder; it is replaced whole on success
	Drafts bool
	Future bool
	// Now is the build's idea of today, for leaving out future editions; the
	// zero time means time.Now(). The output never depends on it otherwise.
	Now time.Time
	// Live adds the live-reload script to every page (planpress serve).
	Live bool
	// Cache, when set, keeps what this build loaded and rendered, so that the
	// next build with the same cache redoes only what its changed files
	// touch (planpress serve). Its output is the same as without a cache.
	Cache *Cache
	// Fresh renders every page, ignoring what the previous build in Dest
	// left to reuse.
	Fresh bool
}

// Cache is what a build reuses from the build before it: editions whose files
// are unchanged, and rendered parts whose inputs are unchanged. Use one cache
// for one site folder and one build at a time.
type Cache struct {
	load   load.Cache
	render render.Cache
}

// Reused reports how many parts of the latest render came from the cache,
// and how many were rendered.
func (c *Cache) Reused() (hits, misses int) { return c.render.Hits, c.render.Misses }

// Result describes a finished build.
type Result struct {
	Pages int
	Files int
	Bytes int64
	// Reused and Rendered count the parts of the site (an edition, a KPI's
	// page across editions, ...) taken unchanged from the previous build and
	// rendered anew.
	Reused, Rendered int
	Elapsed          time.Duration
	Diagnostics      *diag.List
}

// Check loads and renders the site in memory and returns every problem,
// writing nothing.
func Check(opts Options) *diag.List {
	_, diags := run(opts, &render.DiscardSink{})
	return diags
}

// Render builds the site into memory (for serve and tests).
func Render(opts Options) (*render.MemorySink, *diag.List) {
	sink := render.NewMemorySink()
	_, diags := run(opts, sink)
	return sink, diags
}

// Build renders the site into opts.Dest: into a new folder swapped in whole,
// or, when Dest holds the previous build, by applying what changed (see
// reuse.go). On any error the previous contents of Dest are left exactly as
// they were.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	lk, err := acquireLock(opts.Dest)
	if err != nil {
		return &Result{Diagnostics: &diag.List{}}, err
	}
	defer lk.release()
	prev := readPrevious(opts.Dest, opts.Fresh)
	lc := prev.load
	if lc == nil {
		lc = &load.Cache{}
	}
	site, diags := loadWith(opts, lc)
	res := &Result{Diagnostics: diags}
	if err := diags.Err(); err != nil {
		return res, err
	}
	out, err := newDirSink(opts.Dest)
	if err != nil {
		return res, err
	}
	defer out.discard()
	cache := out.useCache(prev.render)
	err = renderInto(opts, site, diags, out, cache)
	res.Reused, res.Rendered = cache.Hits, cache.Misses
	if err != nil {
		return res, err
	}
	if err := out.saveCache(cache, lc); err != nil {
		return res, err
	}
	if err := out.commit(cache.Written); err != nil {
		return res, err
	}
	res.Pages, res.Files, res.Bytes = out.pages, out.files, out.bytes
	res.Elapsed = time.Since(start)
	return res, nil
}

// Load reads and validates the site folder.
func Load(opts Options) (*model.Site, *diag.List) {
	var c *load.Cache
	if opts.Cache != nil {
		c = &opts.Cache.load
	}
	return loadWith(opts, c)
}

// loadWith is Load with a load cache (nil for none).
func loadWith(opts Options, c *load.Cache) (*model.Site, *diag.List) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		var l diag.List
		abs, _ := filepath.Abs(opts.Source)
		l.Errorf(opts.Source, 0, "pass the site folder with -source DIR (it holds planpress.toml)", "cannot open the site folder %s: %v", abs, err)
		return nil, &l
	}
	defer root.Close()
	return load.Site(root.FS(), load.Options{Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now, Cache: c})
}

// run loads and renders the site into sink, returning every problem.
func run(opts Options, sink render.Sink) (*model.Site, *diag.List) {
	site, diags := Load(opts)
	if site == nil || diags.HasErrors() {
		return site, diags
	}
	var cache *render.Cache
	if opts.Cache != nil {
		cache = &opts.Cache.render
	}
	_ = renderInto(opts, site, diags, sink, cache)
	return site, diags
}

// renderInto renders a loaded site, adding render problems to diags.
func renderInto(opts Options, site *model.Site, diags *diag.List, sink render.Sink, cache *render.Cache) error {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		diags.Errorf(opts.Source, 0, "", "cannot open the site folder: %v", err)
		return diags.Err()
	}
	defer root.Close()
	ro := render.Options{Overrides: root.FS(), Live: opts.Live, Cache: cache, Version: version()}
	diags.Merge(render.Site(site, ro, sink))
	return diags.Err()
}
