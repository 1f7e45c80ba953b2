package render

import (
	"html/template"

	"github.com/planpress/planpress/internal/model"
)

// summaryCharts returns the edition overview's charts.
func (r *renderer) summaryCharts(e *model.Edition, v *EditionView) []template.HTML { return nil }

// authorChartFigure returns the chart of an author-declared chart.
func (r *renderer) authorChartFigure(c *editionCtx, ch *model.AuthorChart) template.HTML { return "" }
