package model

import (
	"sort"
	"time"
)

// Pos is where something was written: a file relative to the site folder and
// a 1-based line (0 when the line is not known).
type Pos struct {
	File string
	Line int
}

// Site is a whole planpress site: settings, KPI definitions, editions and pages.
type Site struct {
	Title        string
	Organisation string
	Service      string
	Description  string
	BaseURL      string
	// Language is the language tag of the site's words ("en-GB"): its
	// interface words (i18n/LANG.toml), and lang on its pages.
	Language string
	// Code is the code of this site's language ("cy"): the folder of its
	// pages and the suffix of its files. It is empty for the site's default
	// language, whose pages are at the site's root.
	Code string
	// Languages are every language the site publishes in, its default
	// language first: one for a site in one language.
	Languages []Language
	// Translations are the site in each of its other languages, in the
	// order of Languages: the same editions, figures, dates and refs, with
	// the words of that language. They have no translations of their own.
	Translations []*Site
	// FinancialYearStart is the first calendar month of a financial year.
	FinancialYearStart time.Month
	// Band is the site-wide amber band; a KPI may set its own.
	Band          Band
	Statuses      []Status
	Events        []Event
	Contact       Contact
	Accessibility Accessibility
	// RawHTML lets Markdown carry raw HTML through; off by default, so that
	// author HTML is escaped.
	RawHTML bool
	// HostFiles has the build write the files that tell web hosts which
	// headers to send (_headers, web.config); [publish] host_files = false
	// in planpress.toml leaves them out.
	HostFiles bool
	// Brand is the council's own look: its logo, favicon and header
	// colours ([brand] in planpress.toml).
	Brand Brand
	// Static lists the files of the site's static/ folder, which a build
	// copies into the site as they are: slash paths below static/
	// ("images/logo.svg", "CNAME"), sorted.
	Static []string

	KPIs     []*KPI
	KPIByID  map[string]*KPI
	Glossary []Term
	Editions []*Edition // oldest first
	Pages    []*Page
	Home     *Page // content/_index.md, if any
}

// Language is one language a site publishes in.
type Language struct {
	// Tag is the language tag ("en-GB", "cy"): its interface words, and
	// lang and hreflang on its pages.
	Tag string
	// Code names its files ("priority-1.cy.md") and the folder of its pages
	// ("/cy/"); empty for the default language.
	Code string
	// Name is the language's name in itself: "Cymraeg", "English".
	Name string
	Pos  Pos
}

// Brand is how a site looks like its council's other publications.
type Brand struct {
	// Logo is a file of static/ shown in the header before the site's
	// name ("images/logo.svg"); LogoAlt is its text alternative.
	Logo    string
	LogoAlt string
	// Favicon is a file of static/ that browsers show as the site's icon;
	// empty means planpress's own.
	Favicon string
	// HeaderColour and HeaderText are the header's background and the
	// colour of its words ("#1d4f6e", "#ffffff"); empty means the theme's.
	HeaderColour string
	HeaderText   string
}

// HasStatic reports whether the site's static/ folder has a file (a slash
// path below static/).
func (s *Site) HasStatic(name string) bool {
	i := sort.SearchStrings(s.Static, name)
	return i < len(s.Static) && s.Static[i] == name
}

// KPI finds a KPI definition by id.
func (s *Site) KPI(id string) *KPI { return s.KPIByID[id] }

// Status finds a status by its name, or returns nil.
func (s *Site) Status(name string) *Status {
	for i := range s.Statuses {
		if s.Statuses[i].Name == name {
			return &s.Statuses[i]
		}
	}
	return nil
}

// FinancialYear returns the financial year a month falls in under the site's rule.
func (s *Site) FinancialYear(m Month) FinancialYear {
	return FinancialYearOf(m, s.FinancialYearStart)
}

// BandMode says how an amber band is measured.
type BandMode int

const (
	// BandRelative measures the band as a percentage of the target: 15% of a
	// target of 12 is 1.8.
	BandRelative BandMode = iota
	// BandPoints measures the band in the KPI's own units (percentage points
	// for a percentage).
	BandPoints
)

// Band is the width of the amber zone beyond a target.
type Band struct {
	Width float64
	Mode  BandMode
}

// RAG is a red, amber or green rating; RAGNone means no rating applies.
type RAG int

// The ratings.
const (
	RAGNone RAG = iota
	RAGRed
	RAGAmber
	RAGGreen
)

// String is the lower-case word used in data files and CSS classes.
func (r RAG) String() string {
	switch r {
	case RAGRed:
		return "red"
	case RAGAmber:
		return "amber"
	case RAGGreen:
		return "green"
	}
	return ""
}

// Word is the rating as a reader sees it: "Red", "Amber", "Green".
func (r RAG) Word() string {
	switch r {
	case RAGRed:
		return "Red"
	case RAGAmber:
		return "Amber"
	case RAGGreen:
		return "Green"
	}
	return ""
}

// ParseRAG reads "red", "amber", "green" or "none".
func ParseRAG(s string) (RAG, bool) {
	switch s {
	case "red":
		return RAGRed, true
	case "amber":
		return RAGAmber, true
	case "green":
		return RAGGreen, true
	case "none", "":
		return RAGNone, true
	}
	return RAGNone, false
}

// Status is one word of the site's milestone status list.
type Status struct {
	Name        string // as written in files and shown to readers: "ON TRACK"
	Key         string // a slug for CSS and data: "on-track"
	RAG         RAG
	OnTrack     bool // counts towards the "on track" percentage
	Description string
}

// Event is a dated happening that KPI tables and charts mark, such as an inspection.
type Event struct {
	Name string
	From Month
	To   Month
	// Split is the first month shown as "after" the event in KPI tables.
	Split Month
	// BeforeLabel and AfterLabel head the KPI tables' column groups;
	// empty when planpress.toml gives none, and the interface words name
	// them ("Before Ofsted inspection").
	BeforeLabel string
	AfterLabel  string
}

// Contact is who readers write to about the report.
type Contact struct {
	Name         string
	Role         string
	Team         string
	Organisation string
	Address      []string
	Email        string
	Phone        string
}

// Accessibility holds what the accessibility statement needs beyond the site itself.
type Accessibility struct {
	Status       string // "full", "partial" or "not"
	Tested       string // date of the last test, YYYY-MM-DD
	Prepared     string
	Reviewed     string
	Method       string
	Issues       []string
	ContactEmail string
	ContactPhone string
	ResponseDays int
}

// Term is a glossary entry.
type Term struct {
	Abbr    string
	Meaning string
	Note    string
	Pos     Pos
}

// Page is an ordinary page from content/pages (or content/_index.md).
type Page struct {
	Slug  string
	Title string
	Body  string // Markdown
	Pos   Pos    // where the body starts
	// Lang is the language tag of the page's words when they are not in
	// the site's language: a draft's page not yet translated.
	Lang string
}
