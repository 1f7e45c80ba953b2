package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/assets"
)

// exampleSite is the repository's own site.
const exampleSite = "../.."

// run runs the command line and returns its exit status and output.
func run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// brokenSite writes a small site whose one priority has an unknown status word.
func brokenSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"planpress.toml":                         "title = \"T\"\norganisation = \"O\"\n",
		"content/editions/2019-05/_index.md":     "+++\ntitle = \"May 2019\"\npublished = \"2019-05\"\nas_at = \"2019-03\"\n+++\nIntro.\n",
		"content/editions/2019-05/priority-1.md": "+++\nnumber = 1\ntitle = \"Plans\"\n\n[[milestones]]\nref = \"1.1\"\nmilestone = \"Review plans.\"\nstatus = \"ON TRAK\"\n+++\nText.\n",
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

func TestBuildWritesTheSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	// -allow-no-charts lets the test run without the chart library (a fresh
	// clone has none); with it, the flag changes nothing.
	code, stdout, stderr := run("build", "-allow-no-charts", "-source", exampleSite, "-dest", dest)
	if code != ExitOK {
		t.Fatalf("build: exit %d, want %d\n%s", code, ExitOK, stderr)
	}
	for _, f := range []string{"index.html", "editions/2019-05/index.html", "editions/2019-05/data.json"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Errorf("build did not write %s: %v", f, err)
		}
	}
	if !strings.Contains(stdout, "built") || !strings.Contains(stdout, dest) {
		t.Errorf("build does not say what it built where: %q", stdout)
	}
	// The example records its known discrepancies (counts_note), so it
	// builds without a warning (TestNewMismatchWarns has one printed).
	if strings.Contains(stderr, "warning:") {
		t.Errorf("the example site should build without warnings: %q", stderr)
	}

	code, stdout, _ = run("build", "-quiet", "-allow-no-charts", "-source", exampleSite, "-dest", dest)
	if code != ExitOK || stdout != "" {
		t.Errorf("build -quiet: exit %d, stdout %q; want %d and nothing", code, stdout, ExitOK)
	}
}

func TestBuildOfBrokenContent(t *testing.T) {
	site := brokenSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := run("build", "-allow-no-charts", "-source", site, "-dest", dest)
	if code != ExitContent {
		t.Fatalf("build of broken content: exit %d, want %d\n%s", code, ExitContent, stderr)
	}
	if !strings.Contains(stderr, `content/editions/2019-05/priority-1.md:8: error: unknown milestone status "ON TRAK"; did you mean "ON TRACK"?`) {
		t.Errorf("the error is not reported at its file and line:\n%s", stderr)
	}
	if !strings.Contains(stderr, "nothing was written") {
		t.Errorf("build does not say that nothing was written:\n%s", stderr)
	}
	if stdout != "" {
		t.Errorf("a failed build printed to stdout: %q", stdout)
	}
	if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed build created %s (err = %v)", dest, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 0 {
		t.Errorf("a failed build left files beside the output: %v", entries)
	}
}

// TestBuildWithoutCharts is what `go install` gives: a binary without the
// chart library refuses to build a site, saying how to get one that has it,
// unless told to build without charts.
func TestBuildWithoutCharts(t *testing.T) {
	saved := chartsBuiltIn
	chartsBuiltIn = func() bool { return false }
	defer func() { chartsBuiltIn = saved }()

	dest := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := run("build", "-source", exampleSite, "-dest", dest)
	if code != ExitContent {
		t.Errorf("build without the chart library: exit %d, want %d", code, ExitContent)
	}
	for _, want := range []string{"not built into this planpress", "download a release", "make build", "-allow-no-charts", "nothing was built"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, stderr)
		}
	}
	if stdout != "" {
		t.Errorf("a refused build printed to stdout: %q", stdout)
	}
	if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused build created %s (err = %v)", dest, err)
	}

	code, _, stderr = run("build", "-allow-no-charts", "-source", exampleSite, "-dest", dest)
	if code != ExitOK {
		t.Fatalf("build -allow-no-charts: exit %d, want %d\n%s", code, ExitOK, stderr)
	}
	if !strings.Contains(stderr, "without charts") {
		t.Errorf("build -allow-no-charts does not say the charts are left out:\n%s", stderr)
	}
	// pdf refuses the same way: a pack without charts is printed only on
	// request.
	pack := filepath.Join(t.TempDir(), "pack.pdf")
	code, _, stderr = run("pdf", "-source", exampleSite, "-o", pack)
	if code != ExitContent || !strings.Contains(stderr, "nothing was written; to print the pack without its charts") {
		t.Errorf("pdf without the chart library: exit %d, want %d, saying how to print without charts:\n%s", code, ExitContent, stderr)
	}
	if _, err := os.Stat(pack); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused pdf wrote %s (err = %v)", pack, err)
	}
	// check looks only at the site's files, so it runs as it would with the
	// chart library.
	if code, _, stderr := run("check", "-source", exampleSite); code != ExitOK {
		t.Errorf("check without the chart library: exit %d, want %d\n%s", code, ExitOK, stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"build", "-no-such-flag"},
		{"check", "-no-such-flag"},
		{"version", "-no-such-flag"},
		{"build", "extra-argument"},
		{"check", "-format", "xml"},
	} {
		code, stdout, stderr := run(args...)
		if code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
		if stderr == "" {
			t.Errorf("%q: nothing said about the mistake", args)
		}
		if stdout != "" {
			t.Errorf("%q: a usage error printed to stdout: %q", args, stdout)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	code, _, stderr := run("biuld")
	if code != ExitUsage {
		t.Errorf("unknown command: exit %d, want %d", code, ExitUsage)
	}
	for _, want := range []string{`unknown command "biuld"`, `Did you mean "build"?`, "Usage: planpress COMMAND"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("unknown command: stderr does not say %q:\n%s", want, stderr)
		}
	}
	_, _, stderr = run("xyzzy")
	if strings.Contains(stderr, "Did you mean") {
		t.Errorf("a word close to no command got a suggestion:\n%s", stderr)
	}
}

// TestHelp asks every command for its usage.
func TestHelp(t *testing.T) {
	for _, h := range []string{"-h", "-help", "--help", "help"} {
		code, stdout, _ := run(h)
		if code != ExitOK || !strings.Contains(stdout, "Usage: planpress COMMAND") {
			t.Errorf("planpress %s: exit %d, stdout %q", h, code, stdout)
		}
		for _, name := range names() {
			if !strings.Contains(stdout, "  "+name+" ") {
				t.Errorf("planpress %s does not list %s", h, name)
			}
		}
	}
	if len(commands) < 3 {
		t.Fatalf("only %d commands", len(commands))
	}
	for _, name := range names() {
		code, stdout, stderr := run(name, "-h")
		if code != ExitOK {
			t.Errorf("%s -h: exit %d, want %d", name, code, ExitOK)
		}
		if !strings.Contains(stdout+stderr, "Usage: planpress "+name) {
			t.Errorf("%s -h does not print its usage:\nstdout: %s\nstderr: %s", name, stdout, stderr)
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := run("version")
	if code != ExitOK || !strings.HasPrefix(stdout, "planpress ") || len(strings.TrimSpace(stdout)) <= len("planpress ") {
		t.Errorf("version: exit %d, stdout %q", code, stdout)
	}
	Version, Commit = "v9.8.7", "0123456789abcdef0123456789abcdef01234567"
	defer func() { Version, Commit = "", "" }()
	_, stdout, _ = run("version")
	lines := strings.Split(stdout, "\n")
	if lines[0] != "planpress v9.8.7" {
		t.Errorf("version with a linked version: first line %q", lines[0])
	}
	if !strings.Contains(stdout, "\ncommit:  0123456789abcdef0123456789abcdef01234567\n") {
		t.Errorf("version does not print the linked commit:\n%s", stdout)
	}
	want := "ECharts: not built in"
	if assets.HasECharts() {
		want = "ECharts: " + assets.EChartsVersion() + ", built in"
	}
	if !strings.Contains(stdout, want) {
		t.Errorf("version does not say %q:\n%s", want, stdout)
	}
	if !strings.Contains(stdout, "Go:      go") {
		t.Errorf("version does not name the Go release:\n%s", stdout)
	}
}

// jsonDiagnostic is what `check -format json` promises each problem holds.
type jsonDiagnostic struct {
	File     *string `json:"file"`
	Line     *int    `json:"line"`
	Severity *string `json:"severity"`
	Message  *string `json:"message"`
	Fix      string  `json:"fix"`
}

func checkJSON(t *testing.T, site string) (int, []jsonDiagnostic) {
	t.Helper()
	code, stdout, stderr := run("check", "-source", site, "-format", "json")
	var list []jsonDiagnostic
	if err := json.Unmarshal([]byte(stdout), &list); err != nil {
		t.Fatalf("check -format json does not print a JSON array of diagnostics: %v\n%s\n%s", err, stdout, stderr)
	}
	for i, d := range list {
		if d.File == nil || d.Line == nil || d.Severity == nil || d.Message == nil {
			t.Fatalf("diagnostic %d lacks file, line, severity or message: %+v", i, d)
		}
		if *d.File == "" || *d.Line < 0 || *d.Message == "" || (*d.Severity != "error" && *d.Severity != "warning") {
			t.Errorf("diagnostic %d is incomplete: file %q line %d severity %q message %q", i, *d.File, *d.Line, *d.Severity, *d.Message)
		}
	}
	return code, list
}

func TestCheckJSON(t *testing.T) {
	code, list := checkJSON(t, brokenSite(t))
	if code != ExitContent {
		t.Errorf("check of broken content: exit %d, want %d", code, ExitContent)
	}
	found := false
	for _, d := range list {
		if *d.File == "content/editions/2019-05/priority-1.md" && *d.Line == 8 && *d.Severity == "error" && strings.Contains(*d.Message, `"ON TRAK"`) && strings.Contains(d.Fix, `"ON TRACK"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("check -format json does not report the status typo at priority-1.md:8: %+v", list)
	}

	// The example site checks clean: its published figures whose counts
	// disagree are recorded with counts_note, not repeated as warnings.
	code, list = checkJSON(t, exampleSite)
	if code != ExitOK {
		t.Errorf("check of the example site: exit %d, want %d", code, ExitOK)
	}
	for _, d := range list {
		t.Errorf("the example site has a problem: %s:%d: %s: %s", *d.File, *d.Line, *d.Severity, *d.Message)
	}
}

func TestCheckText(t *testing.T) {
	code, stdout, _ := run("check", "-source", brokenSite(t))
	if code != ExitContent {
		t.Errorf("check of broken content: exit %d, want %d", code, ExitContent)
	}
	if !strings.Contains(stdout, "priority-1.md:8: error: ") || !strings.HasSuffix(stdout, "1 error(s), 0 warning(s)\n") {
		t.Errorf("check text output:\n%s", stdout)
	}
	code, _, stderr := run("check", "-source", filepath.Join(t.TempDir(), "missing"))
	if code != ExitContent {
		t.Errorf("check of a missing folder: exit %d, want %d\n%s", code, ExitContent, stderr)
	}
}
