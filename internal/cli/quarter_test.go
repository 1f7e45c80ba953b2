package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/importer"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/scaffold"
)

// repo is the repository, which is also the example site.
const repo = "../.."

// copyExampleSite copies the example site's own files into a new folder.
func copyExampleSite(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	b, err := os.ReadFile(filepath.Join(repo, "planpress.toml"))
	if err == nil {
		err = os.WriteFile(filepath.Join(dst, "planpress.toml"), b, 0o644)
	}
	for _, dir := range []string{"content", "data"} {
		if err == nil {
			err = os.CopyFS(filepath.Join(dst, dir), os.DirFS(filepath.Join(repo, dir)))
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// editFile rewrites a file of the site.
func editFile(t *testing.T, dir, name string, edit func(string) string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(edit(string(b))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// linesMatching returns "file:line" for each line of the site's file that
// matches re.
func linesMatching(t *testing.T, dir, name string, re *regexp.Regexp) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, l := range strings.Split(string(b), "\n") {
		if re.MatchString(l) {
			out = append(out, fmt.Sprintf("%s:%d", name, i+1))
		}
	}
	return out
}

// places returns "file:line" of each diagnostic of a severity whose message
// contains what.
func places(l *diag.List, sev diag.Severity, what string) []string {
	var out []string
	for _, d := range l.Items() {
		if d.Severity == sev && strings.Contains(d.Message, what) {
			out = append(out, fmt.Sprintf("%s:%d", d.File, d.Line))
		}
	}
	return out
}

func sameSet(t *testing.T, what string, got, want []string) {
	t.Helper()
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot  %v\nwant %v", what, got, want)
	}
}

// TestQuarterStartToFinish takes the example site through a quarter as
// docs/quarter.md does, into a new financial year: new edition, import, and
// draft = false with the work not done must fail, naming every missing
// target and every prompt at its line; with the work done it passes, and the
// edition rates every new month.
func TestQuarterStartToFinish(t *testing.T) {
	dir := copyExampleSite(t)
	const id = "2019-08"
	figures := "data/editions/" + id + "/kpis.toml"
	opts := build.Options{Source: dir, Drafts: true, Future: true}

	res, err := scaffold.Edition(scaffold.Options{Source: dir, ID: id, From: "2019-05"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Import(importer.Options{Source: dir, File: filepath.Join(repo, "examples/import/figures-2019-q1-illustrative.xlsx")}); err != nil {
		t.Fatal(err)
	}

	// While a draft, what is left is warnings only.
	diags := build.Check(opts)
	if diags.HasErrors() {
		t.Fatalf("the draft has errors:\n%s", lines(diags))
	}
	if got := len(places(diags, diag.Warning, "but no target for 2019/20")); got != len(res.TargetKPIs) {
		t.Errorf("the draft warns of %d KPIs without a 2019/20 target, want %d:\n%s", got, len(res.TargetKPIs), lines(diags))
	}

	// Marked ready with the work not done: every missing target and every
	// prompt is an error, at its line.
	editFile(t, dir, "content/editions/"+id+"/_index.md", func(s string) string {
		return strings.Replace(s, "draft = true", "draft = false", 1)
	})
	diags = build.Check(opts)
	var wantTargets []string
	for _, k := range res.TargetKPIs {
		// The first month of 2019/20 in the KPI's table.
		re := regexp.MustCompile(`^"2019-04" =`)
		b, _ := os.ReadFile(filepath.Join(dir, figures))
		in := false
		for i, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "[") {
				in = l == "["+k+"]"
			}
			if in && re.MatchString(l) {
				wantTargets = append(wantTargets, fmt.Sprintf("%s:%d", figures, i+1))
			}
		}
	}
	if len(wantTargets) != 7 {
		t.Fatalf("the example has 7 rated KPIs with April 2019 figures; found %d", len(wantTargets))
	}
	sameSet(t, "errors for KPIs without a 2019/20 target", places(diags, diag.Error, "but no target for 2019/20"), wantTargets)

	todo := regexp.MustCompile(`\{\{< todo |^summary = "TODO:`)
	var wantPrompts []string
	var files []string
	for _, f := range res.Files {
		if strings.HasSuffix(f, ".md") {
			files = append(files, f)
			wantPrompts = append(wantPrompts, linesMatching(t, dir, f, todo)...)
		}
	}
	if len(wantPrompts) < 30 {
		t.Fatalf("expected the scaffold's prompts in every narrative; found %d", len(wantPrompts))
	}
	sameSet(t, "errors for prompts left in", places(diags, diag.Error, "writing prompt"), wantPrompts)
	if n := diags.Count(diag.Error); n != len(wantTargets)+len(wantPrompts) {
		t.Errorf("%d errors, want only the %d targets and %d prompts:\n%s", n, len(wantTargets), len(wantPrompts), lines(diags))
	}
	if got := places(diags, diag.Warning, `chart "audit-headlines" is exactly as edition 2019-05 published it`); len(got) != 1 {
		t.Errorf("the May 2019 audit chart carried over unchanged should be a warning:\n%s", lines(diags))
	}

	// The work done: the targets written, the prompts replaced, the chart
	// said to be shown again on purpose.
	editFile(t, dir, figures, func(s string) string {
		return regexp.MustCompile(`(?m)^# target = `).ReplaceAllString(s, "target = ")
	})
	for _, f := range files {
		editFile(t, dir, f, func(s string) string {
			s = regexp.MustCompile(`(?m)^summary = "TODO:.*"$`).ReplaceAllString(s, `summary = "Progress to the end of June 2019."`)
			s = regexp.MustCompile(`(?m)^\{\{< todo .*>\}\}$`).ReplaceAllString(s, "Words the author wrote.")
			return strings.Replace(s, "id = \"audit-headlines\"\n", "id = \"audit-headlines\"\nunchanged = true\n", 1)
		})
	}
	diags = build.Check(opts)
	if diags.Len() != 0 {
		t.Fatalf("the finished edition should check clean:\n%s", lines(diags))
	}

	// Published, the edition rates every month of the new year.
	site, diags := build.Load(build.Options{Source: dir})
	if diags.HasErrors() {
		t.Fatal(lines(diags))
	}
	var e *model.Edition
	for _, x := range site.Editions {
		if x.ID == id {
			e = x
		}
	}
	if e == nil || e.Draft {
		t.Fatalf("edition %s is not published", id)
	}
	r := compute.Edition(site, e)
	rated := 0
	for _, k := range r.KPIs {
		s := e.Series[k.KPI.ID]
		if !s.Rated() {
			continue
		}
		for _, p := range k.Points {
			if p.HasValue && p.Month >= model.MonthOf(2019, 4) {
				rated++
				if p.RAG == model.RAGNone {
					t.Errorf("%s, %s is not rated", k.KPI.ID, p.Month.Long())
				}
			}
		}
	}
	if rated != 7*3 {
		t.Errorf("%d new months of rated KPIs, want 21", rated)
	}
	if r.Ratings.None != len(r.Reported)-7 {
		t.Errorf("ratings %+v: the 7 rated KPIs should each have a rating", r.Ratings)
	}

	// And the site builds.
	files2, _, diags := build.Render(build.Options{Source: dir})
	if diags.HasErrors() {
		t.Fatal(lines(diags))
	}
	page, ok := files2.File("editions/" + id + "/index.html")
	if !ok {
		t.Fatalf("no page for edition %s", id)
	}
	if strings.Contains(string(page), "To be written") || strings.Contains(string(page), "TODO") {
		t.Error("the published edition shows a prompt")
	}
}

func lines(l *diag.List) string {
	var b strings.Builder
	l.WriteText(&b)
	return b.String()
}
