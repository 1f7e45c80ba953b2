package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A build into a folder that holds the previous build renders only the parts
// whose files changed, and gives what a fresh build gives: the same files,
// byte for byte (the saved cache included), and the same problems.
func TestRebuildReusesThePreviousBuild(t *testing.T) {
	src, steps := editSteps(t)
	dest := filepath.Join(t.TempDir(), "public")
	for _, st := range steps {
		st.edit(t)
		before := ""
		if _, err := os.Stat(dest); err == nil {
			before = treeHash(t, dest)
		}
		got, gotErr := Build(Options{Source: src, Dest: dest, Drafts: true, Future: true})
		fresh := filepath.Join(t.TempDir(), "public")
		want, wantErr := Build(Options{Source: src, Dest: fresh, Drafts: true, Future: true, Fresh: true})
		if (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("%s: the rebuild says %v, a fresh build %v", st.name, gotErr, wantErr)
		}
		if a, b := diagText(got.Diagnostics), diagText(want.Diagnostics); a != b {
			t.Errorf("%s: the rebuild reports\n%s\na fresh build\n%s", st.name, a, b)
		}
		if gotErr != nil {
			if treeHash(t, dest) != before {
				t.Errorf("%s: the failed rebuild changed the output", st.name)
			}
			continue
		}
		if treeHash(t, dest) != treeHash(t, fresh) {
			t.Errorf("%s: the rebuild differs from a fresh build: %s", st.name, firstTreeDifference(t, dest, fresh))
		}
		if got.Rendered != st.rendered {
			t.Errorf("%s: the rebuild rendered %d parts and reused %d, want %d rendered", st.name, got.Rendered, got.Reused, st.rendered)
		}
		if want.Reused != 0 || want.Rendered != got.Reused+got.Rendered {
			t.Errorf("%s: a fresh build reused %d parts and rendered %d", st.name, want.Reused, want.Rendered)
		}
		if got.Files != want.Files || got.Pages != want.Pages || got.Bytes != want.Bytes {
			t.Errorf("%s: the rebuild counted %d files, %d pages, %d bytes; a fresh build %d, %d, %d", st.name, got.Files, got.Pages, got.Bytes, want.Files, want.Pages, want.Bytes)
		}
	}
}

// What the previous build left is a help, never a need: a file deleted from
// the output, a damaged cache, or -fresh each give a complete build.
func TestRebuildWithoutWhatItReuses(t *testing.T) {
	src := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	first := mustBuild(t, Options{Source: src, Dest: dest})
	want := treeHash(t, dest)

	// A page deleted by hand: the part that wrote it renders again.
	if err := os.Remove(filepath.Join(dest, "editions/2019-05/priority-3/index.html")); err != nil {
		t.Fatal(err)
	}
	res := mustBuild(t, Options{Source: src, Dest: dest})
	if res.Rendered != 1 || res.Reused != first.Rendered-1 {
		t.Errorf("after a page was deleted: %d parts rendered and %d reused, want 1 rendered", res.Rendered, res.Reused)
	}
	if treeHash(t, dest) != want {
		t.Errorf("after a page was deleted, the rebuild differs from the first build: %s", firstTreeDifference(t, dest, dest))
	}

	// A page edited by hand: the part that wrote it renders again and puts
	// it back.
	appendTo(t, filepath.Join(dest, "editions/2019-05/priority-2/index.html"), "<!-- edited -->")
	res = mustBuild(t, Options{Source: src, Dest: dest})
	if res.Rendered != 1 {
		t.Errorf("after a page was edited: %d parts rendered, want 1", res.Rendered)
	}
	if treeHash(t, dest) != want {
		t.Error("after a page was edited, the rebuild differs from the first build")
	}

	// A damaged file of saved editions: every edition is parsed again, and
	// the output is the same.
	if err := os.WriteFile(filepath.Join(dest, editionsFile), []byte("not a cache"), 0o644); err != nil {
		t.Fatal(err)
	}
	res = mustBuild(t, Options{Source: src, Dest: dest})
	if res.Rendered != 0 {
		t.Errorf("with damaged saved editions: %d parts rendered, want none", res.Rendered)
	}
	if treeHash(t, dest) != want {
		t.Error("with damaged saved editions, the rebuild differs from the first build")
	}

	// A damaged cache: everything renders again.
	if err := os.WriteFile(filepath.Join(dest, cacheFile), []byte("not a cache"), 0o644); err != nil {
		t.Fatal(err)
	}
	res = mustBuild(t, Options{Source: src, Dest: dest})
	if res.Reused != 0 || res.Rendered != first.Rendered {
		t.Errorf("with a damaged cache: %d parts reused and %d rendered, want none reused", res.Reused, res.Rendered)
	}
	if treeHash(t, dest) != want {
		t.Error("with a damaged cache, the rebuild differs from the first build")
	}

	// -fresh.
	res = mustBuild(t, Options{Source: src, Dest: dest, Fresh: true})
	if res.Reused != 0 {
		t.Errorf("a fresh build reused %d parts", res.Reused)
	}
	// And a build with nothing changed reuses every part.
	res = mustBuild(t, Options{Source: src, Dest: dest})
	if res.Rendered != 0 || res.Reused != first.Rendered {
		t.Errorf("with nothing changed: %d parts rendered and %d reused, want all %d reused", res.Rendered, res.Reused, first.Rendered)
	}
	if treeHash(t, dest) != want {
		t.Error("a rebuild with nothing changed differs from the first build")
	}
}

// A build that fails after reusing files leaves the previous output, and its
// cache, as they were.
func TestFailedRebuildLeavesOutputAndCacheAlone(t *testing.T) {
	src := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: src, Dest: dest})
	before := treeHash(t, dest)
	// A narrative link to a page the site does not have fails the build
	// after every part has rendered or been reused.
	files, _ := filepath.Glob(filepath.Join(src, "content/editions/*/priority-1.md"))
	if len(files) == 0 {
		t.Fatal("no priority-1.md")
	}
	appendTo(t, files[0], "\n\nSee [the old plan](/no-such-page/).\n")
	res, err := Build(Options{Source: src, Dest: dest})
	if err == nil {
		t.Fatal("a build with a broken link succeeded")
	}
	if res.Reused == 0 {
		t.Error("the failed build reused nothing, so it does not test reuse")
	}
	if treeHash(t, dest) != before {
		t.Error("a failed rebuild changed the previous output or its cache")
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("the failed rebuild left temporary folders: %v", l)
	}
}

// firstTreeDifference names the first file that differs between two folders.
func firstTreeDifference(t *testing.T, a, b string) string {
	t.Helper()
	var diff string
	_ = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || diff != "" {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || string(x) != string(y) {
			diff = rel
		}
		return nil
	})
	if diff == "" {
		return "(the difference is in which files exist)"
	}
	return strings.TrimSpace(diff)
}

// An update that cannot be applied is undone: every file already moved goes
// back, and the output is as it was before the build.
func TestFailedUpdateIsUndone(t *testing.T) {
	src := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: src, Dest: dest})
	// A folder where the rebuilt edition's first priority page goes, so
	// that applying the update fails after other files have moved.
	page := filepath.Join(dest, "editions/2019-05/priority-6/index.html")
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(page, "in-the-way"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)
	files, _ := filepath.Glob(filepath.Join(src, "content/editions/2019-05/_index.md"))
	if len(files) == 0 {
		t.Fatal("no edition 2019-05")
	}
	appendTo(t, files[0], "\nA sentence added to the introduction.\n")
	_, err := Build(Options{Source: src, Dest: dest})
	if err == nil || !strings.Contains(err.Error(), "-fresh") {
		t.Fatalf("the update was applied over a folder, or the error does not say what to do: %v", err)
	}
	if treeHash(t, dest) != before {
		t.Error("a failed update changed the output")
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("the failed update left temporary folders: %v", l)
	}
	// -fresh builds it whole.
	mustBuild(t, Options{Source: src, Dest: dest, Fresh: true})
	if fi, err := os.Stat(page); err != nil || fi.IsDir() {
		t.Errorf("-fresh did not write the page: %v", err)
	}
}

// The editions saved with a build are written again only when one changed:
// a rebuild that parsed none leaves the file as it was.
func TestSavedEditionsFollowEdits(t *testing.T) {
	src := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: src, Dest: dest})
	saved := filepath.Join(dest, editionsFile)
	before, err := os.Stat(saved)
	if err != nil {
		t.Fatalf("the build saved no editions: %v", err)
	}
	mustBuild(t, Options{Source: src, Dest: dest})
	if after, err := os.Stat(saved); err != nil || !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("a rebuild with nothing changed wrote the saved editions again (err %v)", err)
	}
	files, _ := filepath.Glob(filepath.Join(src, "content/editions/*/priority-1.md"))
	appendTo(t, files[0], "\nA sentence added.\n")
	mustBuild(t, Options{Source: src, Dest: dest})
	if after, err := os.Stat(saved); err != nil || os.SameFile(before, after) {
		t.Errorf("a rebuild after an edit kept the saved editions as they were (err %v)", err)
	}
}
