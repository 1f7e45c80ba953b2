package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExplore(t *testing.T) {
	b := browser(t)
	foreign := serve(t, t.TempDir())
	dir := copySite(t, filepath.Join("testdata", "faulty"), map[string]string{"{{FOREIGN}}": foreign.URL})
	srv := serve(t, dir)
	clean := serve(t, filepath.Join("testdata", "clean"))
	ents, _ := os.ReadDir(dir)
	urls := []string{clean.URL, clean.URL + "about/", clean.URL + "nope"}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".html") {
			urls = append(urls, srv.URL+e.Name())
		}
	}
	for _, u := range urls {
		rep, err := b.CheckPage(context.Background(), u)
		if err != nil {
			t.Error(err)
			continue
		}
		t.Logf("%s status=%d title=%q dur=%v passes=%d reflow=%+v reqs=%v", u, rep.Status, rep.Title, rep.Duration, rep.AxePasses, rep.Reflow, rep.Requests)
		for _, p := range rep.Problems() {
			t.Logf("   %s", p)
		}
		k, err := b.CheckKeyboard(context.Background(), u)
		if err != nil {
			t.Error(err)
			continue
		}
		t.Logf("  keyboard tabbable=%d stops=%d", k.Tabbable, len(k.Stops))
		for _, s := range k.Stops {
			t.Logf("     %+v", s)
		}
		for _, p := range k.Problems() {
			t.Logf("   K %s", p)
		}
	}
	t.Logf("foreign hits: %v", foreign.Hits())
}
