package charts

import (
	"math"
	"strconv"
	"testing"

	"github.com/planpress/planpress/internal/model"
)

// contrast is the WCAG 2 contrast ratio of a #RRGGBB colour against white.
func contrast(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("%q is not #RRGGBB", hex)
	}
	channel := func(s string) float64 {
		v, err := strconv.ParseUint(s, 16, 8)
		if err != nil {
			t.Fatalf("%q: %v", hex, err)
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	l := 0.2126*channel(hex[1:3]) + 0.7152*channel(hex[3:5]) + 0.0722*channel(hex[5:7])
	return 1.05 / (l + 0.05)
}

func TestContrast(t *testing.T) {
	// The formula itself, at its ends and at a known grey.
	for hex, want := range map[string]float64{"#FFFFFF": 1, "#000000": 21, "#767676": 4.54} {
		if got := contrast(t, hex); math.Abs(got-want) > 0.01 {
			t.Errorf("contrast(%s) = %.2f, want %.2f", hex, got, want)
		}
	}
}

func TestColoursContrastWithWhite(t *testing.T) {
	// Lines, points and bars are graphics (WCAG 1.4.11): 3:1 against the
	// white page.
	graphics := map[string]string{
		"red": ColourRed, "amber": ColourAmber, "green": ColourGreen, "no rating": ColourNoRating,
		"KPI line": colourLine, "target": colourTarget, "axis": colourAxis,
	}
	for i, c := range Palette() {
		graphics["palette "+strconv.Itoa(i)] = c
	}
	for i, c := range refColours {
		graphics["reference "+strconv.Itoa(i)] = c
	}
	for name, c := range graphics {
		if r := contrast(t, c); r < 3 {
			t.Errorf("%s %s is %.2f:1 on white, want at least 3:1", name, c, r)
		}
	}
	// Text (WCAG 1.4.3): 4.5:1.
	for name, c := range map[string]string{"text": colourText, "axis labels": colourSecondary} {
		if r := contrast(t, c); r < 4.5 {
			t.Errorf("%s %s is %.2f:1 on white, want at least 4.5:1", name, c, r)
		}
	}
}

func TestRatingsDifferByShape(t *testing.T) {
	seen := map[string]model.RAG{}
	for _, r := range []model.RAG{model.RAGNone, model.RAGRed, model.RAGAmber, model.RAGGreen} {
		s := RAGSymbol(r)
		if other, ok := seen[s]; ok {
			t.Errorf("%v and %v are both %s", r, other, s)
		}
		seen[s] = r
		if ragName(r, words) == "" {
			t.Errorf("%v has no name", r)
		}
	}
	colours := map[string]bool{}
	for _, r := range []model.RAG{model.RAGNone, model.RAGRed, model.RAGAmber, model.RAGGreen} {
		colours[RAGColour(r)] = true
	}
	if len(colours) != 4 {
		t.Errorf("ratings share colours: %v", colours)
	}
}

func TestPaletteIsACopy(t *testing.T) {
	p := Palette()
	p[0] = "#FFFFFF"
	if Palette()[0] == "#FFFFFF" {
		t.Error("changing the returned palette changed the charts' palette")
	}
}
