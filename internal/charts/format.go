package charts

import (
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/model"
)

// maxDecimals bounds the precision a chart accepts: figures are published to
// a handful of decimals at most, and a larger count is a mistake upstream.
const maxDecimals = 6

// round rounds v to d decimals as published figures are (compute.Round): a
// chart plots what the table prints.
func round(v float64, d int) float64 { return compute.Round(v, d) }

// formatNumber writes v to exactly d decimals with thousands separators, as
// every page does: 1363 -> "1,363", 32.4 (d=1) -> "32.4".
func formatNumber(v float64, d int) string { return format.Number(v, model.UnitNumber, d) }

// formatTarget writes a target or reference figure as the tables do: a
// whole number without decimals ("25", not "25.0"), others as published.
func formatTarget(v float64, d int) string { return format.Target(v, model.UnitNumber, d) }

// plain makes author text safe to use as an ECharts string formatter, which
// would read {a}, {b}, {c} and {style|text} in it as placeholders.
func plain(s string) string {
	if !strings.ContainsAny(s, "{}") {
		return s
	}
	return braces.Replace(s)
}

var braces = strings.NewReplacer("{", "(", "}", ")")

// ID joins the parts that name a chart (page, KPI) into a chart id made of
// lower-case letters, digits and hyphens: ID("2019-05", "Priority 2",
// "re-referrals") is "2019-05-priority-2-re-referrals". The same parts always
// give the same id, so builds are byte-identical.
func ID(parts ...string) string {
	var b strings.Builder
	hyphen := false
	for _, p := range parts {
		for _, r := range strings.ToLower(p) {
			if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
				if hyphen && b.Len() > 0 {
					b.WriteByte('-')
				}
				hyphen = false
				b.WriteRune(r)
				continue
			}
			hyphen = true
		}
		hyphen = true
	}
	return b.String()
}

// validID reports whether id is one that ID could have made.
func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for _, r := range id {
		if !((r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '-') {
			return false
		}
	}
	return true
}
