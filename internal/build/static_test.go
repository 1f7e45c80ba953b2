package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStaticFilesAndBrand: the archive's static/ folder is copied into the
// site as it is (its robots.txt replacing the one planpress writes), its logo
// is in every page's header, its header colour is in the stylesheet, and a
// favicon planpress draws in that colour answers /favicon.ico.
func TestStaticFilesAndBrand(t *testing.T) {
	src := copyArchive(t, "")
	files := renderSite(t, Options{Source: src})
	for _, name := range []string{"CNAME", "robots.txt", "images/logo.svg", "images/personal-advisers.svg"} {
		want, err := os.ReadFile(filepath.Join(src, "static", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(files[name], want) {
			t.Errorf("%s is not static/%s as it is:\n%s", name, name, files[name])
		}
	}
	if ico := files["favicon.ico"]; !bytes.HasPrefix(ico, []byte{0, 0, 1, 0, 1, 0}) || !bytes.Contains(ico, []byte("PNG")) {
		t.Errorf("favicon.ico is not an icon holding a PNG: % x", ico[:min(len(ico), 16)])
	}
	if svg := string(files["favicon.svg"]); !strings.Contains(svg, `fill="#4c2c92"`) {
		t.Errorf("the built-in favicon is not in the header's colour:\n%s", svg)
	}
	home := string(files["index.html"])
	for _, want := range []string{
		`<img class="site-header__logo" src="/images/logo.svg" alt="Example Borough Council">`,
		`<link rel="icon" href="/favicon.ico" sizes="32x32">`,
		`<link rel="icon" href="/favicon.svg" type="image/svg&#43;xml">`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
	css := ""
	for name, b := range files {
		if strings.HasPrefix(name, "assets/site.") && strings.HasSuffix(name, ".css") {
			css = string(b)
		}
	}
	if !strings.Contains(css, "--brand:#4c2c92") {
		t.Error("the stylesheet does not set the header colour of [brand]")
	}
	// The narrative's image is linked where the file is.
	if !strings.Contains(string(files["editions/2019-11/priority-3/index.html"]), `src="/images/personal-advisers.svg"`) {
		t.Error("the infographic is not in the November 2019 narrative")
	}
}

// TestSiteOwnFavicon: a site's own favicon.ico in static/ is the one
// published, and the pages link to it rather than to planpress's.
func TestSiteOwnFavicon(t *testing.T) {
	src := copyArchive(t, "")
	own := []byte("not really an icon, but the site's own")
	if err := os.WriteFile(filepath.Join(src, "static", "favicon.ico"), own, 0o644); err != nil {
		t.Fatal(err)
	}
	files := renderSite(t, Options{Source: src})
	if !bytes.Equal(files["favicon.ico"], own) {
		t.Error("the site's own favicon.ico was not published as it is")
	}
	if _, ok := files["favicon.svg"]; ok {
		t.Error("planpress's favicon.svg was written beside the site's own icon")
	}
	home := string(files["index.html"])
	if !strings.Contains(home, `<link rel="icon" href="/favicon.ico" sizes="32x32">`) || strings.Contains(home, "favicon.svg") {
		t.Errorf("the pages do not link to the site's own icon alone")
	}
}
