package view

import (
	"sort"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/markdown"
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

// SearchView is the search page's data.
type SearchView struct {
	Index      string // the index's address
	Archive    string
	KPIs       string
	Milestones string
	Priorities string
	// Messages are what the search script says as it searches.
	Messages SearchMessages
}

// SearchMessages are the search script's words, which the search page gives
// it (the script has none of its own): each in the interface words, with
// the placeholders the script fills in left as they are: {query}, {count}
// and {label}.
type SearchMessages struct {
	Empty, None, More, NoneHint, Failed string
	// Results counts the results, a form for each plural category of the
	// language by its CLDR name ("one", "other"), which the script chooses
	// with the browser's plural rules.
	Results                                      map[string]string
	KindIndicator, KindMilestone, KindPage       string
	KindTerm                                     string
	EditionLatest, EditionArchived, EditionDraft string
}

// searchMessages are the search script's words.
func (s *Site) searchMessages() SearchMessages {
	// The script fills these in.
	query, count, label := "{query}", "{count}", "{label}"
	return SearchMessages{
		Empty:           s.t(i18n.SearchEmpty),
		None:            s.t(i18n.SearchResultsNone, "query", query),
		More:            s.t(i18n.SearchMore, "count", count),
		NoneHint:        s.t(i18n.SearchNoneHint),
		Failed:          s.t(i18n.SearchFailed),
		Results:         s.Words.PluralTexts(i18n.SearchResults, "count", count, "query", query),
		KindIndicator:   s.t(i18n.SearchKindIndicator),
		KindMilestone:   s.t(i18n.SearchKindMilestone),
		KindPage:        s.t(i18n.SearchKindPage),
		KindTerm:        s.t(i18n.SearchKindTerm),
		EditionLatest:   s.t(i18n.SearchEditionLatest, "label", label),
		EditionArchived: s.t(i18n.SearchEditionArchived, "label", label),
		EditionDraft:    s.t(i18n.SearchEditionDraft, "label", label),
	}
}

// SitePagePrefixes are the files SitePages writes, below the site root, as
// the beginnings of their names.
func (s *Site) SitePagePrefixes() []string {
	out := []string{"editions/index.html", "glossary/", "accessibility/", "search/index.html", "404.html"}
	for _, p := range s.Model.Pages {
		out = append(out, p.Slug+"/")
	}
	for i, p := range out {
		out[i] = s.FileName(p)
	}
	return out
}

// SitePages builds the pages of the site itself: the list of reports, the
// glossary, the accessibility statement, the search page, ordinary pages and
// the not-found page.
func (s *Site) SitePages(f *Findings) []*Page {
	m := s.Model
	var out []*Page
	av := &ArchiveView{}
	for i := len(m.Editions) - 1; i >= 0; i-- {
		e := m.Editions[i]
		sum := summarise(m, e)
		entry := ArchiveEntry{Title: e.Title, Href: s.URL(EditionPath(e)), AsAt: s.month(e.AsAt), Summary: e.Summary, Latest: s.IsLatest(e), Draft: e.Draft,
			Sentence: s.t(i18n.ArchiveOnTrack, "count", sum.OnTrack, "milestones", s.t(i18n.SummaryMilestones, "count", sum.Total), "percent", format.Number(sum.OnTrackPercent, model.UnitPercent, 1))}
		if e.PublishedPrecision == "month" {
			entry.Published = s.month(model.MonthOf(e.Published.Year(), e.Published.Month()))
		} else {
			entry.Published = s.Words.Day(e.Published)
		}
		av.Editions = append(av.Editions, entry)
	}
	home := s.homeCrumb()
	archive := s.t(i18n.ArchiveTitle)
	out = append(out, s.page("archive", "editions/index.html", &Page{Title: archive, Heading: archive, Description: s.t(i18n.ArchiveDescription), Breadcrumbs: []Link{home}, Extra: av}))

	gv := &GlossaryView{}
	terms := append([]model.Term(nil), m.Glossary...)
	sort.SliceStable(terms, func(i, j int) bool { return strings.ToLower(terms[i].Abbr) < strings.ToLower(terms[j].Abbr) })
	for _, t := range terms {
		gv.Terms = append(gv.Terms, TermView{Abbr: t.Abbr, Anchor: TermAnchor(t.Abbr), Meaning: t.Meaning, Note: t.Note})
	}
	glossary := s.t(i18n.GlossaryTitle)
	out = append(out, s.page("glossary", "glossary/index.html", &Page{Title: glossary, Heading: glossary, Description: s.t(i18n.GlossaryDescription), Breadcrumbs: []Link{home}, Extra: gv}))

	a := &A11yView{Accessibility: m.Accessibility, Organisation: m.Organisation, Site: m.Title, Contact: m.Contact}
	switch m.Accessibility.Status {
	case "full":
		a.StatusText = s.t(i18n.AccessibilityStatusFull)
	case "not":
		a.StatusText = s.t(i18n.AccessibilityStatusNot)
	default:
		a.StatusText = s.t(i18n.AccessibilityStatusPartial)
	}
	if a.ContactEmail == "" {
		a.ContactEmail = m.Contact.Email
	}
	if a.ResponseDays == 0 {
		a.ResponseDays = 5
	}
	a.Tested, a.Prepared, a.Reviewed = s.dayWords(a.Tested), s.dayWords(a.Prepared), s.dayWords(a.Reviewed)
	out = append(out, s.page("accessibility", "accessibility/index.html", &Page{Title: s.t(i18n.AccessibilityTitle), Heading: s.t(i18n.AccessibilityHeading, "site", m.Title), Description: s.t(i18n.AccessibilityDescription), Breadcrumbs: []Link{home}, Extra: a}))

	for _, p := range m.Pages {
		body := s.convert(p.Body, p.Pos, nil, s.terms.NewPage(), "/"+p.Slug+"/", f)
		out = append(out, s.page("page", p.Slug+"/index.html", &Page{Title: p.Title, Heading: p.Title, Description: p.Title, Breadcrumbs: []Link{home}, Body: body, ContentLang: p.Lang}))
	}
	out = append(out, s.page("search", "search/index.html", &Page{
		Title: s.t(i18n.SearchTitle), Heading: s.t(i18n.SearchHeading),
		Description: s.t(i18n.SearchDescription),
		Breadcrumbs: []Link{home},
		Extra: &SearchView{Index: s.URL(SearchIndexPath), Archive: s.URL("editions/"), KPIs: s.URL("kpis/"),
			Milestones: s.URL("milestones/"), Priorities: s.URL("priorities/"), Messages: s.searchMessages()},
	}))
	notFound := s.t(i18n.NotFoundTitle)
	out = append(out, s.page("404", "404.html", &Page{Title: notFound, Heading: notFound, Path: s.URL("404.html")}))
	return out
}

// summarise counts an edition's milestones by status.
func summarise(m *model.Site, e *model.Edition) compute.Summary {
	return compute.Summarise(e.Milestones(), m.Statuses)
}

// SearchEditions lists the editions for the search index, newest first.
func (s *Site) SearchEditions() []SearchEdition {
	var out []SearchEdition
	eds := s.Model.Editions
	for i := len(eds) - 1; i >= 0; i-- {
		e := eds[i]
		out = append(out, SearchEdition{ID: e.ID, Title: e.Title, Label: s.EditionLabel(e), Latest: s.IsLatest(e), Draft: e.Draft})
	}
	return out
}

// SiteSearch makes the search entries of the site's own pages and of the
// glossary.
func (s *Site) SiteSearch() []SearchEntry {
	var out []SearchEntry
	add := func(e SearchEntry) { out = append(out, e.cut()) }
	for _, p := range s.Model.Pages {
		env := &markdown.Env{File: p.Pos.File, Line: p.Pos.Line, Diags: &diag.List{}}
		for _, sec := range plainSections(s.md.Convert(p.Body, env)) {
			title := p.Title
			if sec.heading != "" {
				title += " – " + sec.heading
			}
			add(SearchEntry{Title: title, URL: s.URL(p.Slug + "/"), Kind: "page", Text: sec.text})
		}
	}
	for _, t := range s.Model.Glossary {
		add(SearchEntry{Title: t.Abbr + ": " + t.Meaning, URL: s.URL("glossary/") + "#" + TermAnchor(t.Abbr), Kind: "term", Text: t.Note})
	}
	return out
}

// EditionLabel names an edition briefly, as a column heading or in a list:
// its publication month ("May 2019"), else its id.
func (s *Site) EditionLabel(e *model.Edition) string {
	if e.Published.IsZero() {
		return e.ID
	}
	return s.month(model.MonthOf(e.Published.Year(), e.Published.Month()))
}

// editionLink links to an edition's overview.
func (s *Site) editionLink(e *model.Edition) Link {
	return Link{Href: s.URL(EditionPath(e)), Text: e.Title}
}

// editionShortLink links to an edition's overview by its short name: "May
// 2019 report".
func (s *Site) editionShortLink(e *model.Edition) Link {
	key := i18n.EditionShortName
	if e.Draft {
		key = i18n.EditionShortNameDraft
	}
	return Link{Href: s.URL(EditionPath(e)), Text: s.t(key, "label", s.EditionLabel(e))}
}

// homeCrumb is the first of every page's breadcrumbs.
func (s *Site) homeCrumb() Link { return Link{Href: s.URL(""), Text: s.t(i18n.BreadcrumbsHome)} }
