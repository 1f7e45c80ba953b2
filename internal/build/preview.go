package build

import (
	"sync"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/write"
)

// A Preview is a site rendered into memory as its pages are asked for, for
// planpress serve: a page renders with its part of the site (an edition, a
// KPI across editions, ...) the first time it is asked for, so that a reader
// sees an edit before the rest of the site is done; Finish renders the rest.
// It is safe for concurrent use.
type Preview struct {
	p     *plan
	out   *write.Memory
	base  string
	mu    sync.Mutex
	ended bool
}

// NewPreview loads the site and gets it ready to render. The problems are
// the load's, the layouts' and the interface words'; when they hold an error
// there is nothing to show, and Finish returns them alone.
func NewPreview(opts Options) (*Preview, *diag.List) {
	out := write.NewMemory()
	p, diags := prepare(opts, out)
	pv := &Preview{p: p, out: out, base: "/"}
	if p.site != nil && p.view != nil {
		pv.base = p.view.Root
	}
	return pv, diags
}

// Base is the path the site lives under: "/" unless its base_url has a path.
func (pv *Preview) Base() string { return pv.base }

// File returns a file of the site below its root, rendering first the part
// of the site that writes it, with that part's problems. ok is false when no
// part writes the file alone (the search index, the sitemap, the list of
// KPIs span the site) or the site has no such file: Finish has them all.
func (pv *Preview) File(name string) (data []byte, problems *diag.List, ok bool) {
	if pv.p.view == nil {
		return nil, nil, false
	}
	problems, owned := pv.p.renderFile(name)
	if !owned {
		return nil, nil, false
	}
	data, ok = pv.out.File(name)
	return data, problems, ok
}

// Finish renders every part not yet rendered and what spans them, and
// returns every file and every problem of the site, as Render does. It
// releases the site folder; File still answers from memory afterwards.
func (pv *Preview) Finish() (map[string][]byte, *diag.List) {
	pv.mu.Lock()
	defer pv.mu.Unlock()
	if pv.ended {
		panic("build: Preview.Finish called twice")
	}
	pv.ended = true
	defer pv.p.close()
	if pv.p.view == nil {
		return map[string][]byte{}, pv.p.diags
	}
	diags := pv.p.finish()
	return pv.out.Files(), diags
}
