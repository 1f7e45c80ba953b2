package write

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sources are the names of a site's source folders.
var sources = []string{"content", "data", "layouts", "assets", "static"}

// makeSite creates a site folder with its source folders below root.
func makeSite(t *testing.T, root string) string {
	t.Helper()
	site := filepath.Join(root, "site")
	for _, name := range sources {
		if err := os.MkdirAll(filepath.Join(site, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeTree(t, site, map[string]string{"planpress.toml": "title = 'x'\n", "content/a.md": "# A\n"})
	return site
}

// symlink makes a link or skips the test where links cannot be made.
func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

func TestBeginChecksDest(t *testing.T) {
	tests := []struct {
		name string
		// setup prepares root and returns the dest and guard to begin with.
		setup func(t *testing.T, root string) (string, Guard)
		// want lists words of the expected error, $ROOT standing for the
		// test's folder; none means accepted.
		want []string
	}{
		{"fresh output", func(t *testing.T, root string) (string, Guard) {
			return filepath.Join(root, "out"), Guard{}
		}, nil},
		{"fresh output below missing folders", func(t *testing.T, root string) (string, Guard) {
			return filepath.Join(root, "a", "b", "out"), Guard{}
		}, nil},
		{"empty folder", func(t *testing.T, root string) (string, Guard) {
			dest := filepath.Join(root, "out")
			os.Mkdir(dest, 0o755)
			return dest, Guard{}
		}, nil},
		{"previous planpress output", func(t *testing.T, root string) (string, Guard) {
			dest := filepath.Join(root, "out")
			writeTree(t, dest, map[string]string{"index.html": homePage("old"), "a/b.html": "b"})
			return dest, Guard{}
		}, nil},
		{"output of an older planpress", func(t *testing.T, root string) (string, Guard) {
			dest := filepath.Join(root, "out")
			writeTree(t, dest, map[string]string{legacyMarker: "written by planpress\n", "index.html": "<html>old</html>"})
			return dest, Guard{}
		}, nil},
		{"folder of someone else's files", func(t *testing.T, root string) (string, Guard) {
			dest := filepath.Join(root, "out")
			writeTree(t, dest, map[string]string{"thesis.docx": "years of work"})
			return dest, Guard{}
		}, []string{"holds files planpress did not write", "out", "-dest", "empty this one"}},
		{"home page of another generator", func(t *testing.T, root string) (string, Guard) {
			dest := filepath.Join(root, "out")
			writeTree(t, dest, map[string]string{"index.html": `<meta name="generator" content="Hugo 0.140">`})
			return dest, Guard{}
		}, []string{"holds files planpress did not write"}},
		{"a file", func(t *testing.T, root string) (string, Guard) {
			dest := filepath.Join(root, "out")
			writeTree(t, root, map[string]string{"out": homePage("a file")})
			return dest, Guard{}
		}, []string{"is not a folder", "-dest"}},
		{"the site folder", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			return site, Guard{site, sources}
		}, []string{"is the site folder", "-dest"}},
		{"the site folder spelled with ..", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			return site + string(filepath.Separator) + "content" + string(filepath.Separator) + "..", Guard{site, sources}
		}, []string{"is the site folder"}},
		{"a folder containing the site", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			return root, Guard{site, sources}
		}, []string{"folder $ROOT contains the site folder $ROOT/site", "-dest"}},
		{"inside content", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			return filepath.Join(site, "content", "public"), Guard{site, sources}
		}, []string{"inside the site's content folder", "$ROOT/site/content/public", "outside $ROOT/site/content", "-dest"}},
		{"a source folder itself", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			return filepath.Join(site, "static"), Guard{site, sources}
		}, []string{"inside the site's static folder"}},
		{"inside a source folder yet to be made", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			os.Remove(filepath.Join(site, "assets"))
			return filepath.Join(site, "assets", "out"), Guard{site, sources}
		}, []string{"inside the site's assets folder"}},
		{"inside content through a link", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			symlink(t, filepath.Join(site, "content"), filepath.Join(root, "link"))
			return filepath.Join(root, "link", "out"), Guard{site, sources}
		}, []string{"inside the site's content folder", "$ROOT/link/out (which is $ROOT/site/content/out)"}},
		{"inside data, site named through a link", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			symlink(t, site, filepath.Join(root, "sitelink"))
			return filepath.Join(site, "data", "out"), Guard{filepath.Join(root, "sitelink"), sources}
		}, []string{"inside the site's data folder"}},
		{"a linked source folder", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			shared := filepath.Join(root, "shared-layouts")
			os.Mkdir(shared, 0o755)
			os.Remove(filepath.Join(site, "layouts"))
			symlink(t, shared, filepath.Join(site, "layouts"))
			return filepath.Join(shared, "out"), Guard{site, sources}
		}, []string{"inside the site's layouts folder"}},
		{"a folder containing a linked source folder", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			shared := filepath.Join(root, "www", "data")
			os.MkdirAll(shared, 0o755)
			os.Remove(filepath.Join(site, "data"))
			symlink(t, shared, filepath.Join(site, "data"))
			return filepath.Join(root, "www"), Guard{site, sources}
		}, []string{"folder $ROOT/www contains the site's data folder $ROOT/www/data"}},
		{"public inside the site", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			return filepath.Join(site, "public"), Guard{site, sources}
		}, nil},
		{"a folder whose name starts like a source", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			return filepath.Join(site, "contents"), Guard{site, sources}
		}, nil},
		{"beside the site", func(t *testing.T, root string) (string, Guard) {
			site := makeSite(t, root)
			return filepath.Join(root, "www"), Guard{site, sources}
		}, nil},
		{"no guard", func(t *testing.T, root string) (string, Guard) {
			return filepath.Join(makeSite(t, root), "content", "out"), Guard{}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := filepath.EvalSymlinks(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			dest, guard := tt.setup(t, root)
			before := snapshot(t, root)
			s, err := Begin(dest, guard)
			if tt.want != nil {
				var want []string
				for _, w := range tt.want {
					want = append(want, filepath.FromSlash(strings.ReplaceAll(w, "$ROOT", filepath.ToSlash(root))))
				}
				errorHas(t, err, want...)
				if s != nil {
					s.Abort()
				}
				if after := snapshot(t, root); !maps.Equal(before, after) {
					t.Errorf("a refused Begin changed the disk:\nbefore %q\nafter  %q", before, after)
				}
				return
			}
			if err != nil {
				t.Fatalf("Begin: %v", err)
			}
			defer s.Abort()
			if err := s.WriteFile("index.html", []byte(homePage("new"))); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Commit(); err != nil {
				t.Fatal(err)
			}
			if got := readTree(t, dest); !maps.Equal(got, map[string]string{"index.html": homePage("new")}) {
				t.Errorf("dest holds %q, want only the new home page", got)
			}
			if got := leftoversBeside(t, s.Dest()); got != nil {
				t.Errorf("left beside the output: %q", got)
			}
		})
	}
}
