package view

import (
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/i18n"
)

// Search is served from the site itself: the build writes a compact index of
// every page and section, and a small script of the site's own searches it
// in the browser. This file makes the index's entries.

// excerptRunes bounds each entry's text, to keep the index small.
const excerptRunes = 320

// SearchEntry is one page or section in the search index.
type SearchEntry struct {
	Title   string
	URL     string
	Edition string // the edition's id, for pages of one edition
	Kind    string // "report", "priority", "indicator", "milestone", "page" or "term"
	Text    string
}

// SearchEdition is one edition as the search index lists it.
type SearchEdition struct {
	ID     string
	Title  string
	Label  string
	Latest bool
	Draft  bool
}

// editionSearch makes an edition's entries in the search index: the report,
// and each priority's commitment and sections. It reads the narrative as the
// edition's pages converted it (intro and each priority's body, in order),
// leaving out what the layouts mark data-nosearch (KPI tables, charts).
func (s *Site) editionSearch(res *compute.EditionResult, intro template.HTML, bodies []template.HTML) []SearchEntry {
	e := res.Edition
	var out []SearchEntry
	add := func(x SearchEntry) { out = append(out, x.cut()) }
	introText := plainSections(intro)
	add(SearchEntry{Title: e.Title, URL: s.URL(EditionPath(e)), Edition: e.ID, Kind: "report", Text: strings.TrimSpace(e.Summary + " " + joinSections(introText))})
	for i, p := range e.Priorities {
		page := s.PriorityPage(e, p)
		name := s.priorityLabel(p) + ": " + p.Title
		add(SearchEntry{Title: name, URL: page, Edition: e.ID, Kind: "priority", Text: p.Commitment})
		for _, s := range plainSections(bodies[i]) {
			if s.text == "" {
				continue
			}
			title := name
			if s.heading != "" {
				title += " – " + s.heading
			}
			add(SearchEntry{Title: title, URL: page, Edition: e.ID, Kind: "priority", Text: s.text})
		}
	}
	return out
}

// milestoneSearch makes the milestones' entries in the search index.
func (s *Site) milestoneSearch(tracker *TrackerView) []SearchEntry {
	var out []SearchEntry
	for _, g := range tracker.Groups {
		for _, row := range g.Rows {
			text := row.Text
			for i := len(row.Cells) - 1; i >= 0; i-- {
				if st := row.Cells[i].Status; st != nil {
					key := i18n.SearchMilestoneStatus
					if i < len(row.Cells)-1 {
						key = i18n.SearchMilestoneClosed
					}
					text += " " + s.t(key, "status", st.Name)
					break
				}
			}
			out = append(out, SearchEntry{Title: s.t(i18n.SearchMilestoneTitle, "ref", row.Ref, "label", g.Label, "title", g.Title), URL: s.URL("milestones/") + "#" + row.Anchor, Kind: "milestone", Text: text}.cut())
		}
	}
	return out
}

// plainSection is the text under one heading.
type plainSection struct {
	heading string
	text    string
}

// plainSections splits HTML at its h2 headings into plain text, leaving out
// tables, figures, scripts and any element marked data-nosearch.
func plainSections(h template.HTML) []plainSection {
	z := html.NewTokenizer(strings.NewReader(string(h)))
	var out []plainSection
	cur := plainSection{}
	var heading, text strings.Builder
	inHeading, skipDepth := false, 0
	// marked holds, for each data-nosearch element open, its tag and how
	// many elements of that tag are open inside it.
	type open struct {
		tag   string
		depth int
	}
	var marked []open
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
			name, hasAttr := z.TagName()
			tag := string(name)
			if n := len(marked); n > 0 {
				m := &marked[n-1]
				if tag == m.tag && tt == html.StartTagToken {
					m.depth++
				} else if tag == m.tag {
					m.depth--
					if m.depth == 0 {
						marked = marked[:n-1]
						skipDepth--
					}
				}
				continue
			}
			if tt == html.StartTagToken && hasAttr && hasNoSearch(z) {
				marked = append(marked, open{tag, 1})
				skipDepth++
				continue
			}
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

// hasNoSearch reports whether the start tag the tokenizer is on has the
// data-nosearch attribute.
func hasNoSearch(z *html.Tokenizer) bool {
	for {
		k, _, more := z.TagAttr()
		if string(k) == "data-nosearch" {
			return true
		}
		if !more {
			return false
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

// collapse folds runs of white space into single spaces, and trims them from
// both ends.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// cut bounds an entry's text, to keep the index small.
func (e SearchEntry) cut() SearchEntry {
	e.Text = excerpt(e.Text, excerptRunes)
	return e
}

// excerpt cuts text to at most n runes, at a word boundary, marking the cut.
func excerpt(s string, n int) string {
	s = collapse(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	// starts[i] is where rune i begins; the cut goes back from rune n to a
	// space, but no further than half way.
	starts := make([]int, 0, n+1)
	for i := range s {
		if len(starts) > n {
			break
		}
		starts = append(starts, i)
	}
	cut := n
	for cut > n/2 && s[starts[cut]] != ' ' {
		cut--
	}
	return strings.TrimRight(s[:starts[cut]], " ,;:") + "…"
}
