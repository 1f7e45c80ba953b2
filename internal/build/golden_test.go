package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from what planpress renders now (then read the diff)")

// repoRoot is the example site: the repository's own planpress.toml,
// content/ and data/.
const repoRoot = "../.."

// goldenDir holds the example site's pages as they are expected to render.
const goldenDir = "testdata/golden"

// goldenPages are the files compared byte for byte; every priority page of
// the edition is added to them.
var goldenPages = []string{
	"index.html",
	"editions/index.html",
	"editions/2019-05/index.html",
	"editions/2019-05/print/index.html",
	"editions/2019-05/data.json",
	"editions/2019-05/data.csv",
	"404.html",
	"glossary/index.html",
	"accessibility/index.html",
}

// renderExample renders the example site into memory, failing on any error.
func renderExample(t *testing.T) *site {
	t.Helper()
	mem, _, diags := Render(Options{Source: repoRoot})
	if diags.HasErrors() {
		var b strings.Builder
		diags.WriteText(&b)
		t.Fatalf("the example site does not build:\n%s", b.String())
	}
	return &site{Files: mem.Files(), paths: mem.Paths()}
}

// site is a site rendered into memory.
type site struct {
	Files map[string][]byte
	paths []string
}

// Paths lists the site's files, sorted.
func (s *site) Paths() []string { return s.paths }

var priorityPage = regexp.MustCompile(`^editions/2019-05/priority-[0-9]+/index\.html$`)

// chartScripts matches the <script> elements of the chart library and the
// chart code. A page has them only when the ECharts bundle was built into
// planpress (make bundle), so they are left out before comparing; the golden
// files hold each page as a build without the bundle writes it.
// TestChartScripts checks them instead.
var chartScripts = regexp.MustCompile(`(?m)^<script src="[^"]*/assets/(echarts\.[0-9a-f]{10}\.min|charts\.[0-9a-f]{10})\.js" defer></script>\n`)

// assetRef matches the address of a fingerprinted asset. Its fingerprint is
// replaced by FINGERPRINT before comparing, so that a change to the
// stylesheet does not change every golden page; TestAssetReferences checks
// the fingerprints instead.
var assetRef = regexp.MustCompile(`(/assets/[A-Za-z0-9_-]+)\.([0-9a-f]{10})((?:\.min)?\.[a-z]+)\b`)

func normalise(b []byte) []byte {
	b = chartScripts.ReplaceAll(b, nil)
	return assetRef.ReplaceAll(b, []byte("$1.FINGERPRINT$3"))
}

// TestGolden compares the example site's pages and data with testdata/golden.
// go test ./internal/build -run TestGolden -update rewrites them; read the
// diff before committing it.
func TestGolden(t *testing.T) {
	sink := renderExample(t)
	pages := append([]string(nil), goldenPages...)
	priorities := 0
	for _, p := range sink.Paths() {
		if priorityPage.MatchString(p) {
			pages = append(pages, p)
			priorities++
		}
	}
	if priorities != 6 {
		t.Errorf("the example edition has %d priority pages, want 6", priorities)
	}
	if *update {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range pages {
		got, ok := sink.Files[p]
		if !ok {
			t.Errorf("%s was not rendered", p)
			continue
		}
		got = normalise(got)
		file := filepath.Join(goldenDir, filepath.FromSlash(p))
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%v (run with -update to create it, then read it)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", p, file, firstDifference(got, want))
		}
	}
}

// firstDifference shows the first line that differs, with its line number.
func firstDifference(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + gl + "\n  want: " + wl
		}
	}
	return "(same lines, different bytes)"
}

// TestChartScripts checks what the golden comparison leaves out: pages load
// the chart library and the chart code exactly when the bundle was written.
func TestChartScripts(t *testing.T) {
	sink := renderExample(t)
	var bundle, charts string
	for _, p := range sink.Paths() {
		switch {
		case strings.HasPrefix(p, "assets/echarts.") && strings.HasSuffix(p, ".min.js"):
			bundle = "/" + p
		case strings.HasPrefix(p, "assets/charts.") && strings.HasSuffix(p, ".js"):
			charts = "/" + p
		}
	}
	for _, p := range sink.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		page := string(sink.Files[p])
		scripts := chartScripts.FindAllString(page, -1)
		hasCharts := strings.Contains(page, "data-chart=")
		if bundle == "" {
			if len(scripts) > 0 {
				t.Errorf("%s loads the chart library, which this planpress does not have: %q", p, scripts)
			}
			continue
		}
		loads := strings.Contains(page, `<script src="`+bundle+`" defer></script>`) && strings.Contains(page, `<script src="`+charts+`" defer></script>`)
		if hasCharts != loads {
			t.Errorf("%s: has charts %v, loads the chart scripts %v; want both or neither", p, hasCharts, loads)
		}
		if priorityPage.MatchString(p) && strings.Contains(page, `class="kpis"`) && !hasCharts {
			t.Errorf("%s has a KPI table but no chart", p)
		}
	}
}

// TestAssetReferences checks every asset a page refers to: it was written,
// and its name carries the fingerprint of its content.
func TestAssetReferences(t *testing.T) {
	sink := renderExample(t)
	refs := 0
	for _, p := range sink.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range assetRef.FindAllStringSubmatch(string(sink.Files[p]), -1) {
			refs++
			name := strings.TrimPrefix(m[0], "/")
			data, ok := sink.Files[name]
			if !ok {
				t.Errorf("%s refers to %s, which was not written", p, m[0])
				continue
			}
			sum := sha256.Sum256(data)
			if hex.EncodeToString(sum[:5]) != m[2] {
				t.Errorf("%s: the fingerprint of %s is not its content's", p, m[0])
			}
		}
	}
	if refs == 0 {
		t.Fatal("no page refers to a fingerprinted asset (the stylesheet at least)")
	}
}

// siteHash is one hash over every path and its content.
func siteHash(files map[string][]byte) string {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		sum := sha256.Sum256(files[p])
		h.Write([]byte(p + "\x00" + hex.EncodeToString(sum[:]) + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestRenderIsReproducible renders the example site twice, in parallel
// editions and all, and expects the same bytes.
func TestRenderIsReproducible(t *testing.T) {
	a, b := renderExample(t), renderExample(t)
	if ha, hb := siteHash(a.Files), siteHash(b.Files); ha != hb {
		for _, p := range a.Paths() {
			if !bytes.Equal(a.Files[p], b.Files[p]) {
				t.Errorf("%s differs between two renders", p)
			}
		}
		t.Fatalf("two renders of the example site differ: %s and %s", ha, hb)
	}
	if len(a.Files) < 20 {
		t.Fatalf("the example site rendered only %d files", len(a.Files))
	}
	for p := range a.Files {
		if path.Clean(p) != p || strings.HasPrefix(p, "/") {
			t.Errorf("rendered path %q is not a clean relative path", p)
		}
	}
}
