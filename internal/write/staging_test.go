package write

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// useFallbacks makes links or the one-step exchange unavailable for one
// test, so that the paths other systems take are tested here too.
func useFallbacks(t *testing.T, noLinks, noExchange bool) {
	t.Helper()
	if noLinks {
		linkFile = func(string, string) error { return errors.New("no hard links here") }
		t.Cleanup(func() { linkFile = os.Link })
	}
	if noExchange {
		exchange = func(string, string) error { return errNoExchange }
		t.Cleanup(func() { exchange = exchangeDirs })
	}
}

func TestCommitReplacesPreviousSite(t *testing.T) {
	previous := map[string]string{
		"index.html":        homePage("old"),
		"kept.css":          "body { color: black }\n",
		"deep/er/kept.js":   "console.log(1)\n",
		"empty.txt":         "",
		"changed.txt":       "old words\n",
		"same-size.txt":     "aaaa",
		"gone.html":         "a page no longer built\n",
		"gone/folder/a.txt": "a folder no longer built\n",
	}
	next := map[string]string{
		"index.html":      homePage("new"),
		"kept.css":        previous["kept.css"],
		"deep/er/kept.js": previous["deep/er/kept.js"],
		"empty.txt":       "",
		"changed.txt":     "new words, longer\n",
		"same-size.txt":   "bbbb",
		"added/page.html": "a new page\n",
	}
	kept := []string{"kept.css", "deep/er/kept.js", "empty.txt"}
	written := []string{"index.html", "changed.txt", "same-size.txt", "added/page.html"}
	var bytes int64
	for _, data := range next {
		bytes += int64(len(data))
	}
	want := Stats{Files: len(next), Pages: 2, Bytes: bytes, Unchanged: len(kept)}

	tests := []struct {
		name                string
		noLinks, noExchange bool
	}{
		{"hard links and exchange", false, false},
		{"without hard links", true, false},
		{"without exchange", false, true},
		{"without either", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			useFallbacks(t, tt.noLinks, tt.noExchange)
			dest := filepath.Join(t.TempDir(), "out")
			writeTree(t, dest, previous)
			setTimes(t, dest, slices.Collect(maps.Keys(previous))...)
			oldInfo := map[string]os.FileInfo{}
			for _, name := range kept {
				oldInfo[name], _ = os.Stat(filepath.Join(dest, filepath.FromSlash(name)))
			}

			got := build(t, dest, next)

			if got != want {
				t.Errorf("Stats = %+v, want %+v", got, want)
			}
			if files := readTree(t, dest); !maps.Equal(files, next) {
				t.Errorf("dest holds %q, want %q", files, next)
			}
			for _, name := range kept {
				if mt := modTime(t, dest, name); !mt.Equal(oldTime) {
					t.Errorf("unchanged %s has time %v, want the old %v", name, mt, oldTime)
				}
				info, err := os.Stat(filepath.Join(dest, filepath.FromSlash(name)))
				if err == nil && !tt.noLinks && !os.SameFile(info, oldInfo[name]) {
					t.Errorf("unchanged %s is a new file, want the previous one linked", name)
				}
			}
			for _, name := range written {
				if mt := modTime(t, dest, name); mt.Equal(oldTime) {
					t.Errorf("changed %s kept the old time", name)
				}
			}
			if left := leftoversBeside(t, dest); left != nil {
				t.Errorf("left beside the output: %q", left)
			}
		})
	}
}

func TestAbortLeavesDestAsItWas(t *testing.T) {
	tests := []struct {
		name     string
		previous map[string]string // nil: no output folder yet
	}{
		{"no output yet", nil},
		{"a previous site", map[string]string{"index.html": homePage("old"), "a.css": "same", "b.txt": "old"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "out")
			if tt.previous != nil {
				writeTree(t, dest, tt.previous)
				setTimes(t, dest, "a.css")
			}
			before := snapshot(t, root)
			s, err := Begin(dest, Guard{})
			if err != nil {
				t.Fatal(err)
			}
			for name, data := range map[string]string{"index.html": homePage("new"), "a.css": "same", "b.txt": "new", "c/d.txt": "new"} {
				if err := s.WriteFile(name, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			s.Abort()
			s.Abort() // twice is harmless
			if after := snapshot(t, root); !maps.Equal(before, after) {
				t.Errorf("Abort changed the disk:\nbefore %q\nafter  %q", before, after)
			}
			if err := s.WriteFile("e.txt", nil); err == nil {
				t.Error("WriteFile after Abort succeeded")
			}
			if _, err := s.Commit(); err == nil {
				t.Error("Commit after Abort succeeded")
			}
		})
	}
}

func TestAbortAfterCommitDoesNothing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	s, err := Begin(dest, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("index.html", []byte(homePage("new"))); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	s.Abort()
	if got := readTree(t, dest); got["index.html"] != homePage("new") {
		t.Errorf("after Commit and Abort, dest holds %q", got)
	}
	if _, err := s.Commit(); err == nil {
		t.Error("a second Commit succeeded")
	}
	if err := s.WriteFile("late.txt", nil); err == nil {
		t.Error("WriteFile after Commit succeeded")
	}
}

// A file kept by a hard link shares its bytes with the previous site, so
// writing the name again must make a new file, not write through the link.
func TestRewriteLeavesPreviousSiteAlone(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	writeTree(t, dest, map[string]string{"index.html": homePage("old"), "a.txt": "same"})
	s, err := Begin(dest, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, data := range []string{"same", "different", "same again"} {
		if err := s.WriteFile("a.txt", []byte(data)); err != nil {
			t.Fatal(err)
		}
		if got := readTree(t, dest)["a.txt"]; got != "same" {
			t.Fatalf("writing a.txt into the staging folder changed the previous site's to %q", got)
		}
	}
	if err := s.WriteFile("index.html", []byte(homePage("new"))); err != nil {
		t.Fatal(err)
	}
	st, err := s.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dest)["a.txt"]; got != "same again" {
		t.Errorf("a.txt = %q, want the last write", got)
	}
	if want := (Stats{Files: 2, Pages: 1, Bytes: int64(len("same again") + len(homePage("new")))}); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}

func TestConcurrentWriteFile(t *testing.T) {
	const workers, perWorker = 16, 50
	dest := filepath.Join(t.TempDir(), "out")
	// The previous site holds every other file with the same bytes.
	previous := map[string]string{"index.html": homePage("old")}
	want := map[string]string{"index.html": homePage("new"), "shared.txt": "everyone"}
	for w := range workers {
		for i := range perWorker {
			name := fmt.Sprintf("d%02d/sub%d/f%03d.html", i%10, w%4, w*perWorker+i)
			want[name] = "page " + name
			if i%2 == 0 {
				previous[name] = want[name]
			}
		}
	}
	writeTree(t, dest, previous)

	s, err := Begin(dest, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(names); i += workers {
				if err := s.WriteFile(names[i], []byte(want[names[i]])); err != nil {
					t.Error(err)
				}
				// Every worker also writes one shared name, again and again.
				if i%10 == w%10 {
					if err := s.WriteFile("shared.txt", []byte("everyone")); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	st, err := s.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dest); !maps.Equal(got, want) {
		t.Errorf("dest holds %d files, want %d", len(got), len(want))
	}
	if st.Files != len(want) || st.Pages != len(want)-1 || st.Unchanged != workers*perWorker/2 {
		t.Errorf("Stats = %+v, want %d files, %d pages, %d unchanged", st, len(want), len(want)-1, workers*perWorker/2)
	}
}

func TestLinkedDestKeepsItsLink(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "real")
	writeTree(t, real, map[string]string{"index.html": homePage("old")})
	link := filepath.Join(root, "link")
	symlink(t, real, link)

	build(t, link, map[string]string{"index.html": homePage("new")})

	if target, err := os.Readlink(link); err != nil || target != real {
		t.Fatalf("the link now reads %q, %v; want it kept, leading to %s", target, err, real)
	}
	if got := readTree(t, real)["index.html"]; !strings.Contains(got, "new") {
		t.Errorf("the linked folder holds %q, want the new site", got)
	}
}

func TestFailedCommitLeavesDestAsItWas(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "out")
	writeTree(t, dest, map[string]string{"index.html": homePage("old"), "a.txt": "old"})
	before := snapshot(t, root)
	exchange = func(a, b string) error {
		return &os.LinkError{Op: "renameat2", Old: a, New: b, Err: errors.New("input/output error")}
	}
	t.Cleanup(func() { exchange = exchangeDirs })

	s, err := Begin(dest, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("index.html", []byte(homePage("new"))); err != nil {
		t.Fatal(err)
	}
	_, err = s.Commit()
	errorHas(t, err, "cannot swap the new site into "+dest, "input/output error")
	s.Abort()
	if after := snapshot(t, root); !maps.Equal(before, after) {
		t.Errorf("a failed Commit and Abort changed the disk:\nbefore %q\nafter  %q", before, after)
	}
}
