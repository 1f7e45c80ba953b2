package charts

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
)

// Point is one month of a KPI's series.
type Point struct {
	Month model.Month
	// Value is the published figure; for a numerator/denominator KPI, the
	// percentage. HasValue is false for a month with no figure (or a
	// direction only): the line breaks there.
	Value    float64
	HasValue bool
	RAG      model.RAG
}

// TargetSpan is a target that holds over a run of months, normally one
// financial year.
type TargetSpan struct {
	From, To model.Month
	Value    float64
	// Label names the span on the chart, such as "Target 2018/19"; empty
	// means "Target" (the entry chart.target). Spans that follow on with the
	// same value are drawn as one line, labelled "Target" when their labels
	// differ.
	Label string
}

// RefLine is a horizontal reference line across the whole chart: a
// baseline or a comparator ("Statistical neighbours 2017/18").
type RefLine struct {
	Label string
	Value float64
}

// Shade is a labelled period shaded on the chart, such as an inspection.
type Shade struct {
	Label    string
	From, To model.Month
}

// KPIChart is what a KPI's line chart shows.
type KPIChart struct {
	// ID names the chart on its page; make it with ID from the page and
	// the KPI id.
	ID    string
	Title string
	// Unit is what the KPI measures; counts get whole-number ticks.
	Unit model.Unit
	// Decimals is the precision figures are published to.
	Decimals int
	// Suffix follows every figure: "%" for percentages, "" otherwise.
	Suffix string
	// YFromZero starts the y-axis at zero; false fits the axis to the
	// figures. YAuto decides instead from the figures and lines (see
	// fromZero), for a KPI whose definition does not say.
	YFromZero bool
	YAuto     bool
	// Points are the months to chart, in any order; the x-axis runs from
	// the first month to the last with every month between.
	Points  []Point
	Targets []TargetSpan
	Refs    []RefLine
	Shades  []Shade
	// Description is the one-sentence summary (see Sentence). It becomes
	// the chart's aria description; empty means one is written from the
	// points, without the KPI's polarity.
	Description string
	// Words are the interface words of the site's language: the months on
	// the axis, the names of the ratings in the key and of the series, and
	// the summary when Description is empty.
	Words *i18n.Catalogue
}

// ErrNoValues is returned by KPILine for a KPI with no figure to draw, such as
// one published as directions only: such a KPI gets no line chart.
var ErrNoValues = errors.New("no figures to chart")

// maxMonths bounds a chart's x-axis: fifty years of months is more than any
// report has, and a larger span means a wrong month upstream.
const maxMonths = 600

// KPILine builds the options of a KPI's line chart: the monthly figures as a
// line whose points show their RAG rating by colour and shape, each target as a
// labelled dashed segment over the months it holds for, the baseline and
// comparators as labelled dotted lines, and each shaded period as a labelled
// band. It returns ErrNoValues when no point has a value.
func KPILine(c KPIChart) (json.RawMessage, error) {
	if !validID(c.ID) {
		return nil, fmt.Errorf("chart %q: the id must be lower-case letters, digits and hyphens; make it with charts.ID", c.ID)
	}
	if c.Words == nil {
		return nil, fmt.Errorf("chart %s: no Words to name its months, ratings and series with", c.ID)
	}
	if c.Decimals < 0 || c.Decimals > maxDecimals {
		return nil, fmt.Errorf("chart %s: %d decimals: give 0 to %d", c.ID, c.Decimals, maxDecimals)
	}
	points := slices.Clone(c.Points)
	slices.SortStableFunc(points, func(a, b Point) int { return int(a.Month - b.Month) })
	hasValue := false
	for i, p := range points {
		if p.Month.IsZero() {
			return nil, fmt.Errorf("chart %s: a point has no month", c.ID)
		}
		if i > 0 && points[i-1].Month == p.Month {
			return nil, fmt.Errorf("chart %s: two points for %s", c.ID, p.Month)
		}
		if p.HasValue {
			if !finite(p.Value) {
				return nil, fmt.Errorf("chart %s: %s is not a number", c.ID, p.Month)
			}
			hasValue = true
		}
	}
	if !hasValue {
		return nil, fmt.Errorf("chart %s: %w", c.ID, ErrNoValues)
	}
	first, last := points[0].Month, points[len(points)-1].Month
	if last-first >= maxMonths {
		return nil, fmt.Errorf("chart %s: %s to %s is more than %d months", c.ID, first, last, maxMonths)
	}
	for _, t := range c.Targets {
		if !finite(t.Value) || t.To < t.From {
			return nil, fmt.Errorf("chart %s: target %s to %s: give a number and a From no later than To", c.ID, t.From, t.To)
		}
	}
	for _, r := range c.Refs {
		if !finite(r.Value) {
			return nil, fmt.Errorf("chart %s: reference line %q is not a number", c.ID, r.Label)
		}
	}
	for _, s := range c.Shades {
		if s.To < s.From {
			return nil, fmt.Errorf("chart %s: shaded period %q ends before it starts", c.ID, s.Label)
		}
	}
	description := c.Description
	if description == "" {
		if s, ok := SummaryOf(c, model.PolarityNone); ok {
			description = Sentence(s, c.Words)
		}
	}

	b := kpiBuilder{c: c, points: points, first: first, n: int(last-first) + 1}
	return b.build(description)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// kpiBuilder holds one KPI chart while it is built.
//
// The chart has two x-axes over the same width. The visible one is a category
// axis of months ("Apr-18"), whose points sit in the middle of each month's
// band. The hidden one is a value axis from -0.5 to n-0.5, on which month i's
// band runs from i-0.5 to i+0.5: targets and shaded periods are drawn on it,
// so that they cover whole months (a category axis can only place marks at
// the middle of a month, and a one-month period would have no width).
type kpiBuilder struct {
	c      KPIChart
	points []Point // sorted
	first  model.Month
	n      int // months on the x-axis
}

// monthLabelMargin is the space between the plot and the names of the
// months under it, in px.
const monthLabelMargin = 16

// autoZeroShare is how low, as a share of the highest value, the lowest must
// be for an axis chosen automatically to start from zero: above it, zero
// would squash the figures into the top of the chart.
const autoZeroShare = 0.5

// fromZero says whether the y-axis starts at zero: as YFromZero says, or
// with YAuto, when the lowest figure or line is no more than half the
// highest (zero is then near enough to mean something), or a value is
// negative.
func (b *kpiBuilder) fromZero() bool {
	c := b.c
	if !c.YAuto {
		return c.YFromZero
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	see := func(v float64) { lo, hi = math.Min(lo, v), math.Max(hi, v) }
	for _, p := range b.points {
		if p.HasValue {
			see(p.Value)
		}
	}
	for _, t := range c.Targets {
		if _, _, ok := b.clamp(t.From, t.To); ok {
			see(t.Value)
		}
	}
	for _, r := range c.Refs {
		see(r.Value)
	}
	if lo < 0 || hi <= 0 {
		return true
	}
	return lo <= hi*autoZeroShare
}

// margins are the values a fitted y-axis must reach beyond the figures and
// lines: a twentieth of their span either side (not below zero when they are
// all positive), so that no point or line lies on the plot's edge.
func (b *kpiBuilder) margins() []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	see := func(v float64) { lo, hi = math.Min(lo, v), math.Max(hi, v) }
	for _, p := range b.points {
		if p.HasValue {
			see(round(p.Value, b.c.Decimals))
		}
	}
	for _, t := range b.c.Targets {
		if _, _, ok := b.clamp(t.From, t.To); ok {
			see(t.Value)
		}
	}
	for _, r := range b.c.Refs {
		see(r.Value)
	}
	span := hi - lo
	if span <= 0 {
		span = math.Max(math.Abs(hi)*0.1, 1)
	}
	below := lo - span/20
	if lo >= 0 && below < 0 {
		below = 0
	}
	return []float64{below, hi + span/20}
}

// index is a month's position on the x-axis.
func (b *kpiBuilder) index(m model.Month) int { return int(m - b.first) }

// clamp limits a run of months to the chart's, reporting false when they do
// not overlap.
func (b *kpiBuilder) clamp(from, to model.Month) (int, int, bool) {
	f, t := b.index(from), b.index(to)
	if t < 0 || f > b.n-1 {
		return 0, 0, false
	}
	return max(f, 0), min(t, b.n-1), true
}

func (b *kpiBuilder) reference(v float64) string {
	return formatTarget(v, b.c.Decimals) + b.c.Suffix
}

func (b *kpiBuilder) build(description string) (json.RawMessage, error) {
	c := b.c
	line := newLine()
	bc := &line.BaseConfiguration
	base(bc, c.ID, c.Title, description)

	months := make([]string, b.n)
	for i := range months {
		months[i] = c.Words.MonthShort(b.first + model.Month(i))
	}
	yAxis := opts.YAxis{
		Type:      "value",
		AxisLabel: axisLabel(),
		SplitLine: splitLine(),
		// Not on the hidden x-axis's zero, which is the first month.
		AxisLine: &opts.AxisLine{Show: opts.Bool(false), OnZero: opts.Bool(false)},
	}
	if c.Suffix != "" {
		yAxis.AxisLabel.Formatter = types.FuncStr("{value}" + plain(c.Suffix))
	}
	if c.Unit == model.UnitCount {
		yAxis.MinInterval = 1 // no ticks at half a child
	}
	if b.fromZero() {
		yAxis.Min = 0
	} else {
		yAxis.Scale = opts.Bool(true)
	}
	monthLabels := axisLabel()
	// When there is no room to name every month, the latest month is the
	// one to keep: ECharts counts the months it names from the first.
	monthLabels.ShowMaxLabel = opts.Bool(true)
	// Clear of the lowest number of the y-axis, which sits across the
	// plot's bottom edge and may reach under the first month's name.
	monthLabels.Margin = monthLabelMargin
	bc.XAxisList = []opts.XAxis{
		{
			Type:      "category",
			Data:      months,
			AxisLabel: monthLabels,
			AxisLine:  axisLine(),
			AxisTick:  &opts.AxisTick{Show: opts.Bool(true), AlignWithLabel: opts.Bool(true)},
		},
		// The hidden axis for targets and shaded periods (see kpiBuilder).
		{Type: "value", Show: opts.Bool(false), Min: -0.5, Max: float64(b.n) - 0.5},
	}
	bc.YAxisList = []opts.YAxis{yAxis}

	f := &finisher{
		tooltip: tooltip{
			Tooltip:    opts.Tooltip{Show: opts.Bool(true), Trigger: "item"},
			RenderMode: "richText",
			Confine:    true,
		},
		root: rootExtras(),
	}
	bc.MultiSeries = make(charts.MultiSeries, 0, 6)
	f.series = make([]series, 0, 6)
	add := func(s charts.SingleSeries, extra series) {
		s.Type = "line"
		s.Animation = opts.Bool(false)
		bc.MultiSeries = append(bc.MultiSeries, s)
		f.series = append(f.series, extra)
	}

	// The KPI's own line, with no points: the points are drawn by one
	// series a rating, so that each rating has one colour, one shape, one
	// entry in the key and one tooltip wording.
	values := make([]any, b.n)
	var byRAG [model.RAGGreen + 1][]any
	rated := 0
	for _, p := range b.points {
		if !p.HasValue {
			continue
		}
		v := round(p.Value, c.Decimals)
		values[b.index(p.Month)] = v
		r := p.RAG
		if r < model.RAGNone || r > model.RAGGreen {
			r = model.RAGNone
		}
		if byRAG[r] == nil {
			byRAG[r] = make([]any, b.n)
			if r != model.RAGNone {
				rated++
			}
		}
		byRAG[r][b.index(p.Month)] = v
	}
	add(charts.SingleSeries{
		Name:      c.Words.Text(i18n.ChartLine),
		Data:      values,
		Symbol:    "none",
		LineStyle: &opts.LineStyle{Color: colourLine, Width: 2},
		ItemStyle: &opts.ItemStyle{Color: colourLine},
	}, series{Silent: true, Tooltip: &seriesTooltip{Show: ptr(false)}, Z: 2})

	// The reference series: no line of its own, on the hidden axis. It holds
	// the targets, reference lines and shaded periods, and its invisible data
	// puts their values into the y-axis range (ECharts leaves mark lines out
	// of the range, so a target below the figures would fall off the chart).
	marks, extent := b.marks()
	shades := b.shades()
	if len(marks.Data) > 0 || shades != nil {
		if !b.fromZero() {
			extent = append(extent, b.margins()...)
		}
		refData := make([][2]float64, len(extent))
		for i, v := range extent {
			refData[i] = [2]float64{-0.5, v}
		}
		rs := series{
			Silent:          true,
			LegendHoverLink: ptr(false),
			Tooltip:         &seriesTooltip{Show: ptr(false)},
			MarkArea:        shades,
			Z:               1,
		}
		if len(marks.Data) > 0 {
			rs.MarkLine = marks
		}
		add(charts.SingleSeries{
			Name:       c.Words.Text(i18n.ChartReferences),
			XAxisIndex: 1,
			Data:       refData,
			Symbol:     "none",
			LineStyle:  &opts.LineStyle{Opacity: opts.Float(0), Width: 0.01},
		}, rs)
	}

	// The points, one series a rating; their names make the key.
	var key []string
	for _, r := range []model.RAG{model.RAGGreen, model.RAGAmber, model.RAGRed, model.RAGNone} {
		data := byRAG[r]
		if data == nil {
			continue
		}
		name := ragName(r, c.Words)
		text := "{b}: {c}" + plain(c.Suffix)
		if r != model.RAGNone {
			text += ", " + plain(name)
		}
		key = append(key, name)
		add(charts.SingleSeries{
			Name:       name,
			Data:       data,
			Symbol:     RAGSymbol(r),
			SymbolSize: ragSymbolSize(r),
			ItemStyle:  &opts.ItemStyle{Color: RAGColour(r)},
			LineStyle:  &opts.LineStyle{Opacity: opts.Float(0), Width: 0.01},
		}, series{Tooltip: &seriesTooltip{Formatter: text}, ShowAllSymbol: true, Z: 3})
	}
	if rated == 0 {
		key = nil // a KPI without ratings needs no key
	}
	f.legend = legend{Legend: opts.Legend{
		Show:      opts.Bool(len(key) > 0),
		Data:      key,
		Bottom:    "0",
		TextStyle: &opts.TextStyle{Color: colourText, FontSize: fontSize},
	}}
	grid := opts.Grid{Left: "8", Right: "24", Top: "32", Bottom: "8"}
	if len(key) > 0 {
		grid.Bottom = "40" // room for the key
	}
	bc.GridList = []opts.Grid{grid}
	return marshal(bc, f)
}

// lineEnd is one end of a mark line segment, in the hidden axis's units.
type lineEnd struct {
	Name      string          `json:"name,omitempty"`
	Coord     [2]float64      `json:"coord"`
	Label     *label          `json:"label,omitempty"`
	LineStyle *opts.LineStyle `json:"lineStyle,omitempty"`
}

// levelLine is a horizontal mark line across the whole chart.
type levelLine struct {
	Name      string          `json:"name"`
	YAxis     float64         `json:"yAxis"`
	Label     *label          `json:"label,omitempty"`
	LineStyle *opts.LineStyle `json:"lineStyle,omitempty"`
}

// marks returns the mark lines for targets and reference lines, with their
// labels placed clear of each other (see labels.go), and the values the
// y-axis must reach to show them.
func (b *kpiBuilder) marks() (*markLine, []float64) {
	c := b.c
	ml := &markLine{
		MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"}},
		Label:         markLabelStyle(),
		Silent:        true,
	}
	type span struct {
		t        TargetSpan
		from, to int
	}
	var spans []span
	var extent []float64
	for _, t := range mergeTargets(c.Targets, c.Decimals) {
		if from, to, ok := b.clamp(t.From, t.To); ok {
			spans = append(spans, span{t, from, to})
			extent = append(extent, round(t.Value, c.Decimals))
		}
	}
	for _, r := range c.Refs {
		extent = append(extent, round(r.Value, c.Decimals))
	}

	figures := make([]float64, b.n)
	for i := range figures {
		figures[i] = math.NaN()
	}
	for _, p := range b.points {
		if p.HasValue {
			figures[b.index(p.Month)] = round(p.Value, c.Decimals)
		}
	}
	lay := newLayout(b.n, figures, extent, b.fromZero())
	for _, s := range c.Shades {
		if from, to, ok := b.clamp(s.From, s.To); ok {
			w := (float64(len(s.Label))*charWidth + labelPad) / plotWidth
			mid := lay.x(float64(from+to+1)/2, b.n)
			lay.obstacle = append(lay.obstacle, box{mid - w/2, mid + w/2, 1 - labelHeight/plotHeight, 1})
		}
	}

	for _, sp := range spans {
		lay.lines = append(lay.lines, hline{lay.y(round(sp.t.Value, c.Decimals)), lay.x(float64(sp.from), b.n), lay.x(float64(sp.to+1), b.n)})
	}
	for _, r := range c.Refs {
		lay.lines = append(lay.lines, hline{lay.y(round(r.Value, c.Decimals)), 0, 1})
	}

	for _, sp := range spans {
		name := sp.t.Label
		if name == "" {
			name = c.Words.Text(i18n.ChartTarget)
		}
		v := round(sp.t.Value, c.Decimals)
		text := plain(name + ": " + b.reference(sp.t.Value))
		pos := lay.place(labelSpec{
			text: text, value: v,
			from: lay.x(float64(sp.from), b.n), to: lay.x(float64(sp.to+1), b.n),
			positions: targetPositions,
		})
		ml.Data = append(ml.Data, [2]lineEnd{
			{
				Name:      name,
				Coord:     [2]float64{float64(sp.from) - 0.5, v},
				Label:     markLabel(text, pos),
				LineStyle: &opts.LineStyle{Color: colourTarget, Type: "dashed", Width: 2},
			},
			{Coord: [2]float64{float64(sp.to) + 0.5, v}},
		})
	}

	// Reference lines keep their colours in the order given; their labels
	// are placed highest first, so that each finds room beside the last.
	type ref struct {
		RefLine
		colour string
	}
	refs := make([]ref, len(c.Refs))
	for i, r := range c.Refs {
		refs[i] = ref{r, refColours[i%len(refColours)]}
	}
	slices.SortStableFunc(refs, func(a, b ref) int {
		switch {
		case a.Value > b.Value:
			return -1
		case a.Value < b.Value:
			return 1
		}
		return 0
	})
	for _, r := range refs {
		v := round(r.Value, c.Decimals)
		text := plain(r.Label + ": " + b.reference(r.Value))
		pos := lay.place(labelSpec{text: text, value: v, from: 0, to: 1, positions: refPositions})
		ml.Data = append(ml.Data, levelLine{
			Name:      plain(r.Label),
			YAxis:     v,
			Label:     markLabel(text, pos),
			LineStyle: &opts.LineStyle{Color: r.colour, Type: "dotted", Width: 2},
		})
	}
	return ml, extent
}

// mergeTargets joins targets that follow on from each other with the same
// value (at the published precision) into one, so that a line is drawn and
// labelled once a change of target rather than once a year. Joined spans
// with different labels are labelled "Target".
func mergeTargets(targets []TargetSpan, decimals int) []TargetSpan {
	sorted := slices.Clone(targets)
	slices.SortStableFunc(sorted, func(a, b TargetSpan) int { return int(a.From - b.From) })
	var out []TargetSpan
	for _, t := range sorted {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if t.From == last.To+1 && round(t.Value, decimals) == round(last.Value, decimals) {
				last.To = t.To
				if t.Label != last.Label {
					last.Label = ""
				}
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// markLabelStyle is the style every target and reference label shares:
// dark text on a nearly opaque white ground, legible where it crosses the
// KPI's line.
func markLabelStyle() *label {
	return &label{
		Label: opts.Label{
			Show:            opts.Bool(true),
			Color:           colourText,
			FontSize:        markFontSize,
			BackgroundColor: "rgba(255,255,255,0.85)",
		},
		Padding: []int{2, 3},
	}
}

// markLabel is one line's label: its words and where they go.
func markLabel(text, position string) *label {
	return &label{Label: opts.Label{Formatter: text, Position: position}}
}

// label is go-echarts' label with padding as ECharts reads it: a number or
// an array, where go-echarts writes a string.
type label struct {
	opts.Label
	Padding []int `json:"padding,omitempty"`
}

// shades returns the shaded periods, or nil when none falls on the chart.
func (b *kpiBuilder) shades() *markArea {
	var data [][2]areaEnd
	for _, s := range b.c.Shades {
		from, to, ok := b.clamp(s.From, s.To)
		if !ok {
			continue
		}
		data = append(data, [2]areaEnd{
			{Name: plain(s.Label), XAxis: float64(from) - 0.5},
			{XAxis: float64(to) + 0.5},
		})
	}
	if len(data) == 0 {
		return nil
	}
	return &markArea{
		Silent:    true,
		ItemStyle: &opts.ItemStyle{Color: colourShade},
		Label: &opts.Label{
			Show:     opts.Bool(true),
			Position: "insideTop",
			Color:    colourText,
			FontSize: markFontSize,
		},
		Data: data,
	}
}
