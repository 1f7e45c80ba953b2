package browsertest

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/assets"
)

// releaseArchiveEnv names a release archive for this machine's platform
// (make dist-check sets it to dist/planpress-linux-amd64.tar.gz); without it
// the test builds the program from this checkout, as make dist does.
const releaseArchiveEnv = "PLANPRESS_RELEASE_ARCHIVE"

// TestReleaseProgram is a new user's first five minutes: the planpress
// program, alone in an empty folder on a machine whose PATH has neither Go
// nor Node.js, starts a site and builds it, and every page of the site draws
// its charts in Chromium.
func TestReleaseProgram(t *testing.T) {
	b := browser(t)
	work := t.TempDir()
	program := filepath.Join(work, "planpress")
	if runtime.GOOS == "windows" {
		program += ".exe"
	}
	if archive := os.Getenv(releaseArchiveEnv); archive != "" {
		extractProgram(t, archive, program)
	} else {
		if !assets.HasECharts() {
			t.Skip("this checkout has no chart library to build into the program: make bundle")
		}
		root, err := RepoRoot()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "build", "-trimpath", "-o", program, "./cmd/planpress")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
	}
	if entries, _ := os.ReadDir(work); len(entries) != 1 {
		t.Fatalf("the folder holds %d entries, want the program alone", len(entries))
	}

	path := pathWithout(t, "go", "node", "npm", "npx")
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(program, args...)
		cmd.Dir = work
		cmd.Env = []string{"PATH=" + path, "HOME=" + work, "TMPDIR=" + t.TempDir()}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("planpress %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	out := run("version")
	if !strings.Contains(out, ", built in\n") {
		t.Fatalf("the program has no chart library:\n%s", out)
	}
	t.Logf("%s", out)
	run("new", "site", "demo")
	out = run("build", "-source", "demo")
	if strings.Contains(out, "warning") || strings.Contains(out, "without charts") {
		t.Errorf("the build of the new site says:\n%s", out)
	}
	site := filepath.Join(work, "demo", "public")
	for _, f := range []string{"_headers", "web.config"} {
		if _, err := os.Stat(filepath.Join(site, f)); err != nil {
			t.Errorf("the new site's build lacks %s", f)
		}
	}

	srv := serve(t, site)
	ps := pages(t, site)
	urls := make([]string, len(ps))
	for i, p := range ps {
		urls[i] = srv.URL + p.path
	}
	reports, err := b.CheckPages(context.Background(), urls, 2)
	if err != nil {
		t.Fatal(err)
	}
	drawn, total := 0, 0
	for i, p := range ps {
		rep := reports[i]
		drawn += rep.Charts.Drawn
		total += rep.Charts.Total
		if rep.Charts.Total > 0 && !rep.Charts.Library {
			t.Errorf("/%s: %d chart(s), but the chart library did not load", p.path, rep.Charts.Total)
		}
		for _, problem := range rep.Problems() {
			t.Errorf("/%s: %s", p.path, problem)
		}
	}
	t.Logf("%d pages; %d of %d charts drawn as SVG", len(ps), drawn, total)
	if total == 0 || drawn != total {
		t.Errorf("%d of %d charts drawn; want every one, and at least one", drawn, total)
	}
}

// pathWithout returns this PATH less every folder that holds one of the
// commands, and fails if one can still be found.
func pathWithout(t *testing.T, commands ...string) string {
	t.Helper()
	var keep []string
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		found := false
		for _, c := range commands {
			if _, err := exec.LookPath(filepath.Join(dir, c)); err == nil {
				found = true
			}
		}
		if !found {
			keep = append(keep, dir)
		}
	}
	path := strings.Join(keep, string(os.PathListSeparator))
	for _, dir := range keep {
		for _, c := range commands {
			if _, err := exec.LookPath(filepath.Join(dir, c)); err == nil {
				t.Fatalf("%s is still on the PATH", c)
			}
		}
	}
	return path
}

// extractProgram copies the planpress program out of a release archive.
func extractProgram(t *testing.T, archive, program string) {
	t.Helper()
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(program)
	var exe []byte
	if strings.HasSuffix(archive, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				exe, err = io.ReadAll(rc)
				rc.Close()
				if err != nil {
					t.Fatal(err)
				}
			}
		}
	} else {
		gz, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		tr := tar.NewReader(gz)
		for {
			h, err := tr.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if h.Name == name {
				if h.Mode&0o111 == 0 {
					t.Errorf("%s in %s is not executable (mode %o)", name, archive, h.Mode)
				}
				if exe, err = io.ReadAll(tr); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if exe == nil {
		t.Fatalf("%s holds no %s", archive, name)
	}
	if err := os.WriteFile(program, exe, 0o755); err != nil {
		t.Fatal(err)
	}
}
