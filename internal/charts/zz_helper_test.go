package charts

import "github.com/go-echarts/go-echarts/v2/charts"

func chartsNewLine() *charts.Line { return charts.NewLine() }
