package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planpress/planpress/internal/diag"
)

// windowsCopy copies a site's own files (planpress.toml and the folders a
// build reads) with its Markdown and TOML as a Windows editor or a git
// checkout with core.autocrlf would leave them: every line ending CRLF, and
// each file led by the byte order mark that Notepad and PowerShell once
// wrote.
func windowsCopy(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	for _, top := range []string{"planpress.toml", "content", "data", "i18n", "static"} {
		err := filepath.WalkDir(filepath.Join(src, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if ext := filepath.Ext(p); ext == ".md" || ext == ".toml" {
				b = append([]byte("\ufeff"), bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))...)
			}
			rel, _ := filepath.Rel(src, p)
			out := filepath.Join(dst, rel)
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			return os.WriteFile(out, b, 0o644)
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	return dst
}

// TestWindowsLineEndings: a site whose files have CRLF line endings and a
// byte order mark (front matter, TOML, Markdown, interface words) builds
// into exactly the files of the same site written on Linux, with the same
// problems reported.
func TestWindowsLineEndings(t *testing.T) {
	for site, src := range map[string]string{"example": repoRoot, "archive": filepath.Join(repoRoot, "examples", "archive")} {
		t.Run(site, func(t *testing.T) {
			opts := Options{Drafts: true, Future: true}
			opts.Source = src
			want, _, wantDiags := Render(opts)
			opts.Source = windowsCopy(t, src)
			got, _, gotDiags := Render(opts)
			if gotDiags.HasErrors() {
				var b bytes.Buffer
				gotDiags.WriteText(&b)
				t.Fatalf("the site with CRLF line endings has errors:\n%s", b.String())
			}
			if g, w := gotDiags.Count(diag.Warning), wantDiags.Count(diag.Warning); g != w {
				t.Errorf("%d warning(s) with CRLF line endings, %d without", g, w)
			}
			wantFiles, gotFiles := want.Files(), got.Files()
			if len(wantFiles) < 20 {
				t.Fatalf("the site built into %d file(s) only", len(wantFiles))
			}
			for name, data := range wantFiles {
				g, ok := gotFiles[name]
				switch {
				case !ok:
					t.Errorf("%s is missing from the build with CRLF line endings", name)
				case !bytes.Equal(g, data):
					t.Errorf("%s differs with CRLF line endings (it holds a carriage return: %v)", name, bytes.Contains(g, []byte("\r")))
				}
			}
			for name := range gotFiles {
				if _, ok := wantFiles[name]; !ok && !strings.HasPrefix(name, ".") {
					t.Errorf("the build with CRLF line endings wrote %s as well", name)
				}
			}
		})
	}
}
