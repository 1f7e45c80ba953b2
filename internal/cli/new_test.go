package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// smallSite writes a site with one edition, May 2019, as at March 2019.
func smallSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"planpress.toml":                         "title = \"T\"\norganisation = \"O\"\n",
		"data/kpis.toml":                         "[[kpi]]\nid = \"k\"\ntitle = \"K\"\nunit = \"percent\"\npolarity = \"lower\"\n\n[kpi.targets]\n\"2018/19\" = 12\n",
		"data/editions/2019-05/kpis.toml":        "[k]\n\"2018-04\" = 10.0\n\"2019-03\" = 12.5\n",
		"content/editions/2019-05/_index.md":     "+++\ntitle = \"Report, May 2019\"\npublished = \"2019-05\"\nas_at = \"2019-03\"\n+++\n## Introduction\n\nWords.\n",
		"content/editions/2019-05/priority-1.md": "+++\nnumber = 1\ntitle = \"Plans\"\nkpis = [\"k\"]\n\n[[milestones]]\nref = \"1.1\"\nmilestone = \"Review plans.\"\nstatus = \"ON TRACK\"\n+++\n## How are we doing?\n\nWell.\n\n{{< kpi-table k >}}\n",
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestNewEdition(t *testing.T) {
	dir := smallSite(t)
	code, out, errOut := run("new", "edition", "2019-08", "--from", "2019-05", "-source", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"started edition 2019-08 from 2019-05", "content/editions/2019-08/priority-1.md", "data/editions/2019-08/kpis.toml", "2019-04 to 2019-06"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "content/editions/2019-08/_index.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`title = "Report, August 2019"`, `as_at = "2019-06"`, "draft = true"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("_index.md lacks %q:\n%s", want, b)
		}
	}
	// The new draft checks clean.
	if code, out, _ := run("check", "-source", dir); code != ExitOK {
		t.Errorf("check after new edition: exit %d\n%s", code, out)
	}
	// Never overwrite.
	code, _, errOut = run("new", "edition", "2019-08", "-source", dir)
	if code != ExitContent || !strings.Contains(errOut, "already exists") {
		t.Errorf("a second new edition 2019-08: exit %d, %s", code, errOut)
	}
	// Flags may come first, and --as-at moves the dates.
	code, _, errOut = run("new", "edition", "-source", dir, "-as-at", "2019-12", "2020-02")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, _ = os.ReadFile(filepath.Join(dir, "content/editions/2020-02/_index.md"))
	if !strings.Contains(string(b), `as_at = "2019-12"`) || !strings.Contains(string(b), `published = "2020-02"`) {
		t.Errorf("--as-at 2019-12 from the newest edition (2019-08):\n%s", b)
	}
}

func TestNewUsage(t *testing.T) {
	for _, args := range [][]string{{"new"}, {"new", "page"}, {"new", "edition"}, {"new", "edition", "a", "b"}, {"new", "edition", "x", "--as-at", "March"}} {
		if code, _, _ := run(args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
	if code, out, _ := run("new", "-h"); code != ExitOK || !strings.Contains(out, "planpress new edition ID") {
		t.Errorf("new -h: exit %d\n%s", code, out)
	}
}

func TestNewSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	code, out, errOut := run("new", "site", dir)
	if code != ExitOK {
		t.Fatalf("new site: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"started a site in " + dir, "planpress.toml", filepath.FromSlash("content/editions/2025-11/priority-1.md"), "planpress build -source " + dir, "docs/format.md"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run("check", "-source", dir)
	if code != ExitOK || !strings.HasSuffix(out, "0 error(s), 0 warning(s)\n") {
		t.Errorf("check of the new site: exit %d\n%s", code, out)
	}
	dest := filepath.Join(dir, "public")
	if code, _, errOut := run("build", "-allow-no-charts", "-source", dir); code != ExitOK {
		t.Fatalf("build of the new site: exit %d\n%s", code, errOut)
	}
	for _, f := range []string{"index.html", "editions/2025-11/priority-1/index.html", "_headers", "web.config"} {
		if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(f))); err != nil {
			t.Errorf("the new site's build lacks %s: %v", f, err)
		}
	}

	// A folder with anything in it is refused, and left as it was.
	code, _, errOut = run("new", "site", dir)
	if code != ExitContent || !strings.Contains(errOut, "not empty") {
		t.Errorf("new site into a folder with a site: exit %d, %s", code, errOut)
	}
}

func TestNewSiteUsage(t *testing.T) {
	for _, args := range [][]string{{"new", "site"}, {"new", "site", "a", "b"}, {"new", "site", "-no-such-flag", "a"}} {
		if code, _, _ := run(args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
	if code, out, _ := run("new", "site", "-h"); code != ExitOK || !strings.Contains(out, "planpress new site DIR") {
		t.Errorf("new site -h: exit %d\n%s", code, out)
	}
	if code, out, _ := run("new", "-h"); code != ExitOK || !strings.Contains(out, "planpress new site DIR") {
		t.Errorf("new -h does not tell of new site: exit %d\n%s", code, out)
	}
}
