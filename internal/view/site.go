package view

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/model"
)

// Partials runs a layout partial for what a narrative embeds (a KPI table, a
// chart): the render stage provides it, so that the markup stays in layouts/
// where a site can override it.
type Partials interface {
	Partial(name string, data any) (template.HTML, error)
}

// Assets are the addresses of the site's own files, which every page links to.
type Assets struct {
	CSS     string
	Charts  string // start-up script
	ECharts string // the chart library bundle
	Search  string
	Live    string // live reload, only under serve
	// Icons are the site's favicons, which every page links to.
	Icons []Icon
}

// Icon is a favicon: its address, and its type or size when a browser needs
// them to choose.
type Icon struct {
	Href  string
	Type  string
	Sizes string
}

// Site is what every view of one build shares: the site as loaded, the words
// of its language, where its pages live, its glossary and its newest edition.
// A site in more than one language has a Site for each language (the
// translated model.Site), whose pages live in the language's folder.
type Site struct {
	Model *model.Site
	// Words are the interface words of the site's language: every word a
	// view gives a reader that is not the site's own comes from them.
	Words *i18n.Catalogue
	// Base is the path this language's pages live under: "/" or
	// "/reports/", and "/cy/" or "/reports/cy/" for a language with a
	// folder of its own.
	Base string
	// Root is the path the site lives under, "/" or "/reports/": the files
	// every language shares (open data, static files) are there.
	Root string
	// Prefix is the folder of this language's pages below the root: "" for
	// the default language, "cy/".
	Prefix string
	// Languages are the site's languages, each with the path its pages
	// live under; nil for a site in one language.
	Languages []LanguageBase
	Latest    *model.Edition
	Assets    Assets
	// Chrome is what every page shows of the site: its name, navigation
	// and footer, and the home page's own introduction.
	Chrome *SiteView

	md       *markdown.Converter
	terms    *markdown.Terms
	partials Partials
}

// NewSite prepares the views of a loaded site in the words of its language.
// The home page's introduction is converted here, once; its problems go to
// diags.
func NewSite(s *model.Site, words *i18n.Catalogue, assets Assets, partials Partials, diags *diag.List) *Site {
	v := &Site{Model: s, Words: words, Root: BasePath(s.BaseURL), Assets: assets, partials: partials}
	if s.Code != "" {
		v.Prefix = s.Code + "/"
	}
	v.Base = v.Root + v.Prefix
	if len(s.Languages) > 1 {
		for _, l := range s.Languages {
			b := LanguageBase{Language: l, Base: v.Root}
			if l.Code != "" {
				b.Base += l.Code + "/"
			}
			v.Languages = append(v.Languages, b)
		}
	}
	var mdOpts []markdown.Option
	if s.RawHTML {
		mdOpts = append(mdOpts, markdown.WithRawHTML())
	}
	v.md = markdown.New(mdOpts...)
	var terms []markdown.Term
	for _, t := range s.Glossary {
		terms = append(terms, markdown.Term{Abbr: t.Abbr, Meaning: t.Meaning, Href: v.URL("glossary/") + "#" + TermAnchor(t.Abbr)})
	}
	v.terms = markdown.CompileGlossary(terms)
	for _, st := range s.Statuses {
		v.terms.Ignore(strings.Fields(st.Name)...)
	}
	if len(s.Editions) > 0 {
		v.Latest = s.Editions[len(s.Editions)-1]
	}
	v.Chrome = v.chrome()
	if h := s.Home; h != nil {
		f := &Findings{}
		v.Chrome.Intro = v.convert(h.Body, h.Pos, nil, v.terms.NewPage(), "/", f)
		v.Chrome.IntroLang = h.Lang
		diags.Merge(&f.Diags)
		v.Chrome.links = f.Links
	}
	return v
}

// IsLatest reports whether e is the site's newest edition (e may be a copy
// of it, with its narrative read: editions are told apart by id).
func (s *Site) IsLatest(e *model.Edition) bool { return s.Latest != nil && e.ID == s.Latest.ID }

// HomeLinks are the links of the home page's own introduction, to check
// once every page is written.
func (s *Site) HomeLinks() []PageLink { return s.Chrome.links }

// BasePath is the path part of a base_url, which every address of the site
// starts with: "/" for most sites, "/reports/" for one that lives below a
// folder of its host.
func BasePath(baseURL string) string {
	if baseURL == "" {
		return "/"
	}
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// URL makes the address of a page of this language from its path below the
// language's folder (the site root, for the default language).
func (s *Site) URL(p string) string {
	return s.Base + strings.TrimPrefix(p, "/")
}

// RootURL makes the address of a file every language shares (open data, a
// static file) from its path below the site root.
func (s *Site) RootURL(p string) string {
	return s.Root + strings.TrimPrefix(p, "/")
}

// FileName is where a file of this language is written, below the site
// root, from its path below the language's folder: "cy/feed.xml".
func (s *Site) FileName(p string) string { return s.Prefix + p }

// Absolute makes a full address for canonical links and feeds, or "" when
// the site has no base_url.
func (s *Site) Absolute(p string) string {
	if s.Model.BaseURL == "" {
		return ""
	}
	return strings.TrimSuffix(s.Model.BaseURL, "/") + "/" + strings.TrimPrefix(strings.TrimPrefix(p, s.Root), "/")
}

// LanguageBase is one of a site's languages and the path its pages live
// under.
type LanguageBase struct {
	model.Language
	Base string
}

// PageLanguage is a page in one of the site's languages: the same page in
// each language, for the links between them.
type PageLanguage struct {
	Tag  string // "cy": lang and hreflang
	Name string // the language's name in itself: "Cymraeg"
	Href string
	// Absolute is the full address, for hreflang in the page's head (Href
	// when the site has no base_url).
	Absolute string
	// Current is the page's own language.
	Current bool
	// Default is the site's default language, which hreflang x-default
	// names.
	Default bool
}

// pageLanguages is a page (its address in this language) in every language
// of the site; nil for a site in one language.
func (s *Site) pageLanguages(path string) []PageLanguage {
	if len(s.Languages) == 0 {
		return nil
	}
	rel := strings.TrimPrefix(path, s.Base)
	out := make([]PageLanguage, 0, len(s.Languages))
	for i, l := range s.Languages {
		href := l.Base + rel
		abs := s.Absolute(href)
		if abs == "" {
			abs = href
		}
		out = append(out, PageLanguage{Tag: l.Tag, Name: l.Name, Href: href, Absolute: abs, Current: l.Tag == s.Model.Language, Default: i == 0})
	}
	return out
}

// Link is a labelled address.
type Link struct {
	Href    string
	Text    string
	Current bool
}

// SiteView is what every page knows of the site.
type SiteView struct {
	Title        string
	Organisation string
	Service      string
	Language     string
	Contact      model.Contact
	Nav          []Link
	Home         string // the home page address
	Glossary     string // the glossary page address
	Search       string // the search page address
	Archive      string // the list of editions
	A11y         string // the accessibility statement
	Feed         string // the Atom feed
	SearchScript string // the search script, when the site has a search index
	SearchIndex  bool
	Intro        template.HTML // content/_index.md, shown on the home page
	// IntroLang is the language tag of Intro when it is not in the site's
	// language (a draft's introduction not yet translated).
	IntroLang string
	// Logo is the address of the council's logo, shown in the header, and
	// LogoAlt its text alternative; both empty without one.
	Logo    string
	LogoAlt string

	links []PageLink
}

func (s *Site) chrome() *SiteView {
	m := s.Model
	v := &SiteView{
		Title: m.Title, Organisation: m.Organisation, Service: m.Service, Language: m.Language, Contact: m.Contact,
		Home: s.URL(""), Glossary: s.URL("glossary/"), Archive: s.URL("editions/"), A11y: s.URL("accessibility/"), Search: s.URL("search/"),
		Feed: s.URL(FeedPath),
	}
	if s.Assets.Search != "" {
		v.SearchScript, v.SearchIndex = s.Assets.Search, true
	}
	if l := m.Brand.Logo; l != "" {
		v.Logo, v.LogoAlt = s.RootURL(l), m.Brand.LogoAlt
	}
	v.Nav = []Link{
		{Href: v.Home, Text: s.t(i18n.NavLatest)},
		{Href: v.Archive, Text: s.t(i18n.NavArchive)},
		{Href: s.URL("kpis/"), Text: s.t(i18n.NavKPIs)},
		{Href: s.URL("milestones/"), Text: s.t(i18n.NavMilestones)},
		{Href: v.Glossary, Text: s.t(i18n.NavGlossary)},
	}
	for _, p := range m.Pages {
		v.Nav = append(v.Nav, Link{Href: s.URL(p.Slug + "/"), Text: p.Title})
	}
	return v
}

// Addresses of the files every site has, below the site root.
const (
	FeedPath        = "feed.xml"
	SitemapPath     = "sitemap.xml"
	SearchIndexPath = "search/index.json"
)

// Page is the data every layout receives, with the file it is written to.
type Page struct {
	// File is where the page is written, below the site root:
	// "editions/2019-05/index.html".
	File        string
	Site        *SiteView
	Kind        string // the layout: "edition" uses layouts/edition.html
	Title       string // for <title>, before the site's name
	Heading     string
	Path        string // this page's address, from the site root
	Canonical   string // absolute address, when the site has a base_url
	Description string
	Breadcrumbs []Link
	// Notice is shown above <main>: a newer edition exists, or a draft.
	Notice   *Notice
	Edition  *EditionView
	Priority *PriorityView
	Body     template.HTML
	Assets   Assets
	// HasCharts loads the chart scripts.
	HasCharts bool
	// Languages are the same page in each of the site's languages, this
	// one's among them; nil for a site in one language.
	Languages []PageLanguage
	// ContentLang is the language tag of the page's own words when they
	// are not in the page's language (a draft's page not yet translated).
	ContentLang string
	// Extra holds what one page kind alone needs (archive lists, glossary).
	Extra any
}

// page fills what every page has from the site and the file it goes to.
func (s *Site) page(kind, file string, p *Page) *Page {
	p.File, p.Kind, p.Site, p.Assets = s.FileName(file), kind, s.Chrome, s.Assets
	if p.Path == "" {
		p.Path = s.URL(strings.TrimSuffix(file, "index.html"))
	}
	if p.Canonical == "" {
		p.Canonical = s.Absolute(p.Path)
	}
	p.Languages = s.pageLanguages(p.Path)
	return p
}

// Notice is a banner outside <main>.
type Notice struct {
	Text string
	Link *Link
	Kind string // "newer", "draft"
}

// TermAnchor is the id of a glossary term's entry on the glossary page.
func TermAnchor(abbr string) string {
	var b strings.Builder
	b.WriteString("term-")
	for _, c := range strings.ToLower(abbr) {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			b.WriteRune(c)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}
