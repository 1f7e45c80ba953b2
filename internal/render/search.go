package render

import (
	"encoding/json"
	"html/template"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/model"
)

// Search is served from the site itself: the build writes a compact index of
// every page and section (search/index.json), and a small script of our own
// (assets/js/search.js) searches it in the browser and lists the results on
// the search page. Without JavaScript the search page says so and links to
// the lists of reports, indicators and milestones.

const (
	searchScript    = "assets/js/search.js"
	searchIndexPath = "search/index.json"
	// excerptRunes bounds each entry's text, to keep the index small.
	excerptRunes = 320
)

// searchIndex is the shape of search/index.json. Keys are short because the
// file is downloaded whole.
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

// searchEntry is one page or section.
type searchEntry struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Edition string `json:"e,omitempty"` // the edition's id, for pages of one edition
	Kind    string `json:"k"`           // "report", "priority", "indicator", "milestone", "page" or "term"
	Text    string `json:"x"`
}

// SearchView is the search page's data.
type SearchView struct {
	Index      string // the index's address
	Archive    string
	KPIs       string
	Milestones string
	Priorities string
}

// renderSearch writes the search index and page: the entries the parts made
// (editions, KPIs, milestones), then the site's own pages and the glossary.
func (r *renderer) renderSearch(entries []searchEntry) {
	idx := searchIndex{Editions: []searchEdition{}, Entries: append([]searchEntry{}, entries...)}
	add := func(e searchEntry) { idx.Entries = append(idx.Entries, e.cut()) }
	for i := len(r.site.Editions) - 1; i >= 0; i-- {
		e := r.site.Editions[i]
		idx.Editions = append(idx.Editions, searchEdition{ID: e.ID, Title: e.Title, Label: editionLabel(e), Latest: e == r.latest, Draft: e.Draft})
	}
	for _, p := range r.site.Pages {
		env := &markdown.Env{File: p.Pos.File, Line: p.Pos.Line, Diags: &diag.List{}}
		for _, s := range plainSections(r.md.Convert(p.Body, env)) {
			title := p.Title
			if s.heading != "" {
				title += " – " + s.heading
			}
			add(searchEntry{Title: title, URL: r.url(p.Slug + "/"), Kind: "page", Text: s.text})
		}
	}
	for _, t := range r.site.Glossary {
		add(searchEntry{Title: t.Abbr + ": " + t.Meaning, URL: r.url("glossary/") + "#" + termAnchor(t.Abbr), Kind: "term", Text: t.Note})
	}
	b, err := json.Marshal(idx)
	if err != nil {
		r.errorf(searchIndexPath, 0, "", "cannot write the search index: %v", err)
		return
	}
	r.write(searchIndexPath, append(b, '\n'))

	home := Link{Href: r.url(""), Text: "Home"}
	r.writePage("search", "search/index.html", &Page{
		Title: "Search", Heading: "Search the reports",
		Description: "Search every report, indicator and milestone.",
		Breadcrumbs: []Link{home},
		Extra: &SearchView{Index: r.url(searchIndexPath), Archive: r.url("editions/"), KPIs: r.url("kpis/"),
			Milestones: r.url("milestones/"), Priorities: r.url("priorities/")},
	})
}

// editionSearch makes an edition's entries in the search index: the report,
// and each priority's commitment and sections.
func (r *renderer) editionSearch(e *model.Edition, res map[string]*compute.KPIResult) []searchEntry {
	var out []searchEntry
	add := func(x searchEntry) { out = append(out, x.cut()) }
	intro := r.plainNarrative(e, res, nil, e.Intro, e.IntroPos)
	add(searchEntry{Title: e.Title, URL: r.url(editionPath(e)), Edition: e.ID, Kind: "report", Text: strings.TrimSpace(e.Summary + " " + joinSections(intro))})
	for _, p := range e.Priorities {
		page := r.priorityPage(e, p)
		name := p.Label + ": " + p.Title
		add(searchEntry{Title: name, URL: page, Edition: e.ID, Kind: "priority", Text: p.Commitment})
		for _, s := range r.plainNarrative(e, res, p, p.Body, p.BodyPos) {
			if s.text == "" {
				continue
			}
			title := name
			if s.heading != "" {
				title += " – " + s.heading
			}
			add(searchEntry{Title: title, URL: page, Edition: e.ID, Kind: "priority", Text: s.text})
		}
	}
	return out
}

// milestoneSearch makes the milestones' entries in the search index.
func (r *renderer) milestoneSearch(tracker *TrackerView) []searchEntry {
	var out []searchEntry
	for _, g := range tracker.Groups {
		for _, row := range g.Rows {
			text := row.Text
			for i := len(row.Cells) - 1; i >= 0; i-- {
				if st := row.Cells[i].Status; st != nil {
					if i == len(row.Cells)-1 {
						text += " Status in the latest report: " + st.Name + "."
					} else {
						text += " No longer listed; its last status was " + st.Name + "."
					}
					break
				}
			}
			out = append(out, searchEntry{Title: "Milestone " + row.Ref + " (" + g.Label + ": " + g.Title + ")", URL: r.url("milestones/") + "#" + row.Anchor, Kind: "milestone", Text: text}.cut())
		}
	}
	return out
}

// plainNarrative converts an edition's narrative for the search index: its
// figures quoted, its tables and charts left out, split at its headings.
// Problems are reported by the edition's own pages, not here.
func (r *renderer) plainNarrative(e *model.Edition, res map[string]*compute.KPIResult, p *model.Priority, src string, pos model.Pos) []plainSection {
	ctx := r.newCtx(e, res, p, "")
	codes := ctx.shortcodes(r, nil)
	skip := func(markdown.Args) (markdown.Output, error) { return markdown.Output{Block: true}, nil }
	codes["kpi-table"], codes["chart"] = skip, skip
	env := &markdown.Env{File: pos.File, Line: pos.Line, Diags: &diag.List{}, Shortcodes: codes, MilestoneHref: ctx.milestoneHref}
	return plainSections(r.md.Convert(src, env))
}

// plainSection is the text under one heading.
type plainSection struct {
	heading string
	text    string
}

// plainSections splits HTML at its h2 headings into plain text, leaving out
// tables, figures and scripts.
func plainSections(h template.HTML) []plainSection {
	z := html.NewTokenizer(strings.NewReader(string(h)))
	var out []plainSection
	cur := plainSection{}
	var heading, text strings.Builder
	inHeading, skipDepth := false, 0
	flush := func() {
		cur.text = collapse(text.String())
		if cur.text != "" || cur.heading != "" {
			out = append(out, cur)
		}
		text.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return out
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch tag {
			case "table", "figure", "script", "style", "svg":
				if tt == html.StartTagToken {
					skipDepth++
				} else if skipDepth > 0 {
					skipDepth--
				}
			case "h2":
				if tt == html.StartTagToken {
					flush()
					inHeading = true
					heading.Reset()
				} else {
					inHeading = false
					cur = plainSection{heading: collapse(heading.String())}
				}
			case "p", "li", "h3", "h4", "br", "div", "ul", "ol", "blockquote":
				text.WriteByte(' ')
			}
		case html.TextToken:
			if skipDepth > 0 {
				continue
			}
			if inHeading {
				heading.Write(z.Text())
			} else {
				text.Write(z.Text())
			}
		}
	}
}

func joinSections(ss []plainSection) string {
	var parts []string
	for _, s := range ss {
		if s.text != "" {
			parts = append(parts, s.text)
		}
	}
	return strings.Join(parts, " ")
}

// collapse folds runs of white space into single spaces.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// cut bounds an entry's text, to keep the index small.
func (e searchEntry) cut() searchEntry {
	e.Text = excerpt(e.Text, excerptRunes)
	return e
}

// excerpt cuts text to at most n runes, at a word boundary, marking the cut.
func excerpt(s string, n int) string {
	s = collapse(s)
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := n
	for cut > n/2 && !unicode.IsSpace(rs[cut]) {
		cut--
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:") + "…"
}
