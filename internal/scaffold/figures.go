package scaffold

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

var (
	// [kpi-id] or [kpi-id."2019-03"]
	header = regexp.MustCompile(`^\s*\[\s*("?)([a-z0-9][a-z0-9-]*)("?)\s*(?:\.\s*["']?([0-9]{4}-[0-9]{2})["']?\s*)?\]\s*(#.*)?$`)
	// "2019-03" = ...
	monthKey  = regexp.MustCompile(`^\s*["']?([0-9]{4}-[0-9]{2})["']?\s*=`)
	targetKey = regexp.MustCompile(`^\s*target\s*=`)
)

// newYearTarget is the target line a KPI's table is given when the new
// edition starts a financial year that has no target for the KPI: commented
// out, for the author to fill in, with the last year's target as a
// reminder. planpress check reports the KPI until it has a target.
type newYearTarget struct {
	year    model.FinancialYear // the new edition's year
	last    float64             // the target in force at the end of the year before
	hasLast bool
}

// line is the commented target line.
func (t newYearTarget) line() string {
	if t.hasLast {
		v := strconv.FormatFloat(t.last, 'f', -1, 64)
		return fmt.Sprintf("# target = %s   # the %s target: write it here and delete the # at the start of this line (%s was the target for %s); or write monitor_only = true if the KPI is not rated in %s", v, t.year, v, t.year-1, t.year)
	}
	return fmt.Sprintf("# target = ...   # the %s target: write it in place of ... and delete the # at the start of this line; or write monitor_only = true if the KPI is not rated in %s", t.year, t.year)
}

// copyFigures copies an edition's figures file for the new edition: months
// that fall before the new period are dropped, an edition's own target is
// kept only while the financial year is the same, each KPI in targets gets
// a target line to fill in for the new financial year, and each KPI notes
// the months still to add. Comments and layout are kept.
func copyFigures(src, from string, d dates, targets map[string]newYearTarget) string {
	// An edition's own target is for the financial year of its as-at month.
	sameYear := model.FinancialYearOf(d.oldAsAt, d.yearStart) == model.FinancialYearOf(d.asAt, d.yearStart)
	first := d.oldAsAt + 1
	if first < d.from {
		first = d.from
	}
	todo := fmt.Sprintf("# To add: figures for %s to %s.", first, d.to)
	if first == d.to {
		todo = fmt.Sprintf("# To add: the figure for %s.", first)
	}

	lines := strings.Split(strings.TrimSuffix(strings.ReplaceAll(src, "\r\n", "\n"), "\n"), "\n")
	var out []string
	out = append(out,
		fmt.Sprintf("# Figures copied by planpress new edition from %s, for the months this edition", from),
		fmt.Sprintf("# covers (%s to %s). Add the new months, and correct any earlier month that", d.from, d.to),
		fmt.Sprintf("# has been revised: the %s edition keeps its own copy, exactly as published.", from),
		"")
	inKPI := false    // inside a [kpi-id] table
	kpi := ""         // the KPI of that table
	dropping := false // inside a [kpi-id."YYYY-MM"] table for a month now dropped
	lastKey := -1     // index in out of the current table's last kept line
	closeTable := func() {
		if inKPI && lastKey >= 0 {
			out = append(out[:lastKey+1], append([]string{todo}, out[lastKey+1:]...)...)
		}
		inKPI, lastKey = false, -1
	}
	for _, l := range lines {
		if m := header.FindStringSubmatch(l); m != nil {
			if m[4] == "" {
				closeTable()
				inKPI, dropping, kpi = true, false, m[2]
				out = append(out, l)
				if t, ok := targets[kpi]; ok {
					out = append(out, t.line())
				}
				lastKey = len(out) - 1
				continue
			}
			month, err := model.ParseMonth(m[4])
			dropping = err == nil && (month < d.from || month > d.to)
			if dropping {
				continue
			}
			out = append(out, l)
			lastKey = len(out) - 1
			continue
		}
		if dropping {
			if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
				dropping = false
			} else {
				continue
			}
		}
		if inKPI {
			if m := monthKey.FindStringSubmatch(l); m != nil {
				month, err := model.ParseMonth(m[1])
				if err == nil && (month < d.from || month > d.to) {
					continue
				}
				out = append(out, l)
				lastKey = len(out) - 1
				continue
			}
			if targetKey.MatchString(l) && !sameYear {
				if _, ok := targets[kpi]; ok {
					continue // the new year's target line is written under the header
				}
				out = append(out,
					fmt.Sprintf("# The %s edition published its own target for its financial year; a new", from),
					"# year takes the target in data/kpis.toml unless you set one here again:",
					"# "+strings.TrimSpace(l))
				lastKey = len(out) - 1
				continue
			}
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
				lastKey = len(out)
			}
		}
		out = append(out, l)
	}
	closeTable()
	return strings.Join(out, "\n") + "\n"
}
