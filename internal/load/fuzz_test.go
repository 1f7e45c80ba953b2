package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// checkDiagnostics fails when a diagnostic could not be shown to an author:
// every one names a file and a line that is 0 (the whole file) or inside it.
func checkDiagnostics(t *testing.T, l *diag.List, files map[string]string) {
	t.Helper()
	for _, d := range l.Items() {
		if d.File == "" || d.Line < 0 || d.Col < 0 || d.Message == "" {
			t.Fatalf("diagnostic without a place or a message: %#v", d)
		}
		if src, ok := files[d.File]; ok && d.Line > strings.Count(src, "\n")+1 {
			t.Fatalf("%s: line %d is past the end of the file (%d lines)", d, d.Line, strings.Count(src, "\n")+1)
		}
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"About\"\n+++\nBody\n",
		"+++\r\ntitle = \"About\"\r\n+++\r\nBody\r\n",
		"\ufeff+++\na = 1\n+++",
		"+++\n+++\nBody",
		"+++\n+++",
		"+++",
		"+++\n",
		"+++\na = 1\n",
		"---\ntitle: About\n---\n",
		"No front matter.\n",
		"+++\n\n+++\n\n",
		"+++\n+++\nfoo\n+++\n",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		const file = "content/pages/x.md"
		var l diag.List
		front, body, bodyLine, ok := SplitFrontMatter(file, src, &l)
		checkDiagnostics(t, &l, map[string]string{file: src})
		if ok == l.HasErrors() {
			t.Fatalf("ok = %v but errors = %v", ok, l.HasErrors())
		}
		if !ok {
			return
		}
		norm := strings.ReplaceAll(strings.TrimPrefix(src, "\ufeff"), "\r\n", "\n")
		// The body is the end of the file, unchanged, and starts on bodyLine.
		if !strings.HasSuffix(norm, body) {
			t.Fatalf("body %q is not the end of the file %q", body, norm)
		}
		head := norm[:len(norm)-len(body)]
		if body != "" && bodyLine != strings.Count(head, "\n")+1 {
			t.Fatalf("body starts on line %d, want %d (file %q)", bodyLine, strings.Count(head, "\n")+1, norm)
		}
		if !strings.HasPrefix(norm, "+++\n") {
			if front != "" || body != norm || bodyLine != 1 {
				t.Fatalf("a file without front matter must be all body from line 1: front %q body %q line %d", front, body, bodyLine)
			}
			return
		}
		// With front matter: the file is "+++", the front matter, "+++", the body;
		// and the front matter never holds a line of +++ (the first one closes it).
		if front != "" {
			if want := "+++\n" + front + "\n+++"; !strings.HasPrefix(head, want) || strings.TrimPrefix(strings.TrimPrefix(head, want), "\n") != "" {
				t.Fatalf("file %q does not split into +++, %q, +++, %q", norm, front, body)
			}
		} else if head != "+++\n+++\n" && head != "+++\n+++" && head != "+++\n\n+++\n" && head != "+++\n\n+++" {
			t.Fatalf("empty front matter, but the head of the file is %q", head)
		}
		if strings.Contains("\n"+front+"\n", "\n+++\n") {
			t.Fatalf("front matter %q holds a closing line", front)
		}
	})
}

// fuzzSite is a small site in memory whose only edition's figures file is
// replaced by the fuzzer.
func fuzzSite(figures string) fstest.MapFS {
	files := map[string]string{
		"planpress.toml": "title = \"T\"\norganisation = \"O\"\n",
		"data/kpis.toml": `[[kpi]]
id = "re-referrals"
title = "Re-referrals"
unit = "percent"
polarity = "lower"
[kpi.targets]
"2018/19" = 25

[[kpi]]
id = "icpc-rate"
title = "ICPCs per 10,000"
unit = "rate"
per = 10000
polarity = "none"

[[kpi]]
id = "audits"
title = "Audits"
unit = "count"
polarity = "higher"
`,
		"content/editions/2019-05/_index.md": "+++\ntitle = \"May 2019\"\npublished = \"2019-05\"\nas_at = \"2019-03\"\nfrom = \"2018-10\"\n+++\nIntro.\n",
		"data/editions/2019-05/kpis.toml":    figures,
	}
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// FuzzEditionFigures loads a whole site whose figures file is fuzzed, and
// checks that whatever loads without error keeps the rules the loader
// promises: months inside the edition's period, counts that make sense,
// percentages from 0 to 100.
func FuzzEditionFigures(f *testing.F) {
	f.Add(`[re-referrals]
"2019-01" = 30.0
"2019-02" = { value = 28.0, numerator = 28, denominator = 100 }
"2019-03" = "27/100"
target = 24

[icpc-rate]
"2019-02" = 50.2
"2019-03" = "up"
monitor_only = true

[audits]
"2018-12" = { direction = "same", note = "Not counted" }
"2019-01" = 4
`)
	f.Add("[re-referrals]\n\"2019-03\" = \"0/0\"\n\"2019-04\" = 3\n\"2018-01\" = 2\n")
	f.Add("[re-referrals]\n\"2019-03\" = { numerator = 5 }\n[nope]\n\"2019-01\" = 1\n")
	f.Add("[icpc-rate]\n\"2019-03\" = \"1/2\"\n[re-referrals]\n\"2019-02\" = -1\n\"2019-01\" = 101\n")
	f.Add("[re-referrals]\n\"2019-02\" = { value = 1, direction = \"sideways\", x = 1 }\n")
	f.Add("[re-referrals]\n\"2019-02\" = \"99999999999999999999/1\"\n")
	f.Add("re-referrals = 3\n[audits]\n\"2019-1\" = 1\ntaget = 2\n")
	f.Add("[re-referrals\n")
	if entries, err := os.ReadDir("testdata/bad"); err == nil {
		for _, e := range entries {
			if b, err := os.ReadFile(filepath.Join("testdata/bad", e.Name(), "data/editions/2019-05/kpis.toml")); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Fuzz(func(t *testing.T, figures string) {
		fsys := fuzzSite(figures)
		site, diags := Site(fsys, Options{Drafts: true, Future: true})
		files := map[string]string{}
		for name, file := range fsys {
			files[name] = string(file.Data)
		}
		checkDiagnostics(t, diags, files)
		for _, d := range diags.Items() {
			if d.File != "data/editions/2019-05/kpis.toml" {
				t.Fatalf("only the figures file changed, but %s", d)
			}
		}
		if diags.HasErrors() {
			return
		}
		if len(site.Editions) != 1 {
			t.Fatalf("%d editions loaded, want 1", len(site.Editions))
		}
		e := site.Editions[0]
		for id, s := range e.Series {
			if s.KPI == nil || s.KPI.ID != id || site.KPI(id) != s.KPI {
				t.Fatalf("series %q is not tied to its KPI", id)
			}
			var prev model.Month
			for _, fig := range s.Figures {
				if fig.Month < e.From || fig.Month > e.To || fig.Month > e.AsAt {
					t.Fatalf("%s %s loaded without error, outside %s to %s", id, fig.Month, e.From, e.To)
				}
				if fig.Month <= prev {
					t.Fatalf("%s: figures out of order or repeated at %s", id, fig.Month)
				}
				prev = fig.Month
				if s.Pos.File != "data/editions/2019-05/kpis.toml" || fig.Line < 1 {
					t.Fatalf("%s %s has no position: %s:%d", id, fig.Month, s.Pos.File, fig.Line)
				}
				if !fig.HasValue && !fig.HasRatio && fig.Direction == model.DirNone {
					t.Fatalf("%s %s loaded without error but holds nothing", id, fig.Month)
				}
				if fig.HasRatio {
					if s.KPI.Unit != model.UnitPercent {
						t.Fatalf("%s is not a percentage but %s has counts", id, fig.Month)
					}
					if fig.Denominator <= 0 || fig.Numerator < 0 || fig.Numerator > fig.Denominator {
						t.Fatalf("%s %s: counts %d/%d loaded without error", id, fig.Month, fig.Numerator, fig.Denominator)
					}
				}
				if fig.HasValue && s.KPI.Unit == model.UnitPercent && (fig.Value < 0 || fig.Value > 100) {
					t.Fatalf("%s %s: %v loaded without error as a percentage", id, fig.Month, fig.Value)
				}
				if fig.HasValue && s.KPI.Unit != model.UnitNumber && fig.Value < 0 {
					t.Fatalf("%s %s: negative %v loaded without error", id, fig.Month, fig.Value)
				}
			}
		}
	})
}

// FuzzNarrativePrompts checks that any narrative is scanned for writing
// prompts without a panic, and that every prompt found is on a line of the
// narrative.
func FuzzNarrativePrompts(f *testing.F) {
	f.Add("## A\n\n{{< todo \"Say what is working well.\" >}}\n")
	f.Add("```\n{{< todo \"shown, not left\" >}}\n```\n*Say what you are worried about, and why.*\n")
	f.Add("A `{{< todo >}}` in code, and {{<todo>}} not.\n")
	f.Fuzz(func(t *testing.T, body string) {
		n := strings.Count(strings.ReplaceAll(body, "\r\n", "\n"), "\n") + 1
		for _, p := range narrativePrompts(body, 7) {
			if p.line < 7 || p.line >= 7+n {
				t.Fatalf("prompt at line %d, outside the narrative's lines 7 to %d", p.line, 7+n-1)
			}
		}
	})
}
