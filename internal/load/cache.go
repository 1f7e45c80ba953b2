package load

import (
	"sync"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// Cache keeps what one load found for the next, so that reloading a site
// after an edit parses only what the edit touched. A load with a cache reads
// every file as before, but reuses the site's settings, KPIs, glossary and
// pages while their files are unchanged (Site.Fingerprint), and each edition
// whose own files are unchanged (Edition.Fingerprint) while the site's are.
// The result is the same as a load without the cache, down to the order of
// the diagnostics; an edition kept from before is the same *model.Edition, so
// nothing may change a loaded site or edition.
//
// The zero Cache is ready to use. Loads that share a cache run one at a time.
type Cache struct {
	mu       sync.Mutex
	site     *siteResult               // nil before the first load
	editions map[string]*editionResult // by edition id, for site.fingerprint
	// pending is the site fingerprint that editions read by ReadCache were
	// loaded against: they are kept, and joined to the site's KPIs, if the
	// next load's site files have it.
	pending string
	// changed is false after a load that parsed no edition, dropped none and
	// found the site files of the editions it kept: saving the cache would
	// then write what was read.
	changed bool
}

// Changed reports whether the latest load parsed or dropped an edition, or
// read other site files than the editions in the cache were loaded against.
func (c *Cache) Changed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.changed
}

// siteResult is what the site-wide part of a load made of files with a
// fingerprint: everything on model.Site but the editions, and its problems.
type siteResult struct {
	fingerprint        string
	site               model.Site
	diags              *diag.List
	settingsOK, kpisOK bool
}

// editionResult is one edition loaded from files with a fingerprint, and the
// problems found in them.
type editionResult struct {
	fingerprint string
	edition     *model.Edition
	diags       *diag.List
}

// siteFor returns the site-wide result of the previous load when its files
// had the fingerprint fp. Otherwise everything cached was made from other
// site files and is forgotten.
func (c *Cache) siteFor(fp string) *siteResult {
	if c.site != nil && c.site.fingerprint == fp {
		return c.site
	}
	if c.pending != fp {
		c.editions = nil
	}
	c.site = nil
	return nil
}

// join points the series of editions read by ReadCache at the site's KPIs,
// once the site's files are known to be those they were loaded against. An
// edition with a series of a KPI the site lacks is dropped, to be loaded
// again (it cannot happen with the same site files, but costs nothing).
func (c *Cache) join(site *model.Site) {
	if c.pending == "" {
		return
	}
	c.pending = ""
	for id, r := range c.editions {
		for kpi, s := range r.edition.Series {
			if s.KPI = site.KPI(kpi); s.KPI == nil {
				delete(c.editions, id)
				break
			}
		}
	}
}

// edition returns the previous load's edition id when its files had the
// fingerprint fp. It only reads the cache, so the editions loading in
// parallel may all call it.
func (c *Cache) edition(id, fp string) *editionResult {
	if r := c.editions[id]; r != nil && r.fingerprint == fp {
		return r
	}
	return nil
}
