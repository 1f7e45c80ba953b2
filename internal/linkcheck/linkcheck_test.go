package linkcheck

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestGoodSiteHasNoProblems(t *testing.T) {
	rep, err := Check(filepath.Join("testdata", "good"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Errorf("unexpected problem: %s", p)
	}
	if rep.Pages != 8 || rep.Stylesheets != 2 {
		t.Errorf("read %d pages and %d stylesheets, want 8 and 2", rep.Pages, rep.Stylesheets)
	}
	// Every non-empty link in the fixture is counted, so a parser that
	// stopped seeing some kind of link would show here before it hid a
	// broken one.
	if rep.Links != 44 {
		t.Errorf("checked %d links, want 44", rep.Links)
	}
	var external []string
	for _, l := range rep.External {
		external = append(external, l.String())
	}
	want := []string{
		`index.html:6: href="https://reports.example.org/"`,
		`index.html:32: href="https://www.gov.uk/"`,
	}
	if !reflect.DeepEqual(external, want) {
		t.Errorf("external links:\n got %q\nwant %q", external, want)
	}
}

func TestBaseURLMakesOwnAbsoluteLinksLocal(t *testing.T) {
	rep, err := Check(filepath.Join("testdata", "good"), Options{BaseURL: "https://reports.example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Errorf("unexpected problem: %s", p)
	}
	if len(rep.External) != 1 || rep.External[0].URL != "https://www.gov.uk/" {
		t.Errorf("external links = %v, want only the GOV.UK one", rep.External)
	}
}

func TestBasePathIsEnforced(t *testing.T) {
	// Published under /progress/, the root-relative links of the fixture
	// point outside the site.
	rep, err := Check(filepath.Join("testdata", "good"), Options{BaseURL: "https://reports.example.org/progress/"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range rep.Problems {
		if p.Page == "index.html" && p.Link == "/assets/site.css" && strings.Contains(p.Reason, "outside the site's base path /progress/") {
			found = true
		}
	}
	if !found {
		t.Errorf("a root-relative link outside the base path was not reported; problems: %v", rep.Problems)
	}
}

func TestBrokenSites(t *testing.T) {
	tests := []struct {
		site   string
		page   string
		link   string
		reason string
	}{
		{"missing-page", "index.html", "nowhere.html", "no such file: /nowhere.html"},
		{"missing-folder-index", "index.html", "/editions/2020-01/", "no such file: /editions/2020-01/"},
		{"missing-fragment-here", "index.html", "#main", `no element with id "main" in index.html`},
		{"missing-fragment-there", "index.html", "about/#team", `no element with id "team" in about/index.html`},
		{"missing-fragment-rooted", "index.html", "/about/?tab=2#team", `no element with id "team" in about/index.html`},
		{"missing-image", "index.html", "img/chart.png", "no such file: /img/chart.png"},
		{"missing-srcset-candidate", "index.html", "a@2x.png", "no such file: /a@2x.png"},
		{"missing-stylesheet", "index.html", "/assets/site.css", "no such file: /assets/site.css"},
		{"missing-script", "index.html", "assets/charts.js", "no such file: /assets/charts.js"},
		{"missing-form-action", "index.html", "/search/", "no such file: /search/"},
		{"missing-refresh-target", "index.html", "/editions/2019-05/", "no such file: /editions/2019-05/"},
		{"folder-without-slash", "index.html", "about", "/about is a folder: end the link with a slash"},
		{"base-href-moves-links", "index.html", "priority-1.html", "no such file: /editions/2019-05/priority-1.html"},
		{"external-image", "index.html", "https://cdn.example.com/logo.png", "loads from another host (cdn.example.com)"},
		{"external-script-protocol-relative", "index.html", "//cdn.example.com/echarts.min.js", "loads from another host (cdn.example.com)"},
		{"external-stylesheet", "index.html", "https://fonts.example.com/css?family=Roboto", "loads from another host (fonts.example.com)"},
		{"external-srcset", "index.html", "https://cdn.example.com/a@2x.png", "loads from another host (cdn.example.com)"},
		{"javascript-url", "index.html", "javascript:window.print()", "javascript: URLs do not run"},
		{"data-url-image", "index.html", "data:image/png;base64,iVBORw0KGgo=", "data: URLs are blocked"},
		{"inline-style-missing", "index.html", "img/bg.png", "no such file: /img/bg.png"},
		{"css-missing-font", "site.css", "fonts/body.woff2", "no such file: /fonts/body.woff2"},
		{"css-external-import", "site.css", "https://fonts.example.com/css", "loads from another host (fonts.example.com)"},
	}
	dirs, err := os.ReadDir(filepath.Join("testdata", "broken"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) != len(tests) {
		t.Errorf("testdata/broken has %d sites and the table %d: each fixture needs a row", len(dirs), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.site, func(t *testing.T) {
			problems, err := Dir(filepath.Join("testdata", "broken", tt.site))
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) != 1 {
				t.Fatalf("got %d problems, want exactly 1: %v", len(problems), problems)
			}
			p := problems[0]
			if p.Page != tt.page || p.Link != tt.link || !strings.Contains(p.Reason, tt.reason) {
				t.Errorf("got  %s\nwant %s: %q: ...%s...", p, tt.page, tt.link, tt.reason)
			}
			if p.Line < 1 {
				t.Errorf("problem has no line: %s", p)
			}
		})
	}
}

func TestProblemLines(t *testing.T) {
	problems, err := Dir(filepath.Join("testdata", "broken", "css-missing-font"))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Line != 4 {
		t.Errorf("want one problem on line 4 of site.css, got %v", problems)
	}
}

func TestEmptySiteIsAnError(t *testing.T) {
	if _, err := Dir(t.TempDir()); err == nil {
		t.Error("a folder with no pages gave no error")
	}
	if _, err := Dir(filepath.Join("testdata", "no-such-folder")); err == nil {
		t.Error("a missing folder gave no error")
	}
}

func TestSrcsetURLs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a.png", []string{"a.png"}},
		{"a.png 1x, b.png 2x", []string{"a.png", "b.png"}},
		{"  a.png 480w,\n b.png   800w  ", []string{"a.png", "b.png"}},
		{"a.png,b.png 2x", []string{"a.png,b.png"}},
		{"a.png, b.png", []string{"a.png", "b.png"}},
		{"a,b.png 1x", []string{"a,b.png"}},
		{"a.png (x, y) 1x, b.png", []string{"a.png", "b.png"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := srcsetURLs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("srcsetURLs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRefreshURL(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"0; url=/new/", "/new/", true},
		{"5;URL='/new/'", "/new/", true},
		{"0, /new/", "/new/", true},
		{"30", "", false},
	}
	for _, tt := range tests {
		got, ok := refreshURL(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("refreshURL(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseBase(t *testing.T) {
	for _, bad := range []string{"progress/", "https:///x", "//host"} {
		if _, err := parseBase(bad); err == nil {
			t.Errorf("parseBase(%q) gave no error", bad)
		}
	}
	b, err := parseBase("/progress")
	if err != nil || b.path != "/progress/" {
		t.Errorf("parseBase(/progress) = %+v, %v", b, err)
	}
}
