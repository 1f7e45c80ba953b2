package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExampleChecksClean: the example site's six published slips (a
// percentage beside counts that give another) are recorded with
// counts_note, so check has nothing to say.
func TestExampleChecksClean(t *testing.T) {
	code, stdout, _ := run("check", "-source", exampleSite)
	if code != ExitOK || stdout != "0 error(s), 0 warning(s)\n" {
		t.Errorf("check of the example site: exit %d\n%s", code, stdout)
	}
}

// TestNewMismatchWarns: a mismatch with no counts_note still warns, at its
// line, in check and in build, which prints it and still builds.
func TestNewMismatchWarns(t *testing.T) {
	dir := copyExampleSite(t)
	editFile(t, dir, "data/editions/2019-05/kpis.toml", func(s string) string {
		return strings.Replace(s, `"2018-06" = { value = 54.8, numerator = 119, denominator = 217 }`, `"2018-06" = { value = 56.8, numerator = 119, denominator = 217 }`, 1)
	})
	code, stdout, _ := run("check", "-source", dir)
	want := `data/editions/2019-05/kpis.toml:182: warning: KPI "care-leavers-eet", June 2018: the published value 56.8 does not match 119/217 = 54.8`
	if code != ExitOK || !strings.HasPrefix(stdout, want) || !strings.HasSuffix(stdout, "0 error(s), 1 warning(s)\n") {
		t.Errorf("check with one new mismatch: exit %d\n%s\nwant the line starting\n%s", code, stdout, want)
	}
	code, _, stderr := run("build", "-allow-no-charts", "-source", dir, "-dest", filepath.Join(t.TempDir(), "public"))
	if code != ExitOK || !strings.Contains(stderr, want) {
		t.Errorf("build with one new mismatch: exit %d, want %d and the warning printed:\n%s", code, ExitOK, stderr)
	}
}
