package write

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// oldTime is the modification time given to a previous site's files, far
// from now, so that a kept time cannot be confused with a new one.
var oldTime = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// homePage is an index.html that marks its folder as planpress output.
func homePage(words string) string {
	return `<!doctype html><html><head><meta name="generator" content="planpress test"></head><body>` + words + "</body></html>\n"
}

// writeTree writes files (by slash-separated name) below dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree returns every regular file below dir by slash-separated name,
// failing on anything else that is not a folder.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			t.Errorf("%s is not a regular file", p)
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// snapshot records everything below root (folders, files with their bytes,
// modes and times, links with their targets) to show that nothing changed.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		desc := info.Mode().String()
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			desc += " -> " + target
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			desc += " " + info.ModTime().String() + " " + string(b)
		}
		out[filepath.ToSlash(rel)] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// beside lists what lies in dest's parent folder other than dest, sorted.
func beside(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dest) {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

// build writes files as a whole site into dest and commits it.
func build(t *testing.T, dest string, files map[string]string) Stats {
	t.Helper()
	s, err := Begin(dest, Guard{})
	if err != nil {
		t.Fatalf("Begin: %v", err)
	}
	defer s.Abort()
	for name, data := range files {
		if err := s.WriteFile(name, []byte(data)); err != nil {
			t.Fatalf("WriteFile(%q): %v", name, err)
		}
	}
	st, err := s.Commit()
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return st
}

// setTimes gives the named files below dir the old time.
func setTimes(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, name := range names {
		if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), oldTime, oldTime); err != nil {
			t.Fatal(err)
		}
	}
}

// modTime returns the modification time of the named file below dir.
func modTime(t *testing.T, dir, name string) time.Time {
	t.Helper()
	info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return info.ModTime()
}

// errorHas fails unless err is non-nil and holds every one of words.
func errorHas(t *testing.T, err error, words ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want one saying %q", words)
	}
	for _, w := range words {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
}

// exists reports whether path exists, without following a last link.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// leftoversBeside lists what a build could have left beside dest: staging
// folders, previous sites moved aside, folders and lock files of older
// versions.
func leftoversBeside(t *testing.T, dest string) []string {
	t.Helper()
	var out []string
	base := filepath.Base(dest)
	for _, name := range beside(t, dest) {
		if strings.HasPrefix(name, "."+base+".") {
			out = append(out, name)
		}
	}
	return out
}
