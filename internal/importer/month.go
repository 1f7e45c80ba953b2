package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/planpress/planpress/internal/model"
)

var (
	// 2019-04, 2019-4
	isoMonth = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})$`)
	// 2019-04-01, 2019-04-01T00:00:00, 2019-04-01 00:00
	isoDate = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ][0-9:.]+Z?)?$`)
	// 04/2019, 4-2019, 04.2019
	numericMonth = regexp.MustCompile(`^([0-9]{1,2})[/.-]([0-9]{4})$`)
	// 01/04/2019, 1-4-19, 01.04.2019 00:00: day first, as in the UK
	ukDate = regexp.MustCompile(`^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4}|[0-9]{2})(?: [0-9:.]+)?$`)
	// Apr-19, Apr 19, April 2019, Sept 2019, Apr'19, 1-Apr-19, 01 April 2019
	namedMonth = regexp.MustCompile(`^(?:([0-9]{1,2})[\s–-]+)?([A-Za-z]+)\.?(?:[\s'’–-]*)([0-9]{4}|[0-9]{2})$`)
)

var monthNames = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "sept": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// monthName reads a month's name in full or shortened to three letters (or "Sept").
func monthName(s string) (time.Month, bool) {
	s = strings.ToLower(s)
	if m, ok := monthNames[s]; ok {
		return m, true
	}
	if len(s) > 3 {
		if m, ok := monthNames[s[:3]]; ok && strings.ToLower(m.String()) == s {
			return m, true
		}
	}
	return 0, false
}

// ParseMonthText reads a month heading written as text: Apr-19, Apr 19,
// April 2019, 2019-04, 04/2019, or a date (01/04/2019, day first, or
// 2019-04-01), which stands for its month. A financial year such as 2018/19
// is not a month.
func ParseMonthText(text string) (model.Month, bool) {
	s := cleanSpace(text)
	if m := isoMonth.FindStringSubmatch(s); m != nil {
		return monthOf(m[1], m[2], "")
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return monthOf(m[1], m[2], m[3])
	}
	if m := numericMonth.FindStringSubmatch(s); m != nil {
		return monthOf(m[2], m[1], "")
	}
	if m := ukDate.FindStringSubmatch(s); m != nil {
		return monthOf(m[3], m[2], m[1])
	}
	if m := namedMonth.FindStringSubmatch(s); m != nil {
		cal, ok := monthName(m[2])
		if !ok {
			return 0, false
		}
		return monthOf(m[3], strconv.Itoa(int(cal)), m[1])
	}
	return 0, false
}

// monthOf checks and combines a year (two or four digits), a month and an
// optional day.
func monthOf(year, month, day string) (model.Month, bool) {
	y, err := strconv.Atoi(year)
	if err != nil {
		return 0, false
	}
	if len(year) == 2 {
		y += 2000
	}
	mo, err := strconv.Atoi(month)
	if err != nil || mo < 1 || mo > 12 || y < 1990 || y > 2099 {
		return 0, false
	}
	if day != "" {
		d, err := strconv.Atoi(day)
		if err != nil || d < 1 || d > 31 {
			return 0, false
		}
	}
	return model.MonthOf(y, time.Month(mo)), true
}

// monthFromSerial reads a spreadsheet date serial (days since 1900, or 1904
// in a workbook set to that date system) as the month it falls in; a number
// that is not a date from 1990 to 2099 is not a month.
func monthFromSerial(v float64, date1904 bool) (model.Month, bool) {
	if v < 1 || v > 100000 {
		return 0, false
	}
	t, err := excelize.ExcelDateToTime(v, date1904)
	if err != nil || t.Year() < 1990 || t.Year() > 2099 {
		return 0, false
	}
	return model.MonthOf(t.Year(), t.Month()), true
}
