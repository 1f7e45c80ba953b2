package model

import (
	"strings"
	"testing"
	"time"
)

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2019-03", "2019-12", "1999-01", " 2019-03 ", "2019-13", "2019-00", "2019-3", "2019-+3", "+019-03", "0999-12", "2019/03", "", "9999-12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s)
		if err != nil {
			if m != 0 {
				t.Fatalf("ParseMonth(%q) failed but returned month %d", s, m)
			}
			if !strings.Contains(err.Error(), "is not a month") {
				t.Fatalf("ParseMonth(%q): error %q does not say what is wrong", s, err)
			}
			return
		}
		if m.IsZero() {
			t.Fatalf("ParseMonth(%q) succeeded with the zero month", s)
		}
		if c := m.Calendar(); c < time.January || c > time.December {
			t.Fatalf("ParseMonth(%q): calendar month %d", s, c)
		}
		// Round trip: a month that reads back is written exactly as it was
		// read, so two spellings can never name the same month.
		if got := m.String(); got != strings.TrimSpace(s) {
			t.Fatalf("ParseMonth(%q).String() = %q", s, got)
		}
		again, err := ParseMonth(m.String())
		if err != nil || again != m {
			t.Fatalf("ParseMonth(%q) = %d, but its String %q reads back as %d, %v", s, m, m.String(), again, err)
		}
		if got := MonthOf(m.Year(), m.Calendar()); got != m {
			t.Fatalf("MonthOf(Year, Calendar) of %q = %d, want %d", s, got, m)
		}
		if next := m + 1; next.Time().Sub(m.Time()) <= 0 {
			t.Fatalf("the month after %s (%s) does not start later", m, next)
		}
	})
}

func FuzzParseFinancialYear(f *testing.F) {
	for _, s := range []string{"2018/19", "1999/00", "2099/00", " 2018/19 ", "2018/20", "2018-19", "2008/+9", "-009/-8", "2018/1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fy, err := ParseFinancialYear(s)
		if err != nil {
			if !strings.Contains(err.Error(), "is not a financial year") {
				t.Fatalf("ParseFinancialYear(%q): error %q does not say what is wrong", s, err)
			}
			return
		}
		if got := fy.String(); got != strings.TrimSpace(s) {
			t.Fatalf("ParseFinancialYear(%q).String() = %q", s, got)
		}
		again, err := ParseFinancialYear(fy.String())
		if err != nil || again != fy {
			t.Fatalf("ParseFinancialYear(%q) = %d, but %q reads back as %d, %v", s, fy, fy.String(), again, err)
		}
		for start := time.January; start <= time.December; start++ {
			first, last := fy.First(start), fy.Last(start)
			if last-first != 11 {
				t.Fatalf("%s starting in %s runs %d months", fy, start, last-first+1)
			}
			if FinancialYearOf(first, start) != fy || FinancialYearOf(last, start) != fy {
				t.Fatalf("%s starting in %s: its first and last months (%s, %s) are not in it", fy, start, first, last)
			}
			if FinancialYearOf(first-1, start) == fy || FinancialYearOf(last+1, start) == fy {
				t.Fatalf("%s starting in %s: the months either side are in it", fy, start)
			}
		}
	})
}
