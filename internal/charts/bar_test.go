package charts

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

func mustBars(t *testing.T, b Bar) options {
	t.Helper()
	raw, err := Bars(b)
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, raw)
}

func TestBarsByStatus(t *testing.T) {
	o := mustBars(t, statusBars())
	x, y := o.XAxis[0], o.YAxis[0]
	if x.Type != "category" || !slices.Equal(x.Data, statusBars().Categories) {
		t.Errorf("x-axis %+v, want the statuses", x)
	}
	if x.AxisLabel.Interval != "0" || x.AxisLabel.Overflow != "break" {
		t.Errorf("category labels interval %q overflow %q: ECharts may drop names", x.AxisLabel.Interval, x.AxisLabel.Overflow)
	}
	if y.Type != "value" || y.Name != "milestones" {
		t.Errorf("y-axis %+v, want values named milestones", y)
	}
	if len(o.Series) != 1 || o.Legend.Show {
		t.Fatalf("%d series, legend %v: want one series and no legend", len(o.Series), o.Legend.Show)
	}
	s := o.Series[0]
	if s.Type != "bar" || s.Stack != "" || !s.Label.Show || s.Label.Position != "top" {
		t.Errorf("series %+v, want unstacked bars labelled on top", s)
	}
	if s.ColorBy != "data" {
		t.Errorf("colorBy %q, want data: each bar its own colour and decal", s.ColorBy)
	}
	if s.Tooltip.Formatter != "{b}: {c} milestones" {
		t.Errorf("tooltip %q", s.Tooltip.Formatter)
	}
	var colours []string
	var values []float64
	for _, d := range s.Data {
		var item struct {
			Value     float64
			ItemStyle struct{ Color string }
		}
		if err := json.Unmarshal(d, &item); err != nil {
			t.Fatal(err)
		}
		colours = append(colours, item.ItemStyle.Color)
		values = append(values, item.Value)
	}
	if want := statusBars().Series[0].Colours; !slices.Equal(colours, want) {
		t.Errorf("bar colours %v, want %v", colours, want)
	}
	if !slices.Equal(values, []float64{3, 12, 4, 1, 2}) {
		t.Errorf("values %v", values)
	}
}

func TestBarsStackedByPriority(t *testing.T) {
	o := mustBars(t, priorityBars())
	if len(o.Series) != 5 {
		t.Fatalf("%d series, want one a status", len(o.Series))
	}
	if !o.Legend.Show || !slices.Equal(o.Legend.Data, []string{"COMPLETE", "ON TRACK", "SLIGHT SLIPPAGE", "OFF TRACK", "NOT YET DUE"}) {
		t.Errorf("legend %v shown %v", o.Legend.Data, o.Legend.Show)
	}
	for i, s := range o.Series {
		if s.Stack != "total" {
			t.Errorf("series %s not stacked", s.Name)
		}
		if s.Label.Show {
			t.Errorf("stacked series %s labels its segments", s.Name)
		}
		if s.Tooltip.Formatter != "{b}\n{a}: {c} milestones" {
			t.Errorf("tooltip %q", s.Tooltip.Formatter)
		}
		got := numbers(t, s.Data)
		for j, v := range priorityBars().Series[i].Values {
			if v == 0 && !math.IsNaN(got[j]) {
				t.Errorf("%s %d: an empty segment is drawn (%v)", s.Name, j, got[j])
			}
			if v != 0 && got[j] != v {
				t.Errorf("%s %d = %v, want %v", s.Name, j, got[j], v)
			}
		}
	}
	if o.Series[0].ItemStyle.Color != ColourGreen || o.Series[1].ItemStyle.Color != "" {
		t.Errorf("colours %q %q: a series' colour is used, an unset one left to the palette", o.Series[0].ItemStyle.Color, o.Series[1].ItemStyle.Color)
	}
	if y := o.YAxis[0]; y.Type != "value" {
		t.Errorf("y-axis %+v", y)
	}
}

func TestBarsHorizontalAuthorChart(t *testing.T) {
	o := mustBars(t, auditBars())
	x, y := o.XAxis[0], o.YAxis[0]
	if x.Type != "value" || x.Name != "plans" {
		t.Errorf("x-axis %+v, want values named plans", x)
	}
	if y.Type != "category" || !slices.Equal(y.Data, auditBars().Categories) {
		t.Errorf("y-axis %+v, want the categories", y)
	}
	if y.Inverse == nil || !*y.Inverse {
		t.Errorf("first category at the bottom: read top to bottom, it should be first")
	}
	if y.AxisLabel.Overflow != "break" {
		t.Errorf("long category names are not wrapped")
	}
	if s := o.Series[0]; s.Label.Position != "right" || !slices.Equal(numbers(t, s.Data), []float64{548, 548, 40, 84, 143}) {
		t.Errorf("series %+v", s)
	}
	if want := "Care plan audit, March to April 2019: Actions have dates 548, Actions have responsible people 548, Reviewed within 20 working days 40, Outcomes are SMART 84 and Child's voice recorded 143 (1,363 plans in all)."; o.Aria.Label.Description != want {
		t.Errorf("description\n%q, want\n%q", o.Aria.Label.Description, want)
	}
}

func TestBarsErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		change func(*Bar)
		want   string
	}{
		"bad id":        {func(b *Bar) { b.ID = "Audit Headlines" }, "charts.ID"},
		"no categories": {func(b *Bar) { b.Categories = nil }, "at least one category"},
		"no series":     {func(b *Bar) { b.Series = nil }, "at least one category and one series"},
		"short values":  {func(b *Bar) { b.Series[0].Values = b.Series[0].Values[:2] }, "2 values for 5 categories"},
		"short colours": {func(b *Bar) { b.Series[0].Colours = []string{ColourRed} }, "1 colours for 5 categories"},
		"NaN":           {func(b *Bar) { b.Series[0].Values[1] = math.NaN() }, "not a number"},
	} {
		t.Run(name, func(t *testing.T) {
			b := statusBars()
			b.Series = slices.Clone(b.Series)
			b.Series[0].Values = slices.Clone(b.Series[0].Values)
			tc.change(&b)
			_, err := Bars(b)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func TestBarSentence(t *testing.T) {
	for _, tc := range []struct {
		bar  Bar
		want string
	}{
		{statusBars(), "Milestones by status: COMPLETE 3, ON TRACK 12, SLIGHT SLIPPAGE 4, OFF TRACK 1 and NOT YET DUE 2 (22 milestones in all)."},
		{priorityBars(), "Milestones by priority, totals: Priority 1 4, Priority 2 4, Priority 3 4, Priority 4 3, Priority 5 4 and Priority 6 3 (22 milestones in all)."},
		{Bar{Title: "KPIs by rating", Categories: []string{"Red"}, Series: []BarSeries{{Values: []float64{2}}}, Words: words}, "KPIs by rating: Red 2."},
		{Bar{Title: "Shares", Unit: "%", Categories: []string{"A", "B"}, Series: []BarSeries{{Values: []float64{12.5, 87.5}}}, Words: words}, "Shares: A 12.5% and B 87.5%."},
	} {
		if got := BarSentence(tc.bar); got != tc.want {
			t.Errorf("BarSentence(%s)\n got %q\nwant %q", tc.bar.Title, got, tc.want)
		}
	}
}

func TestBarsMinInterval(t *testing.T) {
	// Counts get whole-number ticks; fractions do not.
	var raw struct {
		YAxis []struct {
			MinInterval float64 `json:"minInterval"`
		}
	}
	opts, _ := Bars(statusBars())
	if err := json.Unmarshal(opts, &raw); err != nil || raw.YAxis[0].MinInterval != 1 {
		t.Errorf("counts: minInterval %v (%v), want 1", raw.YAxis[0].MinInterval, err)
	}
	b := statusBars()
	b.Series[0].Values = []float64{0.5, 1, 2, 3, 4}
	opts, _ = Bars(b)
	raw.YAxis = nil
	if err := json.Unmarshal(opts, &raw); err != nil || raw.YAxis[0].MinInterval != 0 {
		t.Errorf("fractions: minInterval %v, want none", raw.YAxis[0].MinInterval)
	}
}
