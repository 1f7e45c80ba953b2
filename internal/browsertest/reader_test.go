package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/model"
)

// These tests look at pages as a reader does, at the size of a phone and of
// a laptop: what the first screen holds, which figures of a KPI table are in
// view before any scrolling, and whether a chart's words collide.

// editionData is what an edition's data.json says that the tests check
// pages against.
type editionData struct {
	Edition struct {
		ID   string `json:"id"`
		AsAt string `json:"as_at"`
	} `json:"edition"`
	Summary struct {
		OnTrackPercent float64 `json:"on_track_percent"`
	} `json:"summary"`
	Priorities []struct {
		Number int      `json:"number"`
		KPIs   []string `json:"kpis"`
	} `json:"priorities"`
	KPIs []struct {
		ID          string   `json:"id"`
		Title       string   `json:"title"`
		Unit        string   `json:"unit"`
		Decimals    int      `json:"decimals"`
		Target      *float64 `json:"target"`
		MonitorOnly bool     `json:"monitor_only"`
		Values      []struct {
			Period    string   `json:"period"`
			Value     *float64 `json:"value"`
			Direction *string  `json:"direction"`
			RAG       *string  `json:"rag"`
			Target    *float64 `json:"target"`
		} `json:"values"`
	} `json:"kpis"`
}

// editions reads every edition's data.json of a built site, oldest first.
func editions(t *testing.T, dir string) []editionData {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "editions", "*", "data.json"))
	var out []editionData
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var e editionData
		if err := json.Unmarshal(b, &e); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		t.Fatalf("%s has no edition data.json", dir)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Edition.AsAt < out[j].Edition.AsAt })
	return out
}

// unitOf reads a unit of the open data; an unknown one is a plain number.
func unitOf(s string) model.Unit {
	u, _ := model.ParseUnit(s)
	return u
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestFirstScreen: the home page and the latest edition's overview show,
// before any scrolling on a phone and on a laptop, the share of milestones on
// track and the name of every indicator rated Red.
func TestFirstScreen(t *testing.T) {
	b := browser(t)
	for _, s := range sites(t) {
		t.Run(s.name, func(t *testing.T) {
			srv := serve(t, s.dir)
			eds := editions(t, s.dir)
			latest := eds[len(eds)-1]
			share := format.Number(latest.Summary.OnTrackPercent, model.UnitPercent, 1)
			reported := map[string]bool{}
			for _, p := range latest.Priorities {
				for _, id := range p.KPIs {
					reported[id] = true
				}
			}
			var red []string
			for _, k := range latest.KPIs {
				if !reported[k.ID] {
					continue
				}
				for i := len(k.Values) - 1; i >= 0; i-- {
					v := k.Values[i]
					if v.Value == nil && v.Direction == nil {
						continue
					}
					if v.RAG != nil && *v.RAG == "red" {
						red = append(red, k.Title)
					}
					break
				}
			}
			for _, path := range []string{"", "editions/" + latest.Edition.ID + "/"} {
				for _, screen := range []Screen{PhoneScreen, LaptopScreen} {
					l, err := b.CheckLayout(context.Background(), srv.URL+path, screen, false)
					if err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(l.FirstScreen, share) {
						t.Errorf("/%s at %s: the share of milestones on track (%s) is not on the first screen, which reads: %s", path, screen, share, l.FirstScreen)
					}
					for _, title := range red {
						if !strings.Contains(l.FirstScreen, flat(title)) {
							t.Errorf("/%s at %s: the Red indicator %q is not named on the first screen, which reads: %s", path, screen, title, l.FirstScreen)
						}
					}
				}
			}
			t.Logf("latest edition %s: %s on track, %d Red indicators, checked on the first screen of the home page and its overview", latest.Edition.ID, share, len(red))
		})
	}
}

// TestKPITablesShowTheLatest: on every KPI table of every edition (its
// priority pages and its print edition), each indicator's latest figure,
// its target and its rating are inside the visible part of the table, on a
// phone and on a laptop, before any sideways scrolling.
func TestKPITablesShowTheLatest(t *testing.T) {
	b := browser(t)
	for _, s := range sites(t) {
		t.Run(s.name, func(t *testing.T) {
			srv := serve(t, s.dir)
			checked := 0
			for _, e := range editions(t, s.dir) {
				var paths []string
				for _, p := range e.Priorities {
					if len(p.KPIs) > 0 {
						paths = append(paths, fmt.Sprintf("editions/%s/priority-%d/", e.Edition.ID, p.Number))
					}
				}
				paths = append(paths, "editions/"+e.Edition.ID+"/print/")
				for _, path := range paths {
					for _, screen := range []Screen{PhoneScreen, LaptopScreen} {
						l, err := b.CheckLayout(context.Background(), srv.URL+path, screen, false)
						if err != nil {
							t.Fatal(err)
						}
						checked += checkLatestInView(t, e, path, screen, l)
					}
				}
			}
			if checked == 0 {
				t.Fatal("no KPI table row was checked")
			}
			t.Logf("%d KPI table rows checked", checked)
		})
	}
}

// checkLatestInView checks each row of the page's KPI tables that is headed
// by one of the edition's KPIs, and returns how many it checked.
func checkLatestInView(t *testing.T, e editionData, path string, screen Screen, l *Layout) int {
	t.Helper()
	n := 0
	for _, table := range l.Tables {
		for i, row := range table.Rows {
			for _, k := range e.KPIs {
				if !strings.HasPrefix(row.Head, flat(k.Title)) {
					continue
				}
				n++
				visible := table.VisibleText(i)
				var want []string
				for j := len(k.Values) - 1; j >= 0; j-- {
					v := k.Values[j]
					if v.Value == nil && v.Direction == nil {
						continue
					}
					if v.Value != nil {
						want = append(want, format.Number(*v.Value, unitOf(k.Unit), k.Decimals))
					}
					if v.RAG != nil {
						want = append(want, strings.ToUpper((*v.RAG)[:1])+(*v.RAG)[1:])
					}
					break
				}
				switch {
				case k.MonitorOnly:
					want = append(want, "Monitor only")
				case k.Target != nil:
					want = append(want, format.Target(*k.Target, unitOf(k.Unit), k.Decimals))
				}
				for _, w := range want {
					if !strings.Contains(visible, w) {
						t.Errorf("/%s at %s: table %s, %q: %q is not in view; the visible cells read: %s", path, screen, table.ID, k.Title, w, visible)
					}
				}
			}
		}
	}
	return n
}

// TestChartsDoNotCollide: on every chart of every page, at the width of a
// phone, of a laptop and as printed, no word overlaps another word, a data
// point or a bar, none is cut off by the chart's edge, and none lies across
// the edge of the plot.
func TestChartsDoNotCollide(t *testing.T) {
	b := browser(t)
	type job struct {
		path   string
		screen Screen
		print  bool
	}
	for _, s := range sites(t) {
		t.Run(s.name, func(t *testing.T) {
			srv := serve(t, s.dir)
			var jobs []job
			for _, p := range pages(t, s.dir) {
				raw, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(p.file)))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(raw), "data-chart=") {
					continue
				}
				jobs = append(jobs, job{p.path, PhoneScreen, false}, job{p.path, LaptopScreen, false}, job{p.path, LaptopScreen, true})
			}
			var mu sync.Mutex
			charts, problems := 0, 0
			var wg sync.WaitGroup
			next := make(chan job)
			for range 2 {
				wg.Go(func() {
					for j := range next {
						l, err := b.CheckLayout(context.Background(), srv.URL+j.path, j.screen, j.print)
						mu.Lock()
						if err != nil {
							t.Error(err)
							mu.Unlock()
							continue
						}
						what := j.screen.String()
						if j.print {
							what = "print"
						}
						for _, c := range l.Charts {
							charts++
							if c.Texts == 0 {
								t.Errorf("/%s %s, chart %s: no words found; was it drawn?", j.path, what, c.ID)
							}
							for _, p := range c.Problems {
								problems++
								t.Errorf("/%s %s, chart %s (%d px wide): %s", j.path, what, c.ID, c.Width, p)
							}
						}
						mu.Unlock()
					}
				})
			}
			for _, j := range jobs {
				next <- j
			}
			close(next)
			wg.Wait()
			if charts == 0 {
				t.Fatal("no chart was checked")
			}
			t.Logf("%d charts checked on %d page loads: %d problems", charts, len(jobs), problems)
		})
	}
}
