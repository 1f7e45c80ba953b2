package model

import "time"

// Edition is one published report: a quarter's progress, at a permanent address.
type Edition struct {
	ID        string // the folder name: "2019-05"
	Title     string
	Published time.Time
	// PublishedPrecision is "day" or "month": the seed gives only a month.
	PublishedPrecision string
	AsAt               Month
	From, To           Month // the period the figures cover
	Signatory          Person
	Draft              bool
	Summary            string // one line for listings and meta descriptions
	Intro              string // Markdown
	IntroPos           Pos
	Priorities         []*Priority
	// Series holds the edition's own copy of each KPI's figures.
	Series map[string]*Series
	Caveat string // data caveat shown with KPI tables
	Pos    Pos
	// Fingerprint is a hex SHA-256 over every file the edition was loaded
	// from (its Markdown files in content/editions/ID and
	// data/editions/ID/kpis.toml): each file's name, length and bytes, in a
	// fixed order. Any change to those files changes it, including a file
	// added or removed, so that a cache of what is made from the edition can
	// be keyed by it. The edition is also read against the site's own files,
	// which it does not cover: see Site.Fingerprint.
	Fingerprint string
	// DataFingerprint is Fingerprint with only the front matter of each
	// Markdown file (and the line its body starts on) counted, not the
	// narrative body. It changes with anything but the narrative's text, so
	// that what is made from the edition's plan and figures, and not its
	// narrative, can be keyed by it and kept through an edit to the prose.
	DataFingerprint string
	// FrontFingerprint is DataFingerprint without the figures file: it
	// changes with the edition's settings, priorities and milestones, which
	// the milestone tracker and the list of reports read.
	FrontFingerprint string
}

// Person is a named signatory.
type Person struct {
	Name string
	Role string
}

// Milestones returns every milestone of the edition in priority order.
func (e *Edition) Milestones() []*Milestone {
	var out []*Milestone
	for _, p := range e.Priorities {
		out = append(out, p.Milestones...)
	}
	return out
}

// Priority is one priority action: its plan (milestones) and its narrative.
type Priority struct {
	Number     int
	Slug       string // "priority-1", from the file name
	Label      string // "ILACS priority action 1"
	Title      string
	Commitment string
	Milestones []*Milestone
	KPIs       []string // KPI ids reported under this priority, in order
	KPILines   []int    // the line each KPI id is written on
	Charts     []*AuthorChart
	Body       string // Markdown narrative
	BodyPos    Pos
	Pos        Pos
}

// Milestone is one row of a priority's plan.
type Milestone struct {
	Ref       string // "2.2"
	Text      string
	Impact    []string
	QA        []string
	Commenced Month
	Launch    Month
	Due       Month
	// Date is a key date the plan gives without saying what it marks.
	Date    Month
	Updates []Month
	Timing  string // free words, such as "Year long"
	Status  string
	Pos     Pos
}

// AuthorChart is a small chart that an author declares in a priority's front
// matter and places in the narrative (the audit headlines, say).
type AuthorChart struct {
	ID         string
	Title      string
	Kind       string // "bar"
	Unit       string // what the values count: "plans"
	Categories []string
	Values     []float64
	Note       string
	Pos        Pos
}
