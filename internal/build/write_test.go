package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/diag"
)

// copySite copies the example site's source folders into a new folder, so a
// test can break or change it.
func copySite(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, name := range []string{"planpress.toml", "content", "data", "layouts", "assets"} {
		if err := copyInto(dst, repoRoot, name); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// copyInto copies the file or folder name from the folder src into the
// folder dst, at the same path; a name src lacks is left out.
func copyInto(dst, src, name string) error {
	from := filepath.Join(src, name)
	info, err := os.Stat(from)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.IsDir():
		return os.CopyFS(filepath.Join(dst, name), os.DirFS(from))
	}
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dst, name), b, 0o644)
}

// treeHash hashes every file and folder below dir (names, modes and content),
// so that any change to an output folder shows.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		h.Write([]byte(filepath.ToSlash(rel) + "\x00" + info.Mode().String() + "\x00"))
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			h.Write(sum[:])
		}
		h.Write([]byte("\n"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func mustBuild(t *testing.T, opts Options) *Result {
	t.Helper()
	res, err := Build(opts)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if res.Files == 0 || res.Pages == 0 {
		t.Fatalf("build wrote %d files, %d pages", res.Files, res.Pages)
	}
	return res
}

// leftovers lists the temporary folders a build may have left beside dest.
func leftovers(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(dest)+".") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestFailedBuildLeavesOutputAlone builds the example site, breaks its
// content, builds again and expects the first output byte for byte.
func TestFailedBuildLeavesOutputAlone(t *testing.T) {
	src := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: src, Dest: dest})
	before := treeHash(t, dest)

	p := filepath.Join(src, "content/editions/2019-05/priority-2.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), `status = "ON TRACK"`, `status = "ON TRAK"`, 1)
	if broken == string(b) {
		t.Fatal("could not break priority-2.md: it has no ON TRACK milestone")
	}
	if err := os.WriteFile(p, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(Options{Source: src, Dest: dest})
	var de *diag.Errors
	if !errors.As(err, &de) {
		t.Fatalf("build of broken content: err = %v, want the content's errors", err)
	}
	if res == nil || !res.Diagnostics.HasErrors() {
		t.Fatal("the failed build's result does not carry its diagnostics")
	}
	if !strings.Contains(err.Error(), "priority-2.md") || !strings.Contains(err.Error(), `"ON TRAK"`) {
		t.Errorf("the error does not name the broken file and word: %v", err)
	}
	if after := treeHash(t, dest); after != before {
		t.Errorf("a failed build changed the previous output")
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("a failed build left temporary folders: %v", l)
	}
}

// TestFailedRenderLeavesOutputAlone breaks the site where only rendering can
// see it (a narrative reference) and expects the previous output untouched.
func TestFailedRenderLeavesOutputAlone(t *testing.T) {
	src := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: src, Dest: dest})
	before := treeHash(t, dest)

	p := filepath.Join(src, "content/editions/2019-05/_index.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(b, "\nA figure that does not exist: {{< value no-such-kpi 2019-03 >}}.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Source: src, Dest: dest}); err == nil || !strings.Contains(err.Error(), "no-such-kpi") {
		t.Fatalf("build with an unknown KPI in the narrative: err = %v", err)
	}
	if after := treeHash(t, dest); after != before {
		t.Errorf("a build that failed while rendering changed the previous output")
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("a failed build left temporary folders: %v", l)
	}
}

// TestRebuildRemovesStaleFiles expects a rebuild to leave exactly what the
// site makes now: a page whose source was deleted goes, and so does a file
// someone dropped into the output.
func TestRebuildRemovesStaleFiles(t *testing.T) {
	src := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	page := filepath.Join(src, "content/pages/old-notice.md")
	if err := os.WriteFile(page, []byte("+++\ntitle = \"Old notice\"\n+++\nThis page will be withdrawn.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, Options{Source: src, Dest: dest})
	if _, err := os.Stat(filepath.Join(dest, "old-notice/index.html")); err != nil {
		t.Fatalf("the first build did not write the page: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dest, "stray.txt"), []byte("left by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, Options{Source: src, Dest: dest})
	for _, stale := range []string{"old-notice/index.html", "old-notice", "stray.txt"} {
		if _, err := os.Stat(filepath.Join(dest, stale)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s lingers after a rebuild (err = %v)", stale, err)
		}
	}
	// The rebuilt folder is exactly a fresh build.
	fresh := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: src, Dest: fresh})
	if treeHash(t, dest) != treeHash(t, fresh) {
		t.Errorf("a rebuild differs from a fresh build of the same source")
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("the rebuild left temporary folders: %v", l)
	}
}

// TestRefusesForeignFolder expects planpress not to replace a folder of
// files it did not write, and to write into an empty or missing one.
func TestRefusesForeignFolder(t *testing.T) {
	dest := t.TempDir()
	own := filepath.Join(dest, "thesis.docx")
	if err := os.WriteFile(own, []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)
	_, err := Build(Options{Source: repoRoot, Dest: dest})
	if err == nil {
		t.Fatal("build replaced a folder planpress did not write")
	}
	if !strings.Contains(err.Error(), dest) || !strings.Contains(err.Error(), "-dest") {
		t.Errorf("the error should name the folder and say to choose another with -dest: %v", err)
	}
	if treeHash(t, dest) != before {
		t.Errorf("a refused build changed the folder")
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("a refused build left temporary folders: %v", l)
	}

	empty := t.TempDir()
	mustBuild(t, Options{Source: repoRoot, Dest: empty})
	if home, err := os.ReadFile(filepath.Join(empty, "index.html")); err != nil || !strings.Contains(string(home), `<meta name="generator" content="planpress">`) {
		t.Errorf("the home page does not name planpress as its generator, which is how a later build knows it may replace the folder (err = %v)", err)
	}
	// A folder planpress wrote is replaced.
	mustBuild(t, Options{Source: repoRoot, Dest: empty})
}

// TestBuildsAreIdentical builds the example site twice and expects the same
// bytes in the same files.
func TestBuildsAreIdentical(t *testing.T) {
	a := filepath.Join(t.TempDir(), "public")
	b := filepath.Join(t.TempDir(), "public")
	ra := mustBuild(t, Options{Source: repoRoot, Dest: a})
	rb := mustBuild(t, Options{Source: repoRoot, Dest: b})
	if treeHash(t, a) != treeHash(t, b) {
		t.Errorf("two builds of the example site differ")
	}
	if ra.Files != rb.Files || ra.Pages != rb.Pages || ra.Bytes != rb.Bytes {
		t.Errorf("two builds counted differently: %+v and %+v", ra, rb)
	}
	// What is written is what Render makes in memory.
	sink := renderExample(t)
	for p, want := range sink.Files {
		got, err := os.ReadFile(filepath.Join(a, filepath.FromSlash(p)))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s on disk differs from the rendered file (err = %v)", p, err)
		}
	}
}
