package build

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/planpress/planpress/bench/synth"
	"github.com/planpress/planpress/internal/diag"
)

// editStep is one edit to a synthetic site of 6 editions, and how many parts
// a build that reuses the last one's must render after it: the parts that
// read the edited file. There are 27: 6 editions, 18 KPI pages, the KPI list,
// the milestone tracker with the priorities across editions, and the site's
// own pages.
type editStep struct {
	name     string
	edit     func(t *testing.T)
	rendered int
}

// editSteps writes the synthetic site into a new folder and returns it with
// the edits to make to it in turn.
func editSteps(t *testing.T) (string, []editStep) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := synth.Write(dir, synth.Options{Editions: 6}); err != nil {
		t.Fatal(err)
	}
	eds, _ := filepath.Glob(filepath.Join(dir, "content/editions/*"))
	sort.Strings(eds)
	first, last := filepath.Base(eds[0]), filepath.Base(eds[len(eds)-1])
	file := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }

	return dir, []editStep{
		{"first build", func(*testing.T) {}, 27},
		{"no change", func(*testing.T) {}, 0},
		{"latest narrative", func(t *testing.T) {
			appendTo(t, file("content/editions", last, "priority-2.md"), "\n\nA new sentence in the latest report.\n")
		}, 1},
		{"oldest narrative", func(t *testing.T) {
			appendTo(t, file("content/editions", first, "priority-1.md"), "\n\nA sentence added to the oldest report.\n")
		}, 2},
		{"a narrative link to a missing page", func(t *testing.T) {
			appendTo(t, file("content/editions", last, "priority-3.md"), "\n\nSee [the plan](/no-such-page/).\n")
		}, 1},
		{"the link fixed", func(t *testing.T) {
			replaceIn(t, file("content/editions", last, "priority-3.md"), "/no-such-page/", "/editions/")
		}, 1},
		{"latest figures", func(t *testing.T) {
			replaceFirstNumber(t, file("data/editions", last, "kpis.toml"))
		}, 3},
		{"latest front matter", func(t *testing.T) {
			replaceIn(t, file("content/editions", last, "_index.md"), "title = \"", "title = \"Revised: ")
		}, 22},
		{"site settings", func(t *testing.T) {
			replaceIn(t, file("planpress.toml"), "title = \"", "title = \"New ")
		}, 27},
		{"the site's own stylesheet", func(t *testing.T) {
			if err := os.MkdirAll(file("assets/css"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file("assets/css/site.css"), []byte("body { color: #111; }\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 27},
		{"the site's own layout", func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(repoRoot, "layouts/404.html"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(file("layouts"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file("layouts/404.html"), bytes.Replace(b, []byte("Page not found"), []byte("Nothing here"), 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 27},
		{"an edition removed", func(t *testing.T) {
			for _, d := range []string{"content/editions", "data/editions"} {
				if err := os.RemoveAll(file(d, eds[2][len(filepath.Dir(eds[2]))+1:])); err != nil {
					t.Fatal(err)
				}
			}
		}, 22},
	}
}

// A build with a cache must give what a build without one gives, file for
// file and problem for problem, whatever was edited since the last build.
func TestCachedRenderEqualsFreshRender(t *testing.T) {
	dir, steps := editSteps(t)
	cache := &Cache{}
	for _, st := range steps {
		st.edit(t)
		opts := Options{Source: dir, Drafts: true, Future: true}
		fresh, freshDiags := Render(opts)
		opts.Cache = cache
		cached, cachedDiags := Render(opts)
		if got, want := diagText(cachedDiags), diagText(freshDiags); got != want {
			t.Errorf("%s: problems with the cache:\n%s\nwithout:\n%s", st.name, got, want)
		}
		if st.name == "a narrative link to a missing page" && !strings.Contains(diagText(cachedDiags), "/no-such-page/") {
			t.Errorf("%s: the broken link is not reported:\n%s", st.name, diagText(cachedDiags))
		}
		for p, want := range fresh.Files {
			if got, ok := cached.Files[p]; !ok {
				t.Errorf("%s: %s is missing from the cached build", st.name, p)
			} else if !bytes.Equal(got, want) {
				t.Errorf("%s: %s differs from a build without the cache", st.name, p)
			}
		}
		for p := range cached.Files {
			if _, ok := fresh.Files[p]; !ok {
				t.Errorf("%s: the cached build has %s, which a fresh build does not", st.name, p)
			}
		}
		if _, misses := cache.Reused(); misses != st.rendered {
			t.Errorf("%s: the cached build rendered %d parts, want %d", st.name, misses, st.rendered)
		}
	}
}

func diagText(d *diag.List) string {
	var b strings.Builder
	d.WriteText(&b)
	return b.String()
}

// replaceFirstNumber changes the first month's figure of a figures file.
func replaceFirstNumber(t *testing.T, name string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	loc := figureLine.FindIndex(b)
	if loc == nil {
		t.Fatalf("%s has no month = number line", name)
	}
	line := b[loc[0]:loc[1]]
	out := append(append(append([]byte{}, b[:loc[0]]...), bytes.Replace(line, line[bytes.LastIndexByte(line, '=')+2:], []byte("99.5"), 1)...), b[loc[1]:]...)
	if err := os.WriteFile(name, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

var figureLine = regexp.MustCompile(`(?m)^"\d{4}-\d{2}" = \d+\.\d+$`)

func appendTo(t *testing.T, name, text string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, append(b, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replaceIn(t *testing.T, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(name, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}
