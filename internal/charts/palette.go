package charts

import (
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
)

// palette is the order in which series that set no colour of their own are
// coloured: the Government Analysis Function categorical palette (dark blue,
// turquoise, dark pink, orange, dark grey, light purple). Each colour is at
// least 3:1 against white, so a bar or line is visible to readers with low
// vision; decal patterns tell series apart without colour.
var palette = [...]string{"#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"}

// Palette returns the series colours in the order they are used.
func Palette() []string { return append([]string(nil), palette[:]...) }

// The colours of RAG ratings in charts. Each is at least 3:1 against white;
// amber is darker than the usual traffic-light amber because that one is not.
// RAG is never shown by colour alone: points also differ in shape (RAGSymbol)
// and bars carry decal patterns.
const (
	ColourRed      = "#D4351C"
	ColourAmber    = "#B86B00"
	ColourGreen    = "#00703C"
	ColourNoRating = "#505A5F"
)

// Colours of the parts of a chart that are not series.
const (
	colourText      = "#0B0C0C" // labels, 19:1
	colourSecondary = "#505A5F" // axis labels, 7:1
	colourAxis      = "#6F777B" // axis lines, 4.6:1
	colourGridLine  = "#DDDDDD" // split lines: decoration, not information
	colourLine      = "#12436D" // the KPI's own line
	colourTarget    = "#0B0C0C" // target segments, dashed
	colourShade     = "rgba(80,90,95,0.14)"
)

// refColours colour reference lines (baseline, statistical neighbours, England)
// in turn; each is also dotted, and labelled in text.
var refColours = [...]string{"#3D3D3D", "#801650", "#28A197", "#A285D1"}

// RAGColour is the colour of a rating in charts.
func RAGColour(r model.RAG) string {
	switch r {
	case model.RAGRed:
		return ColourRed
	case model.RAGAmber:
		return ColourAmber
	case model.RAGGreen:
		return ColourGreen
	}
	return ColourNoRating
}

// RAGSymbol is the ECharts symbol of a point with a rating, so that a rating
// reads by shape as well as colour (in print and for colour-blind readers):
// green a circle, amber a triangle, red a square, no rating a hollow circle.
func RAGSymbol(r model.RAG) string {
	switch r {
	case model.RAGRed:
		return "rect"
	case model.RAGAmber:
		return "triangle"
	case model.RAGGreen:
		return "circle"
	}
	return "emptyCircle"
}

// ragSymbolSize makes the shapes look the same size: a triangle fills less of
// its box than a square does.
func ragSymbolSize(r model.RAG) int {
	switch r {
	case model.RAGAmber:
		return 12
	case model.RAGRed:
		return 9
	}
	return 9
}

// ragName names a rating in a chart's key: "Red", or "No rating".
func ragName(r model.RAG, w *i18n.Catalogue) string {
	if word := w.Rating(r); word != "" {
		return word
	}
	return w.Text(i18n.RatingNone)
}
