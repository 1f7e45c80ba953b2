package serve

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func TestWatched(t *testing.T) {
	for rel, want := range map[string]bool{
		"planpress.toml":                       true,
		"content":                              true,
		"content/pages/about.md":               true,
		"data/editions/2019-05/kpis.toml":      true,
		"layouts/_default/single.html":         true,
		"assets/css/site.css":                  true,
		"static/logo.png":                      true,
		"i18n/cy.toml":                         true,
		"content/pages/.about.md.swp":          false,
		"content/.git/HEAD":                    false,
		"data/.cache/kpis.toml":                false,
		".git/index":                           false,
		".planpress-cache":                     false,
		"public/index.html":                    false,
		"README.md":                            false,
		"planpress.toml~":                      false,
		"contents/pages/about.md":              false,
		".":                                    false,
		"content/editions/2019-05/_index.md":   true,
		"content/editions/_drafts/_index.md":   true,
		"content/editions/2019-05/.#_index.md": false,
	} {
		if got := watched(rel); got != want {
			t.Errorf("watched(%q) = %v, want %v", rel, got, want)
		}
	}
}

// A recorder receives every build of a server, in order, before it is
// served.
type recorder struct {
	t      testing.TB
	builds chan *snapshot
	// hold, when it holds a channel, makes the next build wait until that
	// channel is closed before it is served.
	hold chan chan struct{}
}

// record serves opts.Source as newServerWith does, recording its builds
// (before opts.built, if set, sees them), and takes the first build off the
// record.
func record(t testing.TB, opts Options) (*Server, *recorder) {
	t.Helper()
	r := &recorder{t: t, builds: make(chan *snapshot, 1000), hold: make(chan chan struct{}, 1)}
	also := opts.built
	opts.built = func(snap *snapshot) {
		r.builds <- snap
		if also != nil {
			also(snap)
		}
		select {
		case release := <-r.hold:
			<-release
		default:
		}
	}
	s := newServerWith(t, opts)
	r.next()
	return s, r
}

// next waits for the next build.
func (r *recorder) next() *snapshot {
	r.t.Helper()
	select {
	case snap := <-r.builds:
		return snap
	case <-time.After(failAfter):
		r.t.Fatalf("no build within %s", failAfter)
		return nil
	}
}

// expect waits for the next build and checks that the files in want, and
// no others, made it.
func (r *recorder) expect(want ...string) *snapshot {
	r.t.Helper()
	snap := r.next()
	if !slices.Equal(snap.changed, want) {
		r.t.Errorf("build %s was made by %q, want %q", snap.id, snap.changed, want)
	}
	return snap
}

// expectSome is expect for changes whose events depend on the system (a
// folder made, moved or removed): the build need only name a path starting
// with prefix.
func (r *recorder) expectSome(prefix string) *snapshot {
	r.t.Helper()
	snap := r.next()
	if !slices.ContainsFunc(snap.changed, func(p string) bool { return strings.HasPrefix(p, prefix) }) {
		r.t.Errorf("build %s was made by %q, want a change below %s", snap.id, snap.changed, prefix)
	}
	return snap
}

func appendTo(t testing.TB, file, text string) {
	t.Helper()
	writeFile(t, file, readFile(t, file)+"\n"+text+"\n")
}

func pageHas(snap *snapshot, name, text string) bool {
	return strings.Contains(string(snap.files[name]), text)
}

// TestBurstDuringABuildRebuildsOnce holds a build while twenty saves are
// made (as a checkout or a script would make them), then lets it go: the
// saves, made after the held build read the files, make exactly one more
// build, which shows them all.
func TestBurstDuringABuildRebuildsOnce(t *testing.T) {
	dir := copySite(t)
	// A long settle interval keeps the burst one even on a busy machine;
	// the test waits only for what it needs.
	_, builds := record(t, Options{Source: dir, Settle: 200 * time.Millisecond})
	release := make(chan struct{})
	letGo := sync.OnceFunc(func() { close(release) })
	t.Cleanup(letGo)
	builds.hold <- release

	about := filepath.Join(dir, "content/pages/about.md")
	glossary := filepath.Join(dir, "data/glossary.toml")
	appendTo(t, about, "Before the burst.")
	held := builds.expect("content/pages/about.md")
	for i := range 10 {
		appendTo(t, about, fmt.Sprintf("Burst line %d.", i))
		appendTo(t, glossary, fmt.Sprintf("# burst %d", i))
	}
	letGo()

	if !pageHas(held, "about/index.html", "Before the burst.") || pageHas(held, "about/index.html", "Burst line 0.") {
		t.Error("the held build does not show what was saved before it, and only that")
	}
	after := builds.expect("content/pages/about.md", "data/glossary.toml")
	if !pageHas(after, "about/index.html", "Burst line 9.") {
		t.Error("the build after the burst does not show its last save")
	}
	// One more save shows that the burst left nothing waiting: its build is
	// the next one.
	appendTo(t, about, "After the burst.")
	builds.expect("content/pages/about.md")
}

// TestIgnoresHiddenFiles saves hidden files (an editor's swap file, a folder
// of tools) and files outside the sources, then a page: the next build is
// made by the page alone.
func TestIgnoresHiddenFiles(t *testing.T) {
	for _, c := range []struct {
		name string
		poll time.Duration
	}{{"notified", 0}, {"polling", 10 * time.Millisecond}} {
		t.Run(c.name, func(t *testing.T) {
			dir := copySite(t)
			var log logBuffer
			_, builds := record(t, Options{Source: dir, Poll: c.poll, Log: &log})
			writeFile(t, filepath.Join(dir, "content/pages/.about.md.swp"), "editor state")
			writeFile(t, filepath.Join(dir, "content/.tools/notes.md"), "+++\ntitle = \"Notes\"\n+++\nHidden.\n")
			writeFile(t, filepath.Join(dir, "data/.cache/kpis.toml"), "not = [valid")
			writeFile(t, filepath.Join(dir, ".git/index"), "a repository")
			writeFile(t, filepath.Join(dir, "public/index.html"), "an old build")
			appendTo(t, filepath.Join(dir, "content/pages/about.md"), "Edited after the hidden files.")
			snap := builds.expect("content/pages/about.md")
			if !pageHas(snap, "about/index.html", "Edited after the hidden files.") {
				t.Error("the build does not show the edit")
			}
			if snap.failed() {
				t.Errorf("a hidden file broke the build:\n%s", snap.problems)
			}
			if c.poll > 0 && strings.Contains(log.String(), "instead") {
				t.Errorf("asked to poll, the server says it falls back to it:\n%s", log.String())
			}
		})
	}
}

// TestWatchesFoldersAsTheyCome makes, moves and removes folders while
// serving, and checks after each that an edit inside is seen, under its own
// name, and that an edit in a folder moved out is not.
func TestWatchesFoldersAsTheyCome(t *testing.T) {
	dir := copySite(t)
	outside := t.TempDir()
	// A long settle interval keeps each step's events one build.
	_, builds := record(t, Options{Source: dir, Settle: 200 * time.Millisecond})

	// static/ does not exist when serving starts.
	report := filepath.Join(dir, "static/docs/a/report.txt")
	writeFile(t, report, "one")
	builds.expectSome("static")
	writeFile(t, report, "two")
	builds.expect("static/docs/a/report.txt")

	// A whole tree moved in.
	writeFile(t, filepath.Join(outside, "tree/deep/er/x.txt"), "one")
	if err := os.Rename(filepath.Join(outside, "tree"), filepath.Join(dir, "static/moved")); err != nil {
		t.Fatal(err)
	}
	builds.expectSome("static/moved")
	writeFile(t, filepath.Join(dir, "static/moved/deep/er/x.txt"), "two")
	builds.expect("static/moved/deep/er/x.txt")

	// Renamed inside the site: an edit is named by the new name only.
	if err := os.Rename(filepath.Join(dir, "static/moved"), filepath.Join(dir, "static/renamed")); err != nil {
		t.Fatal(err)
	}
	builds.expectSome("static/")
	writeFile(t, filepath.Join(dir, "static/renamed/deep/er/x.txt"), "three")
	builds.expect("static/renamed/deep/er/x.txt")

	// Moved out: an edit there is no change to the site.
	if err := os.Rename(filepath.Join(dir, "static/renamed"), filepath.Join(outside, "gone")); err != nil {
		t.Fatal(err)
	}
	builds.expectSome("static/renamed")
	writeFile(t, filepath.Join(outside, "gone/deep/er/x.txt"), "four")
	appendTo(t, filepath.Join(dir, "content/pages/about.md"), "Edited after the move.")
	builds.expect("content/pages/about.md")

	// Removed, and made again under the same name.
	if err := os.RemoveAll(filepath.Join(dir, "static/docs")); err != nil {
		t.Fatal(err)
	}
	builds.expectSome("static/docs")
	writeFile(t, report, "five")
	builds.expectSome("static/docs")
	writeFile(t, report, "six")
	builds.expect("static/docs/a/report.txt")

	// Removed and made again at once, as a checkout does: one build.
	if err := os.RemoveAll(filepath.Join(dir, "static/docs")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, report, "seven")
	builds.expectSome("static/docs")
	writeFile(t, report, "eight")
	builds.expect("static/docs/a/report.txt")
}

// TestFallsBackToPolling has the watcher fail to start, as it does past
// inotify's limit: the server says so once and still rebuilds after edits.
func TestFallsBackToPolling(t *testing.T) {
	dir := copySite(t)
	var log logBuffer
	_, builds := record(t, Options{Source: dir, Log: &log, newWatcher: func() (*fsnotify.Watcher, error) {
		return nil, errors.New("too many open files")
	}})
	about := filepath.Join(dir, "content/pages/about.md")
	for i := range 2 {
		appendTo(t, about, fmt.Sprintf("Edit %d.", i))
		builds.expect("content/pages/about.md")
	}
	const said = "cannot watch the files for changes (too many open files); looking at them every 100ms instead"
	if n := strings.Count(log.String(), said); n != 1 {
		t.Errorf("the log says %d times that the server polls, want once:\n%s", n, log.String())
	}
}

// TestEditDuringABuildIsSeen saves a page again while the build for its
// first save runs: the next build shows the second save, whether the system
// reports changes or the server looks for them.
func TestEditDuringABuildIsSeen(t *testing.T) {
	for _, c := range []struct {
		name string
		poll time.Duration
	}{{"notified", 0}, {"polling", 10 * time.Millisecond}} {
		t.Run(c.name, func(t *testing.T) {
			dir := copySite(t)
			about := filepath.Join(dir, "content/pages/about.md")
			builds := 0
			_, r := record(t, Options{Source: dir, Poll: c.poll, built: func(*snapshot) {
				// The second build is the first one's after the server
				// started. Not appendTo: this runs on the server's goroutine.
				if builds++; builds == 2 {
					b, _ := os.ReadFile(about)
					os.WriteFile(about, append(b, "\nSaved during a build.\n"...), 0o644)
				}
			}})
			appendTo(t, about, "Saved first.")
			if snap := r.expect("content/pages/about.md"); pageHas(snap, "about/index.html", "Saved during a build.") {
				t.Fatal("the first build shows the second save, which it cannot have read")
			}
			if snap := r.expect("content/pages/about.md"); !pageHas(snap, "about/index.html", "Saved during a build.") {
				t.Error("the build after an edit made during a build does not show it")
			}
		})
	}
}
