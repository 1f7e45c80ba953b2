package scaffold

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// FuzzPromptify checks that any narrative becomes prompts without a panic,
// keeping every heading outside code fences.
func FuzzPromptify(f *testing.F) {
	f.Add("## A\n\nText.\n\n{{< kpi-table a >}}\n")
	f.Add("```\n## not a heading\n```\n## B\n")
	f.Add("# Top\n\n~~~go\ncode\n~~~\n\n{{< chart x >}}\n")
	f.Fuzz(func(t *testing.T, body string) {
		d := dates{asAt: 2019*12 + 6}
		out := promptify(body, d)
		if strings.Contains(body, "\x00") {
			return
		}
		inFence := ""
		for _, l := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
			if inFence != "" {
				if strings.HasPrefix(strings.TrimSpace(l), inFence) {
					inFence = ""
				}
				continue
			}
			if m := fence.FindStringSubmatch(l); m != nil {
				inFence = m[1]
				continue
			}
			if atxHeading.MatchString(l) && !strings.Contains(out, strings.TrimRight(l, " \t")) {
				t.Fatalf("heading %q lost:\n%s", l, out)
			}
		}
	})
}

// FuzzCopyFigures checks that copying a figures file that parses gives TOML
// that parses (Edition then loads it, and refuses what does not load).
func FuzzCopyFigures(f *testing.F) {
	f.Add("[k]\n\"2018-04\" = 1.0\n\"2019-03\" = 2.0\ntarget = 3\n")
	f.Add("[k.\"2018-04\"]\nvalue = 1\n\n[k]\n\"2019-01\" = { value = 1, numerator = 1, denominator = 100 }\n")
	f.Add("# comment\n[a]\n[b]\n\"2019-02\" = \"up\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		d := dates{oldAsAt: 2019*12 + 3, asAt: 2019*12 + 6, from: 2018*12 + 7, to: 2019*12 + 6, yearStart: 4}
		var m map[string]any
		if _, err := toml.Decode(src, &m); err != nil {
			return
		}
		targets := map[string]newYearTarget{"k": {year: 2019, last: 25, hasLast: true}, "a": {year: 2019}}
		out := copyFigures(src, "2019-05", d, targets)
		if _, err := toml.Decode(out, &m); err != nil {
			t.Fatalf("copied figures do not parse: %v\n%s", err, out)
		}
	})
}
