package render

import (
	"reflect"
	"testing"

	"github.com/planpress/planpress/internal/model"
)

// A KPI page is reused while its key is unchanged, so the key must cover
// every field of a published series. This fails when a field is added to
// model.Series or model.Figure, as a reminder to add it to hasher.series.
func TestSeriesKeyCoversEveryField(t *testing.T) {
	covered := map[reflect.Type][]string{
		reflect.TypeFor[model.Series](): {"KPI", "Figures", "Target", "MonitorOnly", "Pos"},
		reflect.TypeFor[model.Figure](): {"Month", "HasValue", "Value", "HasRatio", "Numerator", "Denominator", "Direction", "Note", "Pos"},
		reflect.TypeFor[model.Pos]():    {"File", "Line"},
	}
	for typ, names := range covered {
		var fields []string
		for f := range typ.Fields() {
			fields = append(fields, f.Name)
		}
		if !reflect.DeepEqual(fields, names) {
			t.Errorf("%s has the fields %v; hasher.series covers %v", typ, fields, names)
		}
	}
}

// Each field of a series changes its key.
func TestSeriesKeyChangesWithEachField(t *testing.T) {
	target, monitor := 12.5, true
	base := func() *model.Series {
		return &model.Series{Figures: []model.Figure{{Month: 24219, HasValue: true, Value: 12.3, HasRatio: true, Numerator: 12, Denominator: 98, Note: "n", Pos: model.Pos{File: "a.toml", Line: 3}}}, Pos: model.Pos{File: "a.toml", Line: 2}}
	}
	key := func(s *model.Series) string { return (&hasher{}).series(s).sum() }
	want := key(base())
	edits := map[string]func(s *model.Series){
		"target":       func(s *model.Series) { s.Target = &target },
		"monitor only": func(s *model.Series) { s.MonitorOnly = &monitor },
		"series line":  func(s *model.Series) { s.Pos.Line = 9 },
		"month":        func(s *model.Series) { s.Figures[0].Month++ },
		"has value":    func(s *model.Series) { s.Figures[0].HasValue = false },
		"value":        func(s *model.Series) { s.Figures[0].Value = 12.4 },
		"has ratio":    func(s *model.Series) { s.Figures[0].HasRatio = false },
		"numerator":    func(s *model.Series) { s.Figures[0].Numerator = 13 },
		"denominator":  func(s *model.Series) { s.Figures[0].Denominator = 99 },
		"direction":    func(s *model.Series) { s.Figures[0].Direction = model.Direction(1) },
		"note":         func(s *model.Series) { s.Figures[0].Note = "m" },
		"figure file":  func(s *model.Series) { s.Figures[0].Pos.File = "b.toml" },
		"figure line":  func(s *model.Series) { s.Figures[0].Pos.Line = 4 },
		"a figure":     func(s *model.Series) { s.Figures = append(s.Figures, model.Figure{Month: 24220}) },
	}
	for name, edit := range edits {
		s := base()
		edit(s)
		if key(s) == want {
			t.Errorf("changing the %s leaves the key the same", name)
		}
	}
}
