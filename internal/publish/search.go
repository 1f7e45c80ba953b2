package publish

import (
	"encoding/json"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/view"
)

// searchIndex is the shape of search/index.json, which assets/js/search.js
// reads. Keys are short because the file is downloaded whole.
type searchIndex struct {
	Editions []searchEdition `json:"editions"`
	Entries  []searchEntry   `json:"entries"`
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

// SearchIndex writes search/index.json: the editions, then the entries in the
// order given.
func (s *Site) SearchIndex(editions []view.SearchEdition, entries []view.SearchEntry) {
	idx := searchIndex{Editions: make([]searchEdition, 0, len(editions)), Entries: make([]searchEntry, 0, len(entries))}
	for _, e := range editions {
		idx.Editions = append(idx.Editions, searchEdition(e))
	}
	for _, e := range entries {
		idx.Entries = append(idx.Entries, searchEntry(e))
	}
	b, err := json.Marshal(idx)
	if err != nil {
		s.problem(func(d *diag.List) { d.Errorf(view.SearchIndexPath, 0, "", "cannot write the search index: %v", err) })
		return
	}
	s.File(view.SearchIndexPath, append(b, '\n'))
}
