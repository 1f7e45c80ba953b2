package importer

import (
	"testing"

	"github.com/planpress/planpress/internal/model"
)

// FuzzReadCSV feeds any bytes through the CSV reader and both sheet shapes:
// it must never panic, and every figure it keeps is for a known KPI inside
// the period.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"KPI,Apr-19,May-19\nre-referrals,26.5,27.1%\nNumerator/denominator,64/282,\n",
		"\ufeffkpi;month;value;numerator;denominator\nk,2019-04,1,2,3\n",
		"sep=\t\nIndicator\tPeriod\tResult\nK\tApr 19\tup\n",
		"Title \x96 \xa3\n\nMeasure,April 2019,2019-05\nK*,n/d,-\n,5,\n",
		"\"a\nb\",Apr-19\nk,\"1,363\"\n",
	} {
		f.Add([]byte(s))
	}
	kpis := []*model.KPI{
		{ID: "k", Title: "K", Unit: model.UnitPercent, Decimals: 1, CountTitle: "Counts of K"},
		{ID: "re-referrals", Title: "Re-referrals", Unit: model.UnitPercent, Decimals: 1},
		{ID: "c", Title: "Contacts", Unit: model.UnitCount},
	}
	from, to := model.MonthOf(2019, 1), model.MonthOf(2019, 6)
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := readCSV("f.csv", data)
		if err != nil {
			return
		}
		h, ok := findHeader(g)
		if !ok {
			return
		}
		c := newCollector(kpis, from, to)
		if h.shape == Long {
			c.readLong(g, h)
		} else {
			c.readWide(g, h)
		}
		entries, figs, _ := c.finish()
		for _, e := range entries {
			if _, kept := figs[e]; !kept {
				continue
			}
			if e.month < from || e.month > to {
				t.Fatalf("kept a figure for %v, outside the period", e.month)
			}
			if f := figs[e]; f.hasRatio && (f.den <= 0 || f.num > f.den || f.num < 0) {
				t.Fatalf("kept counts %d/%d", f.num, f.den)
			}
			_ = tomlFigure(figs[e], e.kpi, "")
		}
	})
}
