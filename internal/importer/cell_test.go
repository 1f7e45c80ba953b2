package importer

import (
	"math"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/model"
)

func TestParseCell(t *testing.T) {
	tests := []struct {
		in   string
		want Cell
	}{
		{"", Cell{Kind: Blank}},
		{"   ", Cell{Kind: Blank}},
		{"\u00a0", Cell{Kind: Blank}},
		{"32.4", Cell{Kind: Number, Value: 32.4}},
		{" 26.5 ", Cell{Kind: Number, Value: 26.5}},
		{"32.4%", Cell{Kind: Number, Value: 32.4, Percent: true}},
		{"32.4 %", Cell{Kind: Number, Value: 32.4, Percent: true}},
		{"1,363", Cell{Kind: Number, Value: 1363}},
		{"1,363.5", Cell{Kind: Number, Value: 1363.5}},
		{"12,345,678", Cell{Kind: Number, Value: 12345678}},
		{"100", Cell{Kind: Number, Value: 100}},
		{"0", Cell{Kind: Number, Value: 0}},
		{"-0", Cell{Kind: Number, Value: 0}},
		{"-3.5", Cell{Kind: Number, Value: -3.5}},
		{"−3.5", Cell{Kind: Number, Value: -3.5}},
		{"+7", Cell{Kind: Number, Value: 7}},
		{".5", Cell{Kind: Number, Value: 0.5}},
		{"5.", Cell{Kind: Number, Value: 5}},
		{"1.2E+03", Cell{Kind: Number, Value: 1200}},
		{"64/282", Cell{Kind: Ratio, Numerator: 64, Denominator: 282}},
		{" 64 / 282 ", Cell{Kind: Ratio, Numerator: 64, Denominator: 282}},
		{"1,363/2,000", Cell{Kind: Ratio, Numerator: 1363, Denominator: 2000}},
		{"0/5", Cell{Kind: Ratio, Numerator: 0, Denominator: 5}},
		{"282/282", Cell{Kind: Ratio, Numerator: 282, Denominator: 282}},
		{"n/d", Cell{Kind: NoFigure}},
		{"N/D", Cell{Kind: NoFigure}},
		{"N/A", Cell{Kind: NoFigure}},
		{"#N/A", Cell{Kind: NoFigure}},
		{"-", Cell{Kind: NoFigure}},
		{"–", Cell{Kind: NoFigure}},
		{"TBC", Cell{Kind: NoFigure}},
		{"▲", Cell{Kind: Direction, Direction: model.DirUp}},
		{"▼", Cell{Kind: Direction, Direction: model.DirDown}},
		{"Up", Cell{Kind: Direction, Direction: model.DirUp}},
		{"DOWN", Cell{Kind: Direction, Direction: model.DirDown}},
		{"same", Cell{Kind: Direction, Direction: model.DirSame}},
		{"►", Cell{Kind: Direction, Direction: model.DirSame}},
	}
	for _, tt := range tests {
		got, err := ParseCell(tt.in)
		if err != nil {
			t.Errorf("ParseCell(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseCell(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseCellRefuses(t *testing.T) {
	tests := []struct{ in, want string }{
		{"NaN", "not a number a report can show"},
		{"nan%", "not a number a report can show"},
		{"Inf", "not a number a report can show"},
		{"-Infinity", "not a number a report can show"},
		{"1e400", "too large"},
		{"#DIV/0!", "spreadsheet error #DIV/0!"},
		{"#REF!", "spreadsheet error"},
		{"-3/10", "negative count"},
		{"3/-10", "negative count"},
		{"5/0", "denominator of 0"},
		{"300/282", "numerator above its denominator"},
		{"26.5.1", "is not a figure"},
		{"1,36", "is not a figure"},
		{"32.4*", "is not a figure"},
		{"<5", "is not a figure"},
		{"about 30", "is not a figure"},
		{"0x1p3", "is not a figure"},
		{"1_000", "is not a figure"},
		{"e5", "is not a figure"},
		{".", "is not a figure"},
		{"%", "is not a figure"},
		{"1.5/3", "is not a figure"},
		{"99999999999/99999999999", "is not numerator/denominator"},
	}
	for _, tt := range tests {
		_, err := ParseCell(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseCell(%q) = %v, want an error saying %q", tt.in, err, tt.want)
			continue
		}
		if ce, ok := err.(*CellError); !ok || ce.Fix == "" {
			t.Errorf("ParseCell(%q): the error %v says nothing to write instead", tt.in, err)
		}
	}
}

// FuzzParseCell checks that cell parsing never panics, that what it accepts
// is finite and in range, and that what it accepts reads back the same from
// its String.
func FuzzParseCell(f *testing.F) {
	for _, s := range []string{"32.4", "32.4%", "1,363", " 26.5 ", "64/282", "n/d", "N/A", "-", "", "▲", "▼",
		"up", "down", "same", "NaN", "Inf", "-3/10", "5/0", "300/282", "1e400", "−2", "1,363/2,000", "#DIV/0!", ".5", "1.2E+03"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCell(s)
		if err != nil {
			if _, ok := err.(*CellError); !ok {
				t.Fatalf("ParseCell(%q) returned a %T, not a *CellError", s, err)
			}
			return
		}
		switch c.Kind {
		case Number:
			if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
				t.Fatalf("ParseCell(%q) accepted %v", s, c.Value)
			}
		case Ratio:
			if c.Numerator < 0 || c.Denominator <= 0 || c.Numerator > c.Denominator {
				t.Fatalf("ParseCell(%q) accepted counts %d/%d", s, c.Numerator, c.Denominator)
			}
		}
		again, err := ParseCell(c.String())
		if err != nil {
			t.Fatalf("ParseCell(%q) = %+v, but its String %q does not read back: %v", s, c, c.String(), err)
		}
		if c.Kind == NoFigure || c.Kind == Blank {
			if again.Kind != c.Kind {
				t.Fatalf("%q read as %v, its String %q as %v", s, c.Kind, c.String(), again.Kind)
			}
			return
		}
		if again != c {
			t.Fatalf("%q read as %+v, its String %q as %+v", s, c, c.String(), again)
		}
	})
}

func TestParseMonthText(t *testing.T) {
	apr19 := model.MonthOf(2019, 4)
	for _, s := range []string{"Apr-19", "Apr 19", "apr-19", "APR 2019", "April 2019", "April-19", "Apr'19", "2019-04",
		"2019-4", "04/2019", "4/2019", "04-2019", "01/04/2019", "30/04/2019", "1-4-19", "2019-04-01", "2019-04-01T00:00:00",
		"01/04/2019 00:00", "1-Apr-19", "01 April 2019", " Apr-19 ", "Apr–19"} {
		if m, ok := ParseMonthText(s); !ok || m != apr19 {
			t.Errorf("ParseMonthText(%q) = %v, %v; want April 2019", s, m, ok)
		}
	}
	if m, ok := ParseMonthText("Sept 2019"); !ok || m != model.MonthOf(2019, 9) {
		t.Errorf("Sept 2019: %v %v", m, ok)
	}
	for _, s := range []string{"2018/19", "2017/18 actual", "Target", "Source", "64/282", "13/2019", "2019-13", "Apri 2019",
		"Mayday 19", "32/01/2019", "Apr-1919", "April", "2019", "", "Q1 2019/20", "Mar-19 YTD"} {
		if m, ok := ParseMonthText(s); ok {
			t.Errorf("ParseMonthText(%q) = %v; want no month", s, m)
		}
	}
}

func TestMonthFromSerial(t *testing.T) {
	for _, tt := range []struct {
		v        float64
		date1904 bool
		want     model.Month
	}{
		{43556, false, model.MonthOf(2019, 4)}, // 1 April 2019
		{43585, false, model.MonthOf(2019, 4)}, // 30 April 2019
		{43556.5, false, model.MonthOf(2019, 4)},
		{42094, true, model.MonthOf(2019, 4)}, // 1 April 2019 counted from 1904
	} {
		if m, ok := monthFromSerial(tt.v, tt.date1904); !ok || m != tt.want {
			t.Errorf("monthFromSerial(%v, %v) = %v, %v; want %v", tt.v, tt.date1904, m, ok, tt.want)
		}
	}
	for _, v := range []float64{0, 25, 1363, 2019, 100000, -43556} {
		if m, ok := monthFromSerial(v, false); ok {
			t.Errorf("monthFromSerial(%v) = %v; want no month", v, m)
		}
	}
}

func FuzzParseMonthText(f *testing.F) {
	for _, s := range []string{"Apr-19", "April 2019", "2019-04", "04/2019", "01/04/2019", "2018/19", "Sept 19", "1-Apr-19"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := ParseMonthText(s)
		if !ok {
			return
		}
		if m.Year() < 1990 || m.Year() > 2099 {
			t.Fatalf("ParseMonthText(%q) = %v, outside 1990-2099", s, m)
		}
		if again, ok := ParseMonthText(m.String()); !ok || again != m {
			t.Fatalf("%q read as %v, but %q reads as %v", s, m, m.String(), again)
		}
		if again, ok := ParseMonthText(m.Short()); !ok || again != m {
			t.Fatalf("%q read as %v, but %q reads as %v", s, m, m.Short(), again)
		}
	})
}

func TestMatcher(t *testing.T) {
	kpis := []*model.KPI{
		{ID: "re-referrals", Title: "Referrals within 12 months of a previous referral (year to date)", ShortTitle: "Re-referrals within 12 months", ReportLabel: "Re-referrals within 12 months (YTD)"},
		{ID: "multiple-cp-plans", Title: "Children subject to a child protection plan for a second or later time", ShortTitle: "Multiple CP plans", CountTitle: "Number of children subject to multiple child protection plans"},
	}
	m := newMatcher(kpis)
	for _, label := range []string{"re-referrals", "RE-REFERRALS", "Re-referrals within 12 months (YTD)*", "re-referrals within 12months (ytd) *", "  Re-referrals within 12 months  "} {
		if k, _ := m.kpi(label); k != kpis[0] {
			t.Errorf("%q: got %v, want re-referrals", label, k)
		}
	}
	if k, _ := m.kpi("Multiple CP plans"); k != kpis[1] {
		t.Errorf("short title: got %v", k)
	}
	if k, _ := m.kpi("Re-referals"); k != nil {
		t.Errorf("a typo matched %v", k.ID)
	}
	if fix := m.unknownFix("Re-referals"); !strings.Contains(fix, `did you mean "re-referrals"?`) {
		t.Errorf("fix for a typo: %s", fix)
	}
	if fix := m.unknownFix("Something else entirely"); !strings.Contains(fix, "re-referrals, multiple-cp-plans") {
		t.Errorf("fix for an unknown label: %s", fix)
	}
	if k, ok := m.countsOf("number of children subject to multiple child protection plans"); !ok || k != kpis[1] {
		t.Errorf("count title: %v %v", k, ok)
	}
	if k, ok := m.countsOf("Numerator / denominator"); !ok || k != nil {
		t.Errorf("generic counts label: %v %v", k, ok)
	}
}
