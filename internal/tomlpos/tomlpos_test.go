package tomlpos

import (
	"testing"

	"github.com/BurntSushi/toml"
)

const sample = `# a comment
title = "Plan" # trailing
[rag]
amber_band = 15

[[kpi]]
id = "a"
[kpi.baseline]
value = 1
[kpi.targets]
"2018/19" = 25

[[kpi]]
id = "b"
description = """
line one
line two """
caveats = [
  "x",
  "y",
]
[[kpi.comparators]]
key = "sn"

[fig]
"2018-04" = { value = 36.8,
  numerator = 7 }
a.b.c = 'lit'
`

func TestScanFindsEveryKey(t *testing.T) {
	if _, err := toml.Decode(sample, new(map[string]any)); err != nil {
		t.Fatalf("sample is not valid TOML: %v", err)
	}
	ix := Scan(sample)
	cases := map[string]int{
		"title":                     2,
		"rag":                       3,
		"rag.amber_band":            4,
		"kpi":                       6,
		"kpi[0]":                    6,
		"kpi[0].id":                 7,
		"kpi[0].baseline.value":     9,
		"kpi[0].targets.2018/19":    11,
		"kpi[1].id":                 14,
		"kpi[1].description":        15,
		"kpi[1].caveats":            18,
		"kpi[1].caveats[1]":         20,
		"kpi[1].comparators[0]":     22,
		"kpi[1].comparators[0].key": 23,
		`fig.2018-04`:               26,
		`fig.2018-04.numerator`:     27,
		"fig.a.b.c":                 28,
	}
	for path, want := range cases {
		if got := ix.Line(path); got != want {
			t.Errorf("Line(%q) = %d, want %d", path, got, want)
		}
	}
	if ix.Line("nope") != 0 {
		t.Errorf("unknown path should be 0")
	}
}

func TestJoinQuotes(t *testing.T) {
	if got := Join("milestones", "2.2"); got != `milestones."2.2"` {
		t.Errorf("got %s", got)
	}
	if got := Join("", "id"); got != "id" {
		t.Errorf("got %s", got)
	}
}

func FuzzScan(f *testing.F) {
	f.Add(sample)
	f.Add("[[a]]\n[a.b]\nc = [1, {d = 2}]\n")
	f.Add("x = \"\"\"unterminated")
	f.Fuzz(func(t *testing.T, src string) {
		ix := Scan(src)
		for _, l := range ix.lines {
			if l < 1 {
				t.Fatalf("line %d below 1", l)
			}
		}
	})
}
