package render

import (
	"html/template"

	"github.com/planpress/planpress/internal/model"
)

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
	Feed         string // the Atom feed, when the site has one
	SearchScript string // the search script, when the site has a search index
	SearchIndex  bool
	Intro        template.HTML // content/_index.md, shown on the home page
}

// Assets are the fingerprinted addresses of the site's own files.
type Assets struct {
	CSS     string
	Charts  string // start-up script
	ECharts string // the chart library bundle
	Search  string
	Live    string // live reload, only under serve
}

// Page is the data every layout receives.
type Page struct {
	Site        *SiteView
	Kind        string
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
	// Extra holds what one page kind alone needs (archive lists, glossary).
	Extra any
}

// Notice is a banner outside <main>.
type Notice struct {
	Text string
	Link *Link
	Kind string // "newer", "draft"
}

// StatusView is a status word ready to show as a tag.
type StatusView struct {
	Name        string
	Key         string
	RAG         string // "red", "amber", "green" or ""
	OnTrack     bool
	Description string
}

// StatusCountView is one line of a milestone summary.
type StatusCountView struct {
	Status  StatusView
	Count   int
	Percent string
}

// SummaryView is a milestone summary, ready to show.
type SummaryView struct {
	Total          int
	OnTrack        int
	OnTrackPercent string
	ByStatus       []StatusCountView
	Sentence       string
}

// EditionView is one edition, computed and formatted.
type EditionView struct {
	ID           string
	Title        string
	Path         string
	Published    string // "May 2019" or "31 May 2019"
	PublishedISO string
	AsAt         string // "March 2019"
	Period       string // "April 2018 to March 2019"
	Summary      string
	Signatory    model.Person
	Intro        template.HTML
	Caveat       string
	Draft        bool
	Milestones   SummaryView
	Priorities   []*PriorityView
	KPIs         KPIRAGView
	ColourKey    ColourKey
	DataJSON     string
	PrintPath    string
	Charts       []template.HTML
	// Changes says what moved since the previous edition (nil for the
	// first). It reads only this edition and the one before, so an
	// edition's page never changes when later editions are added.
	Changes *ChangesView
}

// KPIRAGView counts an edition's KPIs by their latest rating.
type KPIRAGView struct {
	Red, Amber, Green, None, Total int
	Sentence                       string
}

// ColourKey writes the rating rules out in words.
type ColourKey struct {
	Green, Amber, Red, Travel, Monitor string
}

// PriorityView is one priority of an edition.
type PriorityView struct {
	Number     int
	Label      string
	Title      string
	Commitment template.HTML
	Path       string
	Milestones []MilestoneView
	Summary    SummaryView
	Body       template.HTML
	// Unplaced are KPI tables the narrative did not place itself.
	Unplaced template.HTML
	KPIs     []string
}

// MilestoneView is one row of a plan table.
type MilestoneView struct {
	Ref    string
	Anchor string
	Text   template.HTML
	Impact []template.HTML
	QA     []template.HTML
	Dates  []DateView
	Status StatusView
}

// DateView is one key date of a milestone.
type DateView struct {
	Label string
	Value string
}

// KPITableView is a table of KPIs with a column per month.
type KPITableView struct {
	ID       string
	Caption  string
	Baseline string // the baseline column's heading: "2017/18 actual"
	Target   string // the target column's heading: "2018/19 target"
	Groups   []ColumnGroup
	Months   []MonthHeader
	Rows     []KPIRowView
	Caveat   string
	HasProxy bool
	Charts   []template.HTML
}

// ColumnGroup spans months: "Pre Ofsted visit".
type ColumnGroup struct {
	Label string
	Span  int
}

// MonthHeader is one month column.
type MonthHeader struct {
	Short string // "Mar-19"
	Long  string // "March 2019"
}

// KPIRowView is one KPI's row and, when it has counts, the row beneath.
type KPIRowView struct {
	ID        string
	Title     template.HTML
	Href      string
	Unit      string // "Percentage", "Rate per 10,000"
	Polarity  string // "Lower is better"
	Proxy     bool
	ProxyNote string
	Baseline  string
	Source    string
	Cells     []CellView
	Target    string
	Counts    *CountRowView
}

// CellView is one month of one KPI. HTML is the whole table cell, written in
// Go because a KPI table has hundreds of cells and the template engine's
// per-value escaping dominated the build; the fields stay for layouts that
// want to write cells their own way.
type CellView struct {
	HTML       template.HTML
	Value      string
	RAG        string // class: "red", "amber", "green"
	RAGWord    string
	Arrow      string
	TravelWord string
	TravelRAG  string
	Empty      bool
}

// CountRowView is the numerator/denominator row under a percentage.
type CountRowView struct {
	Title    string
	Baseline string
	Cells    []CountCell
}

// CountCell is one month's counts, with the percentage they give when that
// differs from the published one.
type CountCell struct {
	HTML     template.HTML // the whole table cell
	Text     string
	Mismatch string
}
