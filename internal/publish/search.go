package publish

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/view"
)

// The search index is search/index.json, which assets/js/search.js reads:
// the editions, the entries of the pages across editions (indicators,
// milestones), the site's own pages and the glossary, and the names of the
// shards that hold the editions' own entries, one per year of their as-at
// month, newest first. The script reads the index and then every shard.
// Shards keep a large archive's entries out of memory (each is written as
// soon as its year's editions are done) and its files small.

// searchIndex is the shape of search/index.json. Keys are short because the
// file is downloaded whole.
type searchIndex struct {
	Editions []searchEdition `json:"editions"`
	Entries  []searchEntry   `json:"entries"`
	Shards   []string        `json:"shards"`
}

// searchShard is the shape of a shard, search/YEAR.json.
type searchShard struct {
	Entries []searchEntry `json:"entries"`
}

type searchEdition struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Label  string `json:"label"`
	Latest bool   `json:"latest,omitempty"`
	Draft  bool   `json:"draft,omitempty"`
}

type searchEntry struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Edition string `json:"e,omitempty"`
	Kind    string `json:"k"`
	Text    string `json:"x"`
}

// SearchShards collects the editions' search entries and writes each year's
// shard once its editions are all in. It is safe for concurrent use.
type SearchShards struct {
	site *Site
	// prefix is the folder of the language whose pages the shards search,
	// below the site root: "" or "cy/".
	prefix  string
	mu      sync.Mutex
	years   map[int]*shardYear
	written []int // years whose shard is written
}

type shardYear struct {
	editions []string // ids, newest first
	entries  map[string][]view.SearchEntry
}

// NewSearchShards prepares the shards of the site's editions, for the search
// index of the language whose pages are in the folder prefix ("" for the
// default language, "cy/"): each language has an index of its own.
func (s *Site) NewSearchShards(prefix string, editions []*model.Edition) *SearchShards {
	x := &SearchShards{site: s, prefix: prefix, years: map[int]*shardYear{}}
	for i := len(editions) - 1; i >= 0; i-- {
		e := editions[i]
		y := x.years[e.AsAt.Year()]
		if y == nil {
			y = &shardYear{entries: map[string][]view.SearchEntry{}}
			x.years[e.AsAt.Year()] = y
		}
		y.editions = append(y.editions, e.ID)
	}
	return x
}

// shardName is a year's shard below the site root.
func shardName(year int) string { return fmt.Sprintf("search/%d.json", year) }

// Add takes an edition's entries, and writes its year's shard if the edition
// was the last of its year to come in.
func (x *SearchShards) Add(e *model.Edition, entries []view.SearchEntry) {
	x.mu.Lock()
	year := e.AsAt.Year()
	y := x.years[year]
	if entries == nil {
		entries = []view.SearchEntry{}
	}
	y.entries[e.ID] = entries
	done := len(y.entries) == len(y.editions)
	if done {
		delete(x.years, year)
		x.written = append(x.written, year)
	}
	x.mu.Unlock()
	if !done {
		return
	}
	var shard searchShard
	for _, id := range y.editions {
		for _, en := range y.entries[id] {
			shard.Entries = append(shard.Entries, searchEntry(en))
		}
	}
	x.site.jsonFile(x.prefix+shardName(year), shard)
}

// names are the addresses of the shards written, newest first.
func (x *SearchShards) names() []string {
	x.mu.Lock()
	years := slices.Clone(x.written)
	x.mu.Unlock()
	slices.Sort(years)
	slices.Reverse(years)
	out := make([]string, 0, len(years))
	for _, y := range years {
		out = append(out, x.site.base+x.prefix+shardName(y))
	}
	return out
}

// SearchIndex writes search/index.json (in the folder of the shards'
// language): the editions, the entries given, in that order, and the
// shards, which must all be written.
func (s *Site) SearchIndex(editions []view.SearchEdition, entries []view.SearchEntry, shards *SearchShards) {
	idx := searchIndex{Editions: make([]searchEdition, 0, len(editions)), Entries: make([]searchEntry, 0, len(entries)), Shards: shards.names()}
	for _, e := range editions {
		idx.Editions = append(idx.Editions, searchEdition(e))
	}
	for _, e := range entries {
		idx.Entries = append(idx.Entries, searchEntry(e))
	}
	s.jsonFile(shards.prefix+view.SearchIndexPath, idx)
}

// jsonFile writes a value as a compact JSON file.
func (s *Site) jsonFile(name string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		s.problem(func(d *diag.List) { d.Errorf(name, 0, "", "cannot write %s: %v", name, err) })
		return
	}
	s.File(name, append(b, '\n'))
}
