package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/linkcheck"
)

// These tests check real sites: $PLANPRESS_SITE_DIR (a list of built site
// folders, separated as in $PATH) if set, otherwise the repository's
// example site, examples/archive and examples/bilingual (in Welsh and
// English), built now.

// A builtSite is a site folder ready to check.
type builtSite struct {
	name string
	dir  string
}

var built struct {
	once  sync.Once
	sites []builtSite
	err   error
	tmp   string
}

// sites returns the built sites, building them once for all the tests.
func sites(t *testing.T) []builtSite {
	t.Helper()
	built.once.Do(func() { built.sites, built.err = buildSites() })
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.sites
}

func buildSites() ([]builtSite, error) {
	if env := os.Getenv("PLANPRESS_SITE_DIR"); env != "" {
		var out []builtSite
		for _, dir := range filepath.SplitList(env) {
			out = append(out, builtSite{name: filepath.Base(dir), dir: dir})
		}
		return out, nil
	}
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	sources := []builtSite{{name: "example", dir: root}}
	for _, name := range []string{"archive", "bilingual"} {
		if _, err := os.Stat(filepath.Join(root, "examples", name)); err == nil {
			sources = append(sources, builtSite{name: name, dir: filepath.Join(root, "examples", name)})
		}
	}
	if built.tmp, err = os.MkdirTemp("", "planpress-sites-"); err != nil {
		return nil, err
	}
	var out []builtSite
	for _, src := range sources {
		dest := filepath.Join(built.tmp, src.name)
		res, err := build.Build(build.Options{Source: src.dir, Dest: dest})
		if err != nil {
			var diags bytes.Buffer
			if res != nil && res.Diagnostics != nil {
				res.Diagnostics.WriteText(&diags)
			}
			return nil, fmt.Errorf("building the %s site from %s: %v\n%s", src.name, src.dir, err, diags.String())
		}
		out = append(out, builtSite{name: src.name, dir: dest})
	}
	return out, nil
}

// A sitePage is one HTML file of a built site.
type sitePage struct {
	file string // slash path relative to the site root
	path string // its URL path, without the leading slash: "editions/2019-05/"
	kind string // its page type: see pageKind
	h1   string // the text of its first h1
}

var digits = regexp.MustCompile(`[0-9]+`)

// pageKind names a page's type: its layout's body class, such as
// "page-kpi", when it has one, else its URL path with the numbers in folder
// names generalised ("/editions/N-N/priority-N/").
func pageKind(urlPath, bodyClass string) string {
	for _, c := range strings.Fields(bodyClass) {
		if strings.HasPrefix(c, "page-") {
			return c
		}
	}
	folder, name := path.Split(urlPath)
	return "/" + digits.ReplaceAllString(folder, "N") + name
}

// pages lists the HTML pages of a site, sorted by path.
func pages(t *testing.T, dir string) []sitePage {
	t.Helper()
	var out []sitePage
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		sp := sitePage{file: rel, path: rel}
		if rel == "index.html" {
			sp.path = ""
		} else if strings.HasSuffix(rel, "/index.html") {
			sp.path = strings.TrimSuffix(rel, "index.html")
		}
		var bodyClass string
		if sp.h1, bodyClass, err = readPage(p); err != nil {
			return err
		}
		sp.kind = pageKind(sp.path, bodyClass)
		out = append(out, sp)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("%s has no HTML pages", dir)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// firstOfEachKind returns the first page of each page type.
func firstOfEachKind(ps []sitePage) []sitePage {
	seen := map[string]bool{}
	var out []sitePage
	for _, p := range ps {
		if !seen[p.kind] {
			seen[p.kind] = true
			out = append(out, p)
		}
	}
	return out
}

// coverage describes the page types checked, with how many pages of each.
func coverage(ps []sitePage) string {
	count := map[string]int{}
	var kinds []string
	for _, p := range ps {
		if count[p.kind] == 0 {
			kinds = append(kinds, p.kind)
		}
		count[p.kind]++
	}
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "\n  %3d × %s", count[k], k)
	}
	fmt.Fprintf(&b, "\n  (%d types)", len(kinds))
	return b.String()
}

// readPage returns the text of a page's first h1 and its body's class.
func readPage(file string) (h1, bodyClass string, err error) {
	f, err := os.Open(file)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		return "", "", err
	}
	var heading *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "body":
				for _, a := range n.Attr {
					if a.Key == "class" {
						bodyClass = a.Val
					}
				}
			case n.Data == "h1" && heading == nil:
				heading = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if heading == nil {
		return "", bodyClass, nil
	}
	var text strings.Builder
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			collect(c)
		}
	}
	collect(heading)
	return strings.Join(strings.Fields(text.String()), " "), bodyClass, nil
}

func TestSiteLinks(t *testing.T) {
	for _, s := range sites(t) {
		t.Run(s.name, func(t *testing.T) {
			rep, err := linkcheck.Check(s.dir, linkcheck.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range rep.Problems {
				t.Errorf("broken link: %s", p)
			}
			t.Logf("%d pages and %d stylesheets, %d links checked", rep.Pages, rep.Stylesheets, rep.Links)
			for _, l := range rep.External {
				t.Logf("link to another site: %s", l)
			}
		})
	}
}

func TestSiteHTMLIsValid(t *testing.T) {
	jar := vnuJar(t)
	for _, s := range sites(t) {
		t.Run(s.name, func(t *testing.T) {
			errs, err := ValidateHTML(context.Background(), jar, s.dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range errs {
				t.Errorf("invalid HTML: %s", e)
			}
		})
	}
}

// TestSiteInBrowser checks every page: axe-core, console errors, requests to
// other hosts, Content-Security-Policy, and sideways scrolling at 320 px.
func TestSiteInBrowser(t *testing.T) {
	b := browser(t)
	for _, s := range sites(t) {
		t.Run(s.name, func(t *testing.T) {
			srv := serve(t, s.dir)
			ps := pages(t, s.dir)
			start := time.Now()
			urls := make([]string, len(ps))
			for i, p := range ps {
				urls[i] = srv.URL + p.path
			}
			reports, err := b.CheckPages(context.Background(), urls, 2)
			if err != nil {
				t.Fatal(err)
			}
			drawn, total := 0, 0
			for i, p := range ps {
				rep := reports[i]
				drawn += rep.Charts.Drawn
				total += rep.Charts.Total
				if strings.Contains(p.path, "priority-") && rep.Charts.Total > 0 && !rep.Charts.Library {
					t.Errorf("/%s: has %d charts but the chart library did not load (run make bundle)", p.path, rep.Charts.Total)
				}
				for _, problem := range rep.Problems() {
					t.Errorf("/%s: %s", p.path, problem)
				}
				if rep.Status != 200 {
					t.Errorf("/%s: HTTP %d", p.path, rep.Status)
				}
				if rep.AxePasses == 0 {
					t.Errorf("/%s: axe-core passed no rule; did it run?", p.path)
				}
				t.Logf("/%s: %v", p.path, rep.Duration.Round(time.Millisecond))
			}
			t.Logf("checked %d pages in %v; %d of %d charts drawn as SVG; page types:%s", len(ps), time.Since(start).Round(time.Millisecond), drawn, total, coverage(ps))
			if total == 0 || drawn != total {
				t.Errorf("%d of %d charts drawn as SVG; want every one, and at least one", drawn, total)
			}

			// A path with no page gets the site's 404 page, which
			// must pass the same checks.
			if _, err := os.Stat(filepath.Join(s.dir, "404.html")); err != nil {
				t.Errorf("the site has no 404.html")
				return
			}
			rep, err := b.CheckPage(context.Background(), srv.URL+"no-such-page/")
			if err != nil {
				t.Fatal(err)
			}
			matchProblems(t, rep.Problems(), []string{`^the page answered HTTP 404$`})
		})
	}
}

// TestSiteKeyboard tabs through the first page of each type: a skip link
// first, and a visible focus on everything the keyboard reaches.
func TestSiteKeyboard(t *testing.T) {
	b := browser(t)
	for _, s := range sites(t) {
		t.Run(s.name, func(t *testing.T) {
			srv := serve(t, s.dir)
			for _, p := range firstOfEachKind(pages(t, s.dir)) {
				rep, err := b.CheckKeyboard(context.Background(), srv.URL+p.path)
				if err != nil {
					t.Fatal(err)
				}
				for _, problem := range rep.Problems() {
					t.Errorf("/%s: %s", p.path, problem)
				}
				t.Logf("/%s: %d focus stops of %d tabbable elements", p.path, len(rep.Stops), rep.Tabbable)
			}
		})
	}
}

// TestSitePrints prints the first page of each type and reads the PDF back.
func TestSitePrints(t *testing.T) {
	needPdftotext(t)
	b := browser(t)
	for _, s := range sites(t) {
		t.Run(s.name, func(t *testing.T) {
			srv := serve(t, s.dir)
			for _, p := range firstOfEachKind(pages(t, s.dir)) {
				out, err := b.Print(context.Background(), srv.URL+p.path)
				if err != nil {
					t.Fatal(err)
				}
				if out.Pages < 1 || strings.TrimSpace(out.Text) == "" {
					t.Errorf("/%s: printed %d pages with no text", p.path, out.Pages)
					continue
				}
				if p.h1 != "" && !out.Contains(p.h1) {
					t.Errorf("/%s: the printout lacks the page's heading %q", p.path, p.h1)
				}
				t.Logf("/%s: %d printed pages", p.path, out.Pages)
			}
		})
	}
}

func TestPageKind(t *testing.T) {
	tests := []struct{ path, class, want string }{
		{"kpis/re-referrals/", "page-kpi js-off", "page-kpi"},
		{"", "page-home", "page-home"},
		{"editions/2019-05/priority-2/", "", "/editions/N-N/priority-N/"},
		{"404.html", "", "/404.html"},
		{"editions/2019-05/print/", "wide", "/editions/N-N/print/"},
	}
	for _, tt := range tests {
		if got := pageKind(tt.path, tt.class); got != tt.want {
			t.Errorf("pageKind(%q, %q) = %q, want %q", tt.path, tt.class, got, tt.want)
		}
	}
}

// TestPrintEditionHoldsEveryMilestone prints each edition's print page, as a
// councillor would for a committee pack, and checks that the PDF's text
// holds every milestone ref with its status, and every status word in use.
func TestPrintEditionHoldsEveryMilestone(t *testing.T) {
	needPdftotext(t)
	b := browser(t)
	for _, s := range sites(t) {
		t.Run(s.name, func(t *testing.T) {
			srv := serve(t, s.dir)
			files, _ := filepath.Glob(filepath.Join(s.dir, "editions", "*", "data.json"))
			if len(files) == 0 {
				t.Fatal("no edition data.json found")
			}
			for _, f := range files {
				raw, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				var data struct {
					Edition    struct{ ID string }
					Priorities []struct {
						Milestones []struct{ Ref, Status string }
					}
				}
				if err := json.Unmarshal(raw, &data); err != nil {
					t.Fatal(err)
				}
				out, err := b.Print(context.Background(), srv.URL+"editions/"+data.Edition.ID+"/print/")
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, p := range data.Priorities {
					for _, m := range p.Milestones {
						n++
						// The stacked table reads "Ref 1.1 Milestone ..."; the
						// wide one puts the ref first in its row. Either way the
						// ref stands as a word of its own.
						if !regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(m.Ref) + `(\s|$)`).MatchString(out.Text) {
							t.Errorf("%s: the printed edition lacks milestone %s", data.Edition.ID, m.Ref)
						}
						if !out.Contains(m.Status) {
							t.Errorf("%s: the printed edition lacks the status %q of milestone %s", data.Edition.ID, m.Status, m.Ref)
						}
					}
				}
				if n == 0 {
					t.Errorf("%s: no milestones in data.json", data.Edition.ID)
				}
				t.Logf("%s: %d milestones in %d printed pages", data.Edition.ID, n, out.Pages)
			}
		})
	}
}
