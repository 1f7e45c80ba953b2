package view

import (
	"github.com/planpress/planpress/internal/charts"
	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/i18n"
)

// historyChartMonths is how many months a KPI page's chart shows.
const historyChartMonths = 60

// kpiHistoryChart is the chart of a KPI's whole series for its page across
// editions (each month's newest figure, rated as the edition that published
// it rated it), or nil when it has nothing to draw. The table of figures
// beside it stays the accessible way to every figure.
func (s *Site) kpiHistoryChart(h *compute.KPIHistory, f *Findings) *ChartView {
	res := &compute.KPIResult{KPI: h.KPI}
	points := h.Points
	if n := len(points); n > 0 {
		// A chart of decades of months is unreadable (and ECharts' axis has
		// its limits): show the last five years; the table has every month.
		from := points[n-1].Month - historyChartMonths + 1
		for len(points) > 0 && points[0].Month < from {
			points = points[1:]
		}
	}
	for _, p := range points {
		res.Points = append(res.Points, p.Latest.Point)
	}
	return s.lineChart(charts.ID("kpi", h.KPI.ID), res, s.t(i18n.ChartNewestFigures), f)
}
