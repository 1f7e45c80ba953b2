package charts

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planpress/planpress/internal/model"
)

// options is the part of ECharts' options the tests read back.
type options struct {
	Animation *bool
	Aria      struct {
		Enabled bool
		Label   struct {
			Enabled     bool
			Description string
		}
		Decal struct{ Show bool }
	}
	Color   []string
	Tooltip struct {
		Show       bool
		Trigger    string
		RenderMode string
	}
	Title struct {
		Text string
		Show *bool
	}
	Legend struct {
		Show         bool
		Data         []string
		SelectedMode *bool
	}
	XAxis  []axis
	YAxis  []axis
	Series []struct {
		Name       string
		Type       string
		Symbol     string
		SymbolSize int
		Stack      string
		ColorBy    string
		XAxisIndex int
		Z          int
		Silent     bool
		Data       []json.RawMessage
		ItemStyle  struct{ Color string }
		LineStyle  struct {
			Color   string
			Opacity *float64
		}
		Tooltip struct {
			Formatter string
			Show      *bool
		}
		Label struct {
			Show     bool
			Position string
		}
		MarkLine *struct {
			Symbol []string
			Silent bool
			Label  struct {
				Show            bool
				Color           string
				BackgroundColor string
			}
			Data []json.RawMessage
		}
		MarkArea *struct {
			ItemStyle struct{ Color string }
			Label     struct {
				Show     bool
				Position string
			}
			Data [][2]struct {
				Name  string
				XAxis float64
			}
		}
		ShowAllSymbol bool
	}
}

type axis struct {
	Type      string
	Data      []string
	Show      *bool
	Min, Max  *float64
	Scale     *bool
	Name      string
	Inverse   *bool
	AxisLabel struct {
		Formatter string
		Interval  string
		Overflow  string
	}
}

// markLineItem is one mark line, either a segment (two ends) or a level.
type markLineItem struct {
	Name      string
	YAxis     *float64
	Coord     [2]float64
	Label     struct{ Formatter, Position, Color string }
	LineStyle struct {
		Type  string
		Color string
	}
}

func decode(t *testing.T, raw json.RawMessage) options {
	t.Helper()
	var o options
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&o); err != nil {
		t.Fatalf("options are not JSON: %v\n%s", err, raw)
	}
	return o
}

func mustKPI(t *testing.T, c KPIChart) (json.RawMessage, options) {
	t.Helper()
	raw, err := KPILine(c)
	if err != nil {
		t.Fatal(err)
	}
	return raw, decode(t, raw)
}

// marks splits a series' mark lines into target segments and level lines.
func marks(t *testing.T, raw []json.RawMessage) (segments [][2]markLineItem, levels []markLineItem) {
	t.Helper()
	for _, r := range raw {
		if bytes.HasPrefix(r, []byte("[")) {
			var s [2]markLineItem
			if err := json.Unmarshal(r, &s); err != nil {
				t.Fatal(err)
			}
			segments = append(segments, s)
			continue
		}
		var l markLineItem
		if err := json.Unmarshal(r, &l); err != nil {
			t.Fatal(err)
		}
		levels = append(levels, l)
	}
	return segments, levels
}

// numbers reads series data as numbers, NaN for null.
func numbers(t *testing.T, data []json.RawMessage) []float64 {
	t.Helper()
	out := make([]float64, len(data))
	for i, d := range data {
		if string(d) == "null" {
			out[i] = math.NaN()
			continue
		}
		if err := json.Unmarshal(d, &out[i]); err != nil {
			t.Fatalf("data item %d is %s, not a number", i, d)
		}
	}
	return out
}

func seriesNamed(t *testing.T, o options, name string) int {
	t.Helper()
	for i, s := range o.Series {
		if s.Name == name {
			return i
		}
	}
	t.Fatalf("no series %q", name)
	return -1
}

func TestKPILineAxes(t *testing.T) {
	_, o := mustKPI(t, reReferrals())
	if len(o.XAxis) != 2 {
		t.Fatalf("%d x-axes, want the months and the hidden value axis", len(o.XAxis))
	}
	months := o.XAxis[0]
	if months.Type != "category" || len(months.Data) != 12 || months.Data[0] != "Apr-18" || months.Data[11] != "Mar-19" {
		t.Errorf("month axis = %+v, want Apr-18 to Mar-19", months)
	}
	hidden := o.XAxis[1]
	if hidden.Type != "value" || hidden.Show == nil || *hidden.Show ||
		hidden.Min == nil || *hidden.Min != -0.5 || hidden.Max == nil || *hidden.Max != 11.5 {
		t.Errorf("hidden axis = %+v, want value axis -0.5 to 11.5, not shown", hidden)
	}
	y := o.YAxis[0]
	if y.Min == nil || *y.Min != 0 {
		t.Errorf("y-axis min = %v, want 0 for a percentage from zero", y.Min)
	}
	if y.AxisLabel.Formatter != "{value}%" {
		t.Errorf("y-axis labels %q, want {value}%%", y.AxisLabel.Formatter)
	}

	c := reReferrals()
	c.YFromZero = false
	_, o = mustKPI(t, c)
	if y := o.YAxis[0]; y.Min != nil || y.Scale == nil || !*y.Scale {
		t.Errorf("y-axis fitted = min %v scale %v, want no min and scale", y.Min, y.Scale)
	}
}

func TestKPILineGapsAndMonthsBetween(t *testing.T) {
	c := reReferrals()
	// Points out of order, and a month missing altogether (no point at all).
	c.Points = slices.Delete(slices.Clone(c.Points), 3, 4)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(c.Points), func(i, j int) { c.Points[i], c.Points[j] = c.Points[j], c.Points[i] })
	_, o := mustKPI(t, c)
	if got := len(o.XAxis[0].Data); got != 12 {
		t.Fatalf("%d months on the axis, want 12: every month between the first and last", got)
	}
	line := numbers(t, o.Series[seriesNamed(t, o, "Monthly figure")].Data)
	if !math.IsNaN(line[3]) || !math.IsNaN(line[8]) {
		t.Errorf("July (no point) and December (no value) are %v and %v, want gaps", line[3], line[8])
	}
	if line[0] != 29.7 || line[11] != 32.4 {
		t.Errorf("line = %v, want 29.7 first and 32.4 last", line)
	}
}

func TestKPILineTargetSegments(t *testing.T) {
	c := reReferrals()
	c.Points = append(c.Points, Point{Month: month(2019, time.April), Value: 24.1, HasValue: true, RAG: model.RAGGreen})
	c.Targets = append(c.Targets,
		TargetSpan{From: month(2019, time.April), To: month(2020, time.March), Value: 23}, // past the chart: clamped
		TargetSpan{From: month(2016, time.April), To: month(2017, time.March), Value: 30}, // before it: dropped
	)
	_, o := mustKPI(t, c)
	ref := o.Series[seriesNamed(t, o, "Targets and comparators")]
	if ref.XAxisIndex != 1 {
		t.Fatalf("targets are on x-axis %d, want the hidden axis 1", ref.XAxisIndex)
	}
	segments, _ := marks(t, ref.MarkLine.Data)
	if len(segments) != 2 {
		t.Fatalf("%d target segments, want 2 (the 2016/17 target is off the chart)", len(segments))
	}
	for i, want := range []struct {
		from, to, value float64
		label           string
	}{
		{-0.5, 11.5, 25, "Target 2018/19: 25%"},
		{11.5, 12.5, 23, "Target: 23%"},
	} {
		s := segments[i]
		if s[0].Coord != [2]float64{want.from, want.value} || s[1].Coord != [2]float64{want.to, want.value} {
			t.Errorf("segment %d runs %v to %v, want (%v, %v) to (%v, %v): whole months", i, s[0].Coord, s[1].Coord, want.from, want.value, want.to, want.value)
		}
		if s[0].LineStyle.Type != "dashed" {
			t.Errorf("segment %d is %q, want dashed", i, s[0].LineStyle.Type)
		}
		if s[0].Label.Formatter != want.label {
			t.Errorf("segment %d label %q, want %q", i, s[0].Label.Formatter, want.label)
		}
	}
	// Target values are in the reference series' data, so the y-axis reaches them.
	var ys []float64
	for _, d := range ref.Data {
		var pt [2]float64
		if err := json.Unmarshal(d, &pt); err != nil {
			t.Fatal(err)
		}
		ys = append(ys, pt[1])
	}
	if !slices.Contains(ys, 25) || !slices.Contains(ys, 23) || slices.Contains(ys, 30) {
		t.Errorf("reference data %v, want the targets on the chart (25, 23) and not the one off it", ys)
	}
	if ref.LineStyle.Opacity == nil || *ref.LineStyle.Opacity != 0 {
		t.Errorf("the reference series' own line is visible")
	}
}

func TestKPILineReferenceLines(t *testing.T) {
	_, o := mustKPI(t, reReferrals())
	ref := o.Series[seriesNamed(t, o, "Targets and comparators")]
	if !ref.MarkLine.Silent || !slices.Equal(ref.MarkLine.Symbol, []string{"none", "none"}) {
		t.Errorf("mark lines: silent %v symbols %v, want silent with no end symbols", ref.MarkLine.Silent, ref.MarkLine.Symbol)
	}
	if l := ref.MarkLine.Label; !l.Show || l.Color != colourText || l.BackgroundColor == "" {
		t.Errorf("mark line labels %+v, want shown in the text colour on a ground", l)
	}
	_, levels := marks(t, ref.MarkLine.Data)
	want := map[string]float64{
		"Baseline 2017/18: 26.8%":       26.8,
		"Statistical neighbours: 23.9%": 23.9,
		"England: 22.6%":                22.6,
	}
	if len(levels) != len(want) {
		t.Fatalf("%d reference lines, want %d", len(levels), len(want))
	}
	colours := map[string]bool{}
	positions := map[string]bool{}
	for _, l := range levels {
		v, ok := want[l.Label.Formatter]
		if !ok || l.YAxis == nil || *l.YAxis != v {
			t.Errorf("reference line %q at %v is not one of %v", l.Label.Formatter, l.YAxis, want)
		}
		if l.LineStyle.Type != "dotted" {
			t.Errorf("%s is %q, want dotted", l.Name, l.LineStyle.Type)
		}
		colours[l.LineStyle.Color] = true
		positions[l.Label.Position] = true
	}
	if len(colours) != len(levels) {
		t.Errorf("reference lines share colours: %v", colours)
	}
	// Statistical neighbours and England are 1.3 points apart: their labels
	// must not sit in the same place.
	if len(positions) < 2 {
		t.Errorf("every reference label is at %v", positions)
	}
}

func TestKPILineShadedPeriod(t *testing.T) {
	_, o := mustKPI(t, reReferrals())
	ref := o.Series[seriesNamed(t, o, "Targets and comparators")]
	if ref.MarkArea == nil || len(ref.MarkArea.Data) != 1 {
		t.Fatalf("mark area %+v, want one shaded period", ref.MarkArea)
	}
	a := ref.MarkArea.Data[0]
	// October 2018 is month 6 of the chart, November 7: the band covers both.
	if a[0].Name != "Ofsted inspection" || a[0].XAxis != 5.5 || a[1].XAxis != 7.5 {
		t.Errorf("shaded period %+v, want Ofsted inspection from 5.5 to 7.5", a)
	}
	if !ref.MarkArea.Label.Show || ref.MarkArea.ItemStyle.Color == "" {
		t.Errorf("shaded period is unlabelled or unfilled: %+v", ref.MarkArea)
	}

	c := reReferrals()
	c.Shades = []Shade{{Label: "Before", From: month(2017, time.January), To: month(2017, time.June)}}
	_, o = mustKPI(t, c)
	if ref := o.Series[seriesNamed(t, o, "Targets and comparators")]; ref.MarkArea != nil {
		t.Errorf("a period before the chart is shaded: %+v", ref.MarkArea)
	}
}

func TestKPILineRAGPoints(t *testing.T) {
	_, o := mustKPI(t, reReferrals())
	if !slices.Equal(o.Legend.Data, []string{"Green", "Amber", "Red"}) || !o.Legend.Show {
		t.Errorf("key = %v (shown %v), want Green, Amber, Red", o.Legend.Data, o.Legend.Show)
	}
	if o.Legend.SelectedMode == nil || *o.Legend.SelectedMode {
		t.Errorf("the key can hide series: selectedMode %v", o.Legend.SelectedMode)
	}
	line := o.Series[seriesNamed(t, o, "Monthly figure")]
	if line.Symbol != "none" {
		t.Errorf("the line draws its own points (%q): ratings would be hidden under them", line.Symbol)
	}
	symbols := map[string]bool{}
	for _, tc := range []struct {
		rag    model.RAG
		months []int // indices of the months with this rating
	}{
		{model.RAGGreen, []int{7}},
		{model.RAGAmber, []int{0, 2, 3, 6}},
		{model.RAGRed, []int{1, 4, 5, 9, 10, 11}},
	} {
		s := o.Series[seriesNamed(t, o, tc.rag.Word())]
		if s.ItemStyle.Color != RAGColour(tc.rag) || s.Symbol != RAGSymbol(tc.rag) {
			t.Errorf("%s points: %s %s, want %s %s", tc.rag.Word(), s.ItemStyle.Color, s.Symbol, RAGColour(tc.rag), RAGSymbol(tc.rag))
		}
		symbols[s.Symbol] = true
		if !s.ShowAllSymbol {
			t.Errorf("%s points may be thinned out by ECharts", tc.rag.Word())
		}
		if want := "{b}: {c}%, " + tc.rag.Word(); s.Tooltip.Formatter != want {
			t.Errorf("%s tooltip %q, want %q", tc.rag.Word(), s.Tooltip.Formatter, want)
		}
		values := numbers(t, s.Data)
		for i, v := range values {
			if slices.Contains(tc.months, i) == math.IsNaN(v) {
				t.Errorf("%s month %d is %v", tc.rag.Word(), i, v)
			}
		}
		if s.Z <= line.Z {
			t.Errorf("%s points (z %d) are under the line (z %d)", tc.rag.Word(), s.Z, line.Z)
		}
	}
	if len(symbols) != 3 {
		t.Errorf("ratings share shapes: %v", symbols)
	}
}

func TestKPILineWithoutRatingsHasNoKey(t *testing.T) {
	_, o := mustKPI(t, monitorOnly())
	if o.Legend.Show || len(o.Legend.Data) != 0 {
		t.Errorf("key %v shown for a KPI with no ratings", o.Legend.Data)
	}
	if s := o.Series[seriesNamed(t, o, "No rating")]; s.Symbol != "emptyCircle" || s.Tooltip.Formatter != "{b}: {c}" {
		t.Errorf("unrated points: %q %q", s.Symbol, s.Tooltip.Formatter)
	}
	for _, s := range o.Series {
		if s.Name == "Targets and comparators" {
			t.Errorf("a reference series with nothing on it")
		}
	}
}

func TestGlobalOptions(t *testing.T) {
	for name, build := range allKinds() {
		t.Run(name, func(t *testing.T) {
			raw, err := build()
			if err != nil {
				t.Fatal(err)
			}
			o := decode(t, raw)
			if o.Animation == nil || *o.Animation {
				t.Errorf("animation %v, want false", o.Animation)
			}
			if !o.Aria.Enabled || !o.Aria.Label.Enabled || o.Aria.Label.Description == "" || !o.Aria.Decal.Show {
				t.Errorf("aria = %+v, want enabled, described, with decals", o.Aria)
			}
			if o.Tooltip.RenderMode != "richText" {
				t.Errorf("tooltip renderMode %q, want richText", o.Tooltip.RenderMode)
			}
			if !slices.Equal(o.Color, Palette()) {
				t.Errorf("palette %v, want ours", o.Color)
			}
			if bytes.Contains(raw, []byte("__f__")) {
				t.Errorf("options hold a JavaScript function")
			}
			if bytes.Contains(raw, []byte("go-echarts")) || bytes.Contains(raw, []byte("http")) {
				t.Errorf("options name an asset host: %s", raw)
			}
			for _, s := range o.Series {
				if !strings.HasPrefix(s.Type, "line") && s.Type != "bar" {
					t.Errorf("series %q is %q", s.Name, s.Type)
				}
			}
		})
	}
}

// allKinds builds one chart of each kind.
func allKinds() map[string]func() (json.RawMessage, error) {
	return map[string]func() (json.RawMessage, error){
		"KPI":          func() (json.RawMessage, error) { return KPILine(reReferrals()) },
		"monitor-only": func() (json.RawMessage, error) { return KPILine(monitorOnly()) },
		"status":       func() (json.RawMessage, error) { return Bars(statusBars()) },
		"priority":     func() (json.RawMessage, error) { return Bars(priorityBars()) },
		"author":       func() (json.RawMessage, error) { return Bars(auditBars()) },
	}
}

func TestDeterministic(t *testing.T) {
	for name, build := range allKinds() {
		t.Run(name, func(t *testing.T) {
			first, err := build()
			if err != nil {
				t.Fatal(err)
			}
			for range 20 {
				again, err := build()
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(first, again) {
					t.Fatalf("two builds differ:\n%s\n%s", first, again)
				}
			}
		})
	}
	// The order points are given in does not matter.
	c := reReferrals()
	want, _ := KPILine(c)
	slices.Reverse(c.Points)
	if got, _ := KPILine(c); !bytes.Equal(got, want) {
		t.Errorf("reversed points give other options")
	}
}

func TestScriptInTitleStaysEscaped(t *testing.T) {
	const evil = `</script><script>alert("x")</script> & <!--`
	c := reReferrals()
	c.Title = evil
	c.Description = evil
	c.Refs[0].Label = evil
	c.Shades[0].Label = evil
	b := auditBars()
	b.Title, b.Categories[0], b.Series[0].Name, b.Unit = evil, evil, evil, evil
	for name, build := range map[string]func() (json.RawMessage, error){
		"KPI": func() (json.RawMessage, error) { return KPILine(c) },
		"bar": func() (json.RawMessage, error) { return Bars(b) },
	} {
		t.Run(name, func(t *testing.T) {
			raw, err := build()
			if err != nil {
				t.Fatal(err)
			}
			for _, bad := range []string{"<", ">", "&"} {
				if bytes.Contains(raw, []byte(bad)) {
					t.Errorf("options hold a raw %q", bad)
				}
			}
			if !bytes.Contains(raw, []byte(`\u003c/script\u003e`)) {
				t.Errorf("the title is not in the options, escaped")
			}
			if o := decode(t, raw); o.Title.Text != evil {
				t.Errorf("title decodes to %q, want %q", o.Title.Text, evil)
			}
		})
	}
}

func TestKPILineErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		change func(*KPIChart)
		is     error
		want   string
	}{
		"direction only": {change: func(c *KPIChart) {
			for i := range c.Points {
				c.Points[i].HasValue = false
			}
		}, is: ErrNoValues},
		"no points":        {change: func(c *KPIChart) { c.Points = nil }, is: ErrNoValues},
		"bad id":           {change: func(c *KPIChart) { c.ID = "2019-05/Re referrals" }, want: "charts.ID"},
		"empty id":         {change: func(c *KPIChart) { c.ID = "" }, want: "charts.ID"},
		"two points":       {change: func(c *KPIChart) { c.Points[1].Month = c.Points[0].Month }, want: "two points for 2018-04"},
		"no month":         {change: func(c *KPIChart) { c.Points[0].Month = 0 }, want: "no month"},
		"not a number":     {change: func(c *KPIChart) { c.Points[2].Value = math.NaN() }, want: "2018-06 is not a number"},
		"infinite target":  {change: func(c *KPIChart) { c.Targets[0].Value = math.Inf(1) }, want: "target"},
		"backwards target": {change: func(c *KPIChart) { c.Targets[0].From, c.Targets[0].To = c.Targets[0].To, c.Targets[0].From }, want: "target"},
		"backwards shade":  {change: func(c *KPIChart) { c.Shades[0].From, c.Shades[0].To = c.Shades[0].To, c.Shades[0].From }, want: "ends before it starts"},
		"decimals":         {change: func(c *KPIChart) { c.Decimals = 9 }, want: "decimals"},
		"centuries": {change: func(c *KPIChart) {
			c.Points = append(c.Points, Point{Month: month(2119, time.January), Value: 1, HasValue: true})
		}, want: "more than 600 months"},
	} {
		t.Run(name, func(t *testing.T) {
			c := reReferrals()
			c.Points = slices.Clone(c.Points)
			c.Targets = slices.Clone(c.Targets)
			c.Shades = slices.Clone(c.Shades)
			tc.change(&c)
			_, err := KPILine(c)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

func TestKPILineDescription(t *testing.T) {
	c := reReferrals()
	c.Description = "Re-referrals were 32.4% in March 2019 against a target of 25%: Red, improving on February."
	_, o := mustKPI(t, c)
	if o.Aria.Label.Description != c.Description {
		t.Errorf("aria description %q, want the one given", o.Aria.Label.Description)
	}
	c.Description = ""
	_, o = mustKPI(t, c)
	if want := "Re-referrals stood at 32.4% in March 2019 against a target of 25%: Red, down on February."; o.Aria.Label.Description != want {
		t.Errorf("written description %q, want %q", o.Aria.Label.Description, want)
	}
}

func TestLabelsOfCloseLinesDoNotOverlap(t *testing.T) {
	c := reReferrals()
	b := kpiBuilder{c: c, points: c.Points, first: c.Points[0].Month, n: len(c.Points)}
	ml, extent := b.marks()
	figures := make([]float64, b.n)
	for i, p := range c.Points {
		figures[i] = p.Value
		if !p.HasValue {
			figures[i] = math.NaN()
		}
	}
	lay := newLayout(b.n, figures, extent, c.YFromZero)
	_, levels := marks(t, rawItems(t, ml.Data))
	var boxes []box
	for _, l := range levels {
		boxes = append(boxes, lay.boxAt(labelSpec{text: l.Label.Formatter, value: *l.YAxis, from: 0, to: 1}, l.Label.Position))
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			if boxes[i].overlaps(boxes[j]) {
				t.Errorf("labels %q (%s) and %q (%s) overlap", levels[i].Label.Formatter, levels[i].Label.Position, levels[j].Label.Formatter, levels[j].Label.Position)
			}
		}
	}
}

func rawItems(t *testing.T, items []any) []json.RawMessage {
	t.Helper()
	var out []json.RawMessage
	for _, it := range items {
		b, err := json.Marshal(it)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// BenchmarkKPILine measures one KPI chart's options. cpu-ns/op is the
// process's CPU time, which other work on the machine disturbs less.
func BenchmarkKPILine(b *testing.B) {
	c := reReferrals()
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := KPILine(c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkBars measures one stacked bar chart's options.
func BenchmarkBars(b *testing.B) {
	c := priorityBars()
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := Bars(c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkEditionOptions measures the options of one edition of the
// performance target's archive, on one core: 18 KPI charts (6 priorities x 3
// KPIs) and 3 summary charts. The archive has 1000 editions.
func BenchmarkEditionOptions(b *testing.B) {
	kpi, status, priority := reReferrals(), statusBars(), priorityBars()
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for range 18 {
			if _, err := KPILine(kpi); err != nil {
				b.Fatal(err)
			}
		}
		for _, c := range []Bar{status, priority, status} {
			if _, err := Bars(c); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

func TestKPILineJoinsEqualTargets(t *testing.T) {
	c := reReferrals()
	c.Points = append(slices.Clone(c.Points), Point{Month: month(2019, time.April), Value: 24, HasValue: true, RAG: model.RAGGreen})
	c.Targets = []TargetSpan{
		{From: month(2019, time.April), To: month(2020, time.March), Value: 25, Label: "Target 2019/20"},
		{From: month(2018, time.April), To: month(2019, time.March), Value: 25.04, Label: "Target 2018/19"},
	}
	_, o := mustKPI(t, c)
	segments, _ := marks(t, o.Series[seriesNamed(t, o, "Targets and comparators")].MarkLine.Data)
	if len(segments) != 1 {
		t.Fatalf("%d target segments, want one: the target did not change", len(segments))
	}
	if s := segments[0]; s[0].Coord[0] != -0.5 || s[1].Coord[0] != 12.5 || s[0].Label.Formatter != "Target: 25%" {
		t.Errorf("segment %+v, want -0.5 to 12.5 labelled Target: 25%%", s)
	}
}

func TestKPILineCounts(t *testing.T) {
	c := monitorOnly()
	c.Unit = model.UnitCount
	raw, err := KPILine(c)
	if err != nil {
		t.Fatal(err)
	}
	var o struct {
		YAxis []struct {
			MinInterval float64 `json:"minInterval"`
		}
	}
	if err := json.Unmarshal(raw, &o); err != nil || o.YAxis[0].MinInterval != 1 {
		t.Errorf("counts: y-axis minInterval %v (%v), want 1", o.YAxis[0].MinInterval, err)
	}
}

// Charts are copies of shared prototypes (option.go): building them from
// many goroutines at once must give the same bytes as one at a time (and
// pass the race detector).
func TestConcurrentBuilds(t *testing.T) {
	kinds := allKinds()
	want := map[string]json.RawMessage{}
	for name, build := range kinds {
		raw, err := build()
		if err != nil {
			t.Fatal(err)
		}
		want[name] = raw
	}
	errs := make(chan string, 64)
	done := make(chan struct{})
	for range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 20 {
				for name, build := range kinds {
					raw, err := build()
					if err != nil || !bytes.Equal(raw, want[name]) {
						errs <- name
						return
					}
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
	close(errs)
	for name := range errs {
		t.Errorf("%s differs when built concurrently", name)
	}
}

func TestCompactSeries(t *testing.T) {
	for name, build := range allKinds() {
		t.Run(name, func(t *testing.T) {
			compact, err := build()
			if err != nil {
				t.Fatal(err)
			}
			encodeWholeSeries = true
			whole, err := build()
			encodeWholeSeries = false
			if err != nil {
				t.Fatal(err)
			}
			var a, b any
			if err := json.Unmarshal(compact, &a); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(whole, &b); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, b) {
				t.Errorf("compact series differ from go-echarts' series:\n%s\n%s", compact, whole)
			}
		})
	}
}

// TestYAxisChosenFromTheFigures: with YAuto, the y-axis starts from zero
// when zero is near enough to mean something (the lowest figure or line is
// no more than half the highest), and is fitted to the figures otherwise,
// reaching a little beyond them and the lines.
func TestYAxisChosenFromTheFigures(t *testing.T) {
	c := reReferrals() // 22.6 (England) to 33.0: zero would squash the line
	c.YFromZero, c.YAuto = true, true
	_, o := mustKPI(t, c)
	if y := o.YAxis[0]; y.Min != nil || y.Scale == nil || !*y.Scale {
		t.Errorf("re-referrals: y-axis min %v, scale %v; want it fitted", y.Min, y.Scale)
	}
	raw, _ := json.Marshal(o.Series[seriesNamed(t, o, "Targets and comparators")].Data)
	var refs [][2]float64
	if err := json.Unmarshal(raw, &refs); err != nil {
		t.Fatal(err)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range refs {
		lo, hi = math.Min(lo, v[1]), math.Max(hi, v[1])
	}
	if lo >= 22.6 || hi <= 33.0 {
		t.Errorf("the fitted axis reaches %v to %v, want beyond 22.6 and 33.0", lo, hi)
	}

	c = reReferrals()
	c.YFromZero, c.YAuto = false, true
	for i := range c.Points {
		c.Points[i].Value /= 3 // 8.4 to 11: a baseline of 26.8 makes zero near
	}
	_, o = mustKPI(t, c)
	if y := o.YAxis[0]; y.Min == nil || *y.Min != 0 {
		t.Errorf("figures a third of the lines: y-axis min %v, want 0", y.Min)
	}
}
