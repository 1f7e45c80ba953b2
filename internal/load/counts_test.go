package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/planpress/planpress/internal/model"
)

// TestCountsNoteRecorded: a figure and a baseline published with counts
// that do not give them, and a counts_note saying so, load with the note and
// without a warning; the same mismatch without a note warns.
func TestCountsNoteRecorded(t *testing.T) {
	fsys := fstest.MapFS{
		"planpress.toml": {Data: []byte("title = \"T\"\norganisation = \"O\"\n")},
		"data/kpis.toml": {Data: []byte(`[[kpi]]
id = "eet"
title = "Care leavers in EET"
unit = "percent"
polarity = "higher"

[kpi.baseline]
value = 53.0
numerator = 121
denominator = 227
counts_note = "The report printed 53.0%; the counts give 53.3%."
period = "2017/18"

[kpi.targets]
"2018/19" = 65
`)},
		"data/editions/2019-05/kpis.toml": {Data: []byte(`[eet]
"2018-04" = { value = 52.0, numerator = 116, denominator = 224, counts_note = "The report printed 52.0%; the counts give 51.8%." }
"2018-05" = { value = 55.0, numerator = 117, denominator = 214 }
"2018-06" = { value = 54.8, numerator = 119, denominator = 217 }
`)},
		"content/editions/2019-05/_index.md": {Data: []byte("+++\ntitle = \"R\"\npublished = \"2019-05\"\nas_at = \"2019-03\"\n+++\n")},
	}
	site, diags := Site(fsys, Options{})
	var got []string
	for _, d := range diags.Items() {
		got = append(got, d.String())
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], `data/editions/2019-05/kpis.toml:3: warning: KPI "eet", May 2018: the published value 55.0 does not match 117/214 = 54.7`) {
		t.Errorf("want only May 2018's mismatch, which has no note; got:\n%s", strings.Join(got, "\n"))
	}
	k := site.KPI("eet")
	if k.Baseline.CountsNote != "The report printed 53.0%; the counts give 53.3%." {
		t.Errorf("baseline note %q", k.Baseline.CountsNote)
	}
	s := site.Editions[0].Series["eet"]
	if n := s.CountsNote(model.MonthOf(2018, 4)); n != "The report printed 52.0%; the counts give 51.8%." {
		t.Errorf("April 2018 note %q", n)
	}
	if n := s.CountsNote(model.MonthOf(2018, 5)); n != "" {
		t.Errorf("May 2018 has no note, got %q", n)
	}
}
