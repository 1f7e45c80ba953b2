package render

import (
	"html/template"
	"strings"
	"testing"
)

// monthRowTemplate is the month row as layouts/kpi.html wrote it with the
// template engine before monthRowHTML; the two must agree byte for byte.
const monthRowTemplate = `<tr id="month-{{.Month}}"{{if .Revised}} class="revised"{{end}}>
      <th scope="row">{{.MonthLong}}</th>
      <td class="num{{with .RAG}} rag-{{.}}{{end}}">{{if .Value}}<span class="value">{{.Value}}</span>{{else}}<span class="none">Direction only</span>{{end}}{{with .Counts}} <span class="counts">({{.}})</span>{{end}}{{if .Revised}}<span class="revision">Revised: first published as {{.First}} in the <a href="{{.FirstIn.Href}}">{{.FirstIn.Text}}</a>; revised in the <a href="{{.RevisedIn.Href}}">{{.RevisedIn.Text}}</a>.</span>{{end}}{{with .Note}}<span class="note">{{.}}</span>{{end}}</td>
      <td>{{if .RAGWord}}<strong class="tag tag--{{.RAG}}">{{.RAGWord}}</strong>{{else}}<span class="none">No rating</span>{{end}}</td>
      <td class="num">{{.Target}}</td>
      <td>{{with .Travel}}{{if .Word}}<span class="travel{{with .RAG}} travel--{{.}}{{end}}"><span aria-hidden="true">{{.Arrow}}</span> {{.Word}}</span>{{else}}<span class="none">Not known</span>{{end}}{{end}}</td>
      <td>{{with .YearOnYear}}{{if .Word}}<span class="travel{{with .RAG}} travel--{{.}}{{end}}"><span aria-hidden="true">{{.Arrow}}</span> {{.Word}}</span>{{else}}<span class="none">Not known</span>{{end}}{{end}}</td>
      <td><a href="{{.Source.Href}}">{{.Source.Text}}</a></td>
    </tr>`

// awkward holds text that html/template escapes: quotes, ampersands, plus
// signs, angle brackets, a NUL, spaces and non-ASCII letters.
var awkward = []string{
	"", "12.5%", "O'Brien & \"Sons\"", "+3 <b>bold</b>", "a\x00b", "Café – naïve", "100 > 99",
}

var awkwardURLs = []string{
	"/editions/2019-05/", "/reports/editions/2019-05/#m-1.1", "/a b/ç?x=1&y=2+3", "/odd'\"<>/", "/100%/", "/%41%4g/", "/end%4",
}

func TestMonthRowMatchesTemplate(t *testing.T) {
	tpl := template.Must(template.New("row").Parse(monthRowTemplate))
	var rows []KPIMonthView
	for i, s := range awkward {
		u := awkwardURLs[i%len(awkwardURLs)]
		rows = append(rows,
			KPIMonthView{Month: s, MonthLong: s, Value: s, Counts: s, RAG: s, RAGWord: s, Target: s, Note: s,
				Travel: TravelView{Arrow: s, Word: s, RAG: s}, YearOnYear: TravelView{Word: s},
				Source: Link{Href: u, Text: s}, Revised: i%2 == 0, First: s, FirstIn: Link{Href: u, Text: s}, RevisedIn: Link{Href: u, Text: s}},
			KPIMonthView{Month: "2019-03", MonthLong: "March 2019", Counts: s, Source: Link{Href: u, Text: s}},
		)
	}
	for _, v := range rows {
		var want strings.Builder
		if err := tpl.Execute(&want, v); err != nil {
			t.Fatal(err)
		}
		if got := string(monthRowHTML(v)); got != want.String() {
			t.Errorf("row for %+v:\n got %s\nwant %s", v, got, want.String())
		}
	}
}

func TestEscapersMatchTemplate(t *testing.T) {
	text := template.Must(template.New("t").Parse(`<p title="{{.}}">{{.}}</p>`))
	href := template.Must(template.New("h").Parse(`<a href="{{.}}">`))
	for _, s := range append(awkward, awkwardURLs...) {
		var want strings.Builder
		if err := text.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		if got := `<p title="` + escText(s) + `">` + escText(s) + `</p>`; got != want.String() {
			t.Errorf("escText(%q):\n got %s\nwant %s", s, got, want.String())
		}
	}
	for _, u := range awkwardURLs {
		var want strings.Builder
		if err := href.Execute(&want, u); err != nil {
			t.Fatal(err)
		}
		if got := `<a href="` + escURL(u) + `">`; got != want.String() {
			t.Errorf("escURL(%q):\n got %s\nwant %s", u, got, want.String())
		}
	}
}
