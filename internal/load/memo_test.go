package load_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
)

// TestMemoLoadsAsAFreshLoad: after each edit, a load that keeps editions in
// a Memo gives exactly what a load without one gives: the same editions and
// the same problems. An edit to an edition's files, to the files the site is
// read against, a file added or removed, all show.
func TestMemoLoadsAsAFreshLoad(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "../../examples/archive", dir, func(string) bool { return true })
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	memo := &load.Memo{}
	opts := func(m *load.Memo) load.Options {
		return load.Options{Drafts: true, Now: now, Memo: m, SkipNarrative: true}
	}
	edit := func(name string, change func(string) string) func() {
		return func() {
			p := filepath.Join(dir, filepath.FromSlash(name))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(change(string(b))), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// before holds, by edition, the first priority of the last load with
	// the memo: an edition kept from it shares its priorities.
	before := map[string]*model.Priority{}
	for _, c := range []struct {
		name   string
		edit   func()
		parsed []string // the editions parsed again; nil checks none
	}{
		{"first load", func() {}, nil},
		{"nothing changed", func() {}, []string{}},
		{"a milestone's status", edit("content/editions/2019-08/priority-1.md", func(s string) string {
			return strings.Replace(s, `status = "NOT YET DUE"`, `status = "OFF TRACK"`, 1)
		}), []string{"2019-08"}},
		{"a figure", edit("data/editions/2019-11/kpis.toml", func(s string) string {
			return strings.Replace(s, "= 31.8", "= 31.9", 1)
		}), []string{"2019-11"}},
		{"an error", edit("data/editions/2019-11/kpis.toml", func(s string) string { return s + "\n[no-such-kpi]\n\"2019-09\" = 1\n" }), []string{"2019-11"}},
		{"the error fixed", edit("data/editions/2019-11/kpis.toml", func(s string) string {
			return strings.Replace(s, "\n[no-such-kpi]\n\"2019-09\" = 1\n", "", 1)
		}), []string{"2019-11"}},
		{"a KPI definition", edit("data/kpis.toml", func(s string) string {
			return strings.Replace(s, `decimals = 1`, `decimals = 2`, 1)
		}), []string{"2019-05", "2019-08", "2019-11", "2020-02"}},
		{"a priority file added", func() {
			b, err := os.ReadFile(filepath.Join(dir, "content/editions/2019-05/priority-1.md"))
			if err != nil {
				t.Fatal(err)
			}
			s := strings.Replace(string(b), "number = 1", "number = 9", 1)
			s = strings.ReplaceAll(s, `ref = "1.`, `ref = "9.`)
			if err := os.WriteFile(filepath.Join(dir, "content/editions/2019-05/priority-9.md"), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"2019-05"}},
		{"an edition removed", func() {
			for _, d := range []string{"content/editions/2020-02", "data/editions/2020-02"} {
				if err := os.RemoveAll(filepath.Join(dir, d)); err != nil {
					t.Fatal(err)
				}
			}
		}, []string{}},
	} {
		c.edit()
		got, gotDiags := load.Site(os.DirFS(dir), opts(memo))
		want, wantDiags := load.Site(os.DirFS(dir), opts(nil))
		if !reflect.DeepEqual(editionsOf(got), editionsOf(want)) {
			t.Errorf("%s: the memo's load differs from a fresh load", c.name)
		}
		var a, b strings.Builder
		gotDiags.WriteText(&a)
		wantDiags.WriteText(&b)
		if a.String() != b.String() {
			t.Errorf("%s: the memo's problems\n%s\ndiffer from a fresh load's\n%s", c.name, a.String(), b.String())
		}
		for _, e := range got.Editions {
			if c.parsed != nil && len(e.Priorities) > 0 {
				parsed := e.Priorities[0] != before[e.ID]
				if want := slices.Contains(c.parsed, e.ID); parsed != want {
					t.Errorf("%s: edition %s parsed again: %v, want %v", c.name, e.ID, parsed, want)
				}
			}
			if len(e.Priorities) > 0 {
				before[e.ID] = e.Priorities[0]
			}
			for id, s := range e.Series {
				if s.KPI != got.KPI(id) {
					t.Errorf("%s: edition %s's series %s is not tied to this load's KPI", c.name, e.ID, id)
				}
			}
		}
	}
}

func editionsOf(s *model.Site) []*model.Edition { return s.Editions }
