package build

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/planpress/planpress/bench/synth"
	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/write"
)

// The benchmarks time each stage of a build of a synthetic archive (see
// bench/synth): load, compute, render, write, and the whole build.
// PLANPRESS_BENCH_EDITIONS sets the archive's size (default 40).
//
//	go test -run '^$' -bench . -benchmem ./internal/build
//	PLANPRESS_BENCH_EDITIONS=200 go test -run '^$' -bench BenchmarkBuild -cpuprofile cpu.out ./internal/build

func benchEditions(b *testing.B) int {
	if s := os.Getenv("PLANPRESS_BENCH_EDITIONS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("PLANPRESS_BENCH_EDITIONS=%q: want a number of editions", s)
		}
		return n
	}
	return 40
}

// benchSite writes a synthetic site of n editions into a temporary folder.
func benchSite(b *testing.B, n int) Options {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := synth.Write(dir, synth.Options{Editions: n}); err != nil {
		b.Fatal(err)
	}
	return Options{Source: dir, Dest: filepath.Join(filepath.Dir(dir), "public")}
}

func BenchmarkLoad(b *testing.B) {
	opts := benchSite(b, benchEditions(b))
	b.ReportAllocs()
	for b.Loop() {
		site, diags := Load(opts)
		if site == nil || diags.HasErrors() {
			b.Fatal(diags.Err())
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	opts := benchSite(b, benchEditions(b))
	site, diags := Load(opts)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range site.Editions {
			for _, s := range e.Series {
				_ = compute.EvaluateSeries(site, e, s)
			}
			_ = compute.Summarise(e.Milestones(), site.Statuses)
		}
	}
}

// BenchmarkRender takes the site through every stage into memory, writing
// nothing.
func BenchmarkRender(b *testing.B) {
	opts := benchSite(b, benchEditions(b))
	b.ReportAllocs()
	for b.Loop() {
		if diags := Check(opts); diags.HasErrors() {
			b.Fatal(diags.Err())
		}
	}
}

// BenchmarkWrite writes an already rendered site into a staging folder and
// swaps it in for the previous build.
func BenchmarkWrite(b *testing.B) {
	opts := benchSite(b, benchEditions(b))
	mem, _, diags := Render(opts)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	files := mem.Files()
	var size int64
	for _, data := range files {
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		stage, err := write.Begin(opts.Dest, write.Guard{Site: opts.Source, Sources: Sources})
		if err != nil {
			b.Fatal(err)
		}
		for name, data := range files {
			if err := stage.WriteFile(name, data); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := stage.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is the whole of planpress build into an empty folder: load,
// compute, render and write every page.
func BenchmarkBuild(b *testing.B) {
	opts := benchSite(b, benchEditions(b))
	b.ReportAllocs()
	for b.Loop() {
		if err := os.RemoveAll(opts.Dest); err != nil {
			b.Fatal(err)
		}
		if _, err := Build(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuild is planpress build into the folder of the previous build,
// after an edit to the latest report's narrative: the usual build while a
// report is written.
func BenchmarkRebuild(b *testing.B) {
	opts := benchSite(b, benchEditions(b))
	if _, err := Build(opts); err != nil {
		b.Fatal(err)
	}
	eds, _ := filepath.Glob(filepath.Join(opts.Source, "content/editions/*/priority-2.md"))
	sort.Strings(eds)
	latest := eds[len(eds)-1]
	src, err := os.ReadFile(latest)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := os.WriteFile(latest, fmt.Appendf(src, "\nEdit %d.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		res, err := Build(opts)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Unchanged)/float64(res.Files), "unchanged/file")
	}
}

// BenchmarkBuildScaling builds archives of growing size, reporting time and
// allocation per edition: both should stay flat as the archive grows.
func BenchmarkBuildScaling(b *testing.B) {
	for _, n := range []int{10, 40, 160} {
		b.Run(fmt.Sprintf("editions=%d", n), func(b *testing.B) {
			opts := benchSite(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if err := os.RemoveAll(opts.Dest); err != nil {
					b.Fatal(err)
				}
				if _, err := Build(opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e6, "ms/edition")
		})
	}
}

// BenchmarkPreview times what serve does before it tells open pages to
// reload: load the site and get its layouts, words and assets ready.
func BenchmarkPreview(b *testing.B) {
	opts := benchSite(b, benchEditions(b))
	b.ReportAllocs()
	for b.Loop() {
		pv, diags := NewPreview(opts)
		if diags.HasErrors() {
			b.Fatal(diags.Err())
		}
		pv.p.close()
	}
}
