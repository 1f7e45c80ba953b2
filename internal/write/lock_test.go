//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd || solaris || windows

package write

import (
	"maps"
	"path/filepath"
	"testing"
)

// A live build's staging folder is locked, so a second build of the same
// output fails with a plain message and removes nothing, not even another
// leftover; once the first build has finished, the next one cleans up.
func TestBeginFailsWhileAnotherBuildRuns(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "out")
	writeTree(t, dest, map[string]string{"index.html": homePage("old")})
	first, err := Begin(dest, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Abort()
	if err := first.WriteFile("index.html", []byte(homePage("first"))); err != nil {
		t.Fatal(err)
	}
	killed := filepath.Join(root, ".out.planpress-staging-99")
	writeTree(t, killed, map[string]string{"a.txt": "left by a killed build"})
	before := snapshot(t, root)

	second, err := Begin(dest, Guard{})
	if second != nil {
		second.Abort()
	}
	errorHas(t, err, "another planpress build is writing to "+dest+" right now", "wait for it")
	if after := snapshot(t, root); !maps.Equal(before, after) {
		t.Errorf("a refused Begin changed the disk:\nbefore %q\nafter  %q", before, after)
	}

	if _, err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	build(t, dest, map[string]string{"index.html": homePage("third")})
	if left := leftoversBeside(t, dest); left != nil {
		t.Errorf("left beside the output: %q", left)
	}
}
