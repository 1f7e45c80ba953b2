package render

import (
	"cmp"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/markdown"
)

// A Cache can be saved with a build and read by the next one (planpress
// build keeps it in the output folder). A saved part keeps the paths of its
// files, not the files: the next build takes them from the previous output
// through Cache.Earlier.

// cacheFormat changes whenever what is saved changes shape; a file of another
// format is not read.
const cacheFormat = 3

type savedCache struct {
	Format int
	Parts  []savedPart // sorted by key, so that two builds save the same bytes
}

type savedPart struct {
	Key    string
	Diags  []diag.Diagnostic
	Links  []savedLink
	Paths  []string
	Sizes  []int64 // of each file in Paths
	Search []searchEntry
	KPI    *KPISummaryView
}

type savedLink struct {
	Dest, File, Page string
	Line             int
}

// Save writes the parts of the latest render. What it writes depends only on
// the render, not on the order the workers finished in.
func (c *Cache) Save(w io.Writer) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := savedCache{Format: cacheFormat, Parts: make([]savedPart, 0, len(c.entries))}
	for k, o := range c.entries {
		p := savedPart{Key: k, Diags: o.diags.Raw(), Search: o.search, KPI: o.kpi}
		slices.SortStableFunc(p.Diags, diag.Compare)
		order := make([]int, len(o.paths))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int { return strings.Compare(o.paths[a], o.paths[b]) })
		for _, i := range order {
			p.Paths = append(p.Paths, o.paths[i])
			p.Sizes = append(p.Sizes, o.sizes[i])
		}
		for _, l := range o.links {
			p.Links = append(p.Links, savedLink{Dest: l.Dest, File: l.File, Line: l.Line, Page: l.page})
		}
		slices.SortFunc(p.Links, func(a, b savedLink) int {
			return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Dest, b.Dest), strings.Compare(a.Page, b.Page))
		})
		s.Parts = append(s.Parts, p)
	}
	slices.SortFunc(s.Parts, func(a, b savedPart) int { return strings.Compare(a.Key, b.Key) })
	return gob.NewEncoder(w).Encode(&s)
}

// ReadCache reads a cache written by Save. Its parts are replayed through
// Earlier, which the caller sets.
func ReadCache(r io.Reader) (*Cache, error) {
	var s savedCache
	if err := gob.NewDecoder(r).Decode(&s); err != nil {
		return nil, fmt.Errorf("cannot read the build cache: %w", err)
	}
	if s.Format != cacheFormat {
		return nil, errors.New("the build cache was written by another version of planpress")
	}
	c := &Cache{entries: make(map[string]*output, len(s.Parts)), PathsOnly: true}
	for _, p := range s.Parts {
		if len(p.Sizes) != len(p.Paths) {
			return nil, errors.New("the build cache is damaged")
		}
		o := &output{paths: p.Paths, sizes: p.Sizes, search: p.Search, kpi: p.KPI}
		for _, d := range p.Diags {
			o.diags.Add(d)
		}
		for _, l := range p.Links {
			o.links = append(o.links, pageLink{LinkRef: markdown.LinkRef{Dest: l.Dest, File: l.File, Line: l.Line}, page: l.Page})
		}
		c.entries[p.Key] = o
	}
	return c, nil
}
