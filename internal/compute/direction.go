package compute

import "github.com/planpress/planpress/internal/model"

// Travel is a direction of travel: which way a figure moved and what that
// means for its KPI.
type Travel struct {
	Direction model.Direction
	Verdict   Verdict
	// RAG is Green for movement in the good direction and Amber for movement
	// in the bad one, as the report's colour key states; None otherwise.
	RAG model.RAG
}

// Verdict is what a movement means for a KPI.
type Verdict int

// The verdicts. A KPI with a polarity improves or worsens; one without
// (polarity "none") increases or decreases.
const (
	NotKnown Verdict = iota
	Improving
	Worsening
	Increasing
	Decreasing
	NoChange
)

// Known reports whether there is a direction to show.
func (t Travel) Known() bool { return t.Direction != model.DirNone }

// Move compares two values at the precision they are published to.
func Move(prev, cur float64, decimals int) model.Direction {
	p, c := Round(prev, decimals), Round(cur, decimals)
	switch {
	case c > p:
		return model.DirUp
	case c < p:
		return model.DirDown
	}
	return model.DirSame
}

// Describe says what a movement means for a KPI of a polarity.
func Describe(d model.Direction, polarity model.Polarity) Travel {
	t := Travel{Direction: d}
	switch {
	case d == model.DirNone:
		return t
	case d == model.DirSame:
		t.Verdict = NoChange
	case polarity == model.PolarityNone && d == model.DirUp:
		t.Verdict = Increasing
	case polarity == model.PolarityNone:
		t.Verdict = Decreasing
	case (d == model.DirUp) == (polarity == model.PolarityHigher):
		t.Verdict, t.RAG = Improving, model.RAGGreen
	default:
		t.Verdict, t.RAG = Worsening, model.RAGAmber
	}
	return t
}
