// Package charts builds the ECharts options of planpress's charts (a line chart
// for each KPI, bar charts for summaries and author charts), the one-sentence
// summary that describes each chart in words, and the figure markup that carries
// the options to the site's start-up script, assets/js/charts.js.
//
// go-echarts is used only as a typed builder of options, which are marshalled
// with encoding/json into a <script type="application/json"> element: never its
// HTML templates (they write options into an executable inline script without
// escaping) nor its asset host (a public CDN). Options carry no JavaScript
// functions, so the pages work under Content-Security-Policy: default-src 'self'.
// The same input always gives the same bytes.
package charts
