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
	// Lang is the language tag of the edition's words (its title, summary
	// and introduction) when they are not in the site's language: a draft
	// not yet translated.
	Lang string
	// Translations are the edition in each of the site's other languages,
	// by language code, as read from its translated files: their words,
	// and the notes published with figures (in Series, whose figures and
	// KPI are left out); everything else is this edition's. Load assembles
	// them into the translated sites.
	Translations map[string]*Edition
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
	Number int
	Slug   string // "priority-1", from the file name
	// Label is what the plan calls the priority ("ILACS priority action
	// 1"); empty when it says nothing, and the interface words name it
	// ("Priority 1").
	Label      string
	Title      string
	Commitment string
	Milestones []*Milestone
	KPIs       []string // KPI ids reported under this priority, in order
	KPILines   []int    // the line each KPI id is written on
	Charts     []*AuthorChart
	Body       string // Markdown narrative
	BodyPos    Pos
	Pos        Pos
	// Lang is the language tag of the priority's words when they are not
	// in the site's language: a draft's priority not yet translated.
	Lang string
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
	// Lang is the language tag of the milestone's words when they are not
	// in the site's language: a draft's milestone not yet translated.
	Lang string
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
	// Unchanged says the author means the chart to be the same as the
	// previous edition's (unchanged = true), so planpress does not warn
	// that it was carried over without an update.
	Unchanged bool
	Pos       Pos
}
