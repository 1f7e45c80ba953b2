package importer

import (
	"fmt"
	"sort"

	"github.com/planpress/planpress/internal/model"
)

// Added is the months added to a KPI's table.
type Added struct {
	KPI    string
	Months []model.Month
}

// Change is a month whose figure the import replaces, or that revises what
// the previous edition published.
type Change struct {
	KPI      string
	Month    model.Month
	Old, New string // as the report shows them: 32.4, 22.7 (64/282), down
	At       Location
}

// importPlan is what an import writes and what it reports.
type importPlan struct {
	edits     []figuresEdit
	tables    []newTable
	added     []Added
	changed   []Change
	revised   []Change
	unchanged int
}

// plan compares each figure with the edition's file and the previous
// edition: a month the file lacks is added, one it has with another figure
// is replaced (keeping its note), one with the same figure is left alone.
func plan(site *model.Site, ed, prev *model.Edition, entries []*entry, figs map[*entry]figure) importPlan {
	order := map[string]int{}
	for i, k := range site.KPIs {
		order[k.ID] = i
	}
	var list []*entry
	for _, e := range entries {
		if _, ok := figs[e]; ok {
			list = append(list, e)
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.kpi != b.kpi {
			return order[a.kpi.ID] < order[b.kpi.ID]
		}
		return a.month < b.month
	})
	var p importPlan
	newKPI := map[string]bool{}
	for _, e := range list {
		k, f := e.kpi, figs[e]
		at := e.valueAt
		if e.value.Kind == Blank {
			at = e.countsAt
		}
		var old *model.Figure
		var oldNote string
		if s := ed.Series[k.ID]; s != nil {
			old, oldNote = s.Figure(e.month), s.Note(e.month)
		}
		if prev != nil {
			if s := prev.Series[k.ID]; s != nil {
				if pf := s.Figure(e.month); pf != nil && !sameValue(pf, f, k) {
					p.revised = append(p.revised, Change{KPI: k.ID, Month: e.month, Old: showOld(pf, k), New: showNew(f, k), At: at})
				}
			}
		}
		switch {
		case old == nil:
			p.edits = append(p.edits, figuresEdit{kpi: k.ID, month: e.month, value: tomlFigure(f, k, "")})
			if n := len(p.added); n > 0 && p.added[n-1].KPI == k.ID {
				p.added[n-1].Months = append(p.added[n-1].Months, e.month)
			} else {
				p.added = append(p.added, Added{KPI: k.ID, Months: []model.Month{e.month}})
			}
			if ed.Series[k.ID] == nil && !newKPI[k.ID] {
				newKPI[k.ID] = true
				comment := k.ReportLabel
				if comment == "" {
					comment = k.Title
				}
				p.tables = append(p.tables, newTable{kpi: k.ID, comment: comment})
			}
		case sameFigure(old, f, k):
			p.unchanged++
		default:
			p.edits = append(p.edits, figuresEdit{kpi: k.ID, month: e.month, value: tomlFigure(f, k, oldNote)})
			p.changed = append(p.changed, Change{KPI: k.ID, Month: e.month, Old: showOld(old, k), New: showNew(f, k), At: at})
		}
	}
	return p
}

// sameValue reports whether a figure publishes the same value (at the KPI's
// precision) or direction as one already published.
func sameValue(old *model.Figure, f figure, k *model.KPI) bool {
	v, has := f.value, f.hasValue
	if !has && f.hasRatio {
		v, has = float64(f.num)/float64(f.den)*100, true
	}
	if has != old.HasValue {
		return false
	}
	if has && roundTo(v, k.Decimals) != roundTo(old.Value, k.Decimals) {
		return false
	}
	return has || old.Direction == f.dir
}

// sameFigure reports whether a figure says nothing the file's does not: the
// same value or direction, and the same counts when it gives counts. Counts
// in the file that the spreadsheet does not give are kept.
func sameFigure(old *model.Figure, f figure, k *model.KPI) bool {
	if !sameValue(old, f, k) {
		return false
	}
	if f.hasRatio && (!old.HasRatio || int(old.Numerator) != f.num || int(old.Denominator) != f.den) {
		return false
	}
	if f.dir != model.DirNone && old.Direction != f.dir {
		return false
	}
	return true
}

func showOld(f *model.Figure, k *model.KPI) string {
	return show(f.HasValue, f.Value, f.HasRatio, int(f.Numerator), int(f.Denominator), f.Direction, k)
}

func showNew(f figure, k *model.KPI) string {
	v := f.value
	if !f.hasValue && f.hasRatio {
		v = float64(f.num) / float64(f.den) * 100
	}
	return show(f.hasValue || f.hasRatio, v, f.hasRatio, f.num, f.den, f.dir, k)
}

func show(hasValue bool, v float64, hasRatio bool, num, den int, dir model.Direction, k *model.KPI) string {
	s := ""
	if hasValue {
		s = formatFixed(v, k.Decimals)
	}
	if hasRatio {
		s += fmt.Sprintf(" (%d/%d)", num, den)
	}
	if dir != model.DirNone {
		if s != "" {
			s += ", "
		}
		s += dir.String()
	}
	return s
}
