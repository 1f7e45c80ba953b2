package importer

import (
	"errors"

	"github.com/BurntSushi/toml"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/model"
)

func month(s string) model.Month {
	m, err := model.ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}

func TestEditKeepsEverythingElse(t *testing.T) {
	src := `# A comment at the top.

# Re-referrals
[re-referrals]
target = 24   # agreed in April
"2019-02" = 32.6
"2019-03" = 32.4   # provisional
# To add: figures for 2019-04 to 2019-05.

[multiple-cp-plans]
  "2019-01" = { value = 22.4, numerator = 52, denominator = 232, note = "Say \"late\"." }
  "2019-03" = "64/282"
note_about = """
[not-a-table]
"2019-04" = 1
"""
`
	edits := []figuresEdit{
		{kpi: "re-referrals", month: month("2019-03"), value: "32.6"},
		{kpi: "re-referrals", month: month("2019-04"), value: "26.5"},
		{kpi: "re-referrals", month: month("2019-05"), value: "27.1"},
		{kpi: "re-referrals", month: month("2019-01"), value: "33.0"},
		{kpi: "multiple-cp-plans", month: month("2019-02"), value: `{ value = 24.8, numerator = 64, denominator = 258 }`},
		{kpi: "multiple-cp-plans", month: month("2019-04"), value: `"up"`},
		{kpi: "contacts", month: month("2019-04"), value: "1402"},
	}
	ff := readFiguresFile("kpis.toml", src)
	if err := ff.check(edits); err != nil {
		t.Fatal(err)
	}
	got := ff.apply(edits, []newTable{{kpi: "contacts", comment: "Contacts received"}}, map[string]bool{"re-referrals": true})
	want := `# A comment at the top.

# Re-referrals
[re-referrals]
target = 24   # agreed in April
"2019-01" = 33.0
"2019-02" = 32.6
"2019-03" = 32.6   # provisional
"2019-04" = 26.5
"2019-05" = 27.1

[multiple-cp-plans]
  "2019-01" = { value = 22.4, numerator = 52, denominator = 232, note = "Say \"late\"." }
  "2019-02" = { value = 24.8, numerator = 64, denominator = 258 }
  "2019-03" = "64/282"
  "2019-04" = "up"
note_about = """
[not-a-table]
"2019-04" = 1
"""

# Contacts received
[contacts]
"2019-04" = 1402
`
	if got != want {
		t.Errorf("edited file:\n%s\nwant:\n%s", got, want)
	}
	if err := verifyEdit(src, got, edits); err != nil {
		t.Errorf("verifyEdit: %v", err)
	}
}

func TestEditEmptyTableAndLineEndings(t *testing.T) {
	src := "[re-referrals]\r\ntarget = 24\r\n\r\n[s47-rate]\r\n\"2019-03\" = \"up\""
	edits := []figuresEdit{
		{kpi: "re-referrals", month: month("2019-04"), value: "26.5"},
		{kpi: "s47-rate", month: month("2019-04"), value: `"down"`},
	}
	ff := readFiguresFile("kpis.toml", src)
	got := ff.apply(edits, nil, nil)
	want := "[re-referrals]\r\ntarget = 24\r\n\"2019-04\" = 26.5\r\n\r\n[s47-rate]\r\n\"2019-03\" = \"up\"\r\n\"2019-04\" = \"down\"\r\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if err := verifyEdit(src, got, edits); err != nil {
		t.Error(err)
	}
}

func TestEditRefusesWhatItCannotEditInPlace(t *testing.T) {
	for _, src := range []string{
		"[re-referrals]\n\"2019-03\" = 1\n\n[re-referrals.\"2019-04\"]\nvalue = 26.5\n",
		"[re-referrals]\n\"2019-04\".value = 26.5\n",
		"re-referrals.\"2019-04\" = 26.5\n",
		"re-referrals = { \"2019-04\" = 26.5 }\n",
		"[re-referrals]\n\"2019-04\" = [\n  1,\n]\n",
	} {
		ff := readFiguresFile("kpis.toml", src)
		err := ff.check([]figuresEdit{{kpi: "re-referrals", month: month("2019-04"), value: "27"}})
		var ee *EditError
		if !errors.As(err, &ee) || ee.Line == 0 || ee.Fix == "" {
			t.Errorf("%q: got %v, want an EditError with a line and a fix", src, err)
		}
	}
}

func TestVerifyEditCatchesALoss(t *testing.T) {
	before := "[a]\n\"2019-03\" = 1\ntarget = 2\n"
	edits := []figuresEdit{{kpi: "a", month: month("2019-04"), value: "3"}}
	if err := verifyEdit(before, "[a]\n\"2019-03\" = 1\n\"2019-04\" = 3\n", edits); err == nil {
		t.Error("a lost target went unnoticed")
	}
	if err := verifyEdit(before, "[a]\n\"2019-03\" = 1\ntarget = 2\n\"2019-04\" = 3.0\n", edits); err != nil {
		t.Errorf("3 and 3.0: %v", err)
	}
}

func TestTOMLFigure(t *testing.T) {
	pct := &model.KPI{ID: "p", Unit: model.UnitPercent, Decimals: 1}
	count := &model.KPI{ID: "c", Unit: model.UnitCount, Decimals: 0}
	for _, tt := range []struct {
		f    figure
		k    *model.KPI
		note string
		want string
	}{
		{figure{hasValue: true, value: 29.7}, pct, "", "29.7"},
		{figure{hasValue: true, value: 100}, pct, "", "100.0"},
		{figure{hasValue: true, value: 1363}, count, "", "1363"},
		{figure{hasRatio: true, num: 64, den: 282}, pct, "", `"64/282"`},
		{figure{hasValue: true, value: 22.7, hasRatio: true, num: 64, den: 282}, pct, "", "{ value = 22.7, numerator = 64, denominator = 282 }"},
		{figure{dir: model.DirDown}, pct, "", `"down"`},
		{figure{hasValue: true, value: 22.7}, pct, "Provisional \"figure\"", `{ value = 22.7, note = "Provisional \"figure\"" }`},
		{figure{dir: model.DirUp}, pct, "n", `{ direction = "up", note = "n" }`},
	} {
		if got := tomlFigure(tt.f, tt.k, tt.note); got != tt.want {
			t.Errorf("tomlFigure(%+v) = %s, want %s", tt.f, got, tt.want)
		}
	}
}

// FuzzEdit checks that the editor never panics on any file, and that
// whatever it writes for a file it accepted is the file with the months
// added, or is refused by verifyEdit.
func FuzzEdit(f *testing.F) {
	f.Add("[re-referrals]\n\"2019-03\" = 32.4 # c\n# To add: the figure for 2019-04.\n")
	f.Add("# c\n[a]\n\"2019-04\" = { value = 1, note = \"x]\" }\n[[b]]\nx = '''\n[re-referrals]\n'''\n")
	f.Add("[re-referrals]\r\ntarget = 1\r\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, src string) {
		edits := []figuresEdit{
			{kpi: "re-referrals", month: month("2019-04"), value: "26.5"},
			{kpi: "re-referrals", month: month("2019-03"), value: `"64/282"`},
			{kpi: "new", month: month("2019-04"), value: `"up"`},
		}
		ff := readFiguresFile("kpis.toml", src)
		if ff.check(edits) != nil {
			return
		}
		var doc map[string]any
		if _, err := toml.Decode(src, &doc); err != nil {
			return
		}
		if _, ok := doc["new"]; ok {
			return
		}
		if ff.tables["re-referrals"] == nil {
			if _, ok := doc["re-referrals"]; ok {
				return
			}
		}
		out := ff.apply(edits, []newTable{{kpi: "new", comment: "New"}}, map[string]bool{"re-referrals": true})
		if err := verifyEdit(src, out, edits); err != nil {
			t.Fatalf("editing %q:\n%s\n%v", src, out, err)
		}
		if !strings.HasSuffix(out, "\n") && out != "" {
			t.Fatalf("the output does not end with a line ending: %q", out)
		}
	})
}
