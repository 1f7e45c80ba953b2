package scaffold

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/diag"
)

// TestSite makes a site in a folder that does not exist yet, below another
// that does not either, and checks it as planpress check would: no error and
// no warning.
func TestSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reports", "demo")
	res, err := Site(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := StarterFiles()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != len(want) || !sort.StringsAreSorted(res.Files) {
		t.Errorf("Files = %v, want the %d starter files, sorted", res.Files, len(want))
	}
	for _, name := range []string{"planpress.toml", "content/editions/2025-11/_index.md", "content/editions/2025-11/priority-1.md",
		"content/pages/about.md", "data/kpis.toml", "data/glossary.toml", "data/editions/2025-11/kpis.toml", ".gitignore"} {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("the new site lacks %s: %v", name, err)
			continue
		}
		if !bytes.Equal(got, want[name]) {
			t.Errorf("%s is not the starter's", name)
		}
	}

	diags := build.Check(build.Options{Source: dir})
	if n, w := diags.Count(diag.Error), diags.Count(diag.Warning); n != 0 || w != 0 {
		var b bytes.Buffer
		diags.WriteText(&b)
		t.Errorf("the new site has %d error(s) and %d warning(s):\n%s", n, w, b.String())
	}
	site, diags := build.Load(build.Options{Source: dir})
	if diags.HasErrors() {
		t.Fatal("the new site does not load")
	}
	if len(site.Editions) != 1 || len(site.Editions[0].Priorities) != 1 || len(site.Editions[0].Priorities[0].Milestones) != 2 || len(site.KPIs) != 2 ||
		len(site.Glossary) == 0 || len(site.Pages) == 0 || !site.HostFiles {
		t.Errorf("the new site is not one edition with one priority, two milestones, two KPIs, a glossary, an about page and host files")
	}
}

// TestStarterSaysWhatItIs: every file points to the format's documentation,
// and what a reader sees says it is an example to replace.
func TestStarterSaysWhatItIs(t *testing.T) {
	files, err := StarterFiles()
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if !bytes.Contains(b, []byte("docs/format.md")) {
			t.Errorf("%s does not point to docs/format.md", name)
		}
		if bytes.Contains(b, []byte("\r")) {
			t.Errorf("%s has a carriage return", name)
		}
	}
	for _, name := range []string{"planpress.toml", "content/_index.md", "content/pages/about.md", "content/editions/2025-11/_index.md", "data/kpis.toml"} {
		if !strings.Contains(strings.ToLower(string(files[name])), "example") {
			t.Errorf("%s does not say it is an example", name)
		}
	}
}

func TestSiteInAnEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := Site(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "planpress.toml")); err != nil {
		t.Error(err)
	}
}

// TestSiteRefusesAFolderWithFiles: a folder with anything in it, even a
// hidden file, is left as it was.
func TestSiteRefusesAFolderWithFiles(t *testing.T) {
	for _, name := range []string{"notes.txt", ".git"} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Site(dir)
		if !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), name) {
			t.Errorf("Site into a folder holding %s: %v, want ErrNotEmpty naming it", name, err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("Site into a folder holding %s left %d entries", name, len(entries))
		}
	}

	file := filepath.Join(t.TempDir(), "site")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Site(file); err == nil || errors.Is(err, ErrNotEmpty) {
		t.Errorf("Site into a file: %v, want an error saying it cannot be used", err)
	}
}

// TestWriteNewUndoes: when one file cannot be written, everything written
// before it is removed, and nothing that was there before is touched.
func TestWriteNewUndoes(t *testing.T) {
	dir := t.TempDir()
	// A file where the starter wants a folder: writing below it fails
	// half-way through.
	if err := os.WriteFile(filepath.Join(dir, "data"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	files, _ := StarterFiles()
	made, err := writeNew(root, files)
	if err == nil {
		t.Fatal("writeNew wrote below a file")
	}
	if len(made) == 0 {
		t.Fatal("writeNew failed on the first file; the test means it to fail half-way")
	}
	removeWritten(root, made)
	var left []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			left = append(left, filepath.ToSlash(rel))
		}
		return err
	})
	if len(left) != 1 || left[0] != "data" {
		t.Errorf("after the undo the folder holds %v, want only the file that was there", left)
	}
}
