package i18n_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	xhtml "golang.org/x/net/html"

	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/theme"
)

// These tests build the example site (the repository's own planpress.toml,
// content/ and data/) with catalogues of their own.

const repoRoot = "../.."

// archiveRoot is the illustrative archive of several editions.
const archiveRoot = "../../examples/archive"

// bilingualRoot is the example site in Welsh and English.
const bilingualRoot = "../../examples/bilingual"

// exampleSite copies the example site's files into a new folder, with extra
// files (name -> contents) added, and returns the folder. The layouts and
// assets are the built-in ones.
func exampleSite(t *testing.T, extra map[string]string) string {
	return copySite(t, repoRoot, extra)
}

// copySite copies a site's planpress.toml, content/ and data/ into a new
// folder, with extra files added.
func copySite(t *testing.T, root string, extra map[string]string) string {
	t.Helper()
	dst := t.TempDir()
	for _, name := range []string{"planpress.toml", "content", "data", "static"} {
		if _, err := os.Stat(filepath.Join(root, name)); os.IsNotExist(err) {
			continue
		}
		err := filepath.Walk(filepath.Join(root, name), func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return write(filepath.Join(dst, rel), b)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, src := range extra {
		if err := write(filepath.Join(dst, filepath.FromSlash(name)), []byte(src)); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func write(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}

// render builds a site folder into memory, failing on any error.
func render(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	return renderWith(t, build.Options{Source: dir})
}

func renderWith(t *testing.T, opts build.Options) map[string][]byte {
	t.Helper()
	files, _, diags := build.Render(opts)
	if diags.HasErrors() {
		t.Fatalf("the site does not build:\n%s", diagText(diags))
	}
	return files.Files()
}

func diagText(l *diag.List) string {
	var b strings.Builder
	l.WriteText(&b)
	return b.String()
}

func reference(t *testing.T) *i18n.Catalogue {
	t.Helper()
	c, diags := i18n.Load(theme.Files{}, i18n.Reference)
	if c == nil {
		t.Fatal(diagText(diags))
	}
	return c
}

// TestSiteOverride: a site's own i18n/en-GB.toml with one entry changes that
// entry's words on every page and nothing else.
func TestSiteOverride(t *testing.T) {
	before := render(t, exampleSite(t, nil))
	after := render(t, exampleSite(t, map[string]string{
		"i18n/en-GB.toml": "# This quarter's words.\n[nav]\nlatest = \"This quarter's report\"\n",
	}))
	if len(before) != len(after) {
		t.Fatalf("%d files, then %d", len(before), len(after))
	}
	const was, now = ">Latest report</a>", ">This quarter&#39;s report</a>"
	pages := 0
	for name, b := range before {
		a, ok := after[name]
		if !ok {
			t.Errorf("%s is not written with the override", name)
			continue
		}
		if !strings.HasSuffix(name, ".html") {
			if !bytes.Equal(a, b) {
				t.Errorf("%s changed, and it holds no navigation", name)
			}
			continue
		}
		pages++
		if bytes.Count(b, []byte(was)) != 1 {
			t.Errorf("%s: %d navigation links to the latest report, want 1", name, bytes.Count(b, []byte(was)))
		}
		if want := bytes.ReplaceAll(b, []byte(was), []byte(now)); !bytes.Equal(a, want) {
			t.Errorf("%s changed other than the navigation's words:\n%s", name, firstDifference(a, want))
		}
	}
	if pages < 30 {
		t.Errorf("compared %d pages, want every page of the site", pages)
	}
}

func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-80, 0)
	return fmt.Sprintf(" got …%s…\nwant …%s…", got[from:min(i+80, len(got))], want[from:min(i+80, len(want))])
}

// TestMissingEntryFailsTheBuild: an entry the site's language lacks, or one a
// layout of its own asks for that no catalogue has, is a build error naming
// the key and the language.
func TestMissingEntryFailsTheBuild(t *testing.T) {
	toml, err := os.ReadFile(filepath.Join(repoRoot, "planpress.toml"))
	if err != nil {
		t.Fatal(err)
	}
	gaelic := strings.Replace(string(toml), `language = "en-GB"`, `language = "gd"`, 1)
	if gaelic == string(toml) {
		t.Fatal(`the example site's planpress.toml no longer says language = "en-GB"`)
	}
	for _, tc := range []struct {
		name  string
		root  string // the example site when ""
		files map[string]string
		want  []string
	}{
		{
			name: "a language that lacks an entry",
			files: map[string]string{
				"planpress.toml": gaelic,
				"i18n/gd.toml":   "[nav]\nlatest = \"An aithisg as ùire\"\n",
			},
			want: []string{`i18n/gd.toml: error: the gd interface words have no entry "nav.archive"`},
		},
		{
			name: "a layout that asks for an entry no catalogue has",
			files: map[string]string{
				"layouts/404.html": `{{define "main"}}<h1>{{t "not_found.heading"}}</h1>{{end}}`,
			},
			want: []string{`layouts/404.html: error: layout failed on 404.html`, `the en-GB interface words have no entry "not_found.heading"`},
		},
		{
			name: "a site in two languages whose layout has an entry in one of them",
			root: bilingualRoot,
			files: map[string]string{
				"i18n/en-GB.toml":  "[not_found]\nheading = \"Not here\"\n",
				"layouts/404.html": `{{define "main"}}<h1>{{t "not_found.heading"}}</h1>{{end}}`,
			},
			want: []string{`layouts/404.html: error: layout failed on cy/404.html`, `the cy interface words have no entry "not_found.heading"`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := repoRoot
			if tc.root != "" {
				root = tc.root
			}
			_, _, diags := build.Render(build.Options{Source: copySite(t, root, tc.files)})
			got := diagText(diags)
			if !diags.HasErrors() {
				t.Fatalf("the build succeeded:\n%s", got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("problems:\n%s\nwant one saying %s", got, w)
				}
			}
		})
	}
}

// TestEveryInterfaceWordFromTheCatalogue renders the example site, and the
// archive of several editions with its draft, with a catalogue whose every
// entry is a marker ("⟦nav.latest⟧") and checks that no word of the
// built-in English catalogue is left in what a reader sees of any page, once
// the site's own words are taken out: its narrative (the .prose and
// .narrative blocks, but not the tables and charts placed in them) and every
// string of the site as loaded (planpress.toml, the data, the front matter).
// What is left is the interface, and it must all come from the catalogue: a
// word of four letters or more that is left, in the catalogue or not, fails.
// A site in two languages is checked in both: each language's catalogue
// is one of markers of its own ("⟦cy:nav.latest⟧"), and a page in one
// language may show no marker of another.
func TestEveryInterfaceWordFromTheCatalogue(t *testing.T) {
	for _, site := range []struct {
		name          string
		root          string
		drafts, pages int
	}{
		{"example", repoRoot, 0, 30},
		{"archive", archiveRoot, 1, 35},
		{"bilingual", bilingualRoot, 0, 40},
	} {
		t.Run(site.name, func(t *testing.T) {
			markerTest(t, site.root, site.drafts > 0, site.pages)
		})
	}
}

func markerTest(t *testing.T, root string, drafts bool, minPages int) {
	ref := reference(t)
	opts := build.Options{Source: root, Drafts: drafts, Future: drafts}
	site, diags := build.Load(opts)
	if site == nil || diags.HasErrors() {
		t.Fatal(diagText(diags))
	}
	catalogues := map[string]string{"i18n/en-GB.toml": markerCatalogue(ref, "")}
	for _, tr := range site.Translations {
		catalogues["i18n/"+tr.Language+".toml"] = markerCatalogue(ref, tr.Code)
	}
	opts.Source = copySite(t, root, catalogues)
	files := renderWith(t, opts)
	own := siteStrings(site)
	english := catalogueWords(ref)

	var names []string
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if len(names) < minPages {
		t.Fatalf("%d pages, want every page of the site", len(names))
	}
	seenMarkers := 0
	for _, name := range names {
		text := visibleText(t, name, files[name])
		seenMarkers += strings.Count(text, "⟦")
		code := ""
		for _, tr := range site.Translations {
			if strings.HasPrefix(name, tr.Code+"/") {
				code = tr.Code
			}
		}
		for _, m := range marker.FindAllStringSubmatch(text, -1) {
			if m[1] != code {
				t.Errorf("%s: %s is an interface word of another language than the page's", name, m[0])
			}
		}
		text = marker.ReplaceAllString(text, "\n")
		for _, s := range own {
			text = strings.ReplaceAll(text, s, "\n")
		}
		for _, w := range words(text) {
			if english[strings.ToLower(w)] {
				t.Errorf("%s: %q is an interface word not from the catalogue, in %q", name, w, context(text, w))
			} else {
				// Neither the catalogue's nor the site's: English the
				// catalogue lacks, or the site's own words changed on
				// the way (then teach siteStrings the change).
				t.Errorf("%s: %q is neither an entry of the catalogue nor the site's own, in %q", name, w, context(text, w))
			}
		}
	}
	if seenMarkers < 1000 {
		t.Errorf("only %d markers on the pages: is the catalogue read at all?", seenMarkers)
	}
}

// marker is an entry of a marker catalogue: "⟦nav.latest⟧", or
// "⟦cy:nav.latest⟧" in a language of a site's other than its default.
var marker = regexp.MustCompile(`⟦(?:([a-z-]+):)?[a-z0-9_.]+⟧`)

// markerCatalogue writes a catalogue whose every entry is its own marker;
// code names the language, "" for the default.
func markerCatalogue(ref *i18n.Catalogue, code string) string {
	var markers strings.Builder
	group := ""
	prefix := ""
	if code != "" {
		prefix = code + ":"
	}
	for _, k := range ref.Keys() {
		g, name, _ := strings.Cut(k, ".")
		if g != group {
			fmt.Fprintf(&markers, "[%s]\n", g)
			group = g
		}
		marker := strconv.Quote("⟦" + prefix + k + "⟧")
		if ref.Plural(i18n.Key(k)) && code == "" {
			fmt.Fprintf(&markers, "%s = { one = %s, other = %s }\n", name, marker, marker)
		} else {
			fmt.Fprintf(&markers, "%s = %s\n", name, marker)
		}
	}
	return markers.String()
}

// catalogueWords are the words of four letters or more of the catalogue's
// English entries, lower-cased: the words that must not be left.
func catalogueWords(c *i18n.Catalogue) map[string]bool {
	out := map[string]bool{}
	placeholder := regexp.MustCompile(`\{[a-z0-9_]+\}`)
	for _, k := range c.Keys() {
		for _, form := range c.Forms(i18n.Key(k)) {
			for _, w := range words(placeholder.ReplaceAllString(form, " ")) {
				out[strings.ToLower(w)] = true
			}
		}
	}
	return out
}

// words splits text into words of four letters or more.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 4 {
			out = append(out, w)
		}
	}
	return out
}

func context(text, w string) string {
	i := strings.Index(text, w)
	from, to := max(i-40, 0), min(i+len(w)+40, len(text))
	return text[from:to]
}

// siteStrings is every string of the site as loaded, and as its Markdown
// makes it, longest first: what the site says itself rather than the
// interface. Strings of fewer than four letters are left out: taking them out
// of the text could split an interface word.
func siteStrings(site *model.Site) []string {
	seen := map[string]bool{}
	md := markdown.New()
	add := func(s string) {
		for _, v := range []string{s, strings.ToLower(s), plain(string(md.ConvertInline(s, &markdown.Env{})))} {
			if len(words(v)) > 0 {
				seen[v] = true
			}
		}
	}
	visited := map[uintptr]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			add(v.String())
		case reflect.Pointer:
			if v.IsNil() || visited[v.Pointer()] {
				return
			}
			visited[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(k)
				walk(v.MapIndex(k))
			}
		}
	}
	walk(reflect.ValueOf(site))
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// plain is HTML's text.
func plain(h string) string {
	return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(h, ""))
}

// visibleText is what a reader sees of a page, or hears from a screen reader:
// its title, description, text and the attributes that are read out, and the
// words its charts draw, one piece a line. The narrative is left out, but
// not the tables and charts placed in it.
func visibleText(t *testing.T, name string, page []byte) string {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	// Attributes go after the text, so that an abbreviation's title does
	// not split the sentence it is in.
	var b, attrs strings.Builder
	var walk func(n *xhtml.Node, narrative bool)
	walk = func(n *xhtml.Node, narrative bool) {
		if n.Type == xhtml.ElementNode {
			class := " " + attr(n, "class") + " "
			switch {
			case strings.Contains(class, " prose ") || strings.Contains(class, " narrative "):
				narrative = true
			case strings.Contains(class, " kpi-block ") || strings.Contains(class, " author-chart ") || strings.Contains(class, " chart "):
				narrative = false
			}
			if !narrative {
				for _, a := range []string{"aria-label", "title", "alt", "placeholder", "data-label"} {
					if v := attr(n, a); v != "" {
						attrs.WriteString("\n" + v + "\n")
					}
				}
				// What the search script says, which the page gives it.
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "data-msg-") {
						attrs.WriteString("\n" + a.Val + "\n")
					}
				}
				if n.Data == "meta" && (attr(n, "name") == "description" || readMeta[attr(n, "property")]) {
					attrs.WriteString("\n" + attr(n, "content") + "\n")
				}
			}
			switch n.Data {
			case "script":
				if attr(n, "type") == "application/json" && n.FirstChild != nil && !narrative {
					chartText(t, name, n.FirstChild.Data, &attrs)
				}
				return
			case "style":
				return
			}
			if !inline[n.Data] {
				b.WriteString("\n")
			}
		}
		if n.Type == xhtml.TextNode && !narrative {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, narrative)
		}
		if n.Type == xhtml.ElementNode && !inline[n.Data] {
			b.WriteString("\n")
		}
	}
	walk(doc, false)
	return b.String() + attrs.String()
}

// readMeta are the properties of a page's meta elements that a reader sees
// when the page is shared.
var readMeta = map[string]bool{"og:title": true, "og:description": true, "og:site_name": true}

// inline are the elements whose text runs on with the text around them.
var inline = map[string]bool{"a": true, "abbr": true, "span": true, "strong": true, "em": true, "b": true, "i": true, "code": true, "br": false}

func attr(n *xhtml.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// chartText writes the words a chart's options draw: names, labels,
// tooltips, the axis's months and the aria description.
func chartText(t *testing.T, page, options string, b *strings.Builder) {
	var o any
	if err := json.Unmarshal([]byte(options), &o); err != nil {
		t.Errorf("%s: chart options: %v", page, err)
		return
	}
	template := regexp.MustCompile(`\{[a-z|]+\}`)
	var walk func(x any, key string)
	walk = func(x any, key string) {
		switch v := x.(type) {
		case map[string]any:
			for k, e := range v {
				walk(e, k)
			}
		case []any:
			for _, e := range v {
				walk(e, key)
			}
		case string:
			switch key {
			case "name", "formatter", "description", "text", "data":
				b.WriteString("\n" + template.ReplaceAllString(v, " ") + "\n")
			}
		}
	}
	walk(o, "")
}

// TestWelshPagesAreWelsh renders the example in two languages with the
// built-in catalogues and reads every Welsh page as a reader would: it is
// marked lang="cy", its months are Welsh, and no word of the English
// catalogue is left on it that is not also a word of the Welsh one, once the
// site's own words (planpress.toml, the data, the front matter, in both
// languages) are taken out.
func TestWelshPagesAreWelsh(t *testing.T) {
	files := render(t, bilingualRoot)
	site, diags := build.Load(build.Options{Source: bilingualRoot})
	if site == nil || diags.HasErrors() {
		t.Fatal(diagText(diags))
	}
	welsh, diags := i18n.Load(theme.Files{}, "cy")
	if welsh == nil {
		t.Fatal(diagText(diags))
	}
	english, cymraeg := catalogueWords(reference(t)), catalogueWords(welsh)
	own := siteStrings(site)
	months := map[string]bool{}
	for m := time.January; m <= time.December; m++ {
		months[strings.ToLower(m.String())] = true
	}
	pages := 0
	for name, page := range files {
		if !strings.HasPrefix(name, "cy/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>\n<html lang=\"cy\">")) {
			t.Errorf("%s is not marked lang=\"cy\"", name)
		}
		text := visibleText(t, name, page)
		text = regexp.MustCompile(`\{[a-z_]+\}`).ReplaceAllString(text, "\n")
		for _, s := range own {
			text = strings.ReplaceAll(text, s, "\n")
		}
		for _, w := range words(text) {
			lw := strings.ToLower(w)
			switch {
			case months[lw]:
				t.Errorf("%s: the English month %q, in %q", name, w, context(text, w))
			case english[lw] && !cymraeg[lw]:
				t.Errorf("%s: %q is a word of the English interface, in %q", name, w, context(text, w))
			}
		}
	}
	if pages < 20 {
		t.Fatalf("%d Welsh pages, want every page of the site", pages)
	}
	edition := string(files["cy/editions/2024-08/index.html"])
	for _, want := range []string{"Cyhoeddwyd</dt><dd>19 Awst 2024", "Gorffennaf 2023 – Mehefin 2024", "ym Mehefin 2024"} {
		if !strings.Contains(edition, want) {
			t.Errorf("the Welsh August 2024 report does not say %q", want)
		}
	}
}
