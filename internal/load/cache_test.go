package load_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
)

// archiveSite is a small site of four editions, one of them a draft.
const archiveSite = "../../examples/archive"

var fingerprintPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// loadDir loads the site in dir with drafts and future editions, through
// cache when it is not nil.
func loadDir(t *testing.T, dir string, cache *load.Cache) (*model.Site, *diag.List) {
	t.Helper()
	return loadDirOpts(t, dir, load.Options{Drafts: true, Future: true, Cache: cache})
}

func loadDirOpts(t *testing.T, dir string, opts load.Options) (*model.Site, *diag.List) {
	t.Helper()
	opts.Now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	site, diags := load.Site(os.DirFS(dir), opts)
	if site == nil {
		t.Fatal("load.Site returned no site")
	}
	return site, diags
}

// copyArchive copies the archive example into a temporary folder.
func copyArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, archiveSite, dir, nil)
	return dir
}

// edit rewrites a file of the site in dir; it fails when the edit changes nothing.
func edit(t *testing.T, dir, rel string, change func(string) string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	out := change(string(b))
	if out == string(b) {
		t.Fatalf("the edit to %s changes nothing", rel)
	}
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replace returns an edit that replaces old, which must be in the file, with new.
func replace(t *testing.T, old, new string) func(string) string {
	return func(s string) string {
		t.Helper()
		if !strings.Contains(s, old) {
			t.Fatalf("%q is not in the file", old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

func appendText(text string) func(string) string {
	return func(s string) string { return s + text }
}

func write(t *testing.T, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func move(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, dir, rel string) {
	t.Helper()
	if err := os.RemoveAll(filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
		t.Fatal(err)
	}
}

func editionsByID(site *model.Site) map[string]*model.Edition {
	out := map[string]*model.Edition{}
	for _, e := range site.Editions {
		out[e.ID] = e
	}
	return out
}

func TestFingerprints(t *testing.T) {
	const ed = "2019-08"
	const priority = "content/editions/" + ed + "/priority-1.md"
	cases := []struct {
		name string
		edit func(t *testing.T, dir string)
		// edition is the one whose fingerprints the edit may change; every
		// other edition's must stay the same.
		edition    string
		want, data bool // Fingerprint and DataFingerprint of edition change
		site       bool // Site.Fingerprint changes
		// figures is true when the edit is to the figures file only, which
		// FrontFingerprint leaves out.
		figures bool
	}{
		{"priority body", func(t *testing.T, dir string) {
			edit(t, dir, priority, appendText("\nOne more sentence.\n"))
		}, ed, true, false, false, false},
		{"edition introduction", func(t *testing.T, dir string) {
			edit(t, dir, "content/editions/"+ed+"/_index.md", replace(t, "## Introduction", "## Introduction\n\nA new first paragraph."))
		}, ed, true, false, false, false},
		{"priority front matter", func(t *testing.T, dir string) {
			edit(t, dir, priority, replace(t, `title = "Child protection enquiries"`, `title = "Child protection enquiries and conferences"`))
		}, ed, true, true, false, false},
		{"edition front matter", func(t *testing.T, dir string) {
			edit(t, dir, "content/editions/"+ed+"/_index.md", replace(t, `name = "Alex Example"`, `name = "Sam Example"`))
		}, ed, true, true, false, false},
		{"figures", func(t *testing.T, dir string) {
			edit(t, dir, "data/editions/"+ed+"/kpis.toml", replace(t, `"2019-06" = 67.5`, `"2019-06" = 67.6`))
		}, ed, true, true, false, true},
		{"priority added", func(t *testing.T, dir string) {
			write(t, dir, "content/editions/"+ed+"/priority-4.md", "+++\nnumber = 4\ntitle = \"Another\"\n+++\nText.\n")
		}, ed, true, true, false, false},
		{"priority removed", func(t *testing.T, dir string) {
			remove(t, dir, "content/editions/"+ed+"/priority-3.md")
		}, ed, true, true, false, false},
		{"figures removed", func(t *testing.T, dir string) {
			remove(t, dir, "data/editions/"+ed+"/kpis.toml")
		}, ed, true, true, false, true},
		{"a file the loader does not read", func(t *testing.T, dir string) {
			write(t, dir, "content/editions/"+ed+"/notes.txt", "Not read.\n")
		}, "", false, false, false, false},
		{"planpress.toml", func(t *testing.T, dir string) {
			edit(t, dir, "planpress.toml", replace(t, `organisation = "Example Borough Council"`, `organisation = "Example City Council"`))
		}, "", false, false, true, false},
		{"data/kpis.toml", func(t *testing.T, dir string) {
			edit(t, dir, "data/kpis.toml", replace(t, `short_title = "ICPC within 15 working days"`, `short_title = "ICPCs within 15 days"`))
		}, "", false, false, true, false},
		{"glossary", func(t *testing.T, dir string) {
			edit(t, dir, "data/glossary.toml", appendText("\n[[term]]\nabbr = \"XYZ\"\nmeaning = \"Example\"\n"))
		}, "", false, false, true, false},
		{"page body", func(t *testing.T, dir string) {
			edit(t, dir, "content/pages/about.md", appendText("\nMore about the report.\n"))
		}, "", false, false, true, false},
		{"page added", func(t *testing.T, dir string) {
			write(t, dir, "content/pages/contact.md", "+++\ntitle = \"Contact\"\n+++\nWrite to us.\n")
		}, "", false, false, true, false},
		{"home page", func(t *testing.T, dir string) {
			edit(t, dir, "content/_index.md", appendText("\nWelcome.\n"))
		}, "", false, false, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyArchive(t)
			before, _ := loadDir(t, dir, nil)
			c.edit(t, dir)
			after, _ := loadDir(t, dir, nil)
			checkFingerprintForm(t, before)
			checkFingerprintForm(t, after)
			if got := before.Fingerprint != after.Fingerprint; got != c.site {
				t.Errorf("site fingerprint changed = %v, want %v", got, c.site)
			}
			was, now := editionsByID(before), editionsByID(after)
			if len(was) != 4 || len(now) != 4 {
				t.Fatalf("want 4 editions before and after, have %d and %d", len(was), len(now))
			}
			for id, a := range was {
				b := now[id]
				want, data := false, false
				if id == c.edition {
					want, data = c.want, c.data
				}
				if got := a.Fingerprint != b.Fingerprint; got != want {
					t.Errorf("edition %s: Fingerprint changed = %v, want %v", id, got, want)
				}
				if got := a.DataFingerprint != b.DataFingerprint; got != data {
					t.Errorf("edition %s: DataFingerprint changed = %v, want %v", id, got, data)
				}
				if got, want := a.FrontFingerprint != b.FrontFingerprint, data && !c.figures; got != want {
					t.Errorf("edition %s: FrontFingerprint changed = %v, want %v", id, got, want)
				}
			}
		})
	}
}

func checkFingerprintForm(t *testing.T, site *model.Site) {
	t.Helper()
	if !fingerprintPattern.MatchString(site.Fingerprint) {
		t.Errorf("site fingerprint %q is not a hex SHA-256", site.Fingerprint)
	}
	for _, e := range site.Editions {
		if !fingerprintPattern.MatchString(e.Fingerprint) || !fingerprintPattern.MatchString(e.DataFingerprint) {
			t.Errorf("edition %s: fingerprints %q and %q are not hex SHA-256s", e.ID, e.Fingerprint, e.DataFingerprint)
		}
		if e.Fingerprint == e.DataFingerprint {
			t.Errorf("edition %s: Fingerprint and DataFingerprint are the same, but its Markdown has a body", e.ID)
		}
	}
}

// TestCachedLoadEqualsUncached edits a copy of the archive step by step and
// loads it after each edit twice: through one cache kept from step to step,
// and without. Both must give the same site and the same diagnostics in the
// same order, and the cached load must keep exactly the editions whose files
// (and the site's own files) did not change.
func TestCachedLoadEqualsUncached(t *testing.T) {
	dir, stash := copyArchive(t), t.TempDir()
	const badStatus = "content/editions/2019-11/priority-1.md"
	copyEdition := func(t *testing.T, from, to string) {
		t.Helper()
		copyTree(t, filepath.Join(archiveSite, "content/editions", from), filepath.Join(dir, "content/editions", to), nil)
		copyTree(t, filepath.Join(archiveSite, "data/editions", from), filepath.Join(dir, "data/editions", to), nil)
	}
	steps := []struct {
		name string
		edit func(t *testing.T)
		// noDrafts loads without drafts: the cache does not depend on it.
		noDrafts bool
		// reloaded lists the editions the cached load must load afresh; it
		// must keep every other edition it has seen, the same pointer. all
		// means every edition is loaded afresh.
		reloaded []string
		all      bool
		// errorIn is the file an error must be reported in; "" means no error.
		errorIn string
		// editions is how many editions the site has.
		editions int
	}{
		{name: "first load", all: true, editions: 4},
		{name: "nothing changed", editions: 4},
		{name: "narrative body", edit: func(t *testing.T) {
			edit(t, dir, "content/editions/2019-08/priority-1.md", appendText("\nOne more sentence.\n"))
		}, reloaded: []string{"2019-08"}, editions: 4},
		{name: "front matter", edit: func(t *testing.T) {
			edit(t, dir, "content/editions/2019-08/priority-2.md", replace(t, `status = "OFF TRACK"`, `status = "SLIGHT SLIPPAGE"`))
		}, reloaded: []string{"2019-08"}, editions: 4},
		{name: "figures", edit: func(t *testing.T) {
			edit(t, dir, "data/editions/2019-05/kpis.toml", replace(t, `"2019-03" = 32.4`, `"2019-03" = 32.5`))
		}, reloaded: []string{"2019-05"}, editions: 4},
		{name: "an error", edit: func(t *testing.T) {
			edit(t, dir, badStatus, replace(t, `status = "COMPLETE"`, `status = "COMPLETED"`))
		}, reloaded: []string{"2019-11"}, errorIn: badStatus, editions: 4},
		{name: "the error kept", errorIn: badStatus, editions: 4},
		{name: "the error fixed", edit: func(t *testing.T) {
			edit(t, dir, badStatus, replace(t, `status = "COMPLETED"`, `status = "COMPLETE"`))
		}, reloaded: []string{"2019-11"}, editions: 4},
		{name: "data/kpis.toml", edit: func(t *testing.T) {
			edit(t, dir, "data/kpis.toml", replace(t, `short_title = "ICPC within 15 working days"`, `short_title = "ICPCs within 15 days"`))
		}, all: true, editions: 4},
		{name: "planpress.toml broken", edit: func(t *testing.T) {
			edit(t, dir, "planpress.toml", replace(t, `language = "en-GB"`, `language = "en-GB`))
		}, all: true, errorIn: load.SiteFile, editions: 4},
		{name: "planpress.toml fixed", edit: func(t *testing.T) {
			edit(t, dir, "planpress.toml", replace(t, `language = "en-GB`, `language = "en-GB"`))
		}, all: true, editions: 4},
		{name: "without drafts", noDrafts: true, editions: 3},
		{name: "with drafts again", editions: 4},
		{name: "edition deleted", edit: func(t *testing.T) {
			move(t, filepath.Join(dir, "content/editions/2019-05"), filepath.Join(stash, "content"))
			move(t, filepath.Join(dir, "data/editions/2019-05"), filepath.Join(stash, "data"))
		}, editions: 3},
		{name: "edition added", edit: func(t *testing.T) {
			copyEdition(t, "2019-11", "2020-05")
		}, reloaded: []string{"2020-05"}, editions: 4},
		// The same files as when it was deleted: the cache must have
		// forgotten it, rather than keep it for a folder that is gone.
		{name: "deleted edition back", edit: func(t *testing.T) {
			move(t, filepath.Join(stash, "content"), filepath.Join(dir, "content/editions/2019-05"))
			move(t, filepath.Join(stash, "data"), filepath.Join(dir, "data/editions/2019-05"))
		}, reloaded: []string{"2019-05"}, editions: 5},
	}
	cache := &load.Cache{}
	seen := map[string]*model.Edition{}
	for _, s := range steps {
		if s.edit != nil {
			s.edit(t)
		}
		opts := load.Options{Drafts: !s.noDrafts, Future: true}
		fresh, freshDiags := loadDirOpts(t, dir, opts)
		opts.Cache = cache
		cached, cachedDiags := loadDirOpts(t, dir, opts)

		if got, want := lines(cachedDiags), lines(freshDiags); got != want {
			t.Fatalf("%s: the cached load reports\n%s\nthe uncached load\n%s", s.name, got, want)
		}
		if !reflect.DeepEqual(cachedDiags, freshDiags) {
			t.Fatalf("%s: the cached load reports the same problems as the uncached load, but in another order", s.name)
		}
		var errs []string
		for _, d := range freshDiags.Items() {
			if d.Severity == diag.Error {
				errs = append(errs, d.String())
			}
		}
		switch {
		case s.errorIn == "" && len(errs) > 0:
			t.Fatalf("%s: want no error, have\n%s", s.name, strings.Join(errs, "\n"))
		case s.errorIn != "" && (len(errs) == 0 || !strings.HasPrefix(errs[0], s.errorIn+":")):
			t.Fatalf("%s: want an error in %s, have %q", s.name, s.errorIn, errs)
		}

		if len(cached.Editions) != s.editions {
			t.Fatalf("%s: want %d editions, have %d", s.name, s.editions, len(cached.Editions))
		}
		for i, e := range cached.Editions {
			if !reflect.DeepEqual(e, fresh.Editions[i]) {
				t.Fatalf("%s: edition %s of the cached load differs from the uncached load's", s.name, e.ID)
			}
		}
		if !reflect.DeepEqual(cached, fresh) {
			t.Fatalf("%s: the cached load's site differs from the uncached load's", s.name)
		}
		checkKPIPointers(t, s.name, cached)

		reloaded := map[string]bool{}
		for _, id := range s.reloaded {
			reloaded[id] = true
		}
		for _, e := range cached.Editions {
			prev, ok := seen[e.ID]
			if !ok {
				if !s.all && !reloaded[e.ID] {
					t.Errorf("%s: edition %s is new to the test; list it as reloaded", s.name, e.ID)
				}
			} else if kept, want := prev == e, !s.all && !reloaded[e.ID]; kept != want {
				t.Errorf("%s: edition %s kept from the previous load = %v, want %v", s.name, e.ID, kept, want)
			}
			seen[e.ID] = e
		}
	}
}

// checkKPIPointers checks that each series points to the site's own KPI, not
// to a KPI of an earlier load that a cached edition kept.
func checkKPIPointers(t *testing.T, step string, site *model.Site) {
	t.Helper()
	for _, e := range site.Editions {
		for id, s := range e.Series {
			if s.KPI != site.KPI(id) {
				t.Fatalf("%s: edition %s: the series of %s points to another KPI than the site's", step, e.ID, id)
			}
		}
	}
}

// TestCacheKeepsSiteAndEditions checks that a load with nothing changed
// keeps every result of the previous one, and that a change to the site's
// own files keeps none.
func TestCacheKeepsSiteAndEditions(t *testing.T) {
	dir := copyArchive(t)
	cache := &load.Cache{}
	first, _ := loadDir(t, dir, cache)
	second, _ := loadDir(t, dir, cache)
	if first == second {
		t.Fatal("two loads returned the same *model.Site; each load must return its own")
	}
	for i, e := range second.Editions {
		if e != first.Editions[i] {
			t.Errorf("edition %s was loaded again though no file changed", e.ID)
		}
	}
	for _, k := range second.KPIs {
		if first.KPI(k.ID) != k {
			t.Errorf("KPI %s was loaded again though no file changed", k.ID)
		}
	}

	edit(t, dir, "data/glossary.toml", appendText("\n[[term]]\nabbr = \"XYZ\"\nmeaning = \"Example\"\n"))
	third, _ := loadDir(t, dir, cache)
	for i, e := range third.Editions {
		if e == second.Editions[i] {
			t.Errorf("edition %s was kept though the site's files changed", e.ID)
		}
	}
	for _, k := range third.KPIs {
		if second.KPI(k.ID) == k {
			t.Errorf("KPI %s was kept though the site's files changed", k.ID)
		}
	}
}
