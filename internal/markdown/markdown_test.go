package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/diag"
)

func testEnv(d *diag.List) *Env {
	return &Env{
		File:  "content/x.md",
		Line:  10,
		Diags: d,
		Shortcodes: map[string]Handler{
			"value": func(a Args) (Output, error) {
				if len(a.Positional) != 2 {
					return Output{}, Fixf("write {{< value ID MONTH >}}", "value needs a KPI id and a month")
				}
				return Output{HTML: fmt.Sprintf("<span>%s@%s</span>", a.Positional[0], a.Positional[1])}, nil
			},
			"kpi-table": func(a Args) (Output, error) {
				return Output{HTML: "<table>" + strings.Join(a.Positional, ",") + "</table>", Block: true}, nil
			},
		},
		MilestoneHref: func(ref string) (string, bool) { return "#m-" + ref, ref == "2.2" || ref == "1.1" },
	}
}

func TestShortcodes(t *testing.T) {
	c := New()
	var d diag.List
	out := string(c.Convert("It was {{< value re-referrals 2019-03 >}} in March.\n\n{{< kpi-table a b >}}\n", testEnv(&d)))
	if !strings.Contains(out, "<span>re-referrals@2019-03</span>") {
		t.Errorf("inline shortcode not rendered: %s", out)
	}
	if !strings.Contains(out, "<table>a,b</table>") || strings.Contains(out, "<p><table>") {
		t.Errorf("block shortcode should replace its paragraph: %s", out)
	}
	if d.Len() != 0 {
		t.Errorf("unexpected diagnostics: %v", d.Items())
	}
}

func TestShortcodeErrorsCarryLines(t *testing.T) {
	c := New()
	var d diag.List
	c.Convert("First line.\n\nSee {{< valeu x y >}}.\n\nAnd {{< value x >}}.\n\nText {{< kpi-table a >}} inline.\n", testEnv(&d))
	items := d.Items()
	want := []string{
		`content/x.md:12: error: unknown shortcode "valeu"; did you mean "value"?`,
		`content/x.md:14: error: {{< value x >}}: value needs a KPI id and a month; write {{< value ID MONTH >}}`,
		`content/x.md:16: error: the kpi-table shortcode places a table or chart, so it cannot sit inside a sentence`,
	}
	if len(items) != len(want) {
		t.Fatalf("got %d diagnostics: %v", len(items), items)
	}
	for i, w := range want {
		if !strings.HasPrefix(items[i].String(), w) {
			t.Errorf("diagnostic %d:\n got %s\nwant %s", i, items[i], w)
		}
	}
}

func TestParseArgs(t *testing.T) {
	a, name, err := parseArgs(` milestones priority=1 status="ON TRACK" words=true "two words" plain `)
	if err != nil || name != "milestones" {
		t.Fatalf("name %q err %v", name, err)
	}
	if a.Named["status"] != "ON TRACK" || a.Named["priority"] != "1" || a.Named["words"] != "true" {
		t.Errorf("named: %v", a.Named)
	}
	if len(a.Positional) != 2 || a.Positional[0] != "two words" || a.Positional[1] != "plain" {
		t.Errorf("positional: %q", a.Positional)
	}
	if _, _, err := parseArgs(`x status="open`); err == nil {
		t.Error("unclosed quote should fail")
	}
	if _, _, err := parseArgs(`  `); err == nil {
		t.Error("empty shortcode should fail")
	}
}

func TestMilestoneRefs(t *testing.T) {
	c := New()
	var d diag.List
	out := string(c.Convert("2.2: The audit was done.\n\n- 1.1: In a list.\n\n9.9: Missing.\n\n2019: not a ref.\n", testEnv(&d)))
	if !strings.Contains(out, `<a href="#m-2.2" class="ref">2.2</a>: The audit`) {
		t.Errorf("ref not linked: %s", out)
	}
	if !strings.Contains(out, `<a href="#m-1.1" class="ref">1.1</a>: In a list`) {
		t.Errorf("ref in list not linked: %s", out)
	}
	if d.Len() != 1 || !strings.Contains(d.Items()[0].String(), "x.md:14: error: the paragraph starts with milestone ref 9.9") {
		t.Errorf("want one error for 9.9 at line 14: %v", d.Items())
	}
}

func TestGlossaryMarksFirstUseOnly(t *testing.T) {
	terms := CompileGlossary([]Term{{Abbr: "MASH", Meaning: "Multi-Agency Safeguarding Hub", Href: "/glossary/#mash"}, {Abbr: "CP", Meaning: "Child protection"}, {Abbr: "HR&OD", Meaning: "Human resources & organisational development"}})
	page := terms.NewPage()
	c := New()
	env := &Env{Glossary: page}
	out := string(c.Convert("The MASH team. The MASH again. A CP plan; CPC is not CP. HR&OD too.\n\n[link about MASH](/x) `CP`", env))
	if strings.Count(out, "<abbr") != 3 {
		t.Errorf("want three marked terms: %s", out)
	}
	if !strings.Contains(out, `<a class="term" href="/glossary/#mash"><abbr title="Multi-Agency Safeguarding Hub">MASH</abbr></a> team`) {
		t.Errorf("MASH not marked: %s", out)
	}
	if !strings.Contains(out, `<abbr title="Human resources &amp; organisational development">HR&amp;OD</abbr>`) {
		t.Errorf("HR&OD not marked: %s", out)
	}
	if strings.Contains(out, "<abbr title=\"Child protection\">CP</abbr>C") {
		t.Errorf("CP inside CPC must not be marked: %s", out)
	}
	// The state carries across conversions of one page.
	if got := page.Mark("MASH and CP"); strings.Contains(got, "<abbr") {
		t.Errorf("second use on the page marked again: %s", got)
	}
	if got := terms.NewPage().Mark("a <MASH>"); !strings.Contains(got, "&lt;<a class=\"term\"") {
		t.Errorf("Mark must escape and mark: %s", got)
	}
}

func TestRawHTMLEscapedByDefault(t *testing.T) {
	out := string(New().Convert("<script>alert(1)</script>\n\nx <b>y</b>", nil))
	if strings.Contains(out, "<script>") || strings.Contains(out, "<b>") {
		t.Errorf("raw HTML must not pass by default: %s", out)
	}
	out = string(New(WithRawHTML()).Convert("x <b>y</b>", nil))
	if !strings.Contains(out, "<b>y</b>") {
		t.Errorf("raw HTML should pass when turned on: %s", out)
	}
}

func FuzzConvert(f *testing.F) {
	f.Add("2.2: x {{< value a b >}}\n\n{{< kpi-table a >}}")
	f.Add("{{< value \"unclosed >}} MASH CP")
	f.Add("{{<")
	terms := CompileGlossary([]Term{{Abbr: "MASH", Meaning: "M"}, {Abbr: "CP", Meaning: "C"}})
	c := New()
	f.Fuzz(func(t *testing.T, src string) {
		var d diag.List
		env := testEnv(&d)
		env.Glossary = terms.NewPage()
		out := string(c.Convert(src, env))
		if strings.Contains(out, "<script") {
			t.Fatalf("script tag in output: %q", out)
		}
	})
}

func TestLinksRecordedAndImagesNeedAlt(t *testing.T) {
	var d diag.List
	var links []LinkRef
	env := &Env{File: "p.md", Line: 5, Diags: &d, Links: &links}
	New().Convert("See [the plan](/editions/2019-05/) and [elsewhere](https://example.org/).\n\n![](chart.png)\n\n![A chart](ok.png)\n", env)
	if len(links) != 3 || links[0].Dest != "/editions/2019-05/" || links[0].Line != 5 || links[1].Line != 7 {
		t.Errorf("links: %+v", links)
	}
	items := d.Items()
	if len(items) != 1 || !strings.HasPrefix(items[0].String(), "p.md:7: error: the image chart.png has no text alternative") {
		t.Errorf("diagnostics: %v", items)
	}
}

func TestUnknownAbbreviationsWarned(t *testing.T) {
	terms := CompileGlossary([]Term{{Abbr: "MASH", Meaning: "M"}})
	var d diag.List
	env := &Env{File: "p.md", Line: 1, Diags: &d, Glossary: terms.NewPage(), WarnUnknownTerms: true}
	New().Convert("The MASH and the PRAS team.\n\nPRAS again, and HR&OD, and a lone A and S47 and IV.\n", env)
	var got []string
	for _, it := range d.Items() {
		got = append(got, it.String())
	}
	want := []string{
		`p.md:1: warning: the abbreviation PRAS is not in the glossary; add it to data/glossary.toml: [[term]] abbr = "PRAS" meaning = "..."`,
		`p.md:3: warning: the abbreviation HR&OD is not in the glossary; add it to data/glossary.toml: [[term]] abbr = "HR&OD" meaning = "..."`,
		`p.md:3: warning: the abbreviation S47 is not in the glossary; add it to data/glossary.toml: [[term]] abbr = "S47" meaning = "..."`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAdjacentUnknownAbbreviations(t *testing.T) {
	var d diag.List
	env := &Env{File: "p.md", Line: 1, Diags: &d, Glossary: CompileGlossary([]Term{{Abbr: "MASH", Meaning: "M"}}).NewPage(), WarnUnknownTerms: true}
	New().Convert("The ABC DEF team.\n", env)
	if d.Len() != 2 {
		t.Errorf("want warnings for ABC and DEF, got %v", d.Items())
	}
}
