package render

import (
	"fmt"
	"html/template"
	"strings"
)

// Some markup is written in Go rather than by the template engine: the cells
// of KPI tables and the month rows of a KPI's page, thousands of small pieces
// per build where html/template's reflection and contextual escaping were the
// larger part of the cost. The escaping here gives byte for byte what
// html/template gives in the same places (tested in htmlgo_test.go).

// textEscaper escapes text and quoted attribute values as html/template does.
var textEscaper = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

func escText(s string) string {
	if !strings.ContainsAny(s, "\x00\"&'+<>") {
		return s
	}
	return textEscaper.Replace(s)
}

// escURL escapes an address for a quoted href, as html/template does: bytes
// that may not appear in a URL are percent-encoded, then the result is
// escaped as an attribute value. Addresses here are the site's own.
func escURL(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(c) // an escape already
			continue
		}
		if urlKeep(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02x", c)
	}
	return escText(b.String())
}

// urlKeep reports whether html/template's URL normaliser keeps a byte as it is.
func urlKeep(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// travelHTML is a direction of travel as a KPI page's table shows it.
func travelHTML(b *strings.Builder, t TravelView) {
	if t.Word == "" {
		b.WriteString(`<span class="none">Not known</span>`)
		return
	}
	b.WriteString(`<span class="travel`)
	if t.RAG != "" {
		b.WriteString(" travel--" + escText(t.RAG))
	}
	b.WriteString(`"><span aria-hidden="true">` + escText(t.Arrow) + `</span> ` + escText(t.Word) + `</span>`)
}

// monthRowHTML is one month's row of a KPI page's table (layouts/kpi.html).
func monthRowHTML(v KPIMonthView) template.HTML {
	var b strings.Builder
	b.Grow(600)
	b.WriteString(`<tr id="month-` + escText(v.Month) + `"`)
	if v.Revised {
		b.WriteString(` class="revised"`)
	}
	b.WriteString(">\n      <th scope=\"row\">" + escText(v.MonthLong) + "</th>\n      <td class=\"num")
	if v.RAG != "" {
		b.WriteString(" rag-" + escText(v.RAG))
	}
	b.WriteString(`">`)
	if v.Value != "" {
		b.WriteString(`<span class="value">` + escText(v.Value) + `</span>`)
	} else {
		b.WriteString(`<span class="none">Direction only</span>`)
	}
	if v.Counts != "" {
		b.WriteString(` <span class="counts">(` + escText(v.Counts) + `)</span>`)
	}
	if v.Revised {
		b.WriteString(`<span class="revision">Revised: first published as ` + escText(v.First) +
			` in the <a href="` + escURL(v.FirstIn.Href) + `">` + escText(v.FirstIn.Text) +
			`</a>; revised in the <a href="` + escURL(v.RevisedIn.Href) + `">` + escText(v.RevisedIn.Text) + `</a>.</span>`)
	}
	if v.Note != "" {
		b.WriteString(`<span class="note">` + escText(v.Note) + `</span>`)
	}
	b.WriteString("</td>\n      <td>")
	if v.RAGWord != "" {
		b.WriteString(`<strong class="tag tag--` + escText(v.RAG) + `">` + escText(v.RAGWord) + `</strong>`)
	} else {
		b.WriteString(`<span class="none">No rating</span>`)
	}
	b.WriteString("</td>\n      <td class=\"num\">" + escText(v.Target) + "</td>\n      <td>")
	travelHTML(&b, v.Travel)
	b.WriteString("</td>\n      <td>")
	travelHTML(&b, v.YearOnYear)
	b.WriteString("</td>\n      <td><a href=\"" + escURL(v.Source.Href) + `">` + escText(v.Source.Text) + "</a></td>\n    </tr>")
	return template.HTML(b.String())
}
