package view

import (
	"fmt"
	"sort"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
)

// TrackerView is every milestone's status in every edition: a row per
// milestone, grouped by priority, and a column per edition.
type TrackerView struct {
	Editions []TrackerColumn
	Groups   []TrackerGroup
	Total    int // milestones
	Changed  int // milestones whose status changed at least once
	Sentence string
	// Single is true for one priority's table on its own page, whose
	// heading the page already gives.
	Single bool
}

// TrackerColumn is one edition.
type TrackerColumn struct {
	Label  string // "May 2019"
	Title  string
	Href   string
	Draft  bool
	Latest bool
}

// TrackerGroup is one priority's milestones.
type TrackerGroup struct {
	Number int
	ID     string // the heading's id
	Label  string
	Title  string
	Href   string // the priority's page across editions
	Rows   []TrackerRow
}

// TrackerRow is one milestone across editions.
type TrackerRow struct {
	Ref     string
	Anchor  string
	Text    string // as the newest edition that lists it words it
	Cells   []TrackerCell
	Changes int
}

// TrackerCell is one milestone in one edition.
type TrackerCell struct {
	Status *StatusView // nil when the edition does not list the milestone
	State  string      // "first", "same", "changed", "new", "closed" or "absent"
	Note   string      // the change in words: "Changed from ON TRACK"
	Href   string      // the milestone's row in that edition
}

func (s *Site) trackerView(eds []*model.Edition, histories []compute.MilestoneHistory) *TrackerView {
	v := &TrackerView{}
	for _, e := range eds {
		v.Editions = append(v.Editions, TrackerColumn{Label: s.EditionLabel(e), Title: e.Title, Href: s.URL(EditionPath(e)), Draft: e.Draft, Latest: s.IsLatest(e)})
	}
	cells := s.newTrackerCells()
	groups := map[int]*TrackerGroup{}
	var order []int
	for _, h := range histories {
		p := h.LatestPriority
		g, ok := groups[p.Number]
		if !ok {
			g = &TrackerGroup{Number: p.Number, ID: fmt.Sprintf("priority-%d", p.Number), Label: s.priorityLabel(p), Title: p.Title, Href: s.priorityHistoryPath(p.Number)}
			groups[p.Number] = g
			order = append(order, p.Number)
		}
		row := TrackerRow{Ref: h.Ref, Anchor: MilestoneAnchor(h.Ref), Text: h.Latest.Text, Changes: h.Changes(), Cells: make([]TrackerCell, 0, len(h.Entries))}
		for _, en := range h.Entries {
			row.Cells = append(row.Cells, cells.cell(en))
		}
		g.Rows = append(g.Rows, row)
		v.Total++
		if row.Changes > 0 {
			v.Changed++
		}
	}
	sort.Ints(order)
	for _, n := range order {
		v.Groups = append(v.Groups, *groups[n])
	}
	if len(eds) > 1 {
		v.Sentence = s.t(i18n.TrackerSummary, "count", v.Total, "reports", s.t(i18n.TrackerReports, "count", len(eds)), "changed", v.Changed)
	} else {
		v.Sentence = s.t(i18n.TrackerSummaryOneReport, "count", v.Total)
	}
	return v
}

// trackerCells makes the cells of a tracker. A tracker has a cell for every
// milestone in every edition (72,000 at 3000 editions), held until its page
// is written, and most cells repeat a few statuses and notes: the cells share
// one copy of each rather than holding their own.
type trackerCells struct {
	s        *Site
	statuses map[string]*StatusView
	notes    map[trackerNote]string
}

// trackerNote is what a cell's note says: its state and, for a change, the
// status before.
type trackerNote struct {
	state    compute.MilestoneState
	previous string
}

func (s *Site) newTrackerCells() *trackerCells {
	return &trackerCells{s: s, statuses: map[string]*StatusView{}, notes: map[trackerNote]string{}}
}

func (t *trackerCells) cell(en compute.MilestoneEntry) TrackerCell {
	c := TrackerCell{}
	if en.Milestone != nil {
		c.Status = t.status(en.Milestone.Status)
		c.Href = t.s.PriorityPage(en.Edition, en.Priority) + "#" + MilestoneAnchor(en.Milestone.Ref)
	}
	switch en.State {
	case compute.MilestoneFirst:
		c.State = "first"
	case compute.MilestoneSame:
		c.State = "same"
	case compute.MilestoneChanged:
		c.State, c.Note = "changed", t.note(en.State, en.Previous)
	case compute.MilestoneNew:
		c.State, c.Note = "new", t.note(en.State, "")
	case compute.MilestoneClosed:
		c.State, c.Note = "closed", t.note(en.State, "")
	default:
		c.State, c.Note = "absent", t.note(en.State, "")
	}
	return c
}

func (t *trackerCells) status(name string) *StatusView {
	st, ok := t.statuses[name]
	if !ok {
		v := t.s.statusView(name)
		st = &v
		t.statuses[name] = st
	}
	return st
}

// note words a cell's note once for each state and previous status. The
// catalogue reports a missing word on each use; its problems are said once
// all the same, so asking once changes nothing a reader or author sees.
func (t *trackerCells) note(state compute.MilestoneState, previous string) string {
	k := trackerNote{state, previous}
	if n, ok := t.notes[k]; ok {
		return n
	}
	var n string
	switch state {
	case compute.MilestoneChanged:
		n = t.s.t(i18n.MilestoneChangedFrom, "status", previous)
	case compute.MilestoneNew:
		n = t.s.t(i18n.TrackerNew)
	case compute.MilestoneClosed:
		n = t.s.t(i18n.TrackerClosed)
	default:
		n = t.s.t(i18n.TrackerAbsent)
	}
	t.notes[k] = n
	return n
}

// PriorityIndexView lists the priorities across editions.
type PriorityIndexView struct {
	Priorities []PriorityHistoryView
}

// PriorityHistoryView is one priority across editions.
type PriorityHistoryView struct {
	Number     int
	Label      string
	Title      string
	Commitment string
	Href       string
	Sentence   string               // the newest edition's milestone summary
	Reports    []PriorityReportView // newest first
	Tracker    *TrackerView         // this priority's rows only
	KPIs       []Link
}

// PriorityReportView is a priority in one edition.
type PriorityReportView struct {
	Edition  Link
	Href     string // the priority's page in that edition
	Label    string // "May 2019"
	Title    string // the priority's title then, when it differs from now
	Sentence string
	Draft    bool
}

// Tracker builds the milestone tracker (every milestone's status in every
// edition), each priority's page across editions and the list of priorities,
// and the milestones' entries in the search index.
func (s *Site) Tracker(histories []compute.MilestoneHistory) ([]*Page, []SearchEntry) {
	eds := s.Model.Editions
	tracker := s.trackerView(eds, histories)
	var out []*Page
	title := s.t(i18n.TrackerTitle)
	out = append(out, s.page("milestones", "milestones/index.html", &Page{
		Title: title, Heading: title,
		Description: s.t(i18n.TrackerDescription),
		Breadcrumbs: []Link{s.homeCrumb()}, Extra: tracker,
	}))
	type found struct {
		e *model.Edition
		p *model.Priority
	}
	byNumber := map[int][]found{}
	for _, e := range eds {
		for _, p := range e.Priorities {
			byNumber[p.Number] = append(byNumber[p.Number], found{e, p})
		}
	}
	numbers := make([]int, 0, len(byNumber))
	for n := range byNumber {
		numbers = append(numbers, n)
	}
	sort.Ints(numbers)
	home := s.homeCrumb()
	index := Link{Href: s.URL("priorities/"), Text: s.t(i18n.PrioritiesTitle)}
	iv := &PriorityIndexView{}
	for _, n := range numbers {
		list := byNumber[n]
		newest := list[len(list)-1].p
		v := PriorityHistoryView{Number: n, Label: s.priorityLabel(newest), Title: newest.Title, Commitment: newest.Commitment, Href: s.priorityHistoryPath(n)}
		for i := len(list) - 1; i >= 0; i-- {
			f := list[i]
			sum := s.summaryView(compute.Summarise(f.p.Milestones, s.Model.Statuses), i18n.SummaryInPriority)
			rv := PriorityReportView{Edition: s.editionLink(f.e), Href: s.PriorityPage(f.e, f.p), Label: s.EditionLabel(f.e), Sentence: sum.Sentence, Draft: f.e.Draft}
			if f.p.Title != newest.Title {
				rv.Title = f.p.Title
			}
			v.Reports = append(v.Reports, rv)
		}
		v.Sentence = v.Reports[0].Sentence
		for _, id := range newest.KPIs {
			if k := s.Model.KPI(id); k != nil {
				l := Link{Text: k.Title}
				if s.HasKPIPage(k) {
					l.Href = s.KPIPage(id)
				}
				v.KPIs = append(v.KPIs, l)
			}
		}
		t := &TrackerView{Editions: tracker.Editions, Single: true}
		for _, g := range tracker.Groups {
			if g.Number == n {
				t.Groups = append(t.Groups, g)
				t.Total += len(g.Rows)
			}
		}
		v.Tracker = t
		out = append(out, s.page("priority-history", fmt.Sprintf("priorities/%d/index.html", n), &Page{
			Title: s.t(i18n.PriorityHistoryPageTitle, "label", v.Label, "title", v.Title), Heading: v.Title,
			Description: firstNonEmpty(v.Commitment, v.Title),
			Breadcrumbs: []Link{home, index}, Extra: &v,
		}))
		iv.Priorities = append(iv.Priorities, v)
	}
	out = append(out, s.page("priorities", "priorities/index.html", &Page{
		Title: index.Text, Heading: index.Text,
		Description: s.t(i18n.PrioritiesDescription),
		Breadcrumbs: []Link{home}, Extra: iv,
	}))
	return out, s.milestoneSearch(tracker)
}

func (s *Site) priorityHistoryPath(n int) string { return s.URL(fmt.Sprintf("priorities/%d/", n)) }
