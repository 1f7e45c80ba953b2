package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/pdf"
)

// TestPDFWritesThePack prints the example's pack with the browser on this
// machine, as a clerk would: planpress pdf 2019-05 -o pack.pdf.
func TestPDFWritesThePack(t *testing.T) {
	if _, err := pdf.FindBrowser(""); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "pack.pdf")
	code, stdout, stderr := run("pdf", "2019-05", "-o", out, "-allow-no-charts", "-source", exampleSite)
	if code != ExitOK {
		t.Fatalf("pdf: exit %d, want %d\n%s", code, ExitOK, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[len(data)-1024:], []byte("%%EOF")) {
		t.Fatalf("%s is not a whole PDF", out)
	}
	if !strings.Contains(stdout, out) || !strings.Contains(stdout, "A4 pages") {
		t.Errorf("pdf does not say what it wrote where: %q", stdout)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("pdf left more than the pack in the folder: %v", entries)
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		info, err := exec.Command("pdfinfo", out).Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Tagged:          yes", "(A4)"} {
			if !strings.Contains(string(info), want) {
				t.Errorf("pdfinfo does not say %q:\n%s", want, info)
			}
		}
	}
}

// TestPDFWithoutABrowser: with no browser to be found, pdf says so plainly,
// says how to get one, exits 1 and writes nothing.
func TestPDFWithoutABrowser(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack.pdf")
	t.Setenv("PATH", "")
	for _, env := range []string{filepath.Join(t.TempDir(), "no-such-chrome"), ""} {
		t.Setenv(pdf.BrowserEnv, env)
		code, stdout, stderr := run("pdf", "-o", out, "-allow-no-charts", "-source", exampleSite)
		if code != ExitContent {
			t.Errorf("%s=%q: exit %d, want %d\n%s", pdf.BrowserEnv, env, code, ExitContent, stderr)
		}
		for _, want := range []string{"install Google Chrome or Chromium", "set " + pdf.BrowserEnv, "nothing was written"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s=%q: the error does not say %q:\n%s", pdf.BrowserEnv, env, want, stderr)
			}
		}
		if env != "" && !strings.Contains(stderr, env) {
			t.Errorf("the error does not name the browser %s names: %s", pdf.BrowserEnv, stderr)
		}
		if stdout != "" {
			t.Errorf("stdout: %q, want nothing", stdout)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was written", out)
		}
	}
}

// fakeBrowser is a program named as the browser that is never started: the
// tests that use it stop before printing.
func fakeBrowser(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "chrome")
	if err := os.WriteFile(p, []byte("#!/bin/sh\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPDFOfBrokenContent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack.pdf")
	code, _, stderr := run("pdf", "-o", out, "-chrome", fakeBrowser(t), "-allow-no-charts", "-source", brokenSite(t))
	if code != ExitContent {
		t.Fatalf("exit %d, want %d\n%s", code, ExitContent, stderr)
	}
	if !strings.Contains(stderr, "ON TRAK") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("the errors do not say what is wrong: %s", stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s was written", out)
	}
}

func TestPDFUsage(t *testing.T) {
	chrome := fakeBrowser(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"2019-05", "2019-08"}, "give one edition"},
		{[]string{"2018-11"}, `no published edition "2018-11"`},
		{[]string{"-o"}, "flag needs an argument"},
	}
	for _, tt := range tests {
		args := append([]string{"pdf", "-chrome", chrome, "-allow-no-charts", "-source", exampleSite}, tt.args...)
		code, _, stderr := run(args...)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, want %d with %q:\n%s", tt.args, code, ExitUsage, tt.want, stderr)
		}
	}
}

// TestPDFIsWrittenWhole: the pack replaces the file only once it is made.
func TestPDFIsWrittenWhole(t *testing.T) {
	saved := makePack
	defer func() { makePack = saved }()
	dir := t.TempDir()
	out := filepath.Join(dir, "pack.pdf")
	if err := os.WriteFile(out, []byte("last quarter's pack"), 0o644); err != nil {
		t.Fatal(err)
	}

	makePack = func(context.Context, pdf.Options) (*pdf.Pack, error) {
		return nil, errors.New("the browser stopped")
	}
	if code, _, stderr := run("pdf", "-o", out, "-allow-no-charts"); code != ExitContent || !strings.Contains(stderr, "the browser stopped") {
		t.Errorf("a failed printing: exit %d, %q", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "last quarter's pack" {
		t.Errorf("a failed printing changed %s: %q", out, b)
	}

	makePack = func(_ context.Context, o pdf.Options) (*pdf.Pack, error) {
		return &pdf.Pack{PDF: []byte("%PDF-1.4 this quarter's pack"), Pages: 2, Edition: &model.Edition{ID: "2019-08", Title: "August 2019"}}, nil
	}
	if code, _, stderr := run("pdf", "-o", out, "-allow-no-charts"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "%PDF-1.4 this quarter's pack" {
		t.Errorf("%s holds %q", out, b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds more than the pack: %v", entries)
	}

	// Without -o, the pack is named after its edition, in this folder.
	t.Chdir(dir)
	if code, stdout, stderr := run("pdf", "-allow-no-charts"); code != ExitOK || !strings.Contains(stdout, "committee-pack-2019-08.pdf") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "committee-pack-2019-08.pdf")); err != nil {
		t.Error(err)
	}
}

// TestPDFUnknownLanguage: -lang with a language the site is not published
// in is a mistake on the command line that names the site's languages.
func TestPDFUnknownLanguage(t *testing.T) {
	if _, err := pdf.FindBrowser(""); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	out := filepath.Join(t.TempDir(), "pack.pdf")
	code, _, stderr := run("pdf", "-lang", "cy", "-o", out, "-allow-no-charts", "-source", exampleSite)
	if code != ExitUsage || !strings.Contains(stderr, `not published in "cy"`) || !strings.Contains(stderr, "en-GB") {
		t.Errorf("-lang cy on a site in English alone: exit %d, want %d, saying which languages it has:\n%s", code, ExitUsage, stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s was written", out)
	}
}
