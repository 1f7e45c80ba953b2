package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planpress/planpress/internal/linkcheck"
	"github.com/planpress/planpress/internal/scaffold"
)

// The illustrative archive (examples/archive): three published editions and
// a draft, with revised figures, status changes, a new and a closed
// milestone and a target change.
const archiveRoot = "../../examples/archive"

// archivePublished are its published editions, oldest first.
var archivePublished = []string{"2019-05", "2019-08", "2019-11"}

// copyArchive copies the archive's site files into a new folder, leaving out
// editions after keep ("" keeps them all).
func copyArchive(t *testing.T, keep string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(archiveRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(archiveRoot, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if rel == "public" || (keep != "" && filepath.Base(filepath.Dir(p)) == "editions" && d.Name() > keep) {
				return filepath.SkipDir
			}
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// renderSite renders a site folder into memory, failing on any error.
func renderSite(t *testing.T, opts Options) map[string][]byte {
	t.Helper()
	sink, _, diags := Render(opts)
	if diags.HasErrors() {
		var b strings.Builder
		diags.WriteText(&b)
		t.Fatalf("%s does not build:\n%s", opts.Source, b.String())
	}
	return sink.Files()
}

var mainElement = regexp.MustCompile(`(?s)<main id="main" tabindex="-1">.*</main>`)

// mainOf is a page's <main> element: what an edition published. The
// header, navigation, notices and footer around it may change.
func mainOf(t *testing.T, files map[string][]byte, page string) []byte {
	t.Helper()
	b, ok := files[page]
	if !ok {
		t.Fatalf("no page %s", page)
	}
	m := mainElement.Find(b)
	if m == nil {
		t.Fatalf("%s has no <main>", page)
	}
	return m
}

// editionRecord is what an edition published and must keep: its pages'
// <main> elements and its data files.
func editionRecord(t *testing.T, files map[string][]byte, id string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	prefix := "editions/" + id + "/"
	for p, b := range files {
		switch {
		case !strings.HasPrefix(p, prefix):
		case strings.HasSuffix(p, ".html"):
			out[p] = mainOf(t, files, p)
		default:
			out[p] = b
		}
	}
	if _, ok := out[prefix+"data.json"]; !ok {
		t.Fatalf("edition %s has no data.json", id)
	}
	return out
}

func sameRecord(t *testing.T, what string, before, after map[string][]byte) {
	t.Helper()
	if len(before) != len(after) {
		t.Errorf("%s: %d files before, %d after", what, len(before), len(after))
	}
	for p, b := range before {
		a, ok := after[p]
		if !ok {
			t.Errorf("%s: %s is gone", what, p)
			continue
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: %s changed: %s", what, p, firstDifference(a, b))
		}
	}
}

// TestArchiveEditionsStayAsPublished builds the archive as it stood when each
// edition was published and again with every later edition (and the draft):
// each edition's <main> and data files must not change by a byte, although
// later editions revise its figures and change its milestones' statuses.
func TestArchiveEditionsStayAsPublished(t *testing.T) {
	full := renderSite(t, Options{Source: copyArchive(t, ""), Drafts: true})
	for _, id := range archivePublished {
		then := renderSite(t, Options{Source: copyArchive(t, id)})
		sameRecord(t, "edition "+id, editionRecord(t, then, id), editionRecord(t, full, id))
	}
	// Once a later edition is published, an edition's pages are whole
	// byte for byte the same whatever comes after: the notice above an
	// archived report does not name the newer one.
	second := renderSite(t, Options{Source: copyArchive(t, "2019-08")})
	for p, b := range second {
		if strings.HasPrefix(p, "editions/2019-05/") && !bytes.Equal(b, full[p]) {
			t.Errorf("%s changed after the 2019-11 edition was published: %s", p, firstDifference(full[p], b))
		}
	}
	// The test can tell: the latest edition's pages do change, outside
	// <main>, when it stops being the latest...
	then := renderSite(t, Options{Source: copyArchive(t, "2019-05")})
	if bytes.Contains(then["editions/2019-05/index.html"], []byte("notice--newer")) ||
		!bytes.Contains(full["editions/2019-05/index.html"], []byte("notice--newer")) {
		t.Error("an edition gains the newer-report notice, outside <main>, once a later one exists")
	}
	// ...and the May 2019 edition still shows the re-referrals figure it
	// published, 32.4%, which later editions revised to 31.8%.
	table := mainOf(t, full, "editions/2019-05/priority-2/index.html")
	if !bytes.Contains(table, []byte(`<b>32.4%</b>`)) || bytes.Contains(table, []byte("31.8%")) {
		t.Error("May 2019 must keep 32.4% for March 2019")
	}
	var data struct {
		KPIs []struct {
			ID     string `json:"id"`
			Values []struct {
				Period string   `json:"period"`
				Value  *float64 `json:"value"`
			} `json:"values"`
		} `json:"kpis"`
	}
	if err := json.Unmarshal(full["editions/2019-05/data.json"], &data); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, k := range data.KPIs {
		for _, v := range k.Values {
			if k.ID == "re-referrals" && v.Period == "2019-03" {
				found = v.Value != nil && *v.Value == 32.4
			}
		}
	}
	if !found {
		t.Error("May 2019's data.json must keep re-referrals 2019-03 = 32.4")
	}
}

// TestScaffoldedEditionLeavesFirstUnchanged starts the second edition with
// planpress new edition, revises a month the first edition published, adds
// the new months and publishes it: the first edition stays byte-identical.
func TestScaffoldedEditionLeavesFirstUnchanged(t *testing.T) {
	dir := copyArchive(t, "2019-05")
	before := renderSite(t, Options{Source: dir})
	if _, err := scaffold.Edition(scaffold.Options{Source: dir, ID: "2019-08", From: "2019-05"}); err != nil {
		t.Fatal(err)
	}
	figures := filepath.Join(dir, "data/editions/2019-08/kpis.toml")
	b, err := os.ReadFile(figures)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	if !strings.Contains(src, `"2019-03" = 32.4`) {
		t.Fatalf("the copied figures should hold May's 32.4:\n%s", src)
	}
	src = strings.Replace(src, `"2019-03" = 32.4`, `"2019-03" = 31.8`, 1) // the revision
	src = strings.ReplaceAll(src, "# To add: figures for 2019-04 to 2019-06.", `"2019-04" = 50.0`+"\n"+`"2019-05" = 50.0`+"\n"+`"2019-06" = 50.0`)
	if err := os.WriteFile(figures, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(dir, "content/editions/2019-08/_index.md")
	b, err = os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(index, bytes.Replace(b, []byte("draft = true"), []byte("draft = false"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	// The author writes the narrative: an edition that is not a draft may
	// keep no writing prompt.
	mds, _ := filepath.Glob(filepath.Join(dir, "content/editions/2019-08/*.md"))
	for _, md := range mds {
		b, err := os.ReadFile(md)
		if err != nil {
			t.Fatal(err)
		}
		b = regexp.MustCompile(`(?m)^\{\{< todo .*$`).ReplaceAll(b, []byte("Words the author wrote."))
		b = regexp.MustCompile(`(?m)^summary = "TODO:.*$`).ReplaceAll(b, []byte(`summary = "Progress to June 2019."`))
		if err := os.WriteFile(md, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	after := renderSite(t, Options{Source: dir})
	if _, ok := after["editions/2019-08/index.html"]; !ok {
		t.Fatal("the second edition was not built")
	}
	sameRecord(t, "edition 2019-05 after 2019-08", editionRecord(t, before, "2019-05"), editionRecord(t, after, "2019-05"))
	changes := mainOf(t, after, "editions/2019-08/index.html")
	if !bytes.Contains(changes, []byte("What has changed since the last report")) || !bytes.Contains(changes, []byte(`<td class="num">32.4%</td><td class="num">31.8%</td>`)) {
		t.Error("the second edition should say it revised March 2019 from 32.4% to 31.8%")
	}
	kpi := after["kpis/re-referrals/index.html"]
	if !bytes.Contains(kpi, []byte("first published as 32.4% in the")) {
		t.Error("the KPI page should mark March 2019 as revised from 32.4%")
	}
}

func TestArchiveDraftsAndFuture(t *testing.T) {
	dir := copyArchive(t, "")
	has := func(files map[string][]byte, id string) bool {
		_, ok := files["editions/"+id+"/index.html"]
		return ok
	}
	plain := renderSite(t, Options{Source: dir})
	if has(plain, "2020-02") || !has(plain, "2019-11") {
		t.Error("a draft is left out without -drafts")
	}
	if !has(renderSite(t, Options{Source: dir, Drafts: true}), "2020-02") {
		t.Error("-drafts builds the draft")
	}
	before := time.Date(2019, 9, 1, 0, 0, 0, 0, time.UTC)
	early := renderSite(t, Options{Source: dir, Now: before})
	if has(early, "2019-11") || !has(early, "2019-08") {
		t.Error("an edition published after today is left out")
	}
	if !has(renderSite(t, Options{Source: dir, Now: before, Future: true}), "2019-11") {
		t.Error("-future builds an edition published after today")
	}
}

func TestArchiveKPIPages(t *testing.T) {
	files := renderSite(t, Options{Source: copyArchive(t, "")})
	ids := []string{"icpc-within-15-days", "re-referrals", "multiple-cp-plans", "care-leavers-eet"}
	index := string(files["kpis/index.html"])
	for _, id := range ids {
		for _, f := range []string{"index.html", "data.csv", "data.json"} {
			if _, ok := files["kpis/"+id+"/"+f]; !ok {
				t.Errorf("no kpis/%s/%s", id, f)
			}
		}
		if !strings.Contains(index, `href="/kpis/`+id+`/"`) {
			t.Errorf("the index does not link to %s", id)
		}
		rows := readCSV(t, files["kpis/"+id+"/data.csv"])
		if len(rows) != 1+18 { // April 2018 to September 2019
			t.Errorf("%s: %d rows, want a header and 18 months", id, len(rows))
		}
	}

	rows := csvByPeriod(t, files["kpis/re-referrals/data.csv"])
	mar := rows["2019-03"]
	if mar["value"] != "31.8" || mar["revised"] != "true" || mar["first_published"] != "32.4" || mar["first_edition"] != "2019-05" || mar["revised_in"] != "2019-08" || mar["edition"] != "2019-11" {
		t.Errorf("re-referrals March 2019: %v", mar)
	}
	if apr := rows["2019-04"]; apr["target"] != "23" || apr["year_on_year"] != "Worsening" || apr["rag"] != "red" {
		t.Errorf("re-referrals April 2019 is rated against 2019-11's target of 23 and compared with April 2018: %v", apr)
	}
	cp := csvByPeriod(t, files["kpis/multiple-cp-plans/data.csv"])["2019-06"]
	if cp["value"] != "16.4" || cp["numerator"] != "11" || cp["denominator"] != "67" || cp["first_published"] != "14.9" || cp["revised_in"] != "2019-11" {
		t.Errorf("multiple-cp-plans June 2019: %v", cp)
	}
	if r := csvByPeriod(t, files["kpis/icpc-within-15-days/data.csv"]); r["2019-03"]["revised"] != "false" {
		t.Errorf("icpc March 2019 was never revised: %v", r["2019-03"])
	}

	page := string(files["kpis/re-referrals/index.html"])
	for _, want := range []string{
		"Revised: first published as 32.4% in the <a href=\"/editions/2019-05/\">May 2019 report</a>; revised in the <a href=\"/editions/2019-08/\">August 2019 report</a>.",
		"Changed in the November 2019 report from 25% to 23%.",
		"Lower is better", "27.1%, 2017/18", "Statistical neighbours",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("re-referrals page lacks %q", want)
		}
	}
	if p := string(files["kpis/care-leavers-eet/index.html"]); !strings.Contains(p, "Proxy measure") {
		t.Error("the care leavers page should show its proxy note")
	}

	var data struct {
		Targets []struct {
			Year    string `json:"year"`
			Target  float64
			Changes []struct {
				Edition string `json:"edition"`
			} `json:"changes"`
		} `json:"targets"`
		Values []struct {
			Period    string `json:"period"`
			Revisions []struct {
				Edition string `json:"edition"`
			} `json:"revisions"`
		} `json:"values"`
	}
	if err := json.Unmarshal(files["kpis/re-referrals/data.json"], &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Targets) != 2 || data.Targets[1].Year != "2019/20" || len(data.Targets[1].Changes) != 1 || data.Targets[1].Changes[0].Edition != "2019-11" {
		t.Errorf("data.json targets: %+v", data.Targets)
	}
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b)) // FieldsPerRecord 0: every row as long as the header
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV is not rectangular RFC 4180: %v", err)
	}
	if len(rows) == 0 || rows[0][0] != "kpi" || rows[0][1] != "period" {
		t.Fatalf("CSV has no header row: %v", rows)
	}
	return rows
}

func csvByPeriod(t *testing.T, b []byte) map[string]map[string]string {
	t.Helper()
	rows := readCSV(t, b)
	out := map[string]map[string]string{}
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = row[i]
		}
		out[m["period"]] = m
	}
	return out
}

func TestArchiveTrackerAndPriorities(t *testing.T) {
	files := renderSite(t, Options{Source: copyArchive(t, "")})
	tracker := string(mainOf(t, files, "milestones/index.html"))
	row := func(ref string) string {
		start := strings.Index(tracker, `<tr id="m-`+ref+`">`)
		if start < 0 {
			t.Fatalf("the tracker has no row for %s", ref)
		}
		end := strings.Index(tracker[start:], "</tr>")
		return tracker[start : start+end]
	}
	for ref, wants := range map[string][]string{
		"1.2": {"Changed from ON TRACK", "Changed from SLIGHT SLIPPAGE"},
		"2.1": {"Changed from SLIGHT SLIPPAGE", "Changed from OFF TRACK"},
		"2.2": {"No longer listed"},
		"3.3": {"New", "tracker-cell--absent"},
	} {
		r := row(ref)
		for _, want := range wants {
			if !strings.Contains(r, want) {
				t.Errorf("tracker row %s lacks %q", ref, want)
			}
		}
	}
	if strings.Count(tracker, "<th scope=\"col\"><a href=\"/editions/") != 3*3 {
		t.Error("each priority's table has a column per published edition")
	}
	for _, n := range []string{"1", "2", "3"} {
		p := string(mainOf(t, files, "priorities/"+n+"/index.html"))
		if !strings.Contains(p, `href="/editions/2019-05/priority-`+n+`/"`) || !strings.Contains(p, `href="/editions/2019-11/priority-`+n+`/"`) {
			t.Errorf("priority %s's page should link to it in every edition", n)
		}
	}
	if p := string(files["priorities/3/index.html"]); !strings.Contains(p, `<tr id="m-3.3">`) || !strings.Contains(p, `href="/kpis/care-leavers-eet/"`) {
		t.Error("priority 3's page should track 3.3 and link to its indicator")
	}
	for _, nav := range []string{`<a href="/kpis/">Indicators</a>`, `<a href="/milestones/" aria-current="page">Milestones</a>`} {
		if !strings.Contains(string(files["milestones/index.html"]), nav) {
			t.Errorf("the navigation lacks %s", nav)
		}
	}
}

func TestArchiveWhatChanged(t *testing.T) {
	files := renderSite(t, Options{Source: copyArchive(t, "")})
	if bytes.Contains(mainOf(t, files, "editions/2019-05/index.html"), []byte("What has changed")) {
		t.Error("the first edition has nothing to compare with")
	}
	nov := string(mainOf(t, files, "editions/2019-11/index.html"))
	for _, want := range []string{
		"What has changed since the last report",
		`<a href="/editions/2019-08/">Improvement plan progress report, August 2019 (sample)</a>`,
		`<a href="/editions/2019-11/priority-2/#m-2.1">2.1</a>`, "Changed from OFF TRACK",
		`<a href="/editions/2019-11/priority-1/#m-1.3">1.3</a>`, "Changed from NOT YET DUE",
		`<a href="/editions/2019-11/priority-3/#m-3.3">3.3</a> (new;`,
		`<a href="/editions/2019-08/priority-2/#m-2.2">2.2</a> (closed;`,
		"The 2019/20 target changed from 25% to 23%.",
		`<strong class="tag tag--red">Red</strong> 67.5% in June 2019`, `<strong class="tag tag--amber">Amber</strong> 74.0% in September 2019`,
		`<td>June 2019</td><td class="num">14.9% (10/67)</td><td class="num">16.4% (11/67)</td>`,
	} {
		if !strings.Contains(nov, want) {
			t.Errorf("November 2019's changes lack %q", want)
		}
	}
	aug := string(mainOf(t, files, "editions/2019-08/index.html"))
	for _, want := range []string{"Changed from ON TRACK", `<td>March 2019</td><td class="num">32.4%</td><td class="num">31.8%</td>`, "The target for 2019/20 is 80% (for 2018/19 it was 75%)."} {
		if !strings.Contains(aug, want) {
			t.Errorf("August 2019's changes lack %q", want)
		}
	}
	if home := string(mainOf(t, files, "index.html")); !strings.Contains(home, "What has changed since the last report") {
		t.Error("the home page shows the latest edition's changes")
	}
}

func TestArchiveSearch(t *testing.T) {
	files := renderSite(t, Options{Source: copyArchive(t, "")})
	raw := files["search/index.json"]
	if len(raw) > 64<<10 {
		t.Errorf("the search index is %d bytes; keep it compact", len(raw))
	}
	var idx struct {
		Editions []struct {
			ID     string `json:"id"`
			Latest bool   `json:"latest"`
		} `json:"editions"`
		Entries []struct {
			T, U, E, K, X string
		} `json:"entries"`
		Shards []string `json:"shards"`
	}
	if err := json.Unmarshal(raw, &idx); err != nil {
		t.Fatal(err)
	}
	if len(idx.Editions) != 3 || idx.Editions[0].ID != "2019-11" || !idx.Editions[0].Latest {
		t.Errorf("editions, newest first: %+v", idx.Editions)
	}
	// The reports' sections are in a shard a year, newest first.
	if want := []string{"/search/2019.json"}; !slices.Equal(idx.Shards, want) {
		t.Errorf("shards %v, want %v", idx.Shards, want)
	}
	for _, name := range idx.Shards {
		var shard struct {
			Entries []struct {
				T, U, E, K, X string
			} `json:"entries"`
		}
		if err := json.Unmarshal(files[strings.TrimPrefix(name, "/")], &shard); err != nil {
			t.Fatalf("shard %s: %v", name, err)
		}
		if len(shard.Entries) == 0 || shard.Entries[0].E != "2019-11" {
			t.Errorf("shard %s does not start with the newest edition's entries", name)
		}
		idx.Entries = append(idx.Entries, shard.Entries...)
	}
	kinds := map[string]int{}
	for _, e := range idx.Entries {
		kinds[e.K]++
		if e.T == "" || e.U == "" {
			t.Errorf("an entry without a title or address: %+v", e)
		}
		page := strings.TrimPrefix(strings.SplitN(e.U, "#", 2)[0], "/")
		if page == "" || strings.HasSuffix(page, "/") {
			page += "index.html"
		}
		if _, ok := files[page]; !ok {
			t.Errorf("entry %q leads to %s, which the site lacks", e.T, e.U)
		}
		if len([]rune(e.X)) > 321 {
			t.Errorf("entry %q has %d characters of text", e.T, len([]rune(e.X)))
		}
	}
	for _, k := range []string{"report", "priority", "indicator", "milestone", "page", "term"} {
		if kinds[k] == 0 {
			t.Errorf("no %s entries in the index", k)
		}
	}
	found := false
	for _, e := range idx.Entries {
		if e.E == "2019-08" && strings.Contains(e.X, "31.8%") {
			found = true // figures quoted in the narrative are searchable
		}
	}
	if !found {
		t.Error("the August 2019 narrative's quoted figure 31.8% should be in the index")
	}

	page := string(files["search/index.html"])
	for _, want := range []string{
		`data-search-index="/search/index.json"`, "Search needs JavaScript",
		`<a href="/editions/">All reports</a>`, `<a href="/kpis/">Indicators</a>`, `<a href="/milestones/">Milestone tracker</a>`,
		`role="status" aria-live="polite"`, `<ol id="search-results"`, `<form class="search-form" action="/search/"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the search page lacks %q", want)
		}
	}
	script := regexp.MustCompile(`<script src="(/assets/search\.[0-9a-f]{10}\.js)" defer></script>`).FindStringSubmatch(page)
	if script == nil {
		t.Fatal("pages load the search script")
	}
	if _, ok := files[strings.TrimPrefix(script[1], "/")]; !ok {
		t.Errorf("the search script %s is not written", script[1])
	}
	if !strings.Contains(string(files["index.html"]), `<form class="site-search" action="/search/" method="get" role="search">`) {
		t.Error("the header search form posts to the search page")
	}
}

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

type sitemapSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

func TestArchiveFeedAndSitemap(t *testing.T) {
	const base = "https://sample-reports.example.org/"
	files := renderSite(t, Options{Source: copyArchive(t, ""), Drafts: true})
	var feed atomFeed
	if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
		t.Fatalf("feed.xml is not XML: %v", err)
	}
	if feed.ID != base || feed.Updated != "2019-11-18T00:00:00Z" || len(feed.Entries) != 3 {
		t.Fatalf("feed: id %q, updated %q, %d entries (drafts are never announced)", feed.ID, feed.Updated, len(feed.Entries))
	}
	if e := feed.Entries[0]; e.Link.Href != base+"editions/2019-11/" || e.ID != e.Link.Href || !strings.Contains(e.Title, "November 2019") {
		t.Errorf("newest entry first, with absolute addresses: %+v", e)
	}
	if !strings.Contains(string(files["index.html"]), `<link rel="alternate" type="application/atom+xml" href="/feed.xml"`) {
		t.Error("pages announce the feed")
	}

	var sm sitemapSet
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatalf("sitemap.xml is not XML: %v", err)
	}
	locs := map[string]string{}
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, base) {
			t.Errorf("sitemap address %q is not absolute under %s", u.Loc, base)
		}
		page := strings.TrimPrefix(u.Loc, base)
		if page == "" || strings.HasSuffix(page, "/") {
			page += "index.html"
		}
		if _, ok := files[page]; !ok {
			t.Errorf("sitemap lists %s, which the site lacks", u.Loc)
		}
		if strings.Contains(u.Loc, "2020-02") || strings.Contains(u.Loc, "404") || strings.Contains(u.Loc, "/print/") {
			t.Errorf("sitemap lists %s", u.Loc)
		}
		locs[u.Loc] = u.LastMod
	}
	for _, p := range []string{"", "editions/", "kpis/", "kpis/re-referrals/", "milestones/", "priorities/2/", "search/", "editions/2019-05/priority-1/"} {
		if _, ok := locs[base+p]; !ok {
			t.Errorf("sitemap lacks %s", base+p)
		}
	}
	if locs[base+"editions/2019-08/"] != "2019-08-19" {
		t.Errorf("an edition's pages carry its publication date: %q", locs[base+"editions/2019-08/"])
	}
	if !strings.Contains(string(files["robots.txt"]), "Sitemap: "+base+"sitemap.xml") {
		t.Error("robots.txt names the sitemap")
	}
}

// TestArchiveLinks builds the archive to a folder and checks every link,
// address and fragment with linkcheck.
func TestArchiveLinks(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Source: copyArchive(t, ""), Dest: dest, Drafts: true}); err != nil {
		t.Fatal(err)
	}
	problems, err := linkcheck.Dir(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}
