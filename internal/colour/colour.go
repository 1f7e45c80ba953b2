// Package colour reads the colours a site's settings give ("#1d4f6e") and
// measures their contrast as WCAG 2 does, so that a council's own header
// colour is checked against the words on it when the site is built.
package colour

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is a colour of the sRGB space, 8 bits a channel.
type RGB struct{ R, G, B uint8 }

// Parse reads a colour written "#rrggbb" or "#rgb".
func Parse(s string) (RGB, error) {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if !ok || (len(h) != 3 && len(h) != 6) {
		return RGB{}, fmt.Errorf("%q is not a colour written #rrggbb", s)
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("%q is not a colour written #rrggbb", s)
	}
	return RGB{uint8(n >> 16), uint8(n >> 8), uint8(n)}, nil
}

// String writes the colour as "#rrggbb".
func (c RGB) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is the colour's relative luminance, from 0 (black) to 1
// (white), as WCAG 2 defines it.
func (c RGB) Luminance() float64 {
	channel := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(c.R) + 0.7152*channel(c.G) + 0.0722*channel(c.B)
}

// Contrast is the contrast ratio of two colours, from 1 to 21. WCAG 2 AA
// asks 4.5 of text against its background (AATextMinimum).
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// AATextMinimum is the least contrast WCAG 2 AA allows text of normal size
// against its background (success criterion 1.4.3).
const AATextMinimum = 4.5
