package i18n

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/theme"
)

// load reads a language's catalogue for a site holding files (name ->
// contents, below the site folder).
func load(t *testing.T, lang string, files map[string]string) (*Catalogue, *diag.List) {
	t.Helper()
	site := fstest.MapFS{}
	for name, src := range files {
		site[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return Load(theme.Files{Site: site}, lang)
}

func builtin(t *testing.T) *Catalogue {
	t.Helper()
	c, diags := Load(theme.Files{}, Reference)
	if c == nil || len(diags.Items()) > 0 {
		t.Fatalf("the built-in %s catalogue does not load cleanly:\n%s", Reference, text(diags))
	}
	return c
}

func text(l *diag.List) string {
	var b strings.Builder
	l.WriteText(&b)
	return b.String()
}

func TestReferenceLoadsCleanly(t *testing.T) {
	c := builtin(t)
	if c.Language() != Reference || len(c.Keys()) < 100 {
		t.Errorf("language %q, %d keys", c.Language(), len(c.Keys()))
	}
}

func TestParseMessage(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{in: "Latest report", want: "Latest report"},
		{in: "{count} of {total}", want: "3 of 22"},
		{in: "a {{literal}} brace", want: "a {literal} brace"},
		{in: "{count}{count}", want: "33"},
		{in: "", want: ""},
		{in: "{count", err: "no closing }"},
		{in: "count}", err: "closes no placeholder"},
		{in: "{}", err: "not a placeholder"},
		{in: "{Count}", err: "not a placeholder"},
		{in: "{two words}", err: "not a placeholder"},
	} {
		m, err := parseMessage(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseMessage(%q): error %v, want one saying %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseMessage(%q): %v", tc.in, err)
			continue
		}
		if got, missing := m.format([]any{"count", 3, "total", 22}, false); got != tc.want || len(missing) > 0 {
			t.Errorf("parseMessage(%q) writes %q (missing %v), want %q", tc.in, got, missing, tc.want)
		}
	}
}

func TestPluralRules(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want Category
	}{
		{"en-GB", 0, Other}, {"en-GB", 1, One}, {"en-GB", 2, Other}, {"en-GB", 21, Other}, {"en", -1, One},
		{"cy", 0, Zero}, {"cy", 1, One}, {"cy", 2, Two}, {"cy", 3, Few}, {"cy", 4, Other},
		{"cy", 6, Many}, {"cy", 7, Other}, {"cy-GB", 3, Few},
		{"fr", 1, Other}, // a language planpress has no rules for has one form
	} {
		if got := ruleFor(tc.lang).category(tc.n); got != tc.want {
			t.Errorf("%s, %d: %s, want %s", tc.lang, tc.n, got, tc.want)
		}
	}
}

func TestText(t *testing.T) {
	c := builtin(t)
	for _, tc := range []struct {
		key  Key
		args []any
		want string
	}{
		{NavLatest, nil, "Latest report"},
		{SummaryOnTrack, []any{"count", 15, "milestones", "22 milestones", "what", "in this edition", "percent", "68.2%"}, "15 of 22 milestones in this edition are on track (68.2%)."},
		{SummaryOnTrack, []any{"count", 1, "milestones", "1 milestone", "what", "in this priority", "percent", "100.0%"}, "1 of 1 milestone in this priority is on track (100.0%)."},
		{SummaryMilestones, []any{"count", 1}, "1 milestone"},
		{Key("accessibility.reply"), []any{"count", 1, "days", 1}, ". We will reply within 1 working day."},
		{Key("accessibility.reply"), []any{"count", 5, "days", 5}, ". We will reply within 5 working days."},
		{KPIRevised, []any{"count", 1}, "One month's figure has been revised since it was first published."},
		{KPIRevised, []any{"count", 3}, "3 months' figures have been revised since they were first published."},
		{KPIRevised, []any{"count", 0}, "0 months' figures have been revised since they were first published."},
		{TrackerSummary, []any{"count", 1, "reports", "3 reports", "changed", 0}, "1 milestone across 3 reports."},
		{TrackerSummary, []any{"count", 22, "reports", "4 reports", "changed", 2}, "22 milestones across 4 reports; 2 changed status at least once."},
		{TrackerSummaryOneReport, []any{"count", 22}, "22 milestones in one report."},
		{TrackerReports, []any{"count", 1}, "1 report"},
		{UnitRate, []any{"per", "10,000"}, "Rate per 10,000"},
	} {
		if got := c.Text(tc.key, tc.args...); got != tc.want {
			t.Errorf("Text(%s, %v) = %q, want %q", tc.key, tc.args, got, tc.want)
		}
	}
	if p := c.Problems(); len(p.Items()) > 0 {
		t.Errorf("problems: %s", text(p))
	}
}

func TestTextProblems(t *testing.T) {
	for _, tc := range []struct {
		name string
		key  Key
		args []any
		want string
	}{
		{"missing placeholder", SummaryOnTrack, []any{"count", 1}, "no value for {milestones}, {what}, {percent}"},
		{"unknown key", Key("nav.latests"), nil, `the en-GB interface words have no entry "nav.latests"`},
		{"plural without a count", KPIRevised, nil, "give the count as a whole number"},
		{"plural with a word for a count", KPIRevised, []any{"count", "three"}, "give the count as a whole number"},
		{"odd arguments", NavLatest, []any{"count"}, "give each value a name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := builtin(t)
			c.Text(tc.key, tc.args...)
			if got := text(c.Problems()); !strings.Contains(got, tc.want) || !c.Problems().HasErrors() {
				t.Errorf("problems %q, want an error saying %q", got, tc.want)
			}
		})
	}
}

// TestHTMLEscapesAsLayoutsDo: the template function writes the catalogue's
// words as a layout's own text reads (apostrophes as they are) and each
// value as html/template would have escaped it in the layout.
func TestHTMLEscapesAsLayoutsDo(t *testing.T) {
	c, diags := load(t, "en-GB", map[string]string{"i18n/en-GB.toml": `
[site]
feed_title = "<{site}>'s & \"new\" reports +"
`})
	if c == nil {
		t.Fatal(text(diags))
	}
	for _, v := range []any{"Joe's <b>\"x\"</b> & a+b \x00 é", "plain", 42} {
		got, err := c.HTML("site.feed_title", "site", v)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		tpl := template.Must(template.New("").Parse(`&lt;{{.}}&gt;'s &amp; "new" reports +`))
		if err := tpl.Execute(&want, v); err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Errorf("HTML with %q:\n got %s\nwant %s", v, got, want.String())
		}
	}
	got, _ := c.HTML("site.feed_title", "site", template.HTML("<em>x</em>"))
	if !strings.Contains(string(got), "<em>x</em>") {
		t.Errorf("an HTML value was escaped: %s", got)
	}
	if _, err := c.HTML("kpi.abuot"); err == nil || !strings.Contains(err.Error(), `"kpi.abuot"`) || !strings.Contains(err.Error(), "en-GB") {
		t.Errorf("unknown key: %v, want an error naming the key and the language", err)
	}
}

func TestDatesMatchModel(t *testing.T) {
	c := builtin(t)
	for m := model.MonthOf(1999, time.January); m <= model.MonthOf(2031, time.December); m++ {
		if got, want := c.MonthShort(m), m.Short(); got != want {
			t.Fatalf("MonthShort(%s) = %q, want %q", m, got, want)
		}
		if got, want := c.Month(m), m.Long(); got != want {
			t.Fatalf("Month(%s) = %q, want %q", m, got, want)
		}
	}
	if c.Month(0) != "" || c.MonthShort(0) != "" {
		t.Error("the zero month has a name")
	}
	d := time.Date(2019, time.May, 31, 0, 0, 0, 0, time.UTC)
	if got, want := c.Day(d), d.Format("2 January 2006"); got != want {
		t.Errorf("Day = %q, want %q", got, want)
	}
	if got := c.NumberWords(4) + " " + c.NumberWords(0) + " " + c.NumberWords(13); got != "four none 13" {
		t.Errorf("NumberWords = %q", got)
	}
}

// TestLoad covers a site's own catalogue: what it changes, and each problem
// at its file and line.
func TestLoad(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lang  string
		files map[string]string
		// want is what the diagnostics say, one string a diagnostic, in
		// order; "" means none.
		want []string
		// check, when set, is an entry and its words after loading.
		key, words string
	}{
		{
			name:  "an override changes one entry",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[nav]\nlatest = \"This quarter's report\"\n"},
			key:   "nav.latest", words: "This quarter's report",
		},
		{
			name:  "other entries stay",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[nav]\nlatest = \"This quarter's report\"\n"},
			key:   "nav.archive", words: "All reports",
		},
		{
			name:  "plural forms",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[kpis]\nrevised = { one = \"one revision\", other = \"{count} revisions\" }\n"},
			key:   "kpis.revised", words: "one revision",
		},
		{
			name:  "a plain entry for a plural one",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[kpis]\nrevised = \"{count} revised\"\n"},
			key:   "kpis.revised", words: "1 revised",
		},
		{
			name:  "a key the built-in catalogue lacks is a warning",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "\n[nav]\nlatests = \"This quarter's report\"\n"},
			want:  []string{`i18n/en-GB.toml:3: warning: the built-in interface words have no entry "nav.latests"; did you mean "nav.latest"?`},
		},
		{
			name:  "unknown placeholder",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[nav]\n\nlatest = \"The {latest} report\"\n"},
			want:  []string{`i18n/en-GB.toml:3: error: nav.latest: unknown placeholder {latest}; this entry takes no placeholders`},
		},
		{
			name:  "unknown placeholder in a plural form",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[tracker]\nsummary = { one = \"{count} across {editions}\", other = \"{count}\" }\n"},
			want:  []string{`i18n/en-GB.toml:2: error: tracker.summary: unknown placeholder {editions}; use {count}, {reports}, {changed}`},
		},
		{
			name:  "malformed placeholder",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[nav]\nlatest = \"The {latest report\"\n"},
			want:  []string{`i18n/en-GB.toml:2: error: nav.latest: a { at "{latest report" has no closing }`},
		},
		{
			name:  "an empty entry",
			lang:  "cy",
			files: map[string]string{"i18n/cy.toml": "[nav]\nlatest = \" \"\n"},
			want:  []string{`i18n/cy.toml:2: error: nav.latest is empty: the page would show nothing where its words go; write the words a reader sees there, or delete the line`},
		},
		{
			name:  "an empty plural form",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[kpis]\nrevised = { one = \"\", other = \"{count} revised\" }\n"},
			want:  []string{`i18n/en-GB.toml:2: error: kpis.revised.one is empty`},
		},
		{
			name:  "an entry outside a table",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "latest = \"This quarter's report\"\n"},
			want:  []string{`i18n/en-GB.toml:1: error: "latest" is not in a table`},
		},
		{
			name:  "neither words nor forms",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[nav]\nlatest = 3\n"},
			want:  []string{`i18n/en-GB.toml:2: error: nav.latest is neither words nor a table of plural forms`},
		},
		{
			name:  "no other form",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[kpis]\nrevised = { one = \"one\" }\n"},
			want:  []string{`i18n/en-GB.toml:2: error: kpis.revised has plural forms but no other form`},
		},
		{
			name:  "not a plural category",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[kpis]\nrevised = { single = \"one\", other = \"{count}\" }\n"},
			want:  []string{`i18n/en-GB.toml:2: error: kpis.revised: "single" is not a plural form`},
		},
		{
			name:  "a category the language does not use",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[kpis]\nrevised = { few = \"a few\", other = \"{count}\" }\n"},
			want:  []string{`i18n/en-GB.toml:2: error: kpis.revised: en-GB has no plural form "few"; use the forms of en-GB: one, other`},
		},
		{
			name:  "forms where nothing is counted",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[nav]\nlatest = { one = \"a\", other = \"b\" }\n"},
			want:  []string{`i18n/en-GB.toml:2: error: nav.latest cannot have plural forms: it has no {count}`},
		},
		{
			name:  "not TOML",
			lang:  "en-GB",
			files: map[string]string{"i18n/en-GB.toml": "[nav]\nlatest = \"unclosed\n"},
			want:  []string{`i18n/en-GB.toml:2: error: cannot read the interface words`},
		},
		{
			name: "a language with words of its own but not all of them",
			lang: "gd",
			files: map[string]string{"i18n/gd.toml": `[nav]
latest = "An aithisg as ùire"
[kpis]
revised = "{count}"
`},
			want: []string{`i18n/gd.toml: error: the gd interface words have no entry "site.skip_link"; add it under [site]: skip_link = "…" (in en-GB it reads "Skip to main content")`},
		},
		{
			name:  "a site's own words amend the built-in Welsh",
			lang:  "cy",
			files: map[string]string{"i18n/cy.toml": "[nav]\nlatest = \"Adroddiad y chwarter hwn\"\n[kpis]\nrevised = { zero = \"dim\", one = \"un\", two = \"dau\", few = \"tri\", many = \"chwech\", other = \"{count}\" }\n"},
			key:   "nav.latest", words: "Adroddiad y chwarter hwn",
		},
		{
			name: "a language with no words",
			lang: "fr",
			want: []string{`planpress.toml: error: planpress has no interface words for language "fr"; write i18n/fr.toml`},
		},
		{
			name: "another English reads en-GB's words",
			lang: "en-US",
			key:  "nav.latest", words: "Latest report",
		},
		{
			name:  "and a site's own words for it",
			lang:  "en-US",
			files: map[string]string{"i18n/en-US.toml": "[colour_key]\nheading = \"Color key\"\n"},
			key:   "colour_key.heading", words: "Color key",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, diags := load(t, tc.lang, tc.files)
			got := diags.Items()
			if len(tc.want) == 0 && len(got) > 0 {
				t.Fatalf("unexpected problems:\n%s", text(diags))
			}
			if len(tc.want) > 0 {
				if len(got) == 0 {
					t.Fatalf("no problems, want %q", tc.want)
				}
				// A missing entry is reported for every entry the site
				// lacks; one shows the shape.
				for _, w := range tc.want {
					found := false
					for _, d := range got {
						found = found || strings.HasPrefix(d.String(), w)
					}
					if !found {
						t.Errorf("problems:\n%s\nwant one starting %s", text(diags), w)
					}
				}
			}
			if diags.HasErrors() != (c == nil) {
				t.Errorf("errors %v but catalogue %v", diags.HasErrors(), c)
			}
			if tc.key != "" && c != nil {
				if got := c.Text(Key(tc.key), "count", 1); got != tc.words {
					t.Errorf("%s = %q, want %q", tc.key, got, tc.words)
				}
			}
		})
	}
}

// TestMissingEntryNamesKeyAndLanguage: every entry of the reference that a
// language lacks is its own error, naming the key and the language.
func TestMissingEntryNamesKeyAndLanguage(t *testing.T) {
	ref := builtin(t)
	_, diags := load(t, "gd", map[string]string{"i18n/gd.toml": "[nav]\nlatest = \"An aithisg as ùire\"\n"})
	missing := 0
	for _, d := range diags.Items() {
		if d.Severity == diag.Error && strings.Contains(d.Message, "the gd interface words have no entry") {
			missing++
		}
	}
	if want := len(ref.Keys()) - 1; missing != want {
		t.Errorf("%d missing entries reported, want %d", missing, want)
	}
	if !strings.Contains(text(diags), `"nav.archive"`) || strings.Contains(text(diags), `"nav.latest"`) {
		t.Errorf("wrong entries reported:\n%s", text(diags))
	}
}

// TestDocumentedOverride: the example in docs/format.md loads without a
// problem and changes what it says it changes.
func TestDocumentedOverride(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(repoRoot, "docs", "format.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "## Interface words: i18n/LANG.toml")
	_, block, ok2 := strings.Cut(section, "```toml\n")
	block, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("docs/format.md has no TOML example under \"Interface words: i18n/LANG.toml\"")
	}
	c, diags := load(t, "en-GB", map[string]string{"i18n/en-GB.toml": block})
	if c == nil || len(diags.Items()) > 0 {
		t.Fatalf("the documented example does not load cleanly:\n%s", text(diags))
	}
	for key, want := range map[Key]string{
		NavLatest:        "This quarter's report",
		MonthsShortMay:   "May",
		NavArchive:       "All reports",
		MonthsSeptember:  "September",
		MonthsShortApril: "Apr",
	} {
		if got := c.Text(key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	if got := c.MonthShort(model.MonthOf(2018, time.September)); got != "Sept-18" {
		t.Errorf("September 2018 in a heading = %q, want Sept-18", got)
	}
	if got := c.Text(Key("kpis.revised"), "count", 3); got != "3 figures revised" {
		t.Errorf("kpis.revised = %q", got)
	}
}
