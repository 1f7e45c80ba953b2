package browsertest

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The fixtures are two small sites: testdata/clean passes every check, and
// each page of testdata/faulty has one known fault that a check must find
// (and nothing else, so that a check that cries wolf fails too).

// TestCleanSitePassesInBrowser also shows that a KPI table may scroll inside
// its box: the home page's table is 44rem wide in a .table-scroll, and the
// page must not scroll sideways at 320 px.
func TestCleanSitePassesInBrowser(t *testing.T) {
	b := browser(t)
	srv := serveWithCSP(t, filepath.Join("testdata", "clean"))
	for _, path := range []string{"", "about/", "404.html"} {
		rep, err := b.CheckPage(context.Background(), srv.URL+path)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range rep.Problems() {
			t.Errorf("/%s: %s", path, p)
		}
		if rep.Status != 200 {
			t.Errorf("/%s: status %d, want 200", path, rep.Status)
		}
		// A run in which axe checked nothing, or the collector saw no
		// request, would pass for the wrong reason.
		if rep.AxePasses < 10 {
			t.Errorf("/%s: axe-core passed only %d rules; did it run?", path, rep.AxePasses)
		}
		if !slices.Contains(rep.Requests, srv.URL+"style.css") {
			t.Errorf("/%s: the stylesheet request was not seen; requests: %v", path, rep.Requests)
		}
		if rep.Reflow.ClientWidth != NarrowWidth {
			t.Errorf("/%s: the narrow check ran at %d px, want %d", path, rep.Reflow.ClientWidth, NarrowWidth)
		}
	}
}

func TestMissingPageGetsTheSite404(t *testing.T) {
	b := browser(t)
	srv := serveWithCSP(t, filepath.Join("testdata", "clean"))
	rep, err := b.CheckPage(context.Background(), srv.URL+"no-such-page/")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != 404 || rep.Title != "Page not found - Example Council" {
		t.Errorf("got status %d and title %q, want 404 and the site's 404 page", rep.Status, rep.Title)
	}
	if got := rep.Problems(); !slices.Equal(got, []string{"the page answered HTTP 404"}) {
		t.Errorf("problems = %q, want only the status", got)
	}
}

func TestFaultyPagesAreCaught(t *testing.T) {
	b := browser(t)
	foreign := serveWithCSP(t, t.TempDir())
	dir := copySite(t, filepath.Join("testdata", "faulty"), map[string]string{"{{FOREIGN}}": foreign.URL})
	srv := serveWithCSP(t, dir)
	tests := []struct {
		page string
		want []string // each problem must match one, and each must match a problem
	}{
		{"missing-alt.html", []string{`^axe: image-alt \(critical\): Images must have alternative text .*\n\s+at img: <img src="/pixel.png"`}},
		{"low-contrast.html", []string{`^axe: color-contrast \(serious\).*\n\s+at \.faint:`}},
		{"inline-script.html", []string{
			// Chromium has worded these messages in more than one way.
			`(?i)^console error: security: .*inline script.*Content Security Policy.*\(.*inline-script\.html:21\)$`,
			`^Content-Security-Policy violation: script-src-elem blocked inline .*inline-script.html:21\)`,
		}},
		{"external-image.html", []string{
			`^request to another host: ` + regexp.QuoteMeta(foreign.URL+"pixel.png") + `$`,
			`^failed load: ` + regexp.QuoteMeta(foreign.URL+"pixel.png") + `: blocked: csp$`,
			`^Content-Security-Policy violation: img-src blocked ` + regexp.QuoteMeta(foreign.URL+"pixel.png"),
			`(?i)^console error: security: .*image '` + regexp.QuoteMeta(foreign.URL+"pixel.png") + `'.*Content Security Policy`,
		}},
		{"wide.html", []string{`^scrolls sideways at 320 px: content is \d+ px wide in a 320 px viewport; past the edge: div\.wide reaches \d+px$`}},
		// The page hides its overflow, so it does not scroll, but the
		// reader cannot reach what is cut off. The box inside a
		// clipping parent is allowed, as a .table-scroll's table is.
		{"cut-off.html", []string{`^scrolls sideways at 320 px: .*; past the edge: div\.wide reaches \d+px$`}},
		{"throws.html", []string{
			`^console error: console: planpress fixture: console\.error called \(.*/throws\.js:1\)$`,
			`^console error: exception: Uncaught Error: planpress fixture: uncaught \(.*/throws\.js:2\)$`,
		}},
		{"missing-asset.html", []string{
			`^console error: network: Failed to load resource: .* 404 .*no-such-image\.png\)$`,
			`^failed load: .*/no-such-image\.png: HTTP 404$`,
		}},
		// Keyboard and markup faults that these checks do not look for.
		{"no-skip-link.html", nil},
		{"broken-skip-link.html", nil},
		{"no-focus-style.html", nil},
		{"invalid-html.html", nil},
	}
	// The group returns when its parallel subtests have finished.
	t.Run("pages", func(t *testing.T) {
		for _, tt := range tests {
			t.Run(tt.page, func(t *testing.T) {
				t.Parallel()
				rep, err := b.CheckPage(context.Background(), srv.URL+tt.page)
				if err != nil {
					t.Fatal(err)
				}
				matchProblems(t, rep.Problems(), tt.want)
				if tt.page == "cut-off.html" && len(rep.Reflow.Offenders) != 1 {
					t.Errorf("offenders = %q, want only the box outside a clipping parent", rep.Reflow.Offenders)
				}
			})
		}
	})
	if hits := foreign.Hits(); len(hits) != 0 {
		t.Errorf("the Content-Security-Policy let requests reach the other host: %v", hits)
	}
}

func TestCheckPagesInParallel(t *testing.T) {
	b := browser(t)
	clean := serveWithCSP(t, filepath.Join("testdata", "clean"))
	faulty := serveWithCSP(t, filepath.Join("testdata", "faulty"))
	urls := []string{clean.URL, faulty.URL + "missing-alt.html", clean.URL + "about/", faulty.URL + "wide.html", clean.URL + "404.html"}
	reports, err := b.CheckPages(context.Background(), urls, 2)
	if err != nil {
		t.Fatal(err)
	}
	for i, rep := range reports {
		if rep.URL != urls[i] {
			t.Errorf("report %d is for %s, want %s", i, rep.URL, urls[i])
		}
		faultyPage := strings.HasPrefix(urls[i], faulty.URL)
		if got := len(rep.Problems()); (got > 0) != faultyPage {
			t.Errorf("%s: %d problems: %q", urls[i], got, rep.Problems())
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := b.CheckPages(ctx, urls, 2); err == nil {
		t.Error("a canceled check gave no error")
	}
}

func TestKeyboard(t *testing.T) {
	b := browser(t)
	clean := serveWithCSP(t, filepath.Join("testdata", "clean"))
	faulty := serveWithCSP(t, filepath.Join("testdata", "faulty"))
	tests := []struct {
		url   string
		stops int
		want  []string
	}{
		{clean.URL, 6, nil},
		{clean.URL + "about/", 3, nil},
		{faulty.URL + "no-skip-link.html", 2, []string{`^the first Tab goes to a "Home", not to a skip link$`}},
		{faulty.URL + "broken-skip-link.html", 3, []string{`^the skip link a\.skip-link "Skip to main content" points to #content, which is not in the page$`}},
		{faulty.URL + "no-focus-style.html", 4, []string{`^no visible focus indicator on a(\.skip-link)? "(Skip to main content|Home|About this report|home)" \(focused: outline: none .*; box-shadow: none\)$`}},
	}
	for _, tt := range tests {
		t.Run(strings.TrimPrefix(tt.url, "http://"), func(t *testing.T) {
			t.Parallel()
			rep, err := b.CheckKeyboard(context.Background(), tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Stops) != tt.stops || rep.Tabbable != tt.stops {
				t.Errorf("tabbed through %d of %d tabbable elements, want %d", len(rep.Stops), rep.Tabbable, tt.stops)
			}
			problems := rep.Problems()
			matchProblems(t, problems, tt.want)
			if tt.url == faulty.URL+"no-focus-style.html" && len(problems) != 4 {
				t.Errorf("want one problem for each of the 4 links, got %q", problems)
			}
		})
	}
}

func TestPrint(t *testing.T) {
	needPdftotext(t)
	b := browser(t)
	srv := serveWithCSP(t, filepath.Join("testdata", "clean"))
	out, err := b.Print(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if out.Pages < 1 || !strings.HasPrefix(string(out.PDF), "%PDF-") {
		t.Fatalf("got %d pages and a file that starts %q", out.Pages, out.PDF[:min(8, len(out.PDF))])
	}
	for _, want := range []string{"Progress report", "Key performance indicators", "Re-referrals within 12 months", "how the figures are collected (/about/)"} {
		if !out.Contains(want) {
			t.Errorf("the printout lacks %q:\n%s", want, out.Text)
		}
	}
	// The print stylesheet hides these.
	for _, unwanted := range []string{"This line is for screens only", "Skip to main content", "Show more"} {
		if out.Contains(unwanted) {
			t.Errorf("the printout has %q, which the print styles hide", unwanted)
		}
	}
}

func TestValidateHTML(t *testing.T) {
	jar := vnuJar(t)
	errs, err := ValidateHTML(context.Background(), jar, filepath.Join("testdata", "clean"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("clean fixture: %s", e)
	}

	foreign := "http://127.0.0.1:9/"
	dir := copySite(t, filepath.Join("testdata", "faulty"), map[string]string{"{{FOREIGN}}": foreign})
	errs, err = ValidateHTML(context.Background(), jar, dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.String())
	}
	// The other faulty pages are valid HTML, but for an img without alt.
	matchProblems(t, got, []string{
		`^invalid-html\.html:20:27: End tag “p” seen, but there were open elements\.`,
		`^invalid-html\.html:20:7: Unclosed element “span”\.`,
		`^invalid-html\.html:21:\d+: Duplicate ID “twice”\.`,
		`^missing-alt\.html:20:\d+: An “img” element must have an “alt” attribute`,
	})
}

// matchProblems checks that every problem matches one of the patterns and
// that every pattern matches a problem.
func matchProblems(t *testing.T, problems, patterns []string) {
	t.Helper()
	res := make([]*regexp.Regexp, len(patterns))
	matched := make([]bool, len(patterns))
	for i, p := range patterns {
		res[i] = regexp.MustCompile(p)
	}
	for _, p := range problems {
		ok := false
		for i, re := range res {
			if re.MatchString(p) {
				ok, matched[i] = true, true
			}
		}
		if !ok {
			t.Errorf("unexpected problem: %s", p)
		}
	}
	for i, m := range matched {
		if !m {
			t.Errorf("no problem matches %s; got:\n%s", patterns[i], strings.Join(problems, "\n"))
		}
	}
}
