package render_test

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/planpress/planpress/internal/charts"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/render"
	"github.com/planpress/planpress/internal/theme"
	"github.com/planpress/planpress/internal/view"
)

// builtIn parses the built-in layouts, as a site with no layouts of its own
// gets them.
func builtIn(t testing.TB) (*render.Templates, *i18n.Catalogue) {
	t.Helper()
	site := fstest.MapFS{}
	words, d := i18n.Load(theme.Files{Site: site}, "en-GB")
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	tpl := render.Load(site, words, &diags)
	if tpl == nil {
		t.Fatal(diags.Err())
	}
	return tpl, words
}

func lineChart(words *i18n.Catalogue, title, summary string) charts.KPIChart {
	c := charts.KPIChart{ID: charts.ID("2019-05", "re-referrals"), Title: title, Description: summary, Unit: model.UnitPercent, Decimals: 1, Suffix: "%", Words: words}
	for i, v := range []float64{29.7, 30.9, 28.1} {
		c.Points = append(c.Points, charts.Point{Month: model.MonthOf(2018, time.April) + model.Month(i), Value: v, HasValue: true, RAG: model.RAGAmber})
	}
	return c
}

// chartPage writes layouts/partials/chart.html for one chart and parses it.
// It fails the test unless the page is one figure holding one script.
func chartPage(t *testing.T, tpl *render.Templates, c *view.ChartView) (page, script string, canvas *html.Node) {
	t.Helper()
	out, err := tpl.Partial("chart", c)
	if err != nil {
		t.Fatal(err)
	}
	page = "<body>" + string(out) + "</body>"
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var figures, scripts int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "figure":
				figures++
			case "script":
				scripts++
				if n.FirstChild != nil {
					script = n.FirstChild.Data
				}
			case "div":
				canvas = n
			}
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(doc)
	if figures != 1 || scripts != 1 || canvas == nil {
		t.Fatalf("%d figures, %d scripts, canvas %v in\n%s", figures, scripts, canvas != nil, page)
	}
	return page, script, canvas
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestChartPartial(t *testing.T) {
	tpl, words := builtIn(t)
	c := lineChart(words, "Re-referrals", `Re-referrals were "high" & rising.`)
	opts, err := charts.KPILine(c)
	if err != nil {
		t.Fatal(err)
	}
	page, script, canvas := chartPage(t, tpl, view.NewChart(c.ID, opts, "Re-referrals <2019>", c.Description))
	for _, want := range []string{
		`<figure class="chart" id="figure-2019-05-re-referrals">`,
		`<figcaption class="chart__caption">Re-referrals &lt;2019&gt;</figcaption>`,
		`<p class="chart__summary">Re-referrals were &#34;high&#34; &amp; rising.</p>`,
		`<div class="chart__canvas" id="chart-2019-05-re-referrals" data-chart="chart-2019-05-re-referrals-options" role="img"`,
		`<script type="application/json" id="chart-2019-05-re-referrals-options">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s in\n%s", want, page)
		}
	}
	if got := attr(canvas, "aria-label"); got != c.Description {
		t.Errorf("canvas label %q, want the summary %q", got, c.Description)
	}
	var back, want any
	if err := json.Unmarshal([]byte(script), &back); err != nil {
		t.Fatalf("the script is not JSON: %v\n%s", err, script)
	}
	if err := json.Unmarshal(opts, &want); err != nil {
		t.Fatal(err)
	}
	if b1, _ := json.Marshal(back); string(b1) != string(must(json.Marshal(want))) {
		t.Errorf("the options changed on the page:\n%s\nwant\n%s", b1, opts)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// Options that did not come from the charts package still cannot close the
// script element; a chart with no options gets no empty caption and an
// empty object.
func TestChartPartialEscapesOptions(t *testing.T) {
	tpl, _ := builtIn(t)
	raw := json.RawMessage(`{"title":{"text":"</script><script>alert(1)</script>"},"x":"a\u2028b & <!--"}`)
	page, script, _ := chartPage(t, tpl, view.NewChart("x", raw, "", "s"))
	if n := strings.Count(page, "</script>"); n != 1 {
		t.Fatalf("%d </script> in\n%s", n, page)
	}
	if strings.Contains(page, "<!--") || strings.Contains(page, "\u2028") {
		t.Errorf("unescaped <!-- or U+2028 in\n%s", page)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(script), &v); err != nil {
		t.Fatalf("the script body is not the JSON: %v\n%s", err, page)
	}
	if v["title"].(map[string]any)["text"] != "</script><script>alert(1)</script>" {
		t.Errorf("the JSON changed meaning: %v", v)
	}
	if strings.Contains(page, "<figcaption") {
		t.Errorf("a caption without a caption:\n%s", page)
	}
}

// FuzzChartPartial checks that no caption, summary or title closes the
// figure's script element or leaves the figure, and that the title comes
// back from the page's JSON as it went in.
func FuzzChartPartial(f *testing.F) {
	f.Add("Re-referrals", "Re-referrals were 32.4%.", "Re-referrals")
	f.Add("</figure><script>x</script>", "</script>", "<!--<script>")
	f.Add("\u2028", "&amp;", "{a}{b|c}")
	tpl, words := builtIn(f)
	f.Fuzz(func(t *testing.T, caption, summary, title string) {
		c := lineChart(words, title, summary)
		opts, err := charts.KPILine(c)
		if err != nil {
			t.Fatal(err)
		}
		_, script, _ := chartPage(t, tpl, view.NewChart(c.ID, opts, caption, summary))
		var o struct{ Title struct{ Text string } }
		if err := json.Unmarshal([]byte(script), &o); err != nil {
			t.Fatalf("the script is not the options: %v", err)
		}
		if utf8.ValidString(title) && o.Title.Text != title {
			t.Errorf("title %q came back as %q", title, o.Title.Text)
		}
	})
}
