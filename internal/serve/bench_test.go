package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The rebuild benchmarks time what follows an author's save: one edited
// Markdown file, then the whole site built again in memory. Each reports the
// median rebuild as median-ms beside the mean (ns/op).

func BenchmarkRebuildExample(b *testing.B) {
	benchRebuild(b, copySiteFrom(b, "../..", "planpress.toml", "content", "data"))
}

func BenchmarkRebuildArchive(b *testing.B) {
	src := "../../examples/archive"
	if _, err := os.Stat(filepath.Join(src, "planpress.toml")); err != nil {
		b.Skip("no examples/archive site")
	}
	var names []string
	for _, name := range watched {
		if _, err := os.Stat(filepath.Join(src, name)); err == nil {
			names = append(names, name)
		}
	}
	benchRebuild(b, copySiteFrom(b, src, names...))
}

// BenchmarkRebuildTwentyEditions builds the example edition copied under 19
// more edition folders: a stand-in for a five-year archive until
// examples/archive is that large.
func BenchmarkRebuildTwentyEditions(b *testing.B) {
	dir := copySiteFrom(b, "../..", "planpress.toml", "content", "data")
	n := 0
	for year := 2014; n < 19; year++ {
		for _, month := range []string{"02", "05", "08", "11"} {
			if n == 19 {
				break
			}
			id := fmt.Sprintf("%d-%s", year, month)
			for _, part := range []string{"content/editions", "data/editions"} {
				copyTree(b, filepath.Join(dir, part, "2019-05"), filepath.Join(dir, part, id))
			}
			n++
		}
	}
	benchRebuild(b, dir)
}

// BenchmarkRebuildEndToEnd times a save to the reload event an open page
// receives, with serve's default polling: on average half a poll, the settle
// interval and the rebuild.
func BenchmarkRebuildEndToEnd(b *testing.B) {
	dir := copySiteFrom(b, "../..", "planpress.toml", "content", "data")
	s, err := New(Options{Source: dir})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	file := editableFile(b, dir)
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		before := s.builds.Load()
		start := time.Now()
		edit(b, file, i)
		for s.builds.Load() == before {
			time.Sleep(time.Millisecond)
		}
		took = append(took, time.Since(start))
	}
	reportMedian(b, took)
}

func benchRebuild(b *testing.B, dir string) {
	// The watcher stays out of the way: the benchmark rebuilds by itself.
	s, err := New(Options{Source: dir, Poll: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if snap := s.current.Load(); snap.failed() {
		b.Fatalf("the site has errors:\n%s", snap.problems)
	}
	file := editableFile(b, dir)
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		edit(b, file, i)
		s.rebuild()
		took = append(took, time.Since(start))
	}
	if snap := s.current.Load(); snap.failed() {
		b.Fatalf("the edits broke the site:\n%s", snap.problems)
	}
	b.ReportMetric(float64(len(s.current.Load().files)), "files")
	reportMedian(b, took)
}

// editableFile picks a priority's Markdown file of the site's first edition.
func editableFile(b *testing.B, dir string) string {
	matches, _ := filepath.Glob(filepath.Join(dir, "content/editions/*/priority-*.md"))
	if len(matches) == 0 {
		b.Fatal("the site has no priority file to edit")
	}
	slices.Sort(matches)
	return matches[0]
}

// edit appends a sentence to a Markdown file, as an author's save would.
func edit(b *testing.B, file string, i int) {
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	text := strings.TrimRight(string(src), "\n") + fmt.Sprintf("\n\nEdit %d.\n", i)
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
}

func reportMedian(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	median := took[len(took)/2]
	if len(took)%2 == 0 {
		median = (took[len(took)/2-1] + took[len(took)/2]) / 2
	}
	b.ReportMetric(float64(median)/float64(time.Millisecond), "median-ms")
}
