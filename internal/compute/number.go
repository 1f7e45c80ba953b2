package compute

import "math"

// Round rounds half away from zero at the given number of decimals, nudged
// past binary representation error (so 12.65 rounds to 12.7).
func Round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	r := math.Round(v*p+math.Copysign(epsilon, v)) / p
	if r == 0 {
		return 0 // never "-0.0"
	}
	return r
}

// Percent is numerator over denominator as a percentage; false when the
// denominator is zero.
func Percent(numerator, denominator int32) (float64, bool) {
	if denominator == 0 {
		return 0, false
	}
	return float64(numerator) / float64(denominator) * 100, true
}

// RatioAgrees reports whether a stated percentage matches its counts at the
// precision it is published to.
func RatioAgrees(value float64, numerator, denominator int32, decimals int) bool {
	p, ok := Percent(numerator, denominator)
	if !ok {
		return false
	}
	return Round(p, decimals) == Round(value, decimals)
}
