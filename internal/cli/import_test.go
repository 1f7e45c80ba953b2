package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImport(t *testing.T) {
	dir := smallSite(t)
	if code, _, errOut := run("new", "edition", "2019-08", "--from", "2019-05", "-source", dir); code != ExitOK {
		t.Fatalf("new edition: exit %d: %s", code, errOut)
	}
	csv := filepath.Join(t.TempDir(), "figures.csv")
	if err := os.WriteFile(csv, []byte("KPI,Mar-19,Apr-19,May-19,Jun-19\nK,12.5,13.1%,n/d,14.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	figures := filepath.Join(dir, "data/editions/2019-08/kpis.toml")
	before, _ := os.ReadFile(figures)

	code, out, errOut := run("import", csv, "-source", dir, "-dry-run")
	if code != ExitOK || !strings.Contains(out, "Added 2 figure(s):\n  k: April 2019, June 2019\n") || !strings.Contains(out, "Dry run: nothing was written") {
		t.Errorf("import -dry-run: exit %d\n%s%s", code, out, errOut)
	}
	if after, _ := os.ReadFile(figures); string(after) != string(before) {
		t.Errorf("a dry run changed the figures file")
	}

	code, out, errOut = run("import", "-source", dir, csv)
	if code != ExitOK || !strings.Contains(out, "Wrote data/editions/2019-08/kpis.toml") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	b, _ := os.ReadFile(figures)
	if !strings.Contains(string(b), "\"2019-03\" = 12.5\n\"2019-04\" = 13.1\n\"2019-06\" = 14.0\n") {
		t.Errorf("the figures file:\n%s", b)
	}
	if code, out, _ := run("check", "-source", dir); code != ExitOK {
		t.Errorf("check after import: exit %d\n%s", code, out)
	}

	// A problem in the spreadsheet: exit 1, nothing written.
	before, _ = os.ReadFile(figures)
	if err := os.WriteFile(csv, []byte("KPI,Apr-19\nJ,12\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run("import", csv, "-source", dir)
	if code != ExitContent || !strings.Contains(errOut, `figures.csv: cell A2: error: "J" is not a KPI of this site; did you mean "k"?`) ||
		!strings.Contains(errOut, "nothing was imported, data/editions/2019-08/kpis.toml is as it was") {
		t.Errorf("an unknown KPI: exit %d\n%s", code, errOut)
	}
	if after, _ := os.ReadFile(figures); string(after) != string(before) {
		t.Errorf("a refused import changed the figures file")
	}
}

func TestImportUsage(t *testing.T) {
	dir := smallSite(t)
	for _, args := range [][]string{
		{"import"},
		{"import", "a.csv", "b.csv"},
		{"import", "-nope", "a.csv"},
		{"import", "missing.csv", "-source", dir},
		{"import", "figures.xls", "-source", dir},
		{"import", "figures.csv", "-source", filepath.Join(dir, "content")},
	} {
		if code, _, errOut := run(args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, ExitUsage, errOut)
		}
	}
	code, out, _ := run("import", "-h")
	if code != ExitOK || !strings.Contains(out, "Usage: planpress import FILE") {
		t.Errorf("import -h: exit %d\n%s", code, out)
	}
}
