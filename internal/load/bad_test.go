package load_test

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/diag"
)

var update = flag.Bool("update", false, "rewrite testdata/bad/*/want.txt from what planpress reports now (then read the diff)")

// goodSite is the smallest site that checks clean; every bad case is a copy
// of it with a few files replaced or added.
const goodSite = "testdata/good"

// wantFile holds a case's expected diagnostics, one diag.Diagnostic.String() a line.
const wantFile = "want.txt"

// checkNow is the day the corpus is checked on, so that what a message says
// about a date to come ("66 years from now") does not change with the day
// the tests run.
var checkNow = time.Date(2026, time.April, 22, 12, 0, 0, 0, time.UTC)

func check(dir string) *diag.List {
	return build.Check(build.Options{Source: dir, Drafts: true, Future: true, Now: checkNow})
}

func lines(l *diag.List) string {
	var b strings.Builder
	for _, d := range l.Items() {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestGoodSite makes sure the base of every bad case is itself clean, so that
// each case's diagnostics come from its own files alone.
func TestGoodSite(t *testing.T) {
	if got := lines(check(goodSite)); got != "" {
		t.Fatalf("the good site should check clean, but planpress reports:\n%s", got)
	}
}

// TestBadInputs checks each site in testdata/bad against its want.txt. A case
// is a folder of files laid over a copy of testdata/good (same path: the file
// is replaced; new path: the file is added), and want.txt, the exact lines
// `planpress check` prints for it. `go test -run TestBadInputs -update`
// rewrites want.txt; read the diff before committing it.
func TestBadInputs(t *testing.T) {
	entries, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			caseDir := filepath.Join("testdata/bad", name)
			site := t.TempDir()
			copyTree(t, goodSite, site, nil)
			copyTree(t, caseDir, site, func(rel string) bool { return rel != wantFile })
			got := lines(check(site))
			if got == "" {
				t.Fatalf("planpress reports nothing for this case; a bad input must be reported")
			}
			for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
				if strings.Contains(line, site) {
					t.Errorf("a diagnostic names the temporary folder instead of a path inside the site: %s", line)
				}
			}
			wantPath := filepath.Join(caseDir, wantFile)
			if *update {
				if err := os.WriteFile(wantPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (run with -update to create it, then read it)", err)
			}
			if got != string(want) {
				t.Errorf("diagnostics differ from %s\n--- got\n%s--- want\n%s", wantPath, got, want)
			}
		})
	}
	if n < 40 {
		t.Errorf("the corpus has %d cases; issue 5 asks for at least 40", n)
	}
}

// copyTree copies the files below src into dst, keeping their relative paths.
// keep, when not nil, chooses which files (by slash path relative to src) to copy.
func copyTree(t *testing.T, src, dst string, keep func(rel string) bool) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if keep != nil && !keep(filepath.ToSlash(rel)) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
