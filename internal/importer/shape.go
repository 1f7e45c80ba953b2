package importer

import (
	"strings"
	"unicode"

	"github.com/planpress/planpress/internal/model"
)

// Shape is how a sheet lays out its figures.
type Shape int

// The shapes.
const (
	// Wide has one row per KPI and one column per month, like the report's
	// own tables.
	Wide Shape = iota + 1
	// Long has one row per figure, with columns for the KPI, the month, the
	// value and (optionally) the numerator and denominator.
	Long
)

func (s Shape) String() string {
	switch s {
	case Wide:
		return "one row per KPI, one column per month"
	case Long:
		return "one row per figure (KPI, month, value)"
	}
	return "not recognised"
}

// role is what a column of a long sheet holds.
type role int

const (
	roleNone role = iota
	roleKPI
	roleMonth
	roleValue
	roleNumerator
	roleDenominator
)

var roleNames = map[string]role{
	"kpi": roleKPI, "kpiid": roleKPI, "id": roleKPI, "indicator": roleKPI, "indicatorid": roleKPI,
	"indicatorname": roleKPI, "measure": roleKPI, "measureid": roleKPI, "measurename": roleKPI,
	"kpiname": roleKPI, "kpititle": roleKPI, "name": roleKPI, "pi": roleKPI, "performanceindicator": roleKPI,
	"metric": roleKPI, "title": roleKPI,
	"month": roleMonth, "period": roleMonth, "date": roleMonth, "monthending": roleMonth, "monthend": roleMonth,
	"periodending": roleMonth, "periodend": roleMonth, "asat": roleMonth, "reportingperiod": roleMonth,
	"reportingmonth": roleMonth, "monthyear": roleMonth,
	"value": roleValue, "figure": roleValue, "result": roleValue, "actual": roleValue, "outturn": roleValue,
	"performance": roleValue, "percentage": roleValue, "percent": roleValue, "score": roleValue,
	"kpivalue": roleValue, "rate": roleValue,
	"numerator": roleNumerator, "num": roleNumerator,
	"denominator": roleDenominator, "den": roleDenominator, "denom": roleDenominator,
}

// roleOf reads a column heading of a long sheet, loosely: "Indicator",
// "KPI id", "Period", "Value (%)".
func roleOf(heading string) role {
	if strings.TrimSpace(heading) == "%" {
		return roleValue
	}
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		if r == '(' {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return roleNames[b.String()]
}

// header is where a sheet's figures start and what its columns hold.
type header struct {
	shape Shape
	row   int                 // 0-based
	cols  map[int]model.Month // Wide: column -> month
	roles map[role]int        // Long: role -> column
}

// maxHeaderRow bounds how far down a long sheet's heading row is looked for.
const maxHeaderRow = 30

// findHeader finds the heading row: a long sheet's (a KPI column, a month
// column and a value or counts column), or else the row with the most
// months in it, which heads a wide sheet. Rows above it (titles, a group row
// such as "Pre Ofsted visit") are not read.
func findHeader(g *grid) (header, bool) {
	for r := 0; r < min(len(g.rows), maxHeaderRow); r++ {
		roles := map[role]int{}
		for c, cell := range g.rows[r] {
			if ro := roleOf(cell.text); ro != roleNone && !cell.isNumber {
				if _, dup := roles[ro]; !dup {
					roles[ro] = c
				}
			}
		}
		_, hasKPI := roles[roleKPI]
		_, hasMonth := roles[roleMonth]
		_, hasValue := roles[roleValue]
		_, hasNum := roles[roleNumerator]
		_, hasDen := roles[roleDenominator]
		if hasKPI && hasMonth && (hasValue || hasNum && hasDen) && len(monthColumns(g, r, true)) < 2 {
			return header{shape: Long, row: r, roles: roles}, true
		}
	}
	best, bestRow, rowsWithMonths := 0, -1, 0
	for r := range g.rows {
		n := len(monthColumns(g, r, true))
		if n > 0 {
			rowsWithMonths++
		}
		if n > best {
			best, bestRow = n, r
		}
	}
	// One month in each of many rows is a list, not a heading.
	if best >= 2 || best == 1 && rowsWithMonths == 1 {
		return header{shape: Wide, row: bestRow, cols: monthColumns(g, bestRow, true)}, true
	}
	return header{}, false
}

// monthColumns returns the cells of a row that are months.
func monthColumns(g *grid, row int, serials bool) map[int]model.Month {
	out := map[int]model.Month{}
	for c, cell := range g.rows[row] {
		if m, ok := cell.month(g.date1904, serials); ok {
			out[c] = m
		}
	}
	return out
}
