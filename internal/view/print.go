package view

import (
	"sort"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// PrintView is what the print edition has beyond the edition itself: the
// furniture of a committee pack, which layouts/print.html lays out as a
// cover, a contents list, and a glossary at the end (the contact details
// are the site's, Page.Site.Contact). planpress pdf prints the same page.
type PrintView struct {
	// Edition names the edition on the cover: "May 2019 report".
	Edition string
	// Glossary is every term of the site's glossary, in the order of the
	// glossary page; each entry's Anchor is its id on the print page too,
	// so a term the narrative links can be found in the printed copy.
	Glossary []TermView
}

// printView gathers the print edition's furniture for edition e.
func (s *Site) printView(e *model.Edition) *PrintView {
	v := &PrintView{Edition: s.editionShortLink(e).Text}
	terms := append([]model.Term(nil), s.Model.Glossary...)
	sort.SliceStable(terms, func(i, j int) bool { return strings.ToLower(terms[i].Abbr) < strings.ToLower(terms[j].Abbr) })
	for _, t := range terms {
		v.Glossary = append(v.Glossary, TermView{Abbr: t.Abbr, Anchor: TermAnchor(t.Abbr), Meaning: t.Meaning, Note: t.Note})
	}
	return v
}
