package charts

import (
	"math"
	"unicode/utf8"
)

// This file places the labels of target and reference lines. ECharts draws a
// mark line's label where it is told (start, middle or end of the line, above
// or below it) and never moves one out of another's way, so close values
// (statistical neighbours 23.9%, England 22.6%) would print their labels over
// each other. The build knows every value, so it picks each label's place
// against a model of a typical chart: a plot of plotWidth x plotHeight pixels
// with Arial at the labels' size.

const (
	plotWidth   = 600.0 // a figure on a desktop page, or an A4 page printed
	plotHeight  = 260.0
	labelHeight = 17.0 // px, one line at markFontSize with padding
	charWidth   = 6.3  // px, an average Arial character at markFontSize
	labelPad    = 8.0  // px, padding and the gap to the line's end
)

// markFontSize is the size of labels on mark lines and areas: a little smaller
// than other chart text, to fit more of them beside each other.
const markFontSize = 12

// box is a rectangle in plot fractions: x from 0 (left) to 1, y from 0
// (bottom) to 1.
type box struct{ x0, x1, y0, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) contains(x, y float64) bool {
	return a.x0 <= x && x <= a.x1 && a.y0 <= y && y <= a.y1
}

func (a box) outside() bool {
	return a.x0 < 0 || a.x1 > 1 || a.y0 < 0 || a.y1 > 1
}

// labelSpec is a label to place: its text, its line's value, and the
// horizontal extent of its line in plot fractions.
type labelSpec struct {
	text     string
	value    float64
	from, to float64
	// positions are the places to try, most preferred first.
	positions []string
}

var (
	// Targets prefer the end of their segment, where the eye arrives.
	targetPositions = []string{"insideEndTop", "insideEndBottom", "insideStartTop", "insideStartBottom", "insideMiddleTop", "insideMiddleBottom"}
	// Reference lines run the whole width and prefer the start, clear of
	// target labels.
	refPositions = []string{"insideStartTop", "insideStartBottom", "insideMiddleTop", "insideMiddleBottom", "insideEndTop", "insideEndBottom"}
)

// layout is the model of one chart's plot.
type layout struct {
	lo, hi   float64      // the y-axis range, estimated as ECharts would make it
	points   [][2]float64 // data points and points along the line between them
	placed   []box
	obstacle []box   // fixed: labels of shaded periods
	lines    []hline // every target and reference line
}

// hline is a horizontal line in plot fractions.
type hline struct{ y, x0, x1 float64 }

// newLayout models a KPI chart: n months, the figures (NaN for none), every
// value the y-axis must reach, and whether it starts from zero.
func newLayout(n int, figures []float64, extent []float64, fromZero bool) *layout {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range append(append([]float64(nil), figures...), extent...) {
		if math.IsNaN(v) {
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if fromZero {
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	span := hi - lo
	if span == 0 {
		span = math.Max(math.Abs(hi), 1)
	}
	if !fromZero || lo < 0 {
		lo -= span * 0.05
	}
	hi += span * 0.08
	l := &layout{lo: lo, hi: hi}
	prev := -1
	for i, v := range figures {
		if math.IsNaN(v) {
			prev = -1
			continue
		}
		x, y := l.x(float64(i)+0.5, n), l.y(v)
		if prev >= 0 {
			px, py := l.x(float64(prev)+0.5, n), l.y(figures[prev])
			for k := 1; k < 4; k++ {
				f := float64(k) / 4
				l.points = append(l.points, [2]float64{px + (x-px)*f, py + (y-py)*f})
			}
		}
		l.points = append(l.points, [2]float64{x, y})
		prev = i
	}
	return l
}

// x turns a position in months (0 is the left edge of the first month's band)
// into a plot fraction.
func (l *layout) x(months float64, n int) float64 { return months / float64(n) }

// y turns a value into a plot fraction.
func (l *layout) y(v float64) float64 { return (v - l.lo) / (l.hi - l.lo) }

// boxAt is where ECharts would draw a label at a position.
func (l *layout) boxAt(s labelSpec, position string) box {
	w := (float64(utf8.RuneCountInString(s.text))*charWidth + labelPad) / plotWidth
	h := labelHeight / plotHeight
	y := l.y(s.value)
	var b box
	switch position[len(position)-3:] {
	case "Top":
		b.y0, b.y1 = y, y+h
	default: // "Bottom"
		b.y0, b.y1 = y-h, y
	}
	switch {
	case len(position) > 11 && position[:11] == "insideStart":
		b.x0, b.x1 = s.from, s.from+w
	case len(position) > 9 && position[:9] == "insideEnd":
		b.x0, b.x1 = s.to-w, s.to
	default:
		mid := (s.from + s.to) / 2
		b.x0, b.x1 = mid-w/2, mid+w/2
	}
	return b
}

// place picks the position of a label that collides least with the labels
// already placed, the shaded periods' labels, the plot's edges and the data,
// in that order of importance, and remembers it.
func (l *layout) place(s labelSpec) string {
	best, bestCost := s.positions[0], math.Inf(1)
	for rank, pos := range s.positions {
		b := l.boxAt(s, pos)
		cost := float64(rank)
		for _, o := range l.placed {
			if b.overlaps(o) {
				cost += 1000
			}
		}
		for _, o := range l.obstacle {
			if b.overlaps(o) {
				cost += 500
			}
		}
		for _, ln := range l.lines {
			own := ln.y == l.y(s.value) && ln.x0 == s.from && ln.x1 == s.to
			if !own && b.y0 < ln.y && ln.y < b.y1 && b.x0 < ln.x1 && ln.x0 < b.x1 {
				cost += 50
			}
		}
		if b.outside() {
			cost += 200
		}
		for _, p := range l.points {
			if b.contains(p[0], p[1]) {
				cost += 10
			}
		}
		if cost < bestCost {
			best, bestCost = pos, cost
		}
	}
	l.placed = append(l.placed, l.boxAt(s, best))
	return best
}
