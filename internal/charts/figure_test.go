package charts

import (
	"encoding/json"
	"html/template"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

func TestFigure(t *testing.T) {
	opts, err := KPILine(reReferrals())
	if err != nil {
		t.Fatal(err)
	}
	got := string(Figure("2019-05-re-referrals", opts, "Re-referrals <2019>", `Re-referrals were "high" & rising.`))
	want := `<figure class="chart" id="figure-2019-05-re-referrals">
<figcaption class="chart__caption">Re-referrals &lt;2019&gt;</figcaption>
<p class="chart__summary">Re-referrals were &#34;high&#34; &amp; rising.</p>
<div class="chart__canvas" id="chart-2019-05-re-referrals" data-chart="chart-2019-05-re-referrals-options" role="img" aria-label="Re-referrals were &#34;high&#34; &amp; rising."></div>
<script type="application/json" id="chart-2019-05-re-referrals-options">` + string(opts) + `</script>
</figure>`
	if got != want {
		t.Errorf("Figure:\n%s\nwant\n%s", got, want)
	}
}

func TestFigureEscapesOptions(t *testing.T) {
	// Options that did not come from this package still cannot close the
	// script element.
	raw := json.RawMessage(`{"title":{"text":"</script><script>alert(1)</script>"},"x":"a\u2028b & <!--"}`)
	got := string(Markup{ID: "x", Options: raw, Summary: "s", Table: template.HTML("<table><caption>Data</caption></table>")}.HTML())
	if n := strings.Count(got, "</script>"); n != 1 {
		t.Fatalf("%d </script> in\n%s", n, got)
	}
	if strings.Contains(got, "<!--") || strings.Contains(got, "\u2028") {
		t.Errorf("unescaped <!-- or U+2028 in\n%s", got)
	}
	body := regexp.MustCompile(`(?s)<script type="application/json" id="chart-x-options">(.*)</script>`).FindStringSubmatch(got)
	var v map[string]any
	if body == nil || json.Unmarshal([]byte(body[1]), &v) != nil {
		t.Fatalf("the script body is not the JSON:\n%s", got)
	}
	if v["title"].(map[string]any)["text"] != "</script><script>alert(1)</script>" {
		t.Errorf("the JSON changed meaning: %v", v)
	}
	if !strings.Contains(got, "<table><caption>Data</caption></table>\n</figure>") {
		t.Errorf("the table is not inside the figure, after the chart:\n%s", got)
	}
	if strings.Contains(got, "<figcaption") {
		t.Errorf("a caption without a caption:\n%s", got)
	}
}

func TestFigureID(t *testing.T) {
	got := string(Figure(`2019-05/Re Referrals"><x`, nil, "c", "s"))
	if !strings.Contains(got, `id="chart-2019-05-re-referrals-x"`) || !strings.Contains(got, `>{}</script>`) {
		t.Errorf("unsafe id or empty options not handled:\n%s", got)
	}
}

// FuzzFigure checks that no caption, summary or title closes the figure's
// script element or leaves the figure: the HTML parses into one figure
// whose script holds the options.
func FuzzFigure(f *testing.F) {
	f.Add("Re-referrals", "Re-referrals were 32.4%.", "Re-referrals")
	f.Add("</figure><script>x</script>", "</script>", "<!--<script>")
	f.Add("\u2028", "&amp;", "{a}{b|c}")
	f.Fuzz(func(t *testing.T, caption, summary, title string) {
		c := reReferrals()
		c.Title, c.Description = title, summary
		opts, err := KPILine(c)
		if err != nil {
			t.Fatal(err)
		}
		page := "<body>" + string(Figure(c.ID, opts, caption, summary)) + "</body>"
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var figures, scripts int
		var script string
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
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if figures != 1 || scripts != 1 {
			t.Fatalf("%d figures and %d scripts in\n%s", figures, scripts, page)
		}
		var o options
		if err := json.Unmarshal([]byte(script), &o); err != nil {
			t.Fatalf("the script is not the options: %v", err)
		}
		if utf8.ValidString(title) && o.Title.Text != title {
			t.Errorf("title %q came back as %q", title, o.Title.Text)
		}
	})
}

func TestCanvas(t *testing.T) {
	got := string(Canvas("audit", json.RawMessage(`{"a":"<b>"}`), "Audit: 548 & more."))
	want := `<div class="chart__canvas" id="chart-audit" data-chart="chart-audit-options" role="img" aria-label="Audit: 548 &amp; more."></div>
<script type="application/json" id="chart-audit-options">{"a":"\u003cb\u003e"}</script>`
	if got != want {
		t.Errorf("Canvas:\n%s\nwant\n%s", got, want)
	}
}
