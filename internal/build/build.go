// Package build runs planpress's stages in order, for a whole site at a time:
// load the site's files, compute what they state, build the views, render
// them with the layouts, publish the files, and write them out, swapped in
// whole. It is the library behind the build, check and serve commands.
package build

import (
	"os"
	"path/filepath"
	"time"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/view"
	"github.com/planpress/planpress/internal/write"
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
	// Workers is how many parts of the site render at once; 0 means one
	// per CPU.
	Workers int
	// Memo, when set, keeps the editions this build loaded for the next
	// build with the same Memo, which parses only the editions whose files
	// changed (planpress serve: see load.Memo).
	Memo *load.Memo
}

// Result describes a finished build.
type Result struct {
	Pages int
	Files int
	Bytes int64
	// Unchanged counts the files whose bytes are those of the previous
	// build, which keep their modification time.
	Unchanged   int
	Elapsed     time.Duration
	Diagnostics *diag.List
}

// Sources are the folders of a site that a build reads, below the site
// folder: the output may not be inside any of them.
var Sources = []string{"content", "data", "layouts", "assets", "static", "i18n"}

// Check loads and renders the site in memory and returns every problem,
// writing nothing.
func Check(opts Options) *diag.List {
	_, diags := run(opts, &write.Discard{})
	return diags
}

// Render builds the site into memory (for serve and tests). base is the path
// the site lives under ("/" unless its base_url has a path).
func Render(opts Options) (files *write.Memory, base string, diags *diag.List) {
	_, files, base, diags = RenderSite(opts)
	return files, base, diags
}

// RenderSite is Render, and gives the site as loaded too (nil when it could
// not be loaded), for a caller that needs both: planpress pdf picks the
// edition to print from it.
func RenderSite(opts Options) (site *model.Site, files *write.Memory, base string, diags *diag.List) {
	files = write.NewMemory()
	site, diags = run(opts, files)
	base = "/"
	if site != nil {
		base = view.BasePath(site.BaseURL)
	}
	return site, files, base, diags
}

// Build renders the site into a staging folder beside opts.Dest and, when
// every part succeeded, swaps it in for the previous output at once. On any
// error, or if the build is stopped, Dest is left exactly as it was.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	res := &Result{Diagnostics: &diag.List{}}
	stage, err := write.Begin(opts.Dest, write.Guard{Site: opts.Source, Sources: Sources})
	if err != nil {
		return res, err
	}
	defer stage.Abort()
	q := newQueue(stage)
	_, res.Diagnostics = run(opts, q)
	res.Diagnostics.Merge(q.close())
	if err := res.Diagnostics.Err(); err != nil {
		return res, err
	}
	st, err := stage.Commit()
	if err != nil {
		return res, err
	}
	res.Pages, res.Files, res.Bytes, res.Unchanged = st.Pages, st.Files, st.Bytes, st.Unchanged
	res.Elapsed = time.Since(start)
	return res, nil
}

// Load reads and validates the site folder, narrative and all.
func Load(opts Options) (*model.Site, *diag.List) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		var l diag.List
		abs, _ := filepath.Abs(opts.Source)
		l.Errorf(opts.Source, 0, "pass the site folder with -source DIR (it holds planpress.toml)", "cannot open the site folder %s: %v", abs, err)
		return nil, &l
	}
	defer root.Close()
	return load.Site(root.FS(), load.Options{Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now})
}
