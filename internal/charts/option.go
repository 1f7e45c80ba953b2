package charts

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// This file holds what every chart shares: the global options (no animation,
// aria, palette, text style, rich-text tooltips) and the keys go-echarts lacks,
// which are added through its ConfigurationVisitor, the hook it provides for
// options its types do not cover.

// fontFamily is the charts' typeface: Arial, as the site's own pages use.
const fontFamily = "Arial, Helvetica, sans-serif"

// fontSize is the size of chart text, in CSS pixels.
const fontSize = 13

// The prototypes of every chart. charts.NewLine and charts.NewBar fill their
// large configuration structs by reflection, which costs more than the rest
// of building a chart; a build makes tens of thousands of charts, so each is
// a copy of one made once. A copy shares its prototype's slices and maps, so
// base resets every field that holds one before a chart sets its own.
var (
	prototypeLine = charts.NewLine()
	prototypeBar  = charts.NewBar()
)

// newLine returns a line chart ready for base.
func newLine() *charts.Line {
	c := *prototypeLine
	return &c
}

// newBar returns a bar chart ready for base.
func newBar() *charts.Bar {
	c := *prototypeBar
	return &c
}

// base sets the options every chart starts from, after clearing what a copy
// shares with its prototype. Animation is off (committee papers, and no
// motion for readers who are bothered by it); the palette is ours; aria
// describes the chart in the given words and draws decal patterns.
func base(bc *charts.BaseConfiguration, id, title, description string) {
	bc.XAxisList = nil
	bc.YAxisList = nil
	bc.GridList = nil
	bc.MultiSeries = nil
	bc.DataZoomList = nil
	bc.VisualMapList = nil
	bc.DatasetList = nil
	bc.Calendar = nil
	bc.EventListeners = nil
	bc.ParallelAxisList = nil
	bc.AxisPointer = nil
	// ChartID is not written into the options, but it is the chart's name
	// in go-echarts, random unless set.
	bc.Initialization = opts.Initialization{ChartID: id, Theme: "white", Renderer: "svg"}
	bc.Animation = opts.Bool(false)
	bc.Colors = Palette()
	// The figure's caption is the visible title; the title kept in the
	// options (hidden) names the chart in a saved SVG.
	bc.Title = opts.Title{Show: opts.Bool(false), Title: title}
	bc.Aria = &opts.Aria{
		Enabled: opts.Bool(true),
		Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: description},
		Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
	}
}

// tooltip is go-echarts' tooltip with the keys it lacks. renderMode
// 'richText' draws tooltips inside the SVG instead of as HTML with inline
// styles; confine keeps them inside the chart on narrow screens.
type tooltip struct {
	opts.Tooltip
	RenderMode string `json:"renderMode"`
	Confine    bool   `json:"confine"`
}

// legend is go-echarts' legend with a boolean selectedMode: go-echarts types
// it as a string, and ECharts reads the string "false" as true.
type legend struct {
	opts.Legend
	SelectedMode bool `json:"selectedMode"`
}

// series is one go-echarts series with the keys it lacks. A field here
// shadows the go-echarts field of the same JSON name (encoding/json prefers
// the shallower field), which is how markLine, markArea and tooltip are
// replaced with types that carry per-item styles.
type series struct {
	*charts.SingleSeries
	Silent          bool           `json:"silent,omitempty"`
	LegendHoverLink *bool          `json:"legendHoverLink,omitempty"`
	Tooltip         *seriesTooltip `json:"tooltip,omitempty"`
	MarkLine        *markLine      `json:"markLine,omitempty"`
	MarkArea        *markArea      `json:"markArea,omitempty"`
	ShowAllSymbol   bool           `json:"showAllSymbol,omitempty"`
	Z               int            `json:"z,omitempty"`
}

// seriesTooltip is a tooltip setting of one series or data item; formatter
// is always a string template, never a function.
type seriesTooltip struct {
	Show      *bool  `json:"show,omitempty"`
	Formatter string `json:"formatter,omitempty"`
}

// markLine is a series' mark lines: go-echarts' shared style plus silent.
type markLine struct {
	opts.MarkLineStyle
	Label  *label `json:"label,omitempty"`
	Silent bool   `json:"silent"`
	Data   []any  `json:"data"`
}

// markArea is a series' shaded areas.
type markArea struct {
	Silent    bool            `json:"silent"`
	ItemStyle *opts.ItemStyle `json:"itemStyle,omitempty"`
	Label     *opts.Label     `json:"label,omitempty"`
	Data      [][2]areaEnd    `json:"data"`
}

// areaEnd is one corner of a shaded area; an area that gives only xAxis
// spans the grid's full height.
type areaEnd struct {
	Name      string          `json:"name,omitempty"`
	XAxis     float64         `json:"xAxis"`
	ItemStyle *opts.ItemStyle `json:"itemStyle,omitempty"`
	Label     *opts.Label     `json:"label,omitempty"`
}

// finisher adds the keys go-echarts lacks when the chart is turned into a map.
type finisher struct {
	charts.BaseConfigurationVisitor
	tooltip tooltip
	legend  legend
	series  []series // by index; nil entries are left as go-echarts built them
	root    map[string]any
}

func (f *finisher) VisitTooltipOpt(opts.Tooltip) any { return f.tooltip }

func (f *finisher) VisitLegendOpt(opts.Legend) any { return f.legend }

func (f *finisher) VisitSeriesOpt(ms charts.MultiSeries) any {
	out := make([]series, len(ms))
	for i := range ms {
		if i < len(f.series) {
			out[i] = f.series[i]
		}
		out[i].SingleSeries = &ms[i]
	}
	if encodeWholeSeries {
		return out
	}
	compact := make([]compactSeries, len(out))
	for i, s := range out {
		compact[i] = compactOf(s)
	}
	return compact
}

// encodeWholeSeries makes VisitSeriesOpt hand encoding/json go-echarts' whole
// series type; tests set it to check that compactSeries writes the same.
var encodeWholeSeries = false

// compactSeries is what a chart's series are marshalled as: the fields of
// go-echarts' SingleSeries that this package sets, with the same JSON names,
// and the keys it adds. SingleSeries has some 300 fields once its 15 embedded
// structs are flattened, and encoding/json visits every one of them for every
// series: about a sixth of the cost of a KPI chart. TestCompactSeries checks
// that every chart kind marshals to the same options either way, so a field
// set here that compactSeries lacks is caught.
type compactSeries struct {
	Name           string          `json:"name,omitempty"`
	Type           string          `json:"type,omitempty"`
	Stack          string          `json:"stack,omitempty"`
	XAxisIndex     int             `json:"xAxisIndex,omitempty"`
	BarCategoryGap string          `json:"barCategoryGap,omitempty"`
	BarMaxWidth    string          `json:"barMaxWidth,omitempty"`
	ColorBy        string          `json:"colorBy,omitempty"`
	ShowSymbol     *bool           `json:"showSymbol,omitempty"`
	Symbol         string          `json:"symbol,omitempty"`
	SymbolSize     any             `json:"symbolSize,omitempty"`
	Data           any             `json:"data,omitempty"`
	Animation      *bool           `json:"animation,omitempty"`
	ItemStyle      *opts.ItemStyle `json:"itemStyle,omitempty"`
	Label          *opts.Label     `json:"label,omitempty"`
	LineStyle      *opts.LineStyle `json:"lineStyle,omitempty"`

	Silent          bool           `json:"silent,omitempty"`
	LegendHoverLink *bool          `json:"legendHoverLink,omitempty"`
	Tooltip         *seriesTooltip `json:"tooltip,omitempty"`
	MarkLine        *markLine      `json:"markLine,omitempty"`
	MarkArea        *markArea      `json:"markArea,omitempty"`
	ShowAllSymbol   bool           `json:"showAllSymbol,omitempty"`
	Z               int            `json:"z,omitempty"`
}

func compactOf(s series) compactSeries {
	return compactSeries{
		Name:           s.Name,
		Type:           s.Type,
		Stack:          s.Stack,
		XAxisIndex:     s.XAxisIndex,
		BarCategoryGap: s.BarCategoryGap,
		BarMaxWidth:    s.BarMaxWidth,
		ColorBy:        s.ColorBy,
		ShowSymbol:     s.ShowSymbol,
		Symbol:         s.Symbol,
		SymbolSize:     s.SymbolSize,
		Data:           s.SingleSeries.Data,
		Animation:      s.Animation,
		ItemStyle:      s.SingleSeries.ItemStyle,
		Label:          s.SingleSeries.Label,
		LineStyle:      s.SingleSeries.LineStyle,

		Silent:          s.Silent,
		LegendHoverLink: s.LegendHoverLink,
		Tooltip:         s.Tooltip,
		MarkLine:        s.MarkLine,
		MarkArea:        s.MarkArea,
		ShowAllSymbol:   s.ShowAllSymbol,
		Z:               s.Z,
	}
}

func (f *finisher) Visit(obj map[string]any) {
	// go-echarts always writes an empty toolbox; ours has none.
	delete(obj, "toolbox")
	for k, v := range f.root {
		obj[k] = v
	}
}

// rootExtras are the top-level keys every chart adds.
func rootExtras() map[string]any {
	return map[string]any{
		"textStyle": map[string]any{
			"fontFamily": fontFamily,
			"fontSize":   fontSize,
			"color":      colourText,
		},
	}
}

// marshal turns a built chart into its JSON options. json.Marshal escapes <,
// > and & (so "</script>" in a title cannot end the script element that
// carries the options), and writes map keys in order (so the bytes are the
// same on every build).
//
// The chart is not validated: go-echarts' Validate only copies the category
// data into the axis (ours set it there already) and prefixes asset paths
// with its CDN, which are never used.
func marshal(bc *charts.BaseConfiguration, f *finisher) (json.RawMessage, error) {
	bc.Accept(f)
	b, err := json.Marshal(bc.JSON())
	if err != nil {
		return nil, err
	}
	// go-echarts marks JavaScript functions with __f__; ECharts would get
	// them as plain strings, and no chart of ours may carry code anyway.
	if bytes.Contains(b, []byte("__f__")) {
		return nil, fmt.Errorf("chart options hold a JavaScript function (__f__); use a string formatter")
	}
	return b, nil
}

func ptr[T any](v T) *T { return &v }

// axisLabel is the style of axis labels.
func axisLabel() *opts.AxisLabel {
	return &opts.AxisLabel{Color: colourSecondary, FontSize: fontSize, HideOverlap: opts.Bool(true)}
}

// axisLine is the style of an axis line.
func axisLine() *opts.AxisLine {
	return &opts.AxisLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: colourAxis}}
}

// splitLine is the style of grid lines across the plot.
func splitLine() *opts.SplitLine {
	return &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: colourGridLine}}
}
