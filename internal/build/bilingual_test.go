package build

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"
)

// bilingualRoot is the example site in Welsh and English.
const bilingualRoot = "../../examples/bilingual"

func renderBilingual(t *testing.T) map[string][]byte {
	t.Helper()
	mem, base, diags := Render(Options{Source: bilingualRoot})
	if diags.HasErrors() || len(diags.Items()) > 0 {
		var b strings.Builder
		diags.WriteText(&b)
		t.Fatalf("the bilingual example does not build cleanly:\n%s", b.String())
	}
	if base != "/" {
		t.Fatalf("base %q", base)
	}
	return mem.Files()
}

// TestBilingualPagesPair: every page in English has its counterpart in
// Welsh under /cy/, and each links to the other: in the language switch
// near the top (its words in the other language, with lang and hreflang),
// and as hreflang alternates in the head, with x-default the English.
func TestBilingualPagesPair(t *testing.T) {
	files := renderBilingual(t)
	const base = "https://reports.caerwen.example/"
	pages := 0
	for name := range files {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "cy/") {
			continue
		}
		pages++
		welsh, ok := files["cy/"+name]
		if !ok {
			t.Errorf("%s has no Welsh page cy/%s", name, name)
			continue
		}
		rel := strings.TrimSuffix(name, "index.html")
		if name == "404.html" {
			rel = name
		}
		english := files[name]
		for _, c := range []struct {
			page []byte
			lang string
			want []string
		}{
			{english, "en-GB", []string{
				`<a href="/cy/` + rel + `" hreflang="cy" lang="cy">Cymraeg</a>`,
				`<span aria-current="page" lang="en-GB">English</span>`,
			}},
			{welsh, "cy", []string{
				`<a href="/` + rel + `" hreflang="en-GB" lang="en-GB">English</a>`,
				`<span aria-current="page" lang="cy">Cymraeg</span>`,
			}},
		} {
			want := append(c.want,
				`<html lang="`+c.lang+`">`,
				`<link rel="alternate" hreflang="en-GB" href="`+base+rel+`">`,
				`<link rel="alternate" hreflang="x-default" href="`+base+rel+`">`,
				`<link rel="alternate" hreflang="cy" href="`+base+"cy/"+rel+`">`,
			)
			for _, w := range want {
				if !bytes.Contains(c.page, []byte(w)) {
					t.Errorf("%s (%s) does not have %s", name, c.lang, w)
				}
			}
		}
	}
	for name := range files {
		if en, ok := strings.CutPrefix(name, "cy/"); ok && strings.HasSuffix(name, ".html") {
			if _, ok := files[en]; !ok {
				t.Errorf("%s has no English page %s", name, en)
			}
		}
	}
	if pages < 20 {
		t.Errorf("%d English pages, want every page of the site", pages)
	}
}

// TestBilingualSharedAndOwnFiles: the open data, the static files and the
// host files are written once and linked from both languages; each
// language has its own feed and search index; the sitemap lists every page
// of both, each with its alternates.
func TestBilingualSharedAndOwnFiles(t *testing.T) {
	files := renderBilingual(t)
	for _, name := range []string{"editions/2024-08/data.csv", "editions/2024-08/data.json", "kpis/re-referrals/data.csv", "robots.txt", "_headers", "web.config", "sitemap.xml",
		"feed.xml", "cy/feed.xml", "search/index.json", "cy/search/index.json", "search/2024.json", "cy/search/2024.json"} {
		if _, ok := files[name]; !ok {
			t.Errorf("%s is not written", name)
		}
	}
	for name := range files {
		if strings.HasPrefix(name, "cy/") && (strings.HasSuffix(name, ".csv") || strings.HasSuffix(name, "data.json") || strings.HasPrefix(name, "cy/assets/") || name == "cy/robots.txt" || name == "cy/sitemap.xml") {
			t.Errorf("%s: a file both languages share is written again for Welsh", name)
		}
	}
	edition := files["cy/editions/2024-08/index.html"]
	for _, w := range []string{`href="/editions/2024-08/data.csv"`, `href="/editions/2024-08/data.json"`, `href="/cy/editions/2024-08/print/"`} {
		if !bytes.Contains(edition, []byte(w)) {
			t.Errorf("the Welsh edition does not link %s", w)
		}
	}
	if kpi := files["cy/kpis/re-referrals/index.html"]; !bytes.Contains(kpi, []byte(`href="/kpis/re-referrals/data.csv"`)) {
		t.Errorf("the Welsh indicator page does not link the shared data")
	}
	search := files["cy/search/index.html"]
	if !bytes.Contains(search, []byte(`data-search-index="/cy/search/index.json"`)) || !bytes.Contains(search, []byte(`data-msg-results-two="{count} ganlyniad ar gyfer “{query}”."`)) {
		t.Errorf("the Welsh search page does not search the Welsh index with Welsh words")
	}
	if idx := files["cy/search/index.json"]; !bytes.Contains(idx, []byte(`"shards":["/cy/search/2024.json"]`)) || !bytes.Contains(idx, []byte(`"u":"/cy/kpis/re-referrals/"`)) {
		t.Errorf("the Welsh search index:\n%s", idx)
	}
	feed := files["cy/feed.xml"]
	if !bytes.Contains(feed, []byte(`xml:lang="cy"`)) || !bytes.Contains(feed, []byte(`<title>Cynllun gwella gwasanaethau plant: adroddiad cynnydd, Awst 2024</title>`)) ||
		!bytes.Contains(feed, []byte(`href="https://reports.caerwen.example/cy/editions/2024-08/"`)) {
		t.Errorf("the Welsh feed:\n%s", feed)
	}
	var sitemap struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sitemap); err != nil {
		t.Fatal(err)
	}
	locs := map[string]bool{}
	for _, u := range sitemap.URLs {
		locs[u.Loc] = true
		if len(u.Links) != 3 {
			t.Errorf("%s has %d alternates, want en-GB, cy and x-default", u.Loc, len(u.Links))
		}
	}
	for _, want := range []string{"https://reports.caerwen.example/editions/2024-08/", "https://reports.caerwen.example/cy/editions/2024-08/", "https://reports.caerwen.example/cy/"} {
		if !locs[want] {
			t.Errorf("the sitemap does not list %s", want)
		}
	}
}

// TestBilingualWelshWords: the Welsh pages are in Welsh, with the English
// site's figures and dates.
func TestBilingualWelshWords(t *testing.T) {
	files := renderBilingual(t)
	page := string(files["cy/editions/2024-08/priority-2/index.html"])
	for _, w := range []string{
		`<h1>Cynllunio gofal</h1>`,
		`YCHYDIG AR EI HÔL HI`,
		`Erbyn:</span> Mehefin 2024`,
		`Ar ôl yr arolygiad`,
		`Targed 2024/25`,
		`Ymadawyr gofal mewn addysg, cyflogaeth neu hyfforddiant`,
		`Dros dro: mae asesiadau mis Mehefin yn dal i gael eu gwirio.`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("the Welsh priority page does not say %q", w)
		}
	}
	english := string(files["editions/2024-08/priority-2/index.html"])
	if !strings.Contains(english, `SLIGHT SLIPPAGE`) || strings.Contains(english, "YCHYDIG") {
		t.Errorf("the English priority page is not in English")
	}
	// The same figures in both.
	figure := regexp.MustCompile(`[0-9]+\.[0-9]%`)
	if en, cy := figure.FindAllString(english, -1), figure.FindAllString(page, -1); strings.Join(en, " ") != strings.Join(cy, " ") {
		t.Errorf("the figures differ:\nen %v\ncy %v", en, cy)
	}
}

// TestBilingualPreview: serve renders a Welsh page on demand, with its part
// of the site alone, as it does an English one.
func TestBilingualPreview(t *testing.T) {
	pv, diags := NewPreview(Options{Source: bilingualRoot, Drafts: true, Future: true})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	for _, name := range []string{"cy/editions/2024-08/priority-1/index.html", "cy/kpis/re-referrals/index.html", "cy/milestones/index.html", "cy/index.html", "cy/about/index.html"} {
		data, problems, ok := pv.File(name)
		if !ok || problems.HasErrors() {
			t.Errorf("%s: not rendered on its own (%v)", name, problems)
			continue
		}
		if !bytes.Contains(data, []byte(`<html lang="cy">`)) {
			t.Errorf("%s is not in Welsh", name)
		}
	}
	files, diags := pv.Finish()
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if _, ok := files["cy/search/index.json"]; !ok {
		t.Error("Finish did not write the Welsh search index")
	}
}
