package publish

import (
	"io/fs"
	"path"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// A site's static/ folder is copied into the site as it is: the council's
// logo and favicon, images its narrative shows, the files a host wants
// (CNAME, robots.txt, .well-known/...). A build replaces the output folder
// whole, so this is where such files live.

// replaceable are the files planpress writes that a site's own file of the
// same name in static/ replaces. Any other clash is an error: a static file
// cannot stand in for a page or a data file.
var replaceable = map[string]bool{"robots.txt": true, "favicon.ico": true, "favicon.svg": true, "_headers": true, "web.config": true}

// StaticFiles notes the files of the site's static/ folder before anything
// is written, so that a file planpress would write under the same name is
// left to the site's own (robots.txt, the favicon) or reported as a clash.
func (s *Site) StaticFiles(names []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.static = map[string]bool{}
	for _, n := range names {
		s.static[n] = true
	}
}

// HasStatic reports whether the site's static/ folder has a file of this
// name.
func (s *Site) HasStatic(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.static[name]
}

// CopyStatic copies the files of the site's static/ folder (model.Site's
// Static) from fsys, the site folder, to the same paths in the site.
func (s *Site) CopyStatic(fsys fs.FS, site *model.Site) {
	for _, name := range site.Static {
		b, err := fs.ReadFile(fsys, path.Join("static", name))
		if err != nil {
			s.problem(func(d *diag.List) {
				d.Errorf(path.Join("static", name), 0, "check the file can be read", "cannot read: %v", err)
			})
			continue
		}
		s.write(name, b, true)
	}
}
