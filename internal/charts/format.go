package charts

import (
	"math"
	"strconv"
	"strings"
)

// maxDecimals bounds the precision a chart accepts: figures are published to
// a handful of decimals at most, and a larger count is a mistake upstream.
const maxDecimals = 6

// round rounds v to d decimals, half away from zero, as published figures are.
func round(v float64, d int) float64 {
	p := math.Pow10(d)
	r := math.Round(v*p) / p
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

// formatNumber writes v to exactly d decimals with thousands separators:
// 1363 -> "1,363", 32.4 (d=1) -> "32.4".
func formatNumber(v float64, d int) string {
	s := strconv.FormatFloat(round(v, d), 'f', d, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// formatTarget writes a target or reference figure to at most d decimals,
// without trailing zeros: a target of 25 reads "25", not "25.0".
func formatTarget(v float64, d int) string {
	s := formatNumber(v, d)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

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
