package compute

import (
	"math"

	"github.com/planpress/planpress/internal/model"
)

// epsilon absorbs binary rounding, so that a value exactly on a boundary as
// published (13.8 against 12 * 1.15) falls on the side the rule states.
const epsilon = 1e-9

// Evaluate rates a value against a target: Green when it meets the target,
// Amber when it misses by no more than the band, Red beyond that. A KPI with
// no polarity has no good direction, so it gets no rating.
func Evaluate(value, target float64, polarity model.Polarity, band model.Band) model.RAG {
	width := band.Width
	if band.Mode == model.BandRelative {
		width = math.Abs(target) * band.Width / 100
	}
	var shortfall float64
	switch polarity {
	case model.PolarityHigher:
		shortfall = target - value
	case model.PolarityLower:
		shortfall = value - target
	default:
		return model.RAGNone
	}
	scale := math.Max(1, math.Abs(target))
	switch {
	case shortfall <= epsilon*scale:
		return model.RAGGreen
	case shortfall <= width+epsilon*scale:
		return model.RAGAmber
	}
	return model.RAGRed
}

// AmberLimit is the value at which a KPI turns from Amber to Red: for a target
// of 12 where lower is better and a 15% band, 13.8.
func AmberLimit(target float64, polarity model.Polarity, band model.Band) float64 {
	width := band.Width
	if band.Mode == model.BandRelative {
		width = math.Abs(target) * band.Width / 100
	}
	if polarity == model.PolarityHigher {
		return target - width
	}
	return target + width
}
