package render

import "html/template"

// kpiHistoryChart returns the chart of a KPI's whole series for its page
// across editions, or "" for none. It is the hook for internal/charts: build
// the options with charts.KPILine from h.Points (each month's newest figure
// and its RAG), the targets by financial year (h.Targets), the baseline and
// comparators, and wrap them with charts.Figure. The page sets HasCharts when
// this returns markup, so the chart scripts load only where they are needed;
// the table of figures beside it stays the accessible equivalent.
func (r *renderer) kpiHistoryChart(h *kpiHistory) template.HTML { return "" }
