package pdf

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planpress/planpress/internal/assets"
	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/model"
)

const (
	exampleSite   = "../.."
	archiveSite   = "../../examples/archive"
	bilingualSite = "../../examples/bilingual"
)

// makePack prints a site's pack with the browser on this machine.
func makePack(t *testing.T, site, edition string) *Pack {
	t.Helper()
	needPoppler(t)
	needBrowser(t)
	if !assets.HasECharts() {
		missingTool(t, errors.New("this planpress has no chart library, so the pack has no charts to check (make bundle)"))
	}
	start := time.Now()
	p, err := Make(context.Background(), Options{Source: site, Edition: edition})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d pages in %s", p.Edition.ID, p.Pages, time.Since(start).Round(time.Millisecond))
	return p
}

// TestPackExample: the example's May 2019 pack is an A4, tagged PDF with an
// outline, holding every milestone and every indicator's latest figure, and
// every chart whole; printed twice, it reads the same.
func TestPackExample(t *testing.T) {
	p := makePack(t, exampleSite, "2019-05")
	checkPack(t, exampleSite, p)

	again := makePack(t, exampleSite, "2019-05")
	if again.Pages != p.Pages || !slices.Equal(pageTexts(t, again.PDF), pageTexts(t, p.PDF)) {
		t.Errorf("printed twice, the pack differs: %d pages, then %d, or other words", p.Pages, again.Pages)
	}
}

// TestPackArchive: the archive's pack is of its latest published edition
// (the one after it is a draft).
func TestPackArchive(t *testing.T) {
	p := makePack(t, archiveSite, "")
	if p.Edition.ID != "2019-11" {
		t.Errorf("printed edition %s, want the latest published, 2019-11", p.Edition.ID)
	}
	checkPack(t, archiveSite, p)
}

// TestPackInWelsh: -lang cy prints the Welsh print edition: a PDF in Welsh
// (its language, title, outline and status words), with the same pages of
// furniture as the English pack and the same figures.
func TestPackInWelsh(t *testing.T) {
	needPoppler(t)
	needBrowser(t)
	en, err := Make(context.Background(), Options{Source: bilingualSite})
	if err != nil {
		t.Fatal(err)
	}
	cy, err := Make(context.Background(), Options{Source: bilingualSite, Language: "cy"})
	if err != nil {
		t.Fatal(err)
	}
	if cy.Code != "cy" || en.Code != "" || cy.Edition.ID != en.Edition.ID {
		t.Fatalf("packs of %s/%q and %s/%q, want the latest edition in English and in Welsh", en.Edition.ID, en.Code, cy.Edition.ID, cy.Code)
	}
	// Welsh words are longer: a first half-year's table is too wide for its
	// page unless its words break, and nothing makes the browser shrink
	// the pages; the English tables fit as they are.
	if cy.Wrapped == 0 || en.Wrapped != 0 || len(cy.Overflow) > 0 || len(en.Overflow) > 0 {
		t.Errorf("tables whose words break: %d Welsh, %d English (want some, none); too wide: %v, %v", cy.Wrapped, en.Wrapped, cy.Overflow, en.Overflow)
	}
	if cy.Edition.Title == en.Edition.Title {
		t.Errorf("the Welsh pack has the English title %q", cy.Edition.Title)
	}
	st := readStructure(t, cy.PDF)
	if st.Lang != "cy" {
		t.Errorf("the Welsh PDF's language is %q, want cy", st.Lang)
	}
	outline := flat(strings.Join(st.Outline, "\n"))
	for _, want := range []string{cy.Edition.Title, "Cynnwys", "Allwedd lliwiau"} {
		if !strings.Contains(outline, want) {
			t.Errorf("the Welsh outline lacks %q:\n%s", want, outline)
		}
	}
	text := flat(strings.Join(pageTexts(t, cy.PDF), " "))
	for _, want := range []string{"YCHYDIG AR EI HÔL HI", "Tudalen"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Welsh pack does not say %q", want)
		}
	}
	for _, english := range []string{"SLIGHT SLIPPAGE", "Contents", "Colour key"} {
		if strings.Contains(text, english) {
			t.Errorf("the Welsh pack says %q, a word of the English pack", english)
		}
	}
	figure := regexp.MustCompile(`[0-9]+\.[0-9]%`)
	enText := flat(strings.Join(pageTexts(t, en.PDF), " "))
	if a, b := figure.FindAllString(enText, -1), figure.FindAllString(text, -1); len(a) == 0 || !slices.Equal(a, b) {
		t.Errorf("the packs' percentages differ:\nen %v\ncy %v", a, b)
	}
}

// TestUnknownLanguage: a language the site is not published in is an error
// that names the ones it is.
func TestUnknownLanguage(t *testing.T) {
	needBrowser(t)
	_, err := Make(context.Background(), Options{Source: bilingualSite, Language: "fr"})
	var le *LanguageError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "en-GB (English), cy (Cymraeg)") {
		t.Errorf("-lang fr: %v, want a LanguageError that names en-GB (English) and cy (Cymraeg)", err)
	}
	if _, err := Make(context.Background(), Options{Source: archiveSite, Language: "cy"}); !errors.As(err, &le) {
		t.Errorf("-lang cy on a site in English alone: %v, want a LanguageError", err)
	}
}

func TestUnknownEdition(t *testing.T) {
	needBrowser(t)
	_, err := Make(context.Background(), Options{Source: archiveSite, Edition: "2020-02"})
	var ee *EditionError
	if !errors.As(err, &ee) || !strings.Contains(err.Error(), "2019-05, 2019-08, 2019-11") {
		t.Errorf("a draft edition: %v, want an EditionError that lists the published editions", err)
	}
}

func TestNoBrowser(t *testing.T) {
	t.Setenv(BrowserEnv, filepath.Join(t.TempDir(), "chrome"))
	_, err := Make(context.Background(), Options{Source: exampleSite})
	if !errors.Is(err, ErrNoBrowser) {
		t.Errorf("got %v, want ErrNoBrowser", err)
	}
	t.Setenv(BrowserEnv, "")
	t.Setenv("PATH", "")
	_, err = Make(context.Background(), Options{Source: exampleSite})
	if !errors.Is(err, ErrNoBrowser) {
		t.Errorf("with nothing on the PATH: got %v, want ErrNoBrowser", err)
	}
}

// edition is what a check needs of an edition's data.json.
type edition struct {
	Edition struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		From  string `json:"from"`
		To    string `json:"to"`
	} `json:"edition"`
	Priorities []struct {
		Number     int      `json:"number"`
		Title      string   `json:"title"`
		KPIs       []string `json:"kpis"`
		Milestones []struct {
			Ref    string `json:"ref"`
			Status string `json:"status"`
		} `json:"milestones"`
	} `json:"priorities"`
	KPIs []struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Unit     string `json:"unit"`
		Decimals int    `json:"decimals"`
		Values   []struct {
			Period string   `json:"period"`
			Value  *float64 `json:"value"`
		} `json:"values"`
	} `json:"kpis"`
}

// unitOf reads a unit of the open data; an unknown one is a plain number.
func unitOf(s string) model.Unit {
	u, _ := model.ParseUnit(s)
	return u
}

// short writes a month as the tables and charts label it: "Mar-19".
func short(t *testing.T, month string) string {
	t.Helper()
	m, err := time.Parse("2006-01", month)
	if err != nil {
		t.Fatal(err)
	}
	return m.Format("Jan-06")
}

var (
	monthLabel   = regexp.MustCompile(`\b[A-Z][a-z]{2}-\d\d\b`)
	cells        = regexp.MustCompile(`\S+(?: \S+)*`)
	contentsLine = regexp.MustCompile(`^\s*(\S.*?)\s{3,}(\d+)\s*$`)
	canvas       = regexp.MustCompile(`<div class="chart__canvas" id="chart-[^"]+" data-chart="[^"]+" role="img" aria-label="([^"]*)"></div>`)
	options      = regexp.MustCompile(`<script type="application/json" id="chart-[^"]+-options">([^<]*)</script>`)
	contentsIDs  = regexp.MustCompile(`data-contents-page="([^"]+)"`)
)

// checkPack checks a pack against the site it was printed from.
func checkPack(t *testing.T, site string, p *Pack) {
	files, _, diags := build.Render(build.Options{Source: site})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	var ed edition
	data, _ := files.File("editions/" + p.Edition.ID + "/data.json")
	if err := json.Unmarshal(data, &ed); err != nil {
		t.Fatal(err)
	}
	page, _ := files.File("editions/" + p.Edition.ID + "/print/index.html")

	// The file: A4, tagged, titled.
	in := pdfInfo(t, p.PDF)
	if in.fields["Tagged"] != "yes" {
		t.Errorf("pdfinfo says Tagged: %q, want yes", in.fields["Tagged"])
	}
	if in.fields["Title"] != ed.Edition.Title {
		t.Errorf("the PDF's title is %q, want the report's, %q", in.fields["Title"], ed.Edition.Title)
	}
	if len(in.sizes) != p.Pages || p.Pages < 3 {
		t.Fatalf("pdfinfo gives %d page sizes, the pack says %d pages", len(in.sizes), p.Pages)
	}
	landscape := map[int]bool{}
	for i, s := range in.sizes {
		w, h := math.Round(s[0]), math.Round(s[1])
		portrait := math.Abs(w-595) <= 1 && math.Abs(h-842) <= 1
		if !portrait && !(math.Abs(w-842) <= 1 && math.Abs(h-595) <= 1) {
			t.Errorf("page %d is %v x %v pts, not A4", i+1, s[0], s[1])
		}
		landscape[i+1] = !portrait
	}
	if landscape[1] {
		t.Errorf("page 1 is %v, want A4 portrait (595 x 842 pts)", in.sizes[0])
	}

	// Its structure: language, outline, each chart's text alternative.
	st := readStructure(t, p.PDF)
	if st.Lang != "en-GB" {
		t.Errorf("the PDF's language is %q, want en-GB", st.Lang)
	}
	outline := flat(strings.Join(st.Outline, "\n"))
	for _, want := range []string{ed.Edition.Title, "Contents", "Colour key", "Glossary", "Contact"} {
		if !strings.Contains(outline, want) {
			t.Errorf("the outline lacks %q:\n%s", want, strings.Join(st.Outline, "\n"))
		}
	}
	for _, pr := range ed.Priorities {
		if !strings.Contains(outline, pr.Title) {
			t.Errorf("the outline lacks priority %d, %q", pr.Number, pr.Title)
		}
	}
	charts := canvas.FindAllStringSubmatch(string(page), -1)
	if len(charts) == 0 {
		t.Fatal("the print page has no chart")
	}
	for _, c := range charts {
		if alt := html.UnescapeString(c[1]); !slices.Contains(st.Alts, alt) {
			t.Errorf("no tag of the PDF has the chart's text alternative %q", alt)
		}
	}

	// Its words.
	pages := pageTexts(t, p.PDF)
	if len(pages) != p.Pages {
		t.Fatalf("pdftotext finds %d pages, the pack says %d", len(pages), p.Pages)
	}
	all := flat(strings.Join(pages, "\n"))
	for i, text := range pages {
		for _, bad := range []string{"127.0.0.1", "localhost", "⚠", "http://"} {
			if strings.Contains(text, bad) {
				t.Errorf("page %d holds %q:\n%s", i+1, bad, text)
			}
		}
	}
	if strings.Contains(string(p.PDF), "127.0.0.1") {
		t.Error("the PDF holds the address of the server it was printed from (a link to it?)")
	}
	for _, pr := range ed.Priorities {
		for _, m := range pr.Milestones {
			if !strings.Contains(all, m.Ref) || !strings.Contains(all, m.Status) {
				t.Errorf("the pack lacks milestone %s or its status %s", m.Ref, m.Status)
			}
		}
	}
	checkKPITables(t, &ed, pages, landscape)
	checkCharts(t, &ed, page, pages, all)
	checkContents(t, page, p, pages)
	checkSizes(t, p, landscape)
}

// checkKPITables: every table runs to the edition's last month, and the row
// of each indicator opens with its latest figure.
func checkKPITables(t *testing.T, ed *edition, pages []string, landscape map[int]bool) {
	t.Helper()
	tables := 0
	columns := map[string]bool{} // the months the tables' headings name
	// rows are the table rows: the cells of each one's first line, and the
	// first cell of the line after it (the name column wraps).
	type row struct {
		cells []string
		next  string
	}
	var rows []row
	for i, text := range pages {
		lines := strings.Split(text, "\n")
		for j, line := range lines {
			c := cells.FindAllString(line, -1)
			if len(c) < 3 {
				continue
			}
			// A KPI table's heading row: "Indicator Latest ..." for the
			// first half of the year, "Indicator Oct-18 ..." for the second.
			if c[0] == "Indicator" && (c[1] == "Latest" || monthLabel.MatchString(c[1])) {
				tables++
				if !landscape[i+1] {
					t.Errorf("page %d: a KPI table on a portrait page", i+1)
				}
				for _, m := range monthLabel.FindAllString(line, -1) {
					columns[m] = true
				}
				continue
			}
			r := row{cells: c}
			if j+1 < len(lines) {
				if n := cells.FindAllString(lines[j+1], -1); len(n) > 0 {
					r.next = n[0]
				}
			}
			rows = append(rows, r)
		}
	}
	if tables == 0 {
		t.Fatal("found no KPI table")
	}
	from, _ := time.Parse("2006-01", ed.Edition.From)
	to, _ := time.Parse("2006-01", ed.Edition.To)
	for m := from; !m.After(to); m = m.AddDate(0, 1, 0) {
		if !columns[m.Format("Jan-06")] {
			t.Errorf("no KPI table has a column for %s: %v", m.Format("Jan-06"), columns)
		}
	}
	reported := map[string]bool{}
	for _, pr := range ed.Priorities {
		for _, id := range pr.KPIs {
			reported[id] = true
		}
	}
	for _, k := range ed.KPIs {
		if !reported[k.ID] || len(k.Values) == 0 || k.Values[len(k.Values)-1].Value == nil {
			continue
		}
		latest := k.Values[len(k.Values)-1]
		want := format.Number(*latest.Value, unitOf(k.Unit), k.Decimals)
		title := flat(k.Title)
		// The first half of the year opens with the latest figure; the
		// second ends with it, in the month it is for.
		found, first, end := 0, false, latest.Period != ed.Edition.To
		for _, r := range rows {
			if title != r.cells[0] && !strings.HasPrefix(title, r.cells[0]+" "+r.next) {
				continue
			}
			found++
			first = first || r.cells[1] == want
			end = end || r.cells[len(r.cells)-1] == want
		}
		if found == 0 {
			t.Errorf("%s: no row of the KPI tables starts with its title, %q", k.ID, k.Title)
		} else if !first || !end {
			t.Errorf("%s: no row opens with its latest figure, %s for %s, or none ends with it", k.ID, want, latest.Period)
		}
	}
}

// checkCharts: every line chart's month axis runs to its last month, and
// every label of every chart is printed whole.
func checkCharts(t *testing.T, ed *edition, page []byte, pages []string, all string) {
	t.Helper()
	lastMonths := map[string]bool{}
	lines := 0 // the charts whose month axis has room for four labels at least
	for _, k := range ed.KPIs {
		values := 0
		for i := len(k.Values) - 1; i >= 0; i-- {
			if k.Values[i].Value == nil {
				continue
			}
			if values == 0 {
				lastMonths[short(t, k.Values[i].Period)] = true
			}
			values++
		}
		if values >= 4 {
			lines++
		}
	}
	axes := 0
	for i, text := range pages {
		for _, line := range strings.Split(text, "\n") {
			c := cells.FindAllString(line, -1)
			months := monthLabel.FindAllString(line, -1)
			if len(c) == 0 || c[0] == "Indicator" || len(months) < 4 {
				continue
			}
			axes++
			if last := months[len(months)-1]; !lastMonths[last] {
				t.Errorf("page %d: a chart's month axis ends at %s, before its last month: %s", i+1, last, line)
			}
		}
	}
	if axes < lines {
		t.Errorf("found %d month axes, want one for each of the %d indicators with figures", axes, lines)
	}
	// The options say what every label reads.
	for _, m := range options.FindAllStringSubmatch(string(page), -1) {
		var o struct {
			Title  struct{ Text string }
			Series []struct {
				MarkLine struct{ Data []json.RawMessage }
			}
			YAxis []struct {
				Type string
				Data []string
			}
		}
		if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &o); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, s := range o.Series {
			for _, d := range s.MarkLine.Data {
				var one struct{ Label struct{ Formatter string } }
				var two []struct{ Label struct{ Formatter string } }
				if json.Unmarshal(d, &one) == nil && one.Label.Formatter != "" {
					want = append(want, one.Label.Formatter)
				} else if json.Unmarshal(d, &two) == nil && len(two) > 0 {
					want = append(want, two[0].Label.Formatter)
				}
			}
		}
		for _, y := range o.YAxis {
			if y.Type == "category" {
				want = append(want, y.Data...)
			}
		}
		for _, w := range want {
			if w != "" && !strings.Contains(all, flat(w)) {
				t.Errorf("chart %q: the pack lacks its label %q, or prints it cut", o.Title.Text, w)
			}
		}
	}
}

// checkContents: the contents list gives each part's page, which starts
// with it; each priority starts a page; the glossary and the contact details
// come last.
func checkContents(t *testing.T, page []byte, p *Pack, pages []string) {
	t.Helper()
	var ids []string
	for _, m := range contentsIDs.FindAllStringSubmatch(string(page), -1) {
		ids = append(ids, m[1])
	}
	var listed []string
	var numbers []int
	// The list runs from its heading to the colour key's.
	list, _, _ := strings.Cut(pages[1], "Colour key\n")
	_, list, _ = strings.Cut(list, "Contents\n")
	for _, line := range strings.Split(list, "\n") {
		if m := contentsLine.FindStringSubmatch(line); m != nil {
			var n int
			fmt.Sscan(m[2], &n)
			listed, numbers = append(listed, m[1]), append(numbers, n)
		}
	}
	if len(numbers) != len(ids) {
		t.Fatalf("page 2 lists %d parts with page numbers, want %d (%v):\n%s", len(numbers), len(ids), ids, pages[1])
	}
	for i, id := range ids {
		n := numbers[i]
		if p.Contents[id] != n {
			t.Errorf("contents: %q is listed on page %d, but starts on page %d", listed[i], n, p.Contents[id])
			continue
		}
		if i > 0 && n < numbers[i-1] {
			t.Errorf("contents: %q on page %d comes after page %d", listed[i], n, numbers[i-1])
		}
		if n < 1 || n > len(pages) {
			t.Errorf("contents: %q on page %d of %d", listed[i], n, len(pages))
			continue
		}
		heading := strings.Replace(listed[i], ": ", " ", 1)
		if !strings.Contains(flat(pages[n-1]), heading) {
			t.Errorf("contents: page %d does not have %q", n, heading)
		}
		if strings.HasPrefix(id, "p") && strings.HasSuffix(id, "-title") {
			// The page's first line is the running header; the priority
			// comes next.
			var text []string
			for _, l := range strings.Split(pages[n-1], "\n") {
				if strings.TrimSpace(l) != "" {
					text = append(text, flat(l))
				}
			}
			label, _, _ := strings.Cut(listed[i], ":")
			if len(text) < 2 || text[1] != label {
				t.Errorf("priority %q does not start page %d, which opens %q", listed[i], n, text[:min(3, len(text))])
			}
		}
	}
	if ids[len(ids)-2] != "glossary" || ids[len(ids)-1] != "contact" || p.Contents["contact"] != len(pages) {
		t.Errorf("the glossary and the contact details are not at the end: %v, %v", ids, p.Contents)
	}
}

// checkSizes: no page is printed smaller than laid out (as a browser does
// with every page when something is wider than its page), and nothing on a
// landscape page (the KPI tables) is smaller than 9pt.
func checkSizes(t *testing.T, p *Pack, landscape map[int]bool) {
	t.Helper()
	if p.Wrapped > 0 {
		t.Errorf("%d KPI tables had their words broken to fit their page; the English tables fit as they are", p.Wrapped)
	}
	if len(p.Overflow) > 0 {
		t.Errorf("wider than the page: %q", p.Overflow)
	}
	const margin = 42.5 // 15 mm, where the running header and footer are
	// Kerning makes a word a little narrower than its advances.
	const least = 9 * 0.97
	byPage := map[int][]float64{}
	for _, w := range printedWords(t, p.PDF) {
		if w.Y < margin || w.Y > w.PageHeight-margin {
			continue
		}
		byPage[w.Page] = append(byPage[w.Page], w.Size)
		if landscape[w.Page] && w.Size < least {
			t.Errorf("page %d: %q is printed at %.1fpt, under 9pt", w.Page, w.Text, w.Size)
		}
	}
	for page := 1; page <= p.Pages; page++ {
		sizes := byPage[page]
		if len(sizes) < 10 {
			continue
		}
		slices.Sort(sizes)
		if median := sizes[len(sizes)/2]; median < least {
			t.Errorf("page %d: half its words are printed under 9pt (%.1fpt): is the page printed smaller than laid out?", page, median)
		}
	}
}
