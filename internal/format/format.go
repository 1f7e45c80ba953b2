// Package format writes numbers as the reports publish them: a figure to
// its published precision with thousands separators and its unit ("32.4%",
// "1,363"), a target without needless decimals ("25%"), a small count in
// words ("four"). Every page, chart and data file uses it, so a figure reads
// the same everywhere.
package format

import (
	"fmt"
	"math"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/model"
)

// Number writes a value as published: "32.4%", "357.3", "1,363".
func Number(v float64, unit model.Unit, decimals int) string {
	s := groupThousands(fmt.Sprintf("%.*f", decimals, compute.Round(v, decimals)))
	if unit == model.UnitPercent {
		return s + "%"
	}
	return s
}

// Target writes a target the way reports do: a number that is whole at its
// published precision without decimals ("25%", for 25 or 25.04 to one
// decimal), others as published ("12.50%" to two).
func Target(v float64, unit model.Unit, decimals int) string {
	if r := compute.Round(v, decimals); r == math.Trunc(r) {
		return Number(r, unit, 0)
	}
	return Number(v, unit, decimals)
}

func groupThousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	if len(intPart) >= 4 {
		var b strings.Builder
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		intPart = b.String()
	}
	if neg {
		intPart = "-" + intPart
	}
	return intPart + frac
}

var smallNumbers = []string{"none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// Words writes a small count in words, as reports do ("four of these seven");
// larger counts stay as digits.
func Words(n int) string {
	if n >= 0 && n < len(smallNumbers) {
		return smallNumbers[n]
	}
	return fmt.Sprint(n)
}
