package serve

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planpress/planpress/bench/synth"
	"github.com/planpress/planpress/internal/load"
)

// The rebuild benchmarks time what follows an author's save: one edited
// Markdown file, then the whole site built again in memory. Each reports the
// median rebuild as median-ms beside the mean (ns/op). BenchmarkSaveToReload
// adds the watcher and the page's event stream.

func BenchmarkRebuildExample(b *testing.B) {
	benchRebuild(b, copySiteFrom(b, "../..", "planpress.toml", "content", "data"))
}

func BenchmarkRebuildArchive(b *testing.B) {
	src := "../../examples/archive"
	if _, err := os.Stat(filepath.Join(src, "planpress.toml")); err != nil {
		b.Skip("no examples/archive site")
	}
	var names []string
	for _, name := range append([]string{load.SiteFile}, sources...) {
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
	dir, first, last := synthSite(b)
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

// synthSite writes the synthetic archive of bench/synth (40 editions, or
// PLANPRESS_BENCH_EDITIONS) and returns its folder and its first and last
// editions' ids.
func synthSite(b *testing.B) (dir, first, last string) {
	n := 40
	if v := os.Getenv("PLANPRESS_BENCH_EDITIONS"); v != "" {
		if _, err := fmt.Sscan(v, &n); err != nil || n < 1 {
			b.Fatalf("PLANPRESS_BENCH_EDITIONS=%q: want a number of editions", v)
		}
	}
	dir = filepath.Join(b.TempDir(), "site")
	if _, err := synth.Write(dir, synth.Options{Editions: n}); err != nil {
		b.Fatal(err)
	}
	eds, _ := filepath.Glob(filepath.Join(dir, "content/editions/*"))
	slices.Sort(eds)
	return dir, filepath.Base(eds[0]), filepath.Base(eds[len(eds)-1])
}

// BenchmarkSaveToReload times, end to end, an author's save of a report's
// narrative to the open page reloaded with the edit: the save, the reload
// event reaching the page over HTTP, and the page fetched again showing the
// new sentence. It runs in the synthetic archive (see
// BenchmarkRebuildSynthetic; the latest report) and in the example site.
// Beside the median (median-ms) it reports the median of each part:
// notice-ms, from the save to the watcher learning of it; settle-ms, the
// wait for the files to stay quiet; event-ms, from the save to the page
// reading its reload event; page-ms, from the event to the page fetched
// again (its part of the site renders then); and full-ms, the whole site
// rendered, which the page does not wait for. "notified" is serve as it
// runs; "polling" is the fallback, looking every DefaultPoll (here the save
// follows the last build at once, so it waits a whole poll interval where a
// save at a random moment waits half of one).
func BenchmarkSaveToReload(b *testing.B) {
	archive, _, last := synthSite(b)
	example := copySite(b)
	for _, site := range []struct{ name, dir, file string }{
		{"archive", archive, filepath.Join(archive, "content/editions", last, "priority-2.md")},
		{"example", example, editableFile(b, example)},
	} {
		for _, c := range []struct {
			name string
			poll time.Duration
		}{{"notified", 0}, {"polling", DefaultPoll}} {
			b.Run(site.name+"/"+c.name, func(b *testing.B) { benchSaveToReload(b, site.dir, site.file, c.poll) })
		}
	}
}

func benchSaveToReload(b *testing.B, dir, file string, poll time.Duration) {
	s, err := New(Options{Source: dir, Poll: poll})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if snap := s.current.Load(); snap.failed() {
		b.Fatalf("the site has errors:\n%s", snap.problems)
	}
	addr, _ := serveOn(b, s, nil)
	es := openEvents(b, "http://"+addr)
	if _, ok := es.next("hello", failAfter); !ok {
		b.Fatal("no hello event")
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil {
		b.Fatal(err)
	}
	// content/editions/ID/priority-2.md is shown at /editions/ID/priority-2/.
	page := "http://" + addr + "/" + strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(rel), "content/"), ".md") + "/"
	var total, notice, settle, toEvent, toPage, full []time.Duration
	for i := 0; b.Loop(); i++ {
		before := s.builds.Load()
		start := time.Now()
		edit(b, file, i)
		var ev event
		for {
			var ok bool
			if ev, ok = es.next("reload", failAfter); !ok {
				b.Fatalf("no reload within %s of a save", failAfter)
			}
			// A reload for a build before the save is not this one's.
			if s.builds.Load() > before {
				break
			}
		}
		body := fetch(b, page)
		done := time.Now()
		if want := fmt.Sprintf("Edit %d.", i); !strings.Contains(body, want) {
			b.Fatalf("%s does not show the edit %q", page, want)
		}
		total = append(total, done.Sub(start))
		toEvent = append(toEvent, ev.at.Sub(start))
		toPage = append(toPage, done.Sub(ev.at))
		// Wait for the whole site, so that the next save starts from quiet.
		snap := waitComplete(b, s, before)
		noticed := snap.noticed
		if noticed.Before(start) {
			noticed = start // the poller notices a change when its look began
		}
		notice = append(notice, noticed.Sub(start))
		settle = append(settle, snap.started.Sub(noticed))
		full = append(full, snap.finished.Sub(snap.started))
	}
	if snap := s.current.Load(); snap.failed() {
		b.Fatalf("the edits broke the site:\n%s", snap.problems)
	}
	reportMedian(b, "median-ms", total)
	reportMedian(b, "notice-ms", notice)
	reportMedian(b, "settle-ms", settle)
	reportMedian(b, "event-ms", toEvent)
	reportMedian(b, "page-ms", toPage)
	reportMedian(b, "full-ms", full)
}

// fetch gets a page over HTTP and returns its body.
func fetch(b *testing.B, url string) string {
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return string(body)
}

// waitComplete waits for a build after the first before builds to be
// complete, and returns it.
func waitComplete(b *testing.B, s *Server, before int64) *snapshot {
	deadline := time.Now().Add(failAfter)
	for time.Now().Before(deadline) {
		if cur := s.current.Load(); s.builds.Load() > before && cur.preview == nil {
			return cur
		}
		time.Sleep(time.Millisecond)
	}
	b.Fatalf("the site was not rendered whole within %s of a save", failAfter)
	return nil
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
		s.rebuild(nil, start)
		took = append(took, time.Since(start))
	}
	if snap := s.current.Load(); snap.failed() {
		b.Fatalf("the edits broke the site:\n%s", snap.problems)
	}
	b.ReportMetric(float64(len(s.current.Load().files)), "files")
	reportMedian(b, "median-ms", took)
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

// reportMedian reports the median of took, in milliseconds, as unit.
func reportMedian(b *testing.B, unit string, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	median := took[len(took)/2]
	if len(took)%2 == 0 {
		median = (took[len(took)/2-1] + took[len(took)/2]) / 2
	}
	b.ReportMetric(float64(median)/float64(time.Millisecond), unit)
}
