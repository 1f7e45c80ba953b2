package scaffold

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
)

// archive is the illustrative archive the tests start from.
const archive = "../../examples/archive"

// copyArchive copies the archive's site files into a new folder, leaving out
// editions after keep (all when keep is "").
func copyArchive(t *testing.T, keep string) string {
	t.Helper()
	return copySite(t, archive, keep)
}

// copySite copies the site files of src into a new folder, leaving out its
// built site and the editions after keep (all when keep is "").
func copySite(t *testing.T, src, keep string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel == "public" {
			return filepath.SkipDir
		}
		if d.IsDir() {
			if keep != "" && filepath.Base(filepath.Dir(p)) == "editions" && d.Name() > keep {
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

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestEditionFromPrevious(t *testing.T) {
	dir := copyArchive(t, "2019-05")
	res, err := Edition(Options{Source: dir, ID: "2019-08", From: "2019-05"})
	if err != nil {
		t.Fatal(err)
	}
	if res.AsAt.String() != "2019-06" || res.Period[0].String() != "2018-07" || res.Period[1].String() != "2019-06" || res.Published != "2019-08" {
		t.Errorf("dates: as at %s, period %s to %s, published %s", res.AsAt, res.Period[0], res.Period[1], res.Published)
	}
	if res.NewMonths[0].String() != "2019-04" || res.NewMonths[1].String() != "2019-06" {
		t.Errorf("new months %s to %s, want 2019-04 to 2019-06", res.NewMonths[0], res.NewMonths[1])
	}
	index := read(t, dir, "content/editions/2019-08/_index.md")
	for _, want := range []string{`as_at = "2019-06"`, `from = "2018-07"`, `to = "2019-06"`, `published = "2019-08"`, "draft = true",
		`title = "Improvement plan progress report, August 2019 (sample)"`, "## Introduction\n\n{{< todo \"", `summary = "TODO: Write one line on progress to June 2019`, "[signatory]"} {
		if !strings.Contains(index, want) {
			t.Errorf("_index.md lacks %q:\n%s", want, index)
		}
	}
	if strings.Contains(index, "These are sample figures") {
		t.Error("the introduction's paragraphs should be replaced by prompts")
	}

	p2 := read(t, dir, "content/editions/2019-08/priority-2.md")
	for _, want := range []string{`ref = "2.1"`, `status = "SLIGHT SLIPPAGE"`, "## What's working well?", "{{< kpi-table re-referrals multiple-cp-plans >}}", `{{< todo "Say what is working well.`} {
		if !strings.Contains(p2, want) {
			t.Errorf("priority-2.md lacks %q", want)
		}
	}
	if strings.Contains(p2, "workshops were well attended") || strings.Contains(p2, "{{< value") {
		t.Error("narrative paragraphs (and the figures they quote) should be gone")
	}

	figs := read(t, dir, "data/editions/2019-08/kpis.toml")
	if strings.Contains(figs, `"2018-06"`) || !strings.Contains(figs, `"2018-07" = 31.5`) || !strings.Contains(figs, `"2019-03" = 32.4`) {
		t.Errorf("figures before the new period should be dropped and the rest kept:\n%s", figs)
	}
	if !strings.Contains(figs, "# To add: figures for 2019-04 to 2019-06.") {
		t.Errorf("each KPI should note the months to add:\n%s", figs)
	}

	// The new edition is valid as it stands: it builds with -drafts, and is
	// left out without.
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, diags := load.Site(root.FS(), load.Options{Drafts: true})
	if diags.HasErrors() {
		var b strings.Builder
		diags.WriteText(&b)
		t.Fatalf("the scaffolded edition does not load:\n%s", b.String())
	}
	if n := len(site.Editions); n != 2 || !site.Editions[1].Draft || site.Editions[1].ID != "2019-08" {
		t.Errorf("want 2019-05 and the draft 2019-08, got %d editions", n)
	}
	site, _ = load.Site(root.FS(), load.Options{})
	if len(site.Editions) != 1 {
		t.Errorf("a draft is left out of a build without -drafts: %d editions", len(site.Editions))
	}
}

func TestEditionRefusesToOverwrite(t *testing.T) {
	dir := copyArchive(t, "2019-08")
	before := read(t, dir, "content/editions/2019-08/_index.md")
	_, err := Edition(Options{Source: dir, ID: "2019-08", From: "2019-05"})
	if !errors.Is(err, ErrExists) {
		t.Fatalf("want ErrExists, got %v", err)
	}
	if read(t, dir, "content/editions/2019-08/_index.md") != before {
		t.Error("the existing edition was changed")
	}
	// A figures folder alone is enough to refuse.
	if err := os.MkdirAll(filepath.Join(dir, "data/editions/2019-11"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Edition(Options{Source: dir, ID: "2019-11"}); !errors.Is(err, ErrExists) {
		t.Errorf("want ErrExists for an existing figures folder, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content/editions/2019-11")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("nothing should be written when refusing")
	}
}

func TestEditionDefaultsAndAsAt(t *testing.T) {
	dir := copyArchive(t, "")
	// Without --from, the edition with the latest as-at month is copied; a
	// new financial year drops the old edition's own target.
	res, err := Edition(Options{Source: dir, ID: "q1-2020", AsAt: mustMonth(t, "2020-06")})
	if err != nil {
		t.Fatal(err)
	}
	if res.From != "2020-02" {
		t.Errorf("default from = %s, want the newest edition 2020-02", res.From)
	}
	if res.AsAt.String() != "2020-06" || res.Period[0].String() != "2019-07" || res.Published != "2020-08" {
		t.Errorf("as at %s from %s, published %s", res.AsAt, res.Period[0], res.Published)
	}
	figs := read(t, dir, "data/editions/q1-2020/kpis.toml")
	if !strings.Contains(figs, "# target = 23") || strings.Contains(figs, "\ntarget = 23") {
		t.Errorf("2019/20's target should be commented out in 2020/21:\n%s", figs)
	}
	if _, err := Edition(Options{Source: dir, ID: "bad", AsAt: mustMonth(t, "2019-01")}); err == nil {
		t.Error("an as-at month before the previous edition's must be refused")
	}
	if _, err := Edition(Options{Source: dir, ID: "Bad Id"}); err == nil {
		t.Error("an id that cannot be an address must be refused")
	}
	if _, err := Edition(Options{Source: dir, ID: "x", From: "1999-01"}); err == nil || !strings.Contains(err.Error(), "2019-05") {
		t.Errorf("an unknown --from should list the editions: %v", err)
	}
}

func mustMonth(t *testing.T, s string) model.Month {
	t.Helper()
	m, err := model.ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestPromptify(t *testing.T) {
	d := dates{asAt: mustMonth(t, "2019-06")}
	in := "Opening words.\n\n## What we want to achieve\n\nA paragraph with {{< value x 2019-03 >}}.\n\nAnother.\n\n" +
		"## Supporting performance analysis\n\n{{< kpi-table a b >}}\n\nMore words.\n\n{{< chart audit >}}\n\n" +
		"### A sub-heading of our own\n\n```\n## not a heading\n```\n\n## Charts only\n\n{{< chart c >}}\n"
	got := promptify(in, d)
	want := "{{< todo \"Write the introduction to this part of the report.\" >}}\n\n" +
		"## What we want to achieve\n\n{{< todo \"Say what this priority sets out to achieve.\" >}}\n\n" +
		"## Supporting performance analysis\n\n{{< todo \"Say what the latest figures show, quoting them from the data rather than typing them.\" >}}\n\n{{< kpi-table a b >}}\n\n{{< chart audit >}}\n\n" +
		"### A sub-heading of our own\n\n{{< todo \"Write this section for the report on progress to June 2019.\" >}}\n\n" +
		"## Charts only\n\n{{< chart c >}}\n"
	if got != want {
		t.Errorf("promptify:\n%s\nwant:\n%s", got, want)
	}
}

func TestSetKeys(t *testing.T) {
	doc := "# a comment\ntitle = \"Old\"\nsummary = \"\"\"\nline one\nline two\n\"\"\"\n\n[signatory]\nname = \"A\"\n"
	got := setKeys(doc, []keyValue{{"title", `"New"`}, {"summary", `"S"`}, {"draft", "true"}})
	want := "# a comment\ntitle = \"New\"\nsummary = \"S\"\ndraft = true\n\n[signatory]\nname = \"A\"\n"
	if got != want {
		t.Errorf("setKeys:\n%s\nwant:\n%s", got, want)
	}
}

// copyExample copies the example site (the repository's own planpress.toml,
// content and data) into a new folder.
func copyExample(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, top := range []string{"planpress.toml", "content", "data"} {
		src := filepath.Join("../..", top)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel("../..", p)
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
	}
	return dst
}

// TestEditionNewFinancialYear: an edition that starts a financial year with
// no targets gets, in each rated KPI's table, a commented target line with
// the last year's target, and only those KPIs.
func TestEditionNewFinancialYear(t *testing.T) {
	dir := copyExample(t)
	res, err := Edition(Options{Source: dir, ID: "2019-08", From: "2019-05"})
	if err != nil {
		t.Fatal(err)
	}
	rated := []string{"care-leavers-accommodation", "care-leavers-eet", "icpc-within-15-days", "long-term-stability", "multiple-cp-plans", "re-referrals", "short-term-stability"}
	if res.TargetYear.String() != "2019/20" || strings.Join(res.TargetKPIs, " ") != strings.Join(rated, " ") {
		t.Errorf("targets to set: %s %v, want 2019/20 %v", res.TargetYear, res.TargetKPIs, rated)
	}
	figs := read(t, dir, "data/editions/2019-08/kpis.toml")
	for id, last := range map[string]string{"icpc-within-15-days": "75", "re-referrals": "25", "multiple-cp-plans": "23", "care-leavers-eet": "65"} {
		want := "[" + id + "]\n# target = " + last + "   # the 2019/20 target: write it here and delete the # at the start of this line (" + last + " was the target for 2018/19); or write monitor_only = true if the KPI is not rated in 2019/20\n"
		if !strings.Contains(figs, want) {
			t.Errorf("the figures lack the target line for %s:\n%s\nin:\n%s", id, want, figs)
		}
	}
	if n := strings.Count(figs, "# target = "); n != len(rated) {
		t.Errorf("%d target lines, want one for each of the %d rated KPIs", n, len(rated))
	}
	for _, id := range []string{"strategy-to-s47", "s47-rate"} {
		if strings.Contains(figs, "["+id+"]\n# target") {
			t.Errorf("%s is not rated, so it needs no target", id)
		}
	}

	// Within a financial year there is nothing to add.
	res, err = Edition(Options{Source: dir, ID: "2019-11", From: "2019-08"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.TargetKPIs) != 0 {
		t.Errorf("2019-11 is in the same financial year as 2019-08, so it has no targets to set: %v", res.TargetKPIs)
	}
}

// TestEditionInTwoLanguages: a new edition of a site in two languages has
// the words of each, as drafts: the Welsh title's month moved on, the
// summary and narrative prompts, and the Welsh notes of the months it still
// covers.
func TestEditionInTwoLanguages(t *testing.T) {
	dst := copySite(t, "../../examples/bilingual", "")
	res, err := Edition(Options{Source: dst, ID: "2024-11"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"content/editions/2024-11/_index.cy.md",
		"content/editions/2024-11/priority-1.cy.md",
		"content/editions/2024-11/priority-2.cy.md",
		"data/editions/2024-11/kpis.cy.toml",
	} {
		found := false
		for _, f := range res.Files {
			found = found || f == want
		}
		if !found {
			t.Errorf("%s was not written; files: %v", want, res.Files)
		}
	}
	index := read(t, dst, "content/editions/2024-11/_index.cy.md")
	for _, want := range []string{
		`title = "Cynllun gwella gwasanaethau plant: adroddiad cynnydd, Tachwedd 2024"`,
		`summary = "TODO: Write one line, in this language, on progress to September 2024`,
		`role = "Pennaeth Gwasanaethau Plant"`,
		`{{< todo `,
	} {
		if !strings.Contains(index, want) {
			t.Errorf("_index.cy.md does not say %s:\n%s", want, index)
		}
	}
	if strings.Contains(index, "draft") || strings.Contains(index, "as_at") {
		t.Errorf("_index.cy.md gives the edition's dates, which are the English file's alone:\n%s", index)
	}
	if notes := read(t, dst, "data/editions/2024-11/kpis.cy.toml"); !strings.Contains(notes, `"2024-06" = { note = "Dros dro`) {
		t.Errorf("the Welsh notes are not copied:\n%s", notes)
	}
	// The new draft checks with warnings only: its prompts.
	root, err := os.OpenRoot(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, diags := load.Site(root.FS(), load.Options{Drafts: true, Future: true})
	if diags.HasErrors() {
		t.Fatal(firstError(diags))
	}
	if e := site.Translations[0].Editions[len(site.Editions)-1]; e.ID != "2024-11" || e.Title != "Cynllun gwella gwasanaethau plant: adroddiad cynnydd, Tachwedd 2024" {
		t.Errorf("the new Welsh edition: %s %q", e.ID, e.Title)
	}
}
