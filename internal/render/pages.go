package render

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/model"
)

// ArchiveView lists every edition, newest first.
type ArchiveView struct {
	Editions []ArchiveEntry
}

// ArchiveEntry is one edition in the list.
type ArchiveEntry struct {
	Title     string
	Href      string
	Published string
	AsAt      string
	Summary   string
	Sentence  string
	Latest    bool
	Draft     bool
}

// GlossaryView lists the glossary's terms.
type GlossaryView struct {
	Terms []TermView
}

// TermView is one glossary entry.
type TermView struct {
	Abbr    string
	Anchor  string
	Meaning string
	Note    string
}

// A11yView is the accessibility statement's data.
type A11yView struct {
	model.Accessibility
	Organisation string
	Site         string
	StatusText   string
	Contact      model.Contact
}

func (r *renderer) renderSitePages() {
	s := r.site
	// The archive.
	av := &ArchiveView{}
	for i := len(s.Editions) - 1; i >= 0; i-- {
		e := s.Editions[i]
		sum := compute.Summarise(e.Milestones(), s.Statuses)
		entry := ArchiveEntry{Title: e.Title, Href: r.url(editionPath(e)), AsAt: e.AsAt.Long(), Summary: e.Summary, Latest: e == r.latest, Draft: e.Draft,
			Sentence: fmt.Sprintf("%d of %d milestones on track (%s).", sum.OnTrack, sum.Total, compute.Format(sum.OnTrackPercent, model.UnitPercent, 1))}
		if e.PublishedPrecision == "month" {
			entry.Published = model.MonthOf(e.Published.Year(), e.Published.Month()).Long()
		} else {
			entry.Published = e.Published.Format("2 January 2006")
		}
		av.Editions = append(av.Editions, entry)
	}
	home := Link{Href: r.url(""), Text: "Home"}
	r.writePage("archive", "editions/index.html", &Page{Title: "All reports", Heading: "All reports", Description: "Every edition of the report, as published.", Breadcrumbs: []Link{home}, Extra: av})

	// The glossary.
	gv := &GlossaryView{}
	terms := append([]model.Term(nil), s.Glossary...)
	sort.SliceStable(terms, func(i, j int) bool { return strings.ToLower(terms[i].Abbr) < strings.ToLower(terms[j].Abbr) })
	for _, t := range terms {
		gv.Terms = append(gv.Terms, TermView{Abbr: t.Abbr, Anchor: termAnchor(t.Abbr), Meaning: t.Meaning, Note: t.Note})
	}
	r.writePage("glossary", "glossary/index.html", &Page{Title: "Glossary", Heading: "Glossary", Description: "What the abbreviations in the reports mean.", Breadcrumbs: []Link{home}, Extra: gv})

	// The accessibility statement.
	a := &A11yView{Accessibility: s.Accessibility, Organisation: s.Organisation, Site: s.Title, Contact: s.Contact}
	switch s.Accessibility.Status {
	case "full":
		a.StatusText = "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard."
	case "not":
		a.StatusText = "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. The non-compliances are listed below."
	default:
		a.StatusText = "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below."
	}
	if a.ContactEmail == "" {
		a.ContactEmail = s.Contact.Email
	}
	if a.ResponseDays == 0 {
		a.ResponseDays = 5
	}
	r.writePage("accessibility", "accessibility/index.html", &Page{Title: "Accessibility statement", Heading: "Accessibility statement for " + s.Title, Description: "How accessible this website is, and how to report a problem.", Breadcrumbs: []Link{home}, Extra: a})

	// Ordinary pages.
	for _, p := range s.Pages {
		body := r.convert(p.Body, p.Pos, nil, r.terms.NewPage(), "/"+p.Slug+"/")
		r.writePage("page", p.Slug+"/index.html", &Page{Title: p.Title, Heading: p.Title, Description: p.Title, Breadcrumbs: []Link{home}, Body: body})
	}
	// Not found.
	r.writePage("404", "404.html", &Page{Title: "Page not found", Heading: "Page not found", Path: r.url("404.html")})
	r.write("robots.txt", r.robots())
}

func (r *renderer) robots() []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if r.site.BaseURL != "" {
		fmt.Fprintf(&b, "Sitemap: %s\n", r.absolute(r.url("sitemap.xml")))
	}
	return []byte(b.String())
}

var _ template.HTML
