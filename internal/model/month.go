package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Month is a calendar month counted from January of year 0, so that months
// compare and subtract as integers. The zero Month means "not set".
type Month int32

// MonthOf returns the Month for a year and a calendar month (1-12).
func MonthOf(year int, m time.Month) Month {
	return Month(year*12 + int(m))
}

// ParseMonth reads a month written as "YYYY-MM".
func ParseMonth(s string) (Month, error) {
	s = strings.TrimSpace(s)
	if len(s) != 7 || s[4] != '-' || !digits(s[:4]) || !digits(s[5:]) {
		return 0, fmt.Errorf("%q is not a month: write it as YYYY-MM, for example \"2019-03\"", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || y < 1000 {
		return 0, fmt.Errorf("%q is not a month: write it as YYYY-MM with a month from 01 to 12, for example \"2019-03\"", s)
	}
	return MonthOf(y, time.Month(m)), nil
}

// IsZero reports whether the month is unset.
func (m Month) IsZero() bool { return m == 0 }

// Year is the calendar year of the month.
func (m Month) Year() int { return int(m-1) / 12 }

// Calendar is the calendar month (January to December).
func (m Month) Calendar() time.Month { return time.Month(int(m-1)%12 + 1) }

// String writes the month as "YYYY-MM", the form used in files and URLs.
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Calendar()))
}

// Short writes the month as the report tables do: "Mar-19".
func (m Month) Short() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s-%02d", m.Calendar().String()[:3], m.Year()%100)
}

// Long writes the month in full: "March 2019".
func (m Month) Long() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d", m.Calendar(), m.Year())
}

// Time is the first day of the month, in UTC.
func (m Month) Time() time.Time {
	return time.Date(m.Year(), m.Calendar(), 1, 0, 0, 0, 0, time.UTC)
}

// FinancialYear is a financial year named by the calendar year it starts in:
// FinancialYear(2018) is 2018/19.
type FinancialYear int

// FinancialYearOf returns the financial year a month falls in, for years that
// start in startMonth (4 for April).
func FinancialYearOf(m Month, startMonth time.Month) FinancialYear {
	if m.Calendar() >= startMonth {
		return FinancialYear(m.Year())
	}
	return FinancialYear(m.Year() - 1)
}

// ParseFinancialYear reads a financial year written as "2018/19".
func ParseFinancialYear(s string) (FinancialYear, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a financial year: write it as YYYY/YY, for example \"2018/19\"", s)
	if len(s) != 7 || s[4] != '/' || !digits(s[:4]) || !digits(s[5:]) {
		return 0, bad
	}
	y, err1 := strconv.Atoi(s[:4])
	n, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || (y+1)%100 != n {
		return 0, bad
	}
	return FinancialYear(y), nil
}

// String writes the financial year as "2018/19".
func (fy FinancialYear) String() string {
	return fmt.Sprintf("%04d/%02d", int(fy), (int(fy)+1)%100)
}

// First is the first month of the financial year.
func (fy FinancialYear) First(startMonth time.Month) Month {
	return MonthOf(int(fy), startMonth)
}

// Last is the last month of the financial year.
func (fy FinancialYear) Last(startMonth time.Month) Month {
	return fy.First(startMonth) + 11
}

// digits reports whether s is all ASCII digits, so that "2019-+3" is not
// read as March 2019 (strconv.Atoi accepts a sign).
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
