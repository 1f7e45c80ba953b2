package load_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/planpress/planpress/bench/synth"
	"github.com/planpress/planpress/internal/load"
)

// BenchmarkLoad times reading and checking every file of a 40-edition
// synthetic archive, which every build and every rebuild under serve does.
//
//	go test -run '^$' -bench Load -count 5 ./internal/load
func BenchmarkLoad(b *testing.B) {
	const editions = 40
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := synth.Write(dir, synth.Options{Editions: editions}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		site, diags := load.Site(fsys, load.Options{})
		if diags.HasErrors() || len(site.Editions) != editions {
			b.Fatalf("the synthetic site loads with %d editions: %v", len(site.Editions), diags.Err())
		}
	}
}
