package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"

	"github.com/planpress/planpress/internal/model"
)

func date(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

// The report's own table as a performance team keeps it: a title, a group
// row of merged cells over the months, headings merged down two rows, date
// cells and a serial number and text as month headings, extra columns, a
// counts row, a blank row, a percentage cell and a thousands format.
func reportWorkbook(t *testing.T, name string) string {
	return writeXLSX(t, name, xsheet{
		name: "Q1 2019-20",
		rows: [][]any{
			{"Children's services performance: quarter 1, 2019/20"},
			{},
			{"Measure", nil, nil, "Pre Ofsted visit", nil, nil, "Post Ofsted visit"},
			{nil, "2017/18 actual", "Target", date(2018, 12), date(2019, 2), date(2019, 3), date(2019, 4), 43586, "Jun-19", "Source"},
			{"Re-referrals within 12 months (YTD)*", 28.0, 25, 32.9, 32.6, 32.6, 0.265, 27.1, "27.9", "LAIT"},
			{"% of children subject to multiple child protection plans", 26.8, 23, 23.9, 24.8, 22.7, 23.0, 22.9, "n/d"},
			{"Number of children subject to multiple child protection plans", "112/418", nil, "48/201", "64/258", "64/282", "64/282", "66/288"},
			{},
			{"Section 47 enquiries per 10,000", nil, nil, "▼", "▼", "▲", "up", "▼", "same"},
			{"Contacts", nil, nil, 1250, 1188, 1363, "1,402", 1310, " 1,290 "},
		},
		styles: map[string]*excelize.Style{
			"D4": customFmt("mmm-yy"), "E4": customFmt("mmm-yy"), "F4": customFmt("mmm-yy"), "G4": customFmt("mmm-yy"),
			"G5":  numFmt(10), // 0.265 shows as 26.50%
			"E10": numFmt(3),  // 1188 shows as 1,188
		},
		merges: [][2]string{{"A1", "J1"}, {"A3", "A4"}, {"D3", "F3"}, {"G3", "I3"}},
	})
}

func TestImportWideWorkbook(t *testing.T) {
	dir := copySite(t)
	xlsx := reportWorkbook(t, filepath.Join(t.TempDir(), "figures.xlsx"))
	res, err := Import(Options{Source: dir, File: xlsx})
	if err != nil {
		t.Fatalf("%v\n%s", err, refusedText(err))
	}
	want := `# Figures copied by planpress new edition from 2019-05, for the months this edition
# covers (2019-01 to 2019-06). Add the new months, and correct any earlier month that
# has been revised: the 2019-05 edition keeps its own copy, exactly as published.

# Re-referrals within 12 months (YTD)
[re-referrals]
target = 24   # the 2019/20 target agreed in April
"2019-01" = 33.0
"2019-02" = 32.6
"2019-03" = 32.6   # provisional
"2019-04" = 26.5
"2019-05" = 27.1
"2019-06" = 27.9

# % of children subject to multiple child protection plans
[multiple-cp-plans]
"2019-01" = { value = 22.4, numerator = 52, denominator = 232 }
"2019-02" = { value = 24.8, numerator = 64, denominator = 258, note = "Two late registrations." }
"2019-03" = { value = 22.7, numerator = 64, denominator = 282 }
"2019-04" = { value = 23.0, numerator = 64, denominator = 282 }
"2019-05" = { value = 22.9, numerator = 66, denominator = 288 }
# To add: figures for 2019-04 to 2019-06.

# Section 47 enquiries per 10,000 (direction only)
[s47-rate]
"2019-01" = "down"
"2019-02" = "down"
"2019-03" = "up"
"2019-04" = "up"
"2019-05" = "down"
"2019-06" = "same"

# Contacts received by the front door
[contacts]
"2019-02" = 1188
"2019-03" = 1363
"2019-04" = 1402
"2019-05" = 1310
"2019-06" = 1290
`
	if got := readFile(t, filepath.Join(dir, draftFile)); got != want {
		t.Errorf("wrote:\n%s\nwant:\n%s", got, want)
	}
	e := loadEdition(t, dir, "2019-08")
	if f := figureOf(e, "multiple-cp-plans", "2019-04"); f == nil || f.Value != 23.0 || f.Numerator != 64 || f.Denominator != 282 {
		t.Errorf("multiple-cp-plans April 2019 loads as %+v", f)
	}
	if m, _ := model.ParseMonth("2019-02"); e.Series["multiple-cp-plans"].Note(m) != "Two late registrations." {
		t.Errorf("the note was lost: %q", e.Series["multiple-cp-plans"].Note(m))
	}
	if f := figureOf(e, "s47-rate", "2019-06"); f == nil || f.Direction != model.DirSame || f.HasValue {
		t.Errorf("s47-rate June 2019 loads as %+v", f)
	}
	if f := figureOf(e, "re-referrals", "2019-03"); f == nil || f.Value != 32.6 {
		t.Errorf("re-referrals March 2019 loads as %+v", f)
	}
	if s := e.Series["re-referrals"]; s.Target == nil || *s.Target != 24 {
		t.Errorf("the edition's target was lost")
	}

	var out bytes.Buffer
	res.WriteText(&out)
	report := out.String()
	for _, want := range []string{
		`sheet "Q1 2019-20": one row per KPI, one column per month, headings in row 4`,
		`columns not read: B "2017/18 actual", C "Target", J "Source"`,
		"Added 13 figure(s):",
		"  re-referrals: April 2019 to June 2019",
		"  multiple-cp-plans: April 2019, May 2019",
		"  contacts: February 2019 to June 2019",
		"Changed 1 figure(s) the file already had",
		"  re-referrals, March 2019: 32.4 → 32.6",
		"Revises 1 figure(s) edition 2019-05 published",
		`figures.xlsx: sheet "Q1 2019-20": cell G6: warning: multiple-cp-plans, April 2019: the value 23.0 does not match the counts 64/282 (= 22.7); both are imported as given`,
		"Left out 4 figure(s) for months outside the edition's period (January 2019 to June 2019): December 2018.",
		"Unchanged: 5 figure(s)",
		`Removed the "# To add" note of 2 KPI(s)`,
		"Wrote data/editions/2019-08/kpis.toml; the site loads it without errors.",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}

	// The same spreadsheet again changes nothing.
	before := snapshot(t, dir)
	res, err = Import(Options{Source: dir, File: xlsx})
	if err != nil {
		t.Fatal(err)
	}
	out.Reset()
	res.WriteText(&out)
	if !strings.Contains(out.String(), "Nothing to change") || res.Written {
		t.Errorf("a second import:\n%s", out.String())
	}
	sameSnapshot(t, before, snapshot(t, dir))
}

func refusedText(err error) string {
	if r, ok := err.(*Refused); ok {
		var b strings.Builder
		for _, p := range r.Problems {
			b.WriteString(p.String() + "\n")
		}
		for _, d := range r.Site {
			b.WriteString(d.String() + "\n")
		}
		return b.String()
	}
	return ""
}

func TestImportWideCSV(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"utf8-bom.csv", []byte("\ufeffFigures to June 2019\n\nKPI,Apr 19,May-2019,2019-06,Notes\nre-referrals, 26.5 ,27.1%,27.9,\n\n,,,,\nmultiple-cp-plans,23.0,22.9,-,\nNumerator/denominator,64/282,66/288,,\ns47-rate,▲,▼,same,\ncontacts,\"1,402\",1310,n/d,provisional\n")},
		{"utf8.csv", []byte("KPI,Apr 19,May-2019,2019-06,Notes\r\nre-referrals,26.5,27.1,27.9,\r\nmultiple-cp-plans,23.0,22.9,N/A,\r\nNumerator/denominator,64/282,66/288,,\r\ns47-rate,up,down,same,\r\ncontacts,\"1,402\",1310,,provisional\r\n")},
		{"tab.tsv", []byte("KPI\tApr-19\tMay-19\tJun-19\nre-referrals\t26.5\t27.1\t27.9\nmultiple-cp-plans\t23.0\t22.9\t\nNumerator/denominator\t64/282\t66/288\t\ns47-rate\t▲\t▼\t►\ncontacts\t1,402\t1,310\t\n")},
		{"sep.csv", []byte("sep=;\nKPI;04/2019;05/2019;06/2019\nre-referrals;26.5;27.1;27.9\nmultiple-cp-plans;23.0;22.9;\nNumerator/denominator;64/282;66/288;\ns47-rate;up;down;same\ncontacts;1,402;1310;\n")},
		// Older Excel saves "CSV" in Windows-1252: a £ and an en dash in the headings.
		{"windows-1252.csv", []byte("Performance \x96 quarter 1;;;;\nKPI;April 2019;May 2019;June 2019;Cost (\xa3)\n" +
			"Re-referrals within 12 months (YTD);26.5;27.1;27.9;\nMultiple CP plans;23.0;22.9;;\n" +
			"Number of children subject to multiple child protection plans;64/282;66/288;;\n" +
			"s47 enquiries per 10,000;up;down;same;\ncontacts;1402;1310;;\xa3200\n")},
	}
	// Excel's "Unicode text" is UTF-16 with a byte order mark, tab-separated.
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(tests[2].data)
	if err != nil {
		t.Fatal(err)
	}
	tests = append(tests, struct {
		name string
		data []byte
	}{"unicode.txt", utf16})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copySite(t)
			file := writeFile(t, filepath.Join(t.TempDir(), tt.name), tt.data)
			res, err := Import(Options{Source: dir, File: file})
			if err != nil {
				t.Fatalf("%v\n%s", err, refusedText(err))
			}
			e := loadEdition(t, dir, "2019-08")
			for _, c := range []struct {
				kpi, month string
				want       model.Figure
			}{
				{"re-referrals", "2019-04", model.Figure{HasValue: true, Value: 26.5}},
				{"re-referrals", "2019-06", model.Figure{HasValue: true, Value: 27.9}},
				{"multiple-cp-plans", "2019-05", model.Figure{HasValue: true, Value: 22.9, HasRatio: true, Numerator: 66, Denominator: 288}},
				{"s47-rate", "2019-05", model.Figure{Direction: model.DirDown}},
				{"contacts", "2019-04", model.Figure{HasValue: true, Value: 1402}},
			} {
				f := figureOf(e, c.kpi, c.month)
				if f == nil || f.HasValue != c.want.HasValue || f.Value != c.want.Value || f.HasRatio != c.want.HasRatio ||
					f.Numerator != c.want.Numerator || f.Denominator != c.want.Denominator || f.Direction != c.want.Direction {
					t.Errorf("%s %s loads as %+v, want %+v", c.kpi, c.month, f, c.want)
				}
			}
			if f := figureOf(e, "multiple-cp-plans", "2019-06"); f != nil {
				t.Errorf("a month with no figure was imported: %+v", f)
			}
			if tt.name == "windows-1252.csv" {
				if len(res.Sheets) != 1 || !strings.Contains(strings.Join(res.Sheets[0].NotRead, " "), `"Cost (£)"`) {
					t.Errorf("the Windows-1252 headings were not decoded: %+v", res.Sheets)
				}
			}
		})
	}
}

func TestImportLong(t *testing.T) {
	csvFile := []byte("Indicator\tPeriod\tResult\tNumerator\tDenominator\n" +
		"Re-referrals within 12 months (YTD)\tApr-19\t26.5\t\t\n" +
		"Re-referrals within 12 months (YTD)\tMay-19\t27.1%\t\t\n" +
		"\t\t\t\t\n" +
		"Multiple CP plans\t2019-04\t\t64\t282\n" +
		"Multiple CP plans\t2019-05\t22.9\t66\t288\n" +
		"s47-rate\t2019-04\t▲\t\t\n" +
		"contacts\tDec-18\t1250\t\t\n" +
		"contacts\t2019-04\t1,402\t\t\n")
	xlsx := func(t *testing.T, name string) string {
		return writeXLSX(t, name, xsheet{
			name: "Data",
			rows: [][]any{
				{"KPI id", "Month ending", "Value (%)", "Numerator", "Denominator"},
				{"re-referrals", date(2019, 4), 26.5},
				{"re-referrals", 43616, 27.1}, // 31 May 2019, as a serial number
				{"multiple-cp-plans", "April 2019", nil, 64, 282},
				{"multiple-cp-plans", date(2019, 5), 22.9, 66, 288},
				{"s47-rate", date(2019, 4), "up"},
				{"contacts", date(2018, 12), 1250},
				{"contacts", date(2019, 4), 1402},
			},
			styles: map[string]*excelize.Style{"B2": customFmt("dd/mm/yyyy"), "B5": customFmt("mmm-yy"), "B6": numFmt(14), "B7": numFmt(14), "B8": numFmt(17)},
		})
	}
	for _, tt := range []struct {
		name string
		file func(t *testing.T, dir string) string
	}{
		{"tab-separated", func(t *testing.T, dir string) string { return writeFile(t, filepath.Join(dir, "long.txt"), csvFile) }},
		{"workbook", func(t *testing.T, dir string) string { return xlsx(t, filepath.Join(dir, "long.xlsx")) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := copySite(t)
			res, err := Import(Options{Source: dir, File: tt.file(t, t.TempDir())})
			if err != nil {
				t.Fatalf("%v\n%s", err, refusedText(err))
			}
			got := readFile(t, filepath.Join(dir, draftFile))
			for _, want := range []string{
				"\"2019-03\" = 32.4   # provisional\n\"2019-04\" = 26.5\n\"2019-05\" = 27.1\n# To add: figures for 2019-04 to 2019-06.\n",
				"\"2019-03\" = { value = 22.7, numerator = 64, denominator = 282 }\n\"2019-04\" = \"64/282\"\n\"2019-05\" = { value = 22.9, numerator = 66, denominator = 288 }\n",
				"\"2019-03\" = \"up\"\n\"2019-04\" = \"up\"\n",
				"\n# Contacts received by the front door\n[contacts]\n\"2019-04\" = 1402\n",
			} {
				if !strings.Contains(got, want) {
					t.Errorf("the file lacks\n%s\nin:\n%s", want, got)
				}
			}
			if res.LeftOutFigures != 1 || len(res.LeftOut) != 1 || res.LeftOut[0] != month("2018-12") {
				t.Errorf("left out %d figures for %v; want 1 for December 2018", res.LeftOutFigures, res.LeftOut)
			}
			if len(res.Sheets) != 1 || res.Sheets[0].Shape != Long {
				t.Errorf("sheets: %+v", res.Sheets)
			}
			e := loadEdition(t, dir, "2019-08")
			if f := figureOf(e, "multiple-cp-plans", "2019-04"); f == nil || f.Value != 22.7 || f.Numerator != 64 {
				t.Errorf("counts only: %+v", f)
			}
		})
	}
}

func TestImportRefuses(t *testing.T) {
	csv := func(body string) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "figures.csv"), []byte(body))
		}
	}
	tests := []struct {
		name string
		file func(t *testing.T, dir string) string
		want []string
	}{
		{"an unknown KPI", csv("KPI,Apr-19,May-19\nre-referrals,26.5,27.1\nRe-referals within 12 months (YTD),1,2\n"),
			[]string{`figures.csv: cell A3: error: "Re-referals within 12 months (YTD)" is not a KPI of this site; did you mean "Re-referrals within 12 months (YTD)" (KPI "re-referrals")?`}},
		{"a KPI nothing like any", csv("KPI,Apr-19\nLooked after children,26.5\n"),
			[]string{`figures.csv: cell A2: error: "Looked after children" is not a KPI of this site; write the KPI's id, title, short title or report label as data/kpis.toml gives it (the ids are re-referrals, multiple-cp-plans, s47-rate, contacts), or delete the row`}},
		{"a month given twice in a long sheet", csv("kpi,month,value\nre-referrals,2019-04,26.5\ncontacts,2019-04,1400\nre-referrals,Apr-19,26.6\n"),
			[]string{`figures.csv: cell C4: error: re-referrals, April 2019 is given twice: here and in cell C2; keep one of them: clear this cell or cell C2`}},
		{"a month heading twice", csv("KPI,Apr-19,April 2019\nre-referrals,26.5,26.6\n"),
			[]string{`figures.csv: cell C2: error: re-referrals, April 2019 is given twice: here and in cell B2`}},
		{"a KPI in two rows", csv("KPI,Apr-19\nre-referrals,26.5\nRe-referrals within 12 months,26.5\n"),
			[]string{`figures.csv: cell B3: error: re-referrals, April 2019 is given twice: here and in cell B2`}},
		{"a cell it cannot read", func(t *testing.T, dir string) string {
			return writeXLSX(t, filepath.Join(dir, "figures.xlsx"), xsheet{name: "Q1", rows: [][]any{
				{"Quarter 1"}, {}, {"KPI", "Apr-19", "May-19", "Jun-19"},
				{"re-referrals", 26.5, 27.1, 27.9},
				{}, {},
				{"contacts", 1402, "1,31O", 1290},
			}})
		}, []string{`figures.xlsx: sheet "Q1": cell C7: error: "1,31O" is not a figure; write a number such as 32.4 or 32.4%, counts such as 64/282, a direction (up, down or same), or n/d for no figure`}},
		{"NaN", csv("KPI,Apr-19\nre-referrals,NaN\n"), []string{`figures.csv: cell B2: error: "NaN" is not a number a report can show`}},
		{"an infinity", csv("KPI,Apr-19\nre-referrals,-inf\n"), []string{`cell B2: error: "-inf" is not a number a report can show`}},
		{"negative counts", csv("KPI,Apr-19\nmultiple-cp-plans,23\nNumerator/denominator,-3/10\n"), []string{`cell B3: error: "-3/10" has a negative count`}},
		{"a negative count in a column", csv("kpi,month,numerator,denominator\nmultiple-cp-plans,2019-04,-3,10\n"), []string{`cell C2: error: the numerator -3 is negative`}},
		{"a zero denominator", csv("KPI,Apr-19\nmultiple-cp-plans,5/0\n"), []string{`cell B2: error: "5/0" has a denominator of 0`}},
		{"a numerator above its denominator", csv("kpi,month,value,numerator,denominator\nmultiple-cp-plans,2019-04,,300,282\n"), []string{`cell D2: error: "300/282" has a numerator above its denominator`}},
		{"a percentage over 100", csv("KPI,Apr-19\nre-referrals,120\n"), []string{`cell B2: error: 120 is not a percentage (KPI "re-referrals", April 2019); write a percentage from 0 to 100`}},
		{"a % on a rate", csv("KPI,Apr-19\ns47-rate,3.5%\n"), []string{`cell B2: error: KPI "s47-rate" is a rate, not a percentage, but 3.5% is written as one; write the figure without %`}},
		{"counts on a count", csv("KPI,Apr-19\ncontacts,5/10\n"), []string{`cell B2: error: KPI "contacts" is a count, not a percentage, so it has no numerator/denominator`}},
		{"a negative count KPI", csv("KPI,Apr-19\ncontacts,-5\n"), []string{`cell B2: error: -5 is negative (KPI "contacts", April 2019)`}},
		{"a row with no label", csv("KPI,Apr-19\nre-referrals,26.5\n,27\n"), []string{`cell A3: error: this row has figures but does not say which KPI they are for`}},
		{"a counts row with words", csv("KPI,Apr-19\nmultiple-cp-plans,23\nNumerator/denominator,64\n"), []string{`cell B3: error: "64" in the counts row of multiple-cp-plans is not numerator/denominator`}},
		{"a month it cannot read", csv("kpi,month,value\nre-referrals,Aprl 2019,26.5\n"), []string{`cell B2: error: "Aprl 2019" is not a month`}},
		{"no headings", csv("re-referrals,26.5\ncontacts,1402\n"), []string{`figures.csv: error: cannot find the figures: no sheet has a row of month headings, nor columns headed KPI, Month and Value`}},
		{"a formula with no saved result", func(t *testing.T, dir string) string {
			return writeXLSX(t, filepath.Join(dir, "figures.xlsx"), xsheet{name: "Q1",
				rows:     [][]any{{"KPI", "Apr-19"}, {"re-referrals"}},
				formulas: map[string]string{"B2": "C2/D2*100"}})
		}, []string{`figures.xlsx: sheet "Q1": cell B2: error: the cell has a formula (=C2/D2*100) but no saved result`}},
		{"nothing in the period", csv("KPI,Apr-18,May-18\nre-referrals,26.5,27\n"),
			[]string{"has no figures for edition 2019-08's period, January 2019 to June 2019 (it has figures for April 2018 to May 2018): choose the edition with -edition"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copySite(t)
			file := tt.file(t, t.TempDir())
			before := snapshot(t, dir)
			_, err := Import(Options{Source: dir, File: file})
			got := refused(t, err)
			for _, want := range tt.want {
				if !strings.Contains(got, want) {
					t.Errorf("the refusal lacks\n%s\nin:\n%s", want, got)
				}
			}
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
}

func TestImportDryRun(t *testing.T) {
	dir := copySite(t)
	file := writeFile(t, filepath.Join(t.TempDir(), "f.csv"), []byte("KPI,Apr-19\nre-referrals,26.5\n"))
	before := snapshot(t, dir)
	res, err := Import(Options{Source: dir, File: file, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	sameSnapshot(t, before, snapshot(t, dir))
	var out bytes.Buffer
	res.WriteText(&out)
	for _, want := range []string{"Added 1 figure(s):\n  re-referrals: April 2019\n", "Dry run: nothing was written."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the dry run's report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestImportChoosesTheEditionAndSheet(t *testing.T) {
	dir := copySite(t)
	xlsx := writeXLSX(t, filepath.Join(t.TempDir(), "f.xlsx"),
		xsheet{name: "Read me", rows: [][]any{{"These figures are illustrative."}}},
		xsheet{name: "2018-19", rows: [][]any{{"KPI", "Feb-19", "Mar-19"}, {"contacts", 1188, 1365}}},
		xsheet{name: "Old", hidden: true, rows: [][]any{{"KPI", "Mar-19"}, {"contacts", 9999}}},
	)
	// Into the published edition, by name, correcting a month.
	res, err := Import(Options{Source: dir, File: xlsx, Edition: "2019-05"})
	if err != nil {
		t.Fatalf("%v\n%s", err, refusedText(err))
	}
	if got := readFile(t, filepath.Join(dir, "data/editions/2019-05/kpis.toml")); !strings.HasSuffix(got, "[contacts]\n\"2019-01\" = 1290\n\"2019-02\" = 1188\n\"2019-03\" = 1365\n") {
		t.Errorf("2019-05's figures:\n%s", got)
	}
	if res.Unchanged != 1 || len(res.Changed) != 1 || res.Changed[0].Old != "1363" || res.Changed[0].New != "1365" || res.Previous != "" {
		t.Errorf("result: %+v", res)
	}
	if len(res.Sheets) != 3 || !strings.Contains(res.Sheets[0].Skipped, "no row of month headings") ||
		res.Sheets[1].Shape != Wide || !strings.Contains(res.Sheets[2].Skipped, "hidden") {
		t.Errorf("sheets: %+v", res.Sheets)
	}
	// A hidden sheet is read when named; the default edition is the draft.
	res, err = Import(Options{Source: dir, File: xlsx, Sheet: "old"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 1 || res.Added[0].KPI != "contacts" || len(res.Revised) != 1 || res.Revised[0].Old != "1365" {
		t.Errorf("-sheet old: %+v", res)
	}
	if got := readFile(t, filepath.Join(dir, draftFile)); !strings.HasSuffix(got, "\n# Contacts received by the front door\n[contacts]\n\"2019-03\" = 9999\n") {
		t.Errorf("2019-08 after -sheet old:\n%s", got)
	}

	for _, tt := range []struct {
		opts Options
		want string
	}{
		{Options{Edition: "2019-8"}, `there is no edition "2019-8"; did you mean "2019-08"?`},
		{Options{Sheet: "2018-9"}, `has no sheet "2018-9"; did you mean "2018-19"?`},
		{Options{File: "missing.xlsx"}, "cannot read missing.xlsx"},
		{Options{File: "old.xls"}, "is a .xls file; open it and save it as an Excel workbook (.xlsx)"},
		{Options{File: xlsx, Source: t.TempDir()}, "is not a planpress site"},
	} {
		opts := tt.opts
		if opts.File == "" {
			opts.File = xlsx
		}
		if opts.Source == "" {
			opts.Source = dir
		}
		_, err := Import(opts)
		if u, ok := err.(*UsageError); !ok || !strings.Contains(u.Message, tt.want) {
			t.Errorf("%+v: got %v, want a usage error saying %q", tt.opts, err, tt.want)
		}
	}
}

func TestImportCreatesTheFiguresFile(t *testing.T) {
	dir := copySite(t)
	if err := os.Remove(filepath.Join(dir, draftFile)); err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, filepath.Join(t.TempDir(), "f.csv"), []byte("KPI,Apr-19,May-19\nre-referrals,26.5,27.1\ns47-rate,up,down\n"))
	if _, err := Import(Options{Source: dir, File: file}); err != nil {
		t.Fatalf("%v\n%s", err, refusedText(err))
	}
	want := `# The figures as edition 2019-08 publishes them: one table per KPI, one key per month
# (see docs/format.md). Started by planpress import from f.csv.

# Re-referrals within 12 months (YTD)
[re-referrals]
"2019-04" = 26.5
"2019-05" = 27.1

# Section 47 enquiries per 10,000
[s47-rate]
"2019-04" = "up"
"2019-05" = "down"
`
	if got := readFile(t, filepath.Join(dir, draftFile)); got != want {
		t.Errorf("wrote:\n%s\nwant:\n%s", got, want)
	}
	loadEdition(t, dir, "2019-08")
}

func TestImportKeepsLineEndings(t *testing.T) {
	dir := copySite(t)
	name := filepath.Join(dir, draftFile)
	crlf := strings.ReplaceAll(readFile(t, name), "\n", "\r\n")
	writeFile(t, name, []byte(crlf))
	file := writeFile(t, filepath.Join(t.TempDir(), "f.csv"), []byte("KPI,Apr-19\nre-referrals,26.5\ncontacts,1402\n"))
	if _, err := Import(Options{Source: dir, File: file}); err != nil {
		t.Fatal(err)
	}
	got := readFile(t, name)
	if strings.Count(got, "\n") != strings.Count(got, "\r\n") {
		t.Errorf("the file's CR LF line endings were not kept:\n%q", got)
	}
	if want := strings.ReplaceAll("\"2019-03\" = 32.4   # provisional\n\"2019-04\" = 26.5\n", "\n", "\r\n"); !strings.Contains(got, want) {
		t.Errorf("got:\n%q", got)
	}
}

// A file the site does not load after writing is put back as it was.
func TestImportPutsTheFileBack(t *testing.T) {
	dir := copySite(t)
	file := writeFile(t, filepath.Join(t.TempDir(), "f.csv"), []byte("KPI,Apr-19\nre-referrals,26.5\n"))
	before := snapshot(t, dir)
	testHookAfterWrite = func(root *os.Root, name string) {
		b, _ := root.ReadFile(name)
		root.WriteFile(name, append(b, "\n[re-referrals]\n"...), 0o644)
	}
	defer func() { testHookAfterWrite = nil }()
	_, err := Import(Options{Source: dir, File: file})
	got := refused(t, err)
	if !strings.Contains(got, "so it was put back as it was") || !strings.Contains(got, draftFile+":") {
		t.Errorf("the refusal:\n%s", got)
	}
	sameSnapshot(t, before, snapshot(t, dir))

	// A file that was not there is removed again, with the folder made for it.
	if err := os.RemoveAll(filepath.Join(dir, "data/editions/2019-08")); err != nil {
		t.Fatal(err)
	}
	before = snapshot(t, dir)
	_, err = Import(Options{Source: dir, File: file})
	if got := refused(t, err); !strings.Contains(got, "so it was put back as it was") {
		t.Errorf("the refusal:\n%s", got)
	}
	sameSnapshot(t, before, snapshot(t, dir))
	if _, err := os.Stat(filepath.Join(dir, "data/editions/2019-08")); !os.IsNotExist(err) {
		t.Errorf("the folder made for the figures file is still there: %v", err)
	}
}

func TestImportRefusesABrokenFiguresFile(t *testing.T) {
	dir := copySite(t)
	name := filepath.Join(dir, draftFile)
	writeFile(t, name, []byte(readFile(t, name)+"\n[re-referrals]\n\"2019-04\" = 1\n"))
	file := writeFile(t, filepath.Join(t.TempDir(), "f.csv"), []byte("KPI,Apr-19\nre-referrals,26.5\n"))
	before := snapshot(t, dir)
	_, err := Import(Options{Source: dir, File: file})
	if got := refused(t, err); !strings.Contains(got, "fix them first") || !strings.Contains(got, draftFile) {
		t.Errorf("the refusal:\n%s", got)
	}
	sameSnapshot(t, before, snapshot(t, dir))
}

func TestOverlayLoadsANewFile(t *testing.T) {
	dir := copySite(t)
	if err := os.RemoveAll(filepath.Join(dir, "data/editions/2019-08")); err != nil {
		t.Fatal(err)
	}
	o := newOverlay(os.DirFS(dir), draftFile, []byte("[re-referrals]\n\"2019-04\" = 1\n\"2020-01\" = 2\n"))
	bad := loadErrors(o, draftFile)
	if len(bad) != 1 || !strings.Contains(bad[0].String(), "January 2020 is after the edition's as-at month") {
		t.Errorf("loading through the overlay: %v", bad)
	}
}

func TestImportLeavesAPublishedEditionAloneUnlessNamed(t *testing.T) {
	dir := copySite(t)
	for _, p := range []string{"content/editions/2019-08", "data/editions/2019-08"} {
		if err := os.RemoveAll(filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	file := writeFile(t, filepath.Join(t.TempDir(), "f.csv"), []byte("KPI,Mar-19\nre-referrals,32.5\n"))
	before := snapshot(t, dir)
	_, err := Import(Options{Source: dir, File: file})
	if u, ok := err.(*UsageError); !ok || !strings.Contains(u.Message, "the newest edition, 2019-05, is published") {
		t.Errorf("got %v, want a usage error", err)
	}
	sameSnapshot(t, before, snapshot(t, dir))
	res, err := Import(Options{Source: dir, File: file, Edition: "2019-05"})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	res.WriteText(&out)
	if !strings.Contains(out.String(), "Note: edition 2019-05 is published") || len(res.Changed) != 1 {
		t.Errorf("report:\n%s", out.String())
	}
}
