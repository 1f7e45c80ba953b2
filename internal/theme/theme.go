// Package theme finds the files of the theme: a layout or asset is the site's
// own file of that name (under layouts/ or assets/ in the site folder) when
// there is one, else the built-in file embedded in planpress. The interface
// words under i18n/ are the exception: a site's own file amends the built-in
// one entry by entry, so both are read (Layers).
package theme

import (
	"io/fs"
	"sort"
	"strings"

	planpress "github.com/planpress/planpress"
)

// Files resolves theme file names against a site folder.
type Files struct {
	Site fs.FS // the site folder; nil uses the built-in theme only
}

// Read returns a theme file's bytes and where they came from: the name
// itself for the site's own file, "built-in NAME" otherwise.
func (t Files) Read(name string) ([]byte, string, error) {
	if t.Site != nil {
		if b, err := fs.ReadFile(t.Site, name); err == nil {
			return b, name, nil
		}
	}
	b, err := fs.ReadFile(planpress.Theme, name)
	return b, "built-in " + name, err
}

// Layers returns a theme file's built-in bytes and the site's own, each nil
// when there is none: for a file that a site's own amends rather than
// replaces, such as i18n/en-GB.toml.
func (t Files) Layers(name string) (builtin, own []byte) {
	builtin, _ = fs.ReadFile(planpress.Theme, name)
	if t.Site != nil {
		own, _ = fs.ReadFile(t.Site, name)
	}
	return builtin, own
}

// Names lists the files of a theme folder, the site's and the built-in ones,
// sorted, leaving out hidden files.
func (t Files) Names(dir string) []string {
	seen := map[string]bool{}
	for _, f := range []fs.FS{planpress.Theme, t.Site} {
		if f == nil {
			continue
		}
		entries, _ := fs.ReadDir(f, dir)
		for _, e := range entries {
			if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				seen[e.Name()] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
