package colour

import (
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#fff", "#ffffff", 1},
		{"#1d4f6e", "#ffffff", 8.77}, // the built-in header
		{"#767676", "#ffffff", 4.54},
		{"#777777", "#fff", 4.48},
	} {
		a, err := Parse(tc.a)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Parse(tc.b)
		if err != nil {
			t.Fatal(err)
		}
		if got := Contrast(a, b); math.Abs(got-tc.want) > 0.01*tc.want {
			t.Errorf("Contrast(%s, %s) = %.2f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, s := range []string{"#abc", "#AABBCC", " #1d4f6e "} {
		if _, err := Parse(s); err != nil {
			t.Errorf("Parse(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", "abc", "#abcd", "#gggggg", "red", "#12345"} {
		if c, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", s, c)
		}
	}
	if c, _ := Parse("#abc"); c.String() != "#aabbcc" {
		t.Errorf("#abc is %s", c)
	}
}
