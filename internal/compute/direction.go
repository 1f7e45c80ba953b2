package compute

import "github.com/planpress/planpress/internal/model"

// Travel is a direction of travel as a reader sees it.
type Travel struct {
	Direction model.Direction
	// Word is "Improving", "Worsening" or "No change" for a KPI with a
	// polarity, and "Increasing", "Decreasing" or "No change" without one.
	Word  string
	Arrow string // "▲", "▼" or "▶"
	// RAG is Green for movement in the good direction and Amber for movement
	// in the bad one, as the report's colour key states; None otherwise.
	RAG model.RAG
}

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

// Describe turns a movement into words, arrow and colour for a polarity.
func Describe(d model.Direction, polarity model.Polarity) Travel {
	t := Travel{Direction: d}
	switch d {
	case model.DirUp:
		t.Arrow = "▲"
	case model.DirDown:
		t.Arrow = "▼"
	case model.DirSame:
		t.Arrow = "▶"
		t.Word = "No change"
		return t
	default:
		return t
	}
	if polarity == model.PolarityNone {
		if d == model.DirUp {
			t.Word = "Increasing"
		} else {
			t.Word = "Decreasing"
		}
		return t
	}
	good := (d == model.DirUp) == (polarity == model.PolarityHigher)
	if good {
		t.Word, t.RAG = "Improving", model.RAGGreen
	} else {
		t.Word, t.RAG = "Worsening", model.RAGAmber
	}
	return t
}
