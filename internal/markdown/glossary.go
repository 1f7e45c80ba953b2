package markdown

import (
	"fmt"
	"html"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Term is one glossary entry as the glossary extension needs it.
type Term struct {
	Abbr    string
	Meaning string
	Href    string // the term's entry on the glossary page
}

// Terms holds a site's terms, compiled once.
type Terms struct {
	byAbbr map[string]Term
	re     *regexp.Regexp
	ignore map[string]bool
	// byFirst lists the abbreviations by their first byte, in the order re
	// tries them; find uses it to match as re does, without a regexp.
	byFirst map[byte][]string
}

// Ignore names capitalised words that are not abbreviations (the words of
// status names such as ON TRACK), so no warning asks for them in the glossary.
func (g *Terms) Ignore(words ...string) {
	if g.ignore == nil {
		g.ignore = map[string]bool{}
	}
	for _, w := range words {
		g.ignore[w] = true
	}
}

// CompileGlossary prepares the terms for matching.
func CompileGlossary(terms []Term) *Terms {
	g := &Terms{byAbbr: map[string]Term{}}
	var alts []string
	for _, t := range terms {
		if t.Abbr == "" {
			continue
		}
		g.byAbbr[t.Abbr] = t
		alts = append(alts, regexp.QuoteMeta(t.Abbr))
	}
	if len(alts) == 0 {
		return g
	}
	// Longest first, so "HR&OD" wins over a shorter term inside it.
	sort.Slice(alts, func(i, j int) bool {
		return len(alts[i]) > len(alts[j]) || (len(alts[i]) == len(alts[j]) && alts[i] < alts[j])
	})
	g.re = regexp.MustCompile(`(?:^|[^\pL\pN&])(` + strings.Join(alts, "|") + `)(?:$|[^\pL\pN&])`)
	g.byFirst = map[byte][]string{}
	for _, t := range terms {
		if t.Abbr != "" {
			g.byFirst[t.Abbr[0]] = append(g.byFirst[t.Abbr[0]], t.Abbr)
		}
	}
	for _, list := range g.byFirst {
		sort.SliceStable(list, func(i, j int) bool {
			a, b := regexp.QuoteMeta(list[i]), regexp.QuoteMeta(list[j])
			return len(a) > len(b) || (len(a) == len(b) && a < b)
		})
	}
	return g
}

// find returns the first term in s as re would match it: the leftmost
// abbreviation that starts s or follows a character that is not a letter,
// digit or &, and that ends s or is followed by such a character; at one
// place, the first in re's order. It is the hot path of glossary marking, and
// much faster than re, whose alternation of every term backtracks.
func (g *Terms) find(s string) (start, end int, ok bool) {
	boundary := true // the start of s counts as one, as ^ does
	for q := 0; q < len(s); {
		if boundary {
			for _, a := range g.byFirst[s[q]] {
				if strings.HasPrefix(s[q:], a) && !wordRuneAt(s, q+len(a)) {
					return q, q + len(a), true
				}
			}
		}
		r, w := utf8.DecodeRuneInString(s[q:])
		boundary = !wordRune(r)
		q += w
	}
	return 0, 0, false
}

// wordRune reports whether r is in [\pL\pN&], the characters that cannot
// stand either side of a term.
func wordRune(r rune) bool { return r == '&' || unicode.IsLetter(r) || unicode.IsNumber(r) }

func wordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return wordRune(r)
}

// Glossary is one page's state: which terms have been marked already.
type Glossary struct {
	terms *Terms
	used  map[string]bool
}

// NewPage starts a page: every term is unmarked again.
func (g *Terms) NewPage() *Glossary {
	return &Glossary{terms: g, used: map[string]bool{}}
}

// Used reports whether the page has marked a term.
func (p *Glossary) Used(abbr string) bool { return p != nil && p.used[abbr] }

// Mark writes plain text as HTML, marking the page's first use of each term.
// It is for text that does not come from Markdown (titles from TOML).
func (p *Glossary) Mark(s string) string {
	if p == nil || p.terms.re == nil {
		return html.EscapeString(s)
	}
	var b strings.Builder
	for {
		loc := p.next(s)
		if loc == nil {
			b.WriteString(html.EscapeString(s))
			return b.String()
		}
		b.WriteString(html.EscapeString(s[:loc[0]]))
		t := p.terms.byAbbr[s[loc[0]:loc[1]]]
		b.WriteString(abbrHTML(t))
		s = s[loc[1]:]
	}
}

// next finds the next unused term in s and marks it used.
func (p *Glossary) next(s string) []int {
	offset := 0
	for offset <= len(s) {
		start, end, ok := p.terms.find(s[offset:])
		if !ok {
			return nil
		}
		start, end = start+offset, end+offset
		abbr := s[start:end]
		if !p.used[abbr] {
			p.used[abbr] = true
			return []int{start, end}
		}
		offset = end
	}
	return nil
}

func abbrHTML(t Term) string {
	a := `<abbr title="` + html.EscapeString(t.Meaning) + `">` + html.EscapeString(t.Abbr) + `</abbr>`
	if t.Href == "" {
		return a
	}
	return `<a class="term" href="` + html.EscapeString(t.Href) + `">` + a + `</a>`
}

// KindAbbr is the AST kind of a marked glossary term.
var KindAbbr = gast.NewNodeKind("Abbr")

// AbbrNode is a glossary term's first use on a page.
type AbbrNode struct {
	gast.BaseInline
	Term   Term
	InLink bool
}

// Kind implements ast.Node.
func (n *AbbrNode) Kind() gast.NodeKind { return KindAbbr }

// Dump implements ast.Node.
func (n *AbbrNode) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"Abbr": n.Term.Abbr}, nil)
}

type glossaryTransformer struct{}

func (glossaryTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	env := envOf(pc)
	g := env.Glossary
	if g == nil || g.terms.re == nil {
		return
	}
	source := reader.Source()
	var texts []*gast.Text
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n.Kind() {
		case gast.KindCodeSpan, gast.KindCodeBlock, gast.KindFencedCodeBlock, gast.KindHTMLBlock, gast.KindRawHTML, gast.KindAutoLink, KindAbbr:
			return gast.WalkSkipChildren, nil
		case gast.KindText:
			texts = append(texts, n.(*gast.Text))
		}
		return gast.WalkContinue, nil
	})
	if env.WarnUnknownTerms {
		warnUnknown(env, g.terms, texts, source)
	}
	for _, t := range texts {
		inLink := false
		for p := t.Parent(); p != nil; p = p.Parent() {
			if p.Kind() == gast.KindLink {
				inLink = true
			}
		}
		splitText(t, source, g, inLink)
	}
}

// splitText replaces the first use of each unused term in a text node with an
// AbbrNode, keeping the text around it.
func splitText(t *gast.Text, source []byte, g *Glossary, inLink bool) {
	for {
		seg := t.Segment
		loc := g.next(string(seg.Value(source)))
		if loc == nil {
			return
		}
		parent := t.Parent()
		before := gast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+loc[0]))
		node := &AbbrNode{Term: g.terms.byAbbr[string(seg.Value(source)[loc[0]:loc[1]])], InLink: inLink}
		parent.InsertBefore(parent, t, before)
		parent.InsertBefore(parent, t, node)
		t.Segment = text.NewSegment(seg.Start+loc[1], seg.Stop)
	}
}

type glossaryRenderer struct{}

func (glossaryRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAbbr, func(w util.BufWriter, source []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			a := n.(*AbbrNode)
			t := a.Term
			if a.InLink {
				t.Href = ""
			}
			_, _ = w.WriteString(abbrHTML(t))
		}
		return gast.WalkSkipChildren, nil
	})
}

type glossaryExtension struct{}

// GlossaryTerms marks the first use on a page of each glossary term as an
// abbreviation linked to the glossary.
var GlossaryTerms goldmark.Extender = glossaryExtension{}

func (glossaryExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(glossaryTransformer{}, 200)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(glossaryRenderer{}, 50)))
}

// capitalised matches a word that looks like an abbreviation: two or more
// capitals, perhaps with digits or "&" ("MASH", "HR&OD", "S47").
var capitalised = regexp.MustCompile(`(?:^|[^\pL\pN&])([A-Z][A-Z0-9&]*[A-Z0-9])(?:$|[^\pL\pN&])`)

// capitalisedWords returns the words capitalised finds in b, as the spans
// capitalised.FindAllSubmatchIndex(b, -1) gives in m[2]:m[3], without its
// backtracking: a run of [A-Z0-9&] that starts with A-Z, ends with A-Z or 0-9,
// and has neither a letter, a digit nor & on either side. As with the
// regexp, the character after a word is used up, so it cannot also stand
// before the next one.
func capitalisedWords(b []byte) [][2]int {
	var out [][2]int
	boundary := true // ^ matches at the start of b only
	for q := 0; q < len(b); {
		if boundary && b[q] >= 'A' && b[q] <= 'Z' {
			j := q + 1
			for j < len(b) && (b[j] >= 'A' && b[j] <= 'Z' || b[j] >= '0' && b[j] <= '9' || b[j] == '&') {
				j++
			}
			if j >= q+2 && b[j-1] != '&' {
				if j == len(b) {
					return append(out, [2]int{q, j})
				}
				r, w := utf8.DecodeRune(b[j:])
				if !wordRune(r) {
					out = append(out, [2]int{q, j})
					// The character that ended the word also starts the
					// next one: "ABC DEF" holds two words.
					q, boundary = j+w, true
					continue
				}
			}
		}
		r, w := utf8.DecodeRune(b[q:])
		boundary = !wordRune(r)
		q += w
	}
	return out
}

// notTerms are capitalised words that need no glossary entry.
var notTerms = map[string]bool{"II": true, "III": true, "IV": true, "VI": true, "OK": true, "AND": true, "THE": true}

// warnUnknown reports, once per conversion, each abbreviation the glossary lacks.
func warnUnknown(env *Env, terms *Terms, texts []*gast.Text, source []byte) {
	if env.Diags == nil {
		return
	}
	seen := map[string]bool{}
	for _, t := range texts {
		value := t.Segment.Value(source)
		for _, m := range capitalisedWords(value) {
			word := string(value[m[0]:m[1]])
			if seen[word] || notTerms[word] || terms.ignore[word] {
				continue
			}
			seen[word] = true
			if _, ok := terms.byAbbr[word]; ok {
				continue
			}
			fix := fmt.Sprintf("add it to data/glossary.toml: [[term]] abbr = %q meaning = \"...\"", word)
			if env.UnknownTermFix != nil {
				fix = env.UnknownTermFix(word)
			}
			env.Diags.Warnf(env.File, env.lineAt(source, t.Segment.Start+m[0]), fix, "the abbreviation %s is not in the glossary", word)
		}
	}
}
