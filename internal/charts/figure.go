package charts

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"
)

// Markup is one chart as a page carries it. Its HTML is a figure that works
// without any inline script and reads as text where no script runs:
//
//	<figure class="chart" id="figure-ID">
//	<figcaption class="chart__caption">CAPTION</figcaption>
//	<p class="chart__summary">SUMMARY</p>
//	<div class="chart__canvas" id="chart-ID" data-chart="chart-ID-options" role="img" aria-label="SUMMARY"></div>
//	<script type="application/json" id="chart-ID-options">OPTIONS</script>
//	TABLE
//	</figure>
//
// assets/js/charts.js finds every element with data-chart, reads the JSON
// from the element whose id that attribute names, gives the canvas the class
// chart__canvas--drawn and draws the chart in it. Until then the canvas is an
// empty div: the stylesheet should give height only to .chart__canvas--drawn
// (about 22rem), so that a page without JavaScript, or without the ECharts
// bundle, shows the caption, the summary and the table and no empty box.
//
// The canvas is role="img" with the summary as its label. ECharts replaces
// that label with the options' aria description when it draws, so give the
// same sentence to both (KPIChart.Description, Bar.Description and here): a
// screen reader then meets one image with one sentence, and the table is the
// way to every figure. Canvas writes the canvas and its options alone, for a
// template that writes its own figure around them.
type Markup struct {
	// ID is the chart's id, as given to KPILine or Bars; an id that ID
	// could not have made is passed through ID.
	ID      string
	Options json.RawMessage // from KPILine or Bars
	Caption string          // the figure's caption, plain text
	Summary string          // the one-sentence summary, plain text
	// Table is the chart's data table, already HTML (the page templates
	// render it); it follows the canvas inside the figure. Optional.
	Table template.HTML
}

// HTML writes the figure. Caption and summary are escaped; the options are
// escaped again for HTML (<, > and & as \u003c ...) whatever their source, so
// that no string in them can close the script element.
func (m Markup) HTML() template.HTML {
	id := safeID(m.ID)
	esc := template.HTMLEscapeString

	var b strings.Builder
	b.Grow(len(m.Options) + len(m.Caption) + 2*len(m.Summary) + len(m.Table) + 400)
	b.WriteString(`<figure class="chart" id="figure-`)
	b.WriteString(id)
	b.WriteString("\">\n")
	if m.Caption != "" {
		b.WriteString(`<figcaption class="chart__caption">`)
		b.WriteString(esc(m.Caption))
		b.WriteString("</figcaption>\n")
	}
	if m.Summary != "" {
		b.WriteString(`<p class="chart__summary">`)
		b.WriteString(esc(m.Summary))
		b.WriteString("</p>\n")
	}
	writeCanvas(&b, id, m.Options, m.Summary)
	if m.Table != "" {
		b.WriteString(string(m.Table))
		b.WriteString("\n")
	}
	b.WriteString("</figure>")
	return template.HTML(b.String())
}

// Figure writes a chart's figure with no table: see Markup for the markup
// and what assets/js/charts.js does with it.
func Figure(id string, options json.RawMessage, caption, sentence string) template.HTML {
	return Markup{ID: id, Options: options, Caption: caption, Summary: sentence}.HTML()
}

// Canvas writes only the chart itself, the canvas and its options, for a
// template that writes its own figure, caption, summary and table around it:
//
//	<div class="chart__canvas" id="chart-ID" data-chart="chart-ID-options" role="img" aria-label="SUMMARY"></div>
//	<script type="application/json" id="chart-ID-options">OPTIONS</script>
func Canvas(id string, options json.RawMessage, summary string) template.HTML {
	var b strings.Builder
	b.Grow(len(options) + len(summary) + 200)
	writeCanvas(&b, safeID(id), options, summary)
	return template.HTML(strings.TrimSuffix(b.String(), "\n"))
}

func safeID(id string) string {
	if validID(id) {
		return id
	}
	return ID(id)
}

func writeCanvas(b *strings.Builder, id string, options json.RawMessage, summary string) {
	canvas := "chart-" + id
	script := canvas + "-options"
	b.WriteString(`<div class="chart__canvas" id="`)
	b.WriteString(canvas)
	b.WriteString(`" data-chart="`)
	b.WriteString(script)
	b.WriteString(`" role="img" aria-label="`)
	b.WriteString(template.HTMLEscapeString(summary))
	b.WriteString("\"></div>\n")
	b.WriteString(`<script type="application/json" id="`)
	b.WriteString(script)
	b.WriteString(`">`)
	var escaped bytes.Buffer
	json.HTMLEscape(&escaped, options)
	if escaped.Len() == 0 {
		escaped.WriteString("{}")
	}
	b.Write(escaped.Bytes())
	b.WriteString("</script>\n")
}
