package markdown

import (
	"math/rand/v2"
	"strings"
	"testing"
)

var scanTerms = []Term{
	{Abbr: "CP"}, {Abbr: "CPC"}, {Abbr: "CPB"}, {Abbr: "HR&OD"}, {Abbr: "HR"}, {Abbr: "s47"}, {Abbr: "E2E"},
	{Abbr: "Ofsted"}, {Abbr: "LA"}, {Abbr: "LAIT"}, {Abbr: "a.b"}, {Abbr: "Éco"}, {Abbr: "QA"}, {Abbr: "Q.A"},
}

// TestGlossaryFindMatchesRegexp checks that the hand-written scanner finds
// exactly what the glossary's regular expression finds.
func TestGlossaryFindMatchesRegexp(t *testing.T) {
	g := CompileGlossary(scanTerms)
	pieces := []string{"CP", "CPC", "CPB", "HR", "&", "OD", "s47", "E2E", "Ofsted", "LA", "IT", "a.b", "a", ".", "b", "Éco", "é", "ß", "QA", "Q", "A",
		" ", " ", "  ", "-", "(", ")", "1", "2", "x", "\n", "\xff", "\x80", "日本", "٣", "'s", ",", "&amp;"}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 200000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		m := g.re.FindStringSubmatchIndex(s)
		start, end, ok := g.find(s)
		if ok != (m != nil) || (ok && (start != m[2] || end != m[3])) {
			t.Fatalf("case %d %q: find = %d, %d, %v; regexp = %v", i, s, start, end, ok, m)
		}
	}
}

var benchText = strings.Repeat("Over the quarter, the MASH has completed a benchmark audit of written plans, and the findings went to the senior management team. "+
	"The IRO service is piloting monthly dip samples of CP plans, with the results reported to the SAM every quarter. ", 4)

func benchTerms() *Terms {
	var terms []Term
	for _, a := range []string{"CIN", "CP", "CSC", "DfE", "EET", "ICPC", "IRO", "KPI", "LADO", "MASH", "PSW", "QA", "RAG", "s47", "SAM", "SN", "YTD"} {
		terms = append(terms, Term{Abbr: a, Meaning: a, Href: "/glossary/#" + a})
	}
	return CompileGlossary(terms)
}

// BenchmarkGlossaryMark marks the first use of each term in a paragraph.
func BenchmarkGlossaryMark(b *testing.B) {
	terms := benchTerms()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		_ = terms.NewPage().Mark(benchText)
	}
}

// BenchmarkGlossaryScan compares one search of a paragraph by the scanner
// and by the regular expression it replaces.
func BenchmarkGlossaryScan(b *testing.B) {
	terms := benchTerms()
	tail := benchText[40:] // past the first terms, as later searches are
	b.Run("find", func(b *testing.B) {
		for b.Loop() {
			_, _, _ = terms.find(tail)
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			_ = terms.re.FindStringSubmatchIndex(tail)
		}
	})
}

// TestCapitalisedWordsMatchesRegexp checks the scanner behind the unknown
// abbreviation warning against the regular expression it stands for.
func TestCapitalisedWordsMatchesRegexp(t *testing.T) {
	pieces := []string{"AB", "A", "Z9", "9", "&", "HR&OD", "&A", "ab", "a", "Éco", "é", "ß", " ", " ", "-", "(", ".", "\n", "\xff", "\x80", "日本", "٣", "'s", "CP", "CPC", "s47", "X"}
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 200000 {
		var b strings.Builder
		for range r.IntN(14) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := []byte(b.String())
		// The regexp uses up the character after a word, so it is applied
		// again from that character, which may start the next word.
		var want [][2]int
		for p := 0; p <= len(s); {
			m := capitalised.FindSubmatchIndex(s[p:])
			if m == nil {
				break
			}
			want = append(want, [2]int{m[2] + p, m[3] + p})
			p += m[3]
		}
		got := capitalisedWords(s)
		if len(got) != len(want) {
			t.Fatalf("case %d %q: capitalisedWords = %v; regexp = %v", i, s, got, want)
		}
		for k := range got {
			if got[k] != want[k] {
				t.Fatalf("case %d %q: capitalisedWords = %v; regexp = %v", i, s, got, want)
			}
		}
	}
}

func BenchmarkCapitalisedWords(b *testing.B) {
	text := []byte(benchText)
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			_ = capitalisedWords(text)
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			_ = capitalised.FindAllSubmatchIndex(text, -1)
		}
	})
}
