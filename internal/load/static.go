package load

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/planpress/planpress/internal/diag"
)

// StaticDir is the folder of files a build copies into the site as they are:
// a logo, a favicon, images the narrative shows, the files a host needs
// (CNAME, robots.txt).
const StaticDir = "static"

// junk are files an operating system or editor leaves beside a site's own,
// which are never published.
var junk = map[string]bool{".DS_Store": true, "Thumbs.db": true, "desktop.ini": true}

// listStatic lists the files of the site's static/ folder, as slash paths
// below it, sorted; none when there is no such folder.
func listStatic(fsys fs.FS, diags *diag.List) []string {
	var out []string
	err := fs.WalkDir(fsys, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() || junk[name] || strings.HasSuffix(name, "~") || (strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".swp")) {
			return nil
		}
		out = append(out, strings.TrimPrefix(p, StaticDir+"/"))
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(StaticDir, 0, "check that the folder and its files can be read", "cannot read the static folder: %v", err)
	}
	sort.Strings(out)
	return out
}

// staticPath cleans a path a setting gives for a file of static/: "/images/logo.svg",
// "static/images/logo.svg" and "images/logo.svg" all name static/images/logo.svg.
func staticPath(p string) string {
	p = strings.TrimPrefix(path.Clean("/"+strings.TrimSpace(p)), "/")
	return strings.TrimPrefix(p, StaticDir+"/")
}
