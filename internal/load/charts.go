package load

import (
	"fmt"
	"slices"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// checkCopiedCharts warns of an author chart that is exactly the previous
// edition's: planpress new edition copies each priority's charts with its
// plan, and a chart of last quarter's audit published again unchanged
// reads as this quarter's. A chart meant to be shown again as it was says
// so with unchanged = true.
func checkCopiedCharts(e, prev *model.Edition, diags *diag.List) {
	if prev == nil {
		return
	}
	old := map[string]*model.AuthorChart{}
	for _, p := range prev.Priorities {
		for _, c := range p.Charts {
			old[c.ID] = c
		}
	}
	for _, p := range e.Priorities {
		for _, c := range p.Charts {
			o := old[c.ID]
			if c.Unchanged || o == nil || !sameChart(c, o) {
				continue
			}
			diags.Warnf(c.Pos.File, c.Pos.Line,
				fmt.Sprintf("give this edition's figures (and the period in its title), or, if it does not belong in this report, remove the [[charts]] entry and its {{< chart %s >}}; if it is meant to be shown again as it was, write unchanged = true in its [[charts]] entry", c.ID),
				"chart %q is exactly as edition %s published it (the same title and figures)", c.ID, prev.ID)
		}
	}
}

// sameChart reports whether two author charts show the same thing.
func sameChart(a, b *model.AuthorChart) bool {
	return a.Title == b.Title && a.Kind == b.Kind && a.Unit == b.Unit && a.Note == b.Note &&
		slices.Equal(a.Categories, b.Categories) && slices.Equal(a.Values, b.Values)
}
