package load

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// previousPublished is the edition an edition compares itself with: the
// last of the editions before it (in as-at order) that is not a draft.
func previousPublished(before []*model.Edition) *model.Edition {
	for i := len(before) - 1; i >= 0; i-- {
		if !before[i].Draft {
			return before[i]
		}
	}
	return nil
}

// checkTargets reports each rated KPI (one with a polarity, not monitored
// only) that an edition gives figures for in a financial year with no
// target: those months would be published with no rating, and the edition's
// summary would count the KPI as having no target. It is found most often
// at the start of a financial year, when data/kpis.toml has no target for
// the new year yet. One problem per KPI and year, at the first such month;
// an error once the edition is not a draft, a warning while it is.
// KPIs in badTargets had a problem in their targets, reported already.
// Months outside the edition's period are reported already too.
func checkTargets(site *model.Site, e *model.Edition, prev *model.Edition, badTargets map[string]bool, diags *diag.List) {
	ids := make([]string, 0, len(e.Series))
	for id := range e.Series {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	file := figuresFile(e.ID)
	asAtYear := site.FinancialYear(e.AsAt)
	for _, id := range ids {
		s := e.Series[id]
		if !s.Rated() || badTargets[id] {
			continue
		}
		type gap struct {
			first, last model.Month
			line        int
		}
		var years []model.FinancialYear
		gaps := map[model.FinancialYear]*gap{}
		for _, f := range s.Figures {
			if !f.HasValue {
				continue // a direction alone is never rated
			}
			if f.Month > e.AsAt || (validPeriod(e) && (f.Month < e.From || f.Month > e.To)) {
				continue
			}
			if _, ok := s.TargetFor(site, e.AsAt, f.Month); ok {
				continue
			}
			fy := site.FinancialYear(f.Month)
			if g, ok := gaps[fy]; ok {
				g.last = f.Month
				continue
			}
			gaps[fy] = &gap{first: f.Month, last: f.Month, line: int(f.Line)}
			years = append(years, fy)
		}
		for _, fy := range years {
			g := gaps[fy]
			months := g.first.Long()
			if g.last != g.first {
				months += " to " + g.last.Long()
			}
			fix := targetFix(site, e, prev, s, fy, fy == asAtYear, file)
			if e.Draft {
				diags.Warnf(file, g.line, fix+" (in a draft this is a warning; it is an error once draft = false)",
					"KPI %q has figures for %s but no target for %s, so they would be published without a rating", id, months, fy)
				continue
			}
			diags.Errorf(file, g.line, fix, "KPI %q has figures for %s but no target for %s, so they would be published without a rating", id, months, fy)
		}
	}
}

// targetFix says where a missing target goes. An edition's own target
// (target = ... in its figures) is for its as-at month's financial year; a
// target for an earlier year goes with the definition's targets. Either way
// the other answer is that the KPI is not rated that year.
func targetFix(site *model.Site, e, prev *model.Edition, s *model.Series, fy model.FinancialYear, asAtYear bool, file string) string {
	id := s.KPI.ID
	if !asAtYear {
		return fmt.Sprintf(`add "%s" = ... under [kpi.targets] of KPI %q in %s (an edition's own target = ... is for the year of its as-at month, %s, only); or, if the KPI is not rated, write monitor_only = true in the [%s] table of %s`,
			fy, id, KPIFile, site.FinancialYear(e.AsAt), id, file)
	}
	reminder := ""
	if v, ok := lastYearTarget(site, prev, s, fy); ok {
		reminder = fmt.Sprintf(" (%s's target was %s: write target = %s if it still stands)", fy-1, formatTarget(v), formatTarget(v))
	}
	return fmt.Sprintf("write the %s target as target = ... in the [%s] table of %s%s; or, if the KPI is not rated in %s, write monitor_only = true there",
		fy, id, file, reminder, fy)
}

// lastYearTarget is the target in force in the year before fy: the one the
// previous edition published, if it covered that year, else the definition's.
func lastYearTarget(site *model.Site, prev *model.Edition, s *model.Series, fy model.FinancialYear) (float64, bool) {
	last := fy.First(site.FinancialYearStart) - 1
	if prev != nil {
		if ps := prev.Series[s.KPI.ID]; ps != nil {
			if v, ok := ps.TargetFor(site, prev.AsAt, last); ok {
				return v, true
			}
		}
	}
	v, ok := s.KPI.Targets[fy-1]
	return v, ok
}

// formatTarget writes a target as TOML: 25, 12.5.
func formatTarget(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
