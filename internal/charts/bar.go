package charts

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/planpress/planpress/internal/i18n"
)

// Bar is what a bar chart shows: the milestones of an edition by status (one
// series), by priority and status (stacked series), the KPIs by rating, or an
// author's chart declared in TOML.
type Bar struct {
	// ID names the chart on its page; make it with ID.
	ID          string
	Title       string
	Description string // the one-sentence summary; empty means BarSentence
	// Unit is what the values count: "milestones", "plans". It names the
	// value axis and follows values in tooltips.
	Unit       string
	Categories []string
	Series     []BarSeries
	// Stacked stacks the series in one bar a category.
	Stacked bool
	// Horizontal draws bars across, with categories down the side: best for
	// long category names.
	Horizontal bool
	// Words are the interface words of the site's language, for the
	// summary when Description is empty.
	Words *i18n.Catalogue
}

// BarSeries is one series of a bar chart.
type BarSeries struct {
	Name   string
	Values []float64 // one a category
	// Colour colours the series; empty takes the next palette colour.
	Colour string
	// Colours, when given, colour each bar of the series in turn (a status's
	// own colour, say); each bar then also gets its own decal pattern.
	Colours []string
}

// Bars builds the options of a bar chart. Values are labelled on the bars
// unless the bars are stacked; every series gets a decal pattern.
func Bars(b Bar) (json.RawMessage, error) {
	if !validID(b.ID) {
		return nil, fmt.Errorf("chart %q: the id must be lower-case letters, digits and hyphens; make it with charts.ID", b.ID)
	}
	if len(b.Categories) == 0 || len(b.Series) == 0 {
		return nil, fmt.Errorf("chart %s: a bar chart needs at least one category and one series", b.ID)
	}
	integers := true
	for _, s := range b.Series {
		if len(s.Values) != len(b.Categories) {
			return nil, fmt.Errorf("chart %s: series %q has %d values for %d categories", b.ID, s.Name, len(s.Values), len(b.Categories))
		}
		if len(s.Colours) != 0 && len(s.Colours) != len(b.Categories) {
			return nil, fmt.Errorf("chart %s: series %q has %d colours for %d categories", b.ID, s.Name, len(s.Colours), len(b.Categories))
		}
		for _, v := range s.Values {
			if !finite(v) {
				return nil, fmt.Errorf("chart %s: series %q has a value that is not a number", b.ID, s.Name)
			}
			if v != math.Trunc(v) {
				integers = false
			}
		}
	}
	description := b.Description
	if description == "" {
		if b.Words == nil {
			return nil, fmt.Errorf("chart %s: give a Description, or the Words to write one", b.ID)
		}
		description = BarSentence(b)
	}

	bar := newBar()
	bc := &bar.BaseConfiguration
	base(bc, b.ID, b.Title, description)

	categories := make([]string, len(b.Categories))
	for i, c := range b.Categories {
		categories[i] = plain(c)
	}
	categoryLabel := axisLabel()
	categoryLabel.HideOverlap = nil
	categoryLabel.Overflow = "break" // long names wrap rather than run off
	valueLabel := axisLabel()
	minInterval := 0.0
	if integers {
		minInterval = 1
	}
	grid := opts.Grid{Left: "8", Right: "24", Top: "40", Bottom: "8"}
	if b.Horizontal {
		categoryLabel.Width = 160
		grid.Right, grid.Top, grid.Bottom = "40", "8", "32"
		if len(b.Series) > 1 {
			grid.Bottom = "64"
		}
		bc.XAxisList = []opts.XAxis{{
			Type: "value", Name: plain(b.Unit), NameLocation: "middle", NameGap: 28,
			AxisLabel: valueLabel, SplitLine: splitLine(), MinInterval: minInterval,
		}}
		bc.YAxisList = []opts.YAxis{{
			Type: "category", Data: categories, AxisLabel: categoryLabel, AxisLine: axisLine(),
			Inverse: opts.Bool(true), // the first category at the top, as read
		}}
	} else {
		// Every category is named, wrapping within its band: ECharts would
		// otherwise drop names that do not fit.
		categoryLabel.Interval = "0"
		categoryLabel.Width = 84
		if len(b.Series) > 1 {
			grid.Bottom = "40"
		}
		bc.XAxisList = []opts.XAxis{{
			Type: "category", Data: categories, AxisLabel: categoryLabel, AxisLine: axisLine(),
			AxisTick: &opts.AxisTick{Show: opts.Bool(true), AlignWithLabel: opts.Bool(true)},
		}}
		bc.YAxisList = []opts.YAxis{{
			Type: "value", Name: plain(b.Unit), NameLocation: "end",
			AxisLabel: valueLabel, SplitLine: splitLine(), MinInterval: minInterval,
		}}
	}
	bc.GridList = []opts.Grid{grid}

	f := &finisher{
		tooltip: tooltip{
			Tooltip:    opts.Tooltip{Show: opts.Bool(true), Trigger: "item"},
			RenderMode: "richText",
			Confine:    true,
		},
		root: rootExtras(),
	}
	unit := ""
	if b.Unit != "" {
		unit = " " + plain(b.Unit)
	}
	names := make([]string, 0, len(b.Series))
	bc.MultiSeries = make(charts.MultiSeries, 0, len(b.Series))
	f.series = make([]series, 0, len(b.Series))
	for _, s := range b.Series {
		name := plain(s.Name)
		names = append(names, name)
		data := make([]any, len(s.Values))
		for i, v := range s.Values {
			switch {
			case b.Stacked && v == 0:
				// An empty segment would still draw its edge.
				data[i] = nil
			case len(s.Colours) > 0:
				data[i] = barItem{Value: v, ItemStyle: &opts.ItemStyle{Color: s.Colours[i]}}
			default:
				data[i] = v
			}
		}
		ss := charts.SingleSeries{
			Name:           name,
			Type:           "bar",
			Data:           data,
			Animation:      opts.Bool(false),
			BarCategoryGap: "30%",
			BarMaxWidth:    "56",
		}
		if b.Stacked {
			ss.Stack = "total"
		}
		if len(s.Colours) > 0 {
			ss.ColorBy = "data" // and so a decal pattern for each bar
		}
		if s.Colour != "" {
			ss.ItemStyle = &opts.ItemStyle{Color: s.Colour}
		}
		if !b.Stacked {
			position := "top"
			if b.Horizontal {
				position = "right"
			}
			ss.Label = &opts.Label{Show: opts.Bool(true), Position: position, Color: colourText, FontSize: fontSize}
		}
		bc.MultiSeries = append(bc.MultiSeries, ss)
		formatter := "{b}: {c}" + unit
		if len(b.Series) > 1 {
			formatter = "{b}\n{a}: {c}" + unit
		}
		f.series = append(f.series, series{Tooltip: &seriesTooltip{Formatter: formatter}})
	}
	f.legend = legend{
		Legend: opts.Legend{
			Show:      opts.Bool(len(b.Series) > 1),
			Data:      names,
			Bottom:    "0",
			TextStyle: &opts.TextStyle{Color: colourText, FontSize: fontSize},
		},
		SelectedMode: true,
	}
	return marshal(bc, f)
}

// barItem is one bar.
type barItem struct {
	Value     any             `json:"value"` // a number, or "-" for nothing drawn
	ItemStyle *opts.ItemStyle `json:"itemStyle,omitempty"`
}

// BarSentence writes a bar chart's summary from its data, in b.Words (the
// entries under [bar_summary]): for one series, "Milestones by status:
// COMPLETE 3, ON TRACK 12 and NOT YET DUE 7 (22 milestones in all)."; for
// several, each category's total across the series.
func BarSentence(b Bar) string {
	w := b.Words
	var totals []float64
	for i := range b.Categories {
		var sum float64
		for _, s := range b.Series {
			if i < len(s.Values) {
				sum += s.Values[i]
			}
		}
		totals = append(totals, sum)
	}
	decimals := 0
	for _, s := range b.Series {
		for _, v := range s.Values {
			if v != math.Trunc(v) {
				decimals = 1
			}
		}
	}
	// Shares ("%") are written as shares and not added up: their sum is no
	// figure of its own.
	share := strings.TrimSpace(b.Unit) == "%"
	var parts []string
	var all float64
	for i, c := range b.Categories {
		value := formatTarget(totals[i], decimals)
		if share {
			value += "%"
		}
		parts = append(parts, w.Text(i18n.BarSummaryValue, "category", c, "value", value))
		all += totals[i]
	}
	title := strings.TrimSpace(b.Title)
	if title == "" {
		title = w.Text(i18n.BarSummaryUntitled)
	}
	total := ""
	if len(parts) > 1 && !share {
		if b.Unit != "" {
			total = w.Text(i18n.BarSummaryTotalUnit, "total", formatTarget(all, decimals), "unit", b.Unit)
		} else {
			total = w.Text(i18n.BarSummaryTotal, "total", formatTarget(all, decimals))
		}
	}
	key := i18n.BarSummarySentence
	if len(b.Series) > 1 {
		key = i18n.BarSummarySentenceTotals
	}
	return w.Text(key, "title", title, "values", joinAnd(parts, w), "total", total)
}

// joinAnd joins words as a list is read: "a, b and c".
func joinAnd(parts []string, w *i18n.Catalogue) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], w.Text(i18n.ListSeparator)) + w.Text(i18n.ListLast) + parts[len(parts)-1]
}
