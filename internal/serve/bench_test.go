package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planpress/planpress/bench/synth"
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

// BenchmarkRebuildSynthetic times rebuilds of the synthetic archive of
// bench/synth (40 editions, or PLANPRESS_BENCH_EDITIONS) after three kinds of
// save: a sentence added to the latest report's narrative (the usual edit
// while a report is written), to the oldest report's, and a figure changed in
// the latest report's data, which every page across editions reads.
func BenchmarkRebuildSynthetic(b *testing.B) {
	n := 40
	if v := os.Getenv("PLANPRESS_BENCH_EDITIONS"); v != "" {
		if _, err := fmt.Sscan(v, &n); err != nil || n < 1 {
			b.Fatalf("PLANPRESS_BENCH_EDITIONS=%q: want a number of editions", v)
		}
	}
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := synth.Write(dir, synth.Options{Editions: n}); err != nil {
		b.Fatal(err)
	}
	eds, _ := filepath.Glob(filepath.Join(dir, "content/editions/*"))
	slices.Sort(eds)
	first, last := filepath.Base(eds[0]), filepath.Base(eds[len(eds)-1])
	for _, c := range []struct {
		name string
		file string
		edit func(b *testing.B, file string, i int)
	}{
		{"latest-narrative", filepath.Join(dir, "content/editions", last, "priority-2.md"), edit},
		{"oldest-narrative", filepath.Join(dir, "content/editions", first, "priority-2.md"), edit},
		{"latest-figures", filepath.Join(dir, "data/editions", last, "kpis.toml"), editFigure},
	} {
		b.Run(c.name, func(b *testing.B) { benchRebuildWith(b, dir, c.file, c.edit) })
	}
}

// editFigure sets the first month's figure of a figures file to a new value.
func editFigure(b *testing.B, file string, i int) {
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	loc := firstFigure.FindSubmatchIndex(src)
	if loc == nil {
		b.Fatalf("%s has no month = number line", file)
	}
	out := append(append(append([]byte{}, src[:loc[2]]...), fmt.Sprintf("%d.5", 20+i%10)...), src[loc[3]:]...)
	if err := os.WriteFile(file, out, 0o644); err != nil {
		b.Fatal(err)
	}
}

var firstFigure = regexp.MustCompile(`(?m)^"\d{4}-\d{2}" = (\d+\.\d+)$`)

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
	benchRebuildWith(b, dir, editableFile(b, dir), edit)
}

func benchRebuildWith(b *testing.B, dir, file string, edit func(*testing.B, string, int)) {
	// The watcher stays out of the way: the benchmark rebuilds by itself.
	s, err := New(Options{Source: dir, Poll: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if snap := s.current.Load(); snap.failed() {
		b.Fatalf("the site has errors:\n%s", snap.problems)
	}
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
