package compute

import (
	"fmt"
	"math"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// Round rounds half away from zero at the given number of decimals, nudged
// past binary representation error (so 12.65 rounds to 12.7).
func Round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p+math.Copysign(epsilon, v)) / p
}

// Percent is numerator over denominator as a percentage; false when the
// denominator is zero.
func Percent(numerator, denominator int) (float64, bool) {
	if denominator == 0 {
		return 0, false
	}
	return float64(numerator) / float64(denominator) * 100, true
}

// RatioAgrees reports whether a stated percentage matches its counts at the
// precision it is published to.
func RatioAgrees(value float64, numerator, denominator, decimals int) bool {
	p, ok := Percent(numerator, denominator)
	if !ok {
		return false
	}
	return Round(p, decimals) == Round(value, decimals)
}

// Format writes a value as published: "32.4%", "357.3", "1,363".
func Format(v float64, unit model.Unit, decimals int) string {
	s := groupThousands(fmt.Sprintf("%.*f", decimals, Round(v, decimals)))
	if unit == model.UnitPercent {
		return s + "%"
	}
	return s
}

// FormatTarget writes a target the way reports do: whole numbers without
// decimals ("25%"), others as published.
func FormatTarget(v float64, unit model.Unit, decimals int) string {
	if v == math.Trunc(v) {
		return Format(v, unit, 0)
	}
	return Format(v, unit, decimals)
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
