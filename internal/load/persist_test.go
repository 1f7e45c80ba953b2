package load_test

import (
	"bytes"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/planpress/planpress/bench/synth"
	"github.com/planpress/planpress/internal/load"
)

// A cache saved after a load and read back (as by the next planpress build)
// gives a load equal to one without a cache, problems and all, and keeps
// every edition whose files did not change.
func TestSavedCacheLoadsWhatAFreshLoadDoes(t *testing.T) {
	synthDir := filepath.Join(t.TempDir(), "synth")
	if _, err := synth.Write(synthDir, synth.Options{Editions: 5}); err != nil {
		t.Fatal(err)
	}
	sites := map[string]string{"example": copyExample(t), "archive": copyArchive(t), "synthetic": synthDir}
	for name, dir := range sites {
		t.Run(name, func(t *testing.T) {
			first := &load.Cache{}
			loadDir(t, dir, first)
			var buf bytes.Buffer
			if err := first.Save(&buf); err != nil {
				t.Fatal(err)
			}
			var again bytes.Buffer
			if err := first.Save(&again); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Errorf("saving the same cache twice gives different bytes (err %v)", err)
			}
			read, err := load.ReadCache(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			got, gotDiags := loadDir(t, dir, read)
			want, wantDiags := loadDir(t, dir, nil)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the site loaded with a saved cache differs from a fresh load")
				for i := range want.Editions {
					if !reflect.DeepEqual(got.Editions[i], want.Editions[i]) {
						t.Errorf("edition %s differs", want.Editions[i].ID)
					}
				}
			}
			if !reflect.DeepEqual(gotDiags.Raw(), wantDiags.Raw()) {
				t.Errorf("problems with a saved cache:\n%v\nwithout:\n%v", gotDiags.Raw(), wantDiags.Raw())
			}
			if read.Changed() {
				t.Error("a load that reused every saved edition says it changed")
			}
			for _, e := range got.Editions {
				for id, s := range e.Series {
					if s.KPI == nil || s.KPI != got.KPI(id) {
						t.Errorf("edition %s: the series of %s does not point at the site's KPI", e.ID, id)
					}
				}
			}
		})
	}
}

// A saved cache is not used for other site files, and an edited edition is
// loaded again.
func TestSavedCacheFollowsEdits(t *testing.T) {
	dir := copyArchive(t)
	c := &load.Cache{}
	loadDir(t, dir, c)
	var buf bytes.Buffer
	if err := c.Save(&buf); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "content/editions/2019-08/priority-1.md", appendText("\nOne more sentence.\n"))
	read, err := load.ReadCache(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := loadDir(t, dir, read)
	want, _ := loadDir(t, dir, nil)
	if !reflect.DeepEqual(got, want) || !read.Changed() {
		t.Errorf("after an edit: equal to a fresh load %v, changed %v; want true, true", reflect.DeepEqual(got, want), read.Changed())
	}

	edit(t, dir, "planpress.toml", appendText("\n# a comment\n"))
	read, err = load.ReadCache(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	got, _ = loadDir(t, dir, read)
	want, _ = loadDir(t, dir, nil)
	if !reflect.DeepEqual(got, want) || !read.Changed() {
		t.Errorf("after a site edit: equal to a fresh load %v, changed %v; want true, true", reflect.DeepEqual(got, want), read.Changed())
	}
	if _, err := load.ReadCache(bytes.NewReader([]byte("not a cache"))); err == nil {
		t.Error("ReadCache accepted rubbish")
	}
}

// copyExample copies the example site at the repository root into a
// temporary folder.
func copyExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"planpress.toml", "content", "data"} {
		copyTree(t, filepath.Join("../..", name), filepath.Join(dir, name), nil)
	}
	return dir
}
