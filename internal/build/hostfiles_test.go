package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/scaffold"
)

// starterSite writes the site `planpress new site` makes, with its
// [publish] table replaced by publish (none when empty).
func starterSite(t *testing.T, publish string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Site(dir); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "planpress.toml")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	settings, _, ok := strings.Cut(string(b), "[publish]\n")
	if !ok {
		t.Fatal("the starter's planpress.toml has no [publish] table")
	}
	if err := os.WriteFile(name, []byte(settings+publish), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestHostFiles: a build writes _headers and web.config unless the site's
// [publish] table says host_files = false, and a misspelt key is an error
// that says what was meant.
func TestHostFiles(t *testing.T) {
	for _, c := range []struct {
		publish string
		want    bool
	}{
		{"", true},
		{"[publish]\nhost_files = true\n", true},
		{"[publish]\nhost_files = false\n", false},
	} {
		files, _, diags := Render(Options{Source: starterSite(t, c.publish)})
		if diags.HasErrors() {
			var b bytes.Buffer
			diags.WriteText(&b)
			t.Fatalf("%q: %s", c.publish, b.String())
		}
		all := files.Files()
		for _, name := range []string{"_headers", "web.config"} {
			if _, got := all[name]; got != c.want {
				t.Errorf("%q: %s written = %v, want %v", c.publish, name, got, c.want)
			}
		}
		if c.want && !bytes.Contains(all["_headers"], []byte("Content-Security-Policy: default-src 'self'")) {
			t.Errorf("%q: _headers does not send the Content-Security-Policy:\n%s", c.publish, all["_headers"])
		}
	}

	for _, c := range []struct{ publish, want string }{
		{"[publish]\nhost_file = false\n", `error: unknown key "host_file" in [publish]; did you mean "host_files"?`},
		{"[publsh]\nhost_files = false\n", `unknown key "publsh" in this file; did you mean "publish"?`},
		{"[publish]\nhost_files = \"no\"\n", `publish.host_files must be true or false`},
	} {
		diags := Check(Options{Source: starterSite(t, c.publish)})
		var b bytes.Buffer
		diags.WriteText(&b)
		if diags.Count(diag.Error) != 1 || !strings.Contains(b.String(), c.want) {
			t.Errorf("%q: want one error saying %s; got:\n%s", c.publish, c.want, b.String())
		}
	}
}
