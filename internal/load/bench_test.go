package load_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/planpress/planpress/bench/synth"
	"github.com/planpress/planpress/internal/load"
)

// The load benchmarks time what planpress serve does after an author saves
// one file of a 40-edition synthetic archive: each iteration rewrites the
// body of one priority (alternately ending in "a" and "b") and loads the
// site, with the cache kept from the previous load or without one.
//
//	go test -run '^$' -bench 'Load' -count 5 ./internal/load

const benchEditions = 40

func BenchmarkLoadCachedOneEdit(b *testing.B) {
	benchLoadOneEdit(b, &load.Cache{})
}

func BenchmarkLoadUncached(b *testing.B) {
	benchLoadOneEdit(b, nil)
}

func benchLoadOneEdit(b *testing.B, cache *load.Cache) {
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := synth.Write(dir, synth.Options{Editions: benchEditions}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	opts := load.Options{Cache: cache}
	if site, diags := load.Site(fsys, opts); diags.HasErrors() || len(site.Editions) != benchEditions {
		b.Fatalf("the synthetic site loads with %d editions: %v", len(site.Editions), diags.Err())
	}
	ids, err := os.ReadDir(filepath.Join(dir, "content/editions"))
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "content/editions", ids[len(ids)/2].Name(), "priority-3.md")
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		if err := os.WriteFile(file, append(text[:len(text):len(text)], "ab"[n%2]), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, diags := load.Site(fsys, opts); diags.HasErrors() {
			b.Fatal(diags.Err())
		}
	}
}
