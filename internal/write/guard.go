package write

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
)

// Guard says which folders the output must stay out of: replacing the
// output folder whole would delete a site folder it contains, and an output
// inside a source folder would be read back by the next build. The zero
// Guard allows any output folder.
type Guard struct {
	// Site is the site's folder.
	Site string
	// Sources are the names of the source folders below Site: "content",
	// "data", "layouts", "assets", "static".
	Sources []string
}

// check refuses an output folder that would destroy or feed back into the
// site. dest is absolute and resolved by realPath; given is what the user
// typed, so that the error shows it too.
func (g Guard) check(given, dest string) error {
	if g.Site == "" {
		return nil
	}
	site, err := realPath(g.Site)
	if err != nil {
		return fmt.Errorf("cannot find the site folder %s: %w", g.Site, err)
	}
	out := show(given, dest)
	switch {
	case samePath(dest, site):
		return fmt.Errorf("the output folder %s is the site folder %s itself, and a build replaces its output folder whole; choose another folder with -dest, such as %s", out, show(g.Site, site), filepath.Join(site, "public"))
	case within(site, dest):
		return fmt.Errorf("the output folder %s contains the site folder %s, and a build replaces its output folder whole; choose another folder with -dest, outside the site or inside it", out, show(g.Site, site))
	}
	for _, name := range g.Sources {
		src, err := realPath(filepath.Join(site, name))
		if err != nil {
			return fmt.Errorf("cannot find the site's %s folder: %w", name, err)
		}
		if within(dest, src) {
			return fmt.Errorf("the output folder %s lies inside the site's %s folder %s, so the next build would read its own output; choose another folder with -dest, outside %s", out, name, src, src)
		}
		if within(src, dest) {
			// A source folder linked from elsewhere can lie in the output.
			return fmt.Errorf("the output folder %s contains the site's %s folder %s, and a build replaces its output folder whole; choose another folder with -dest", out, name, src)
		}
	}
	return nil
}

// realPath makes path absolute and clean, with every symbolic link resolved
// in the part of it that exists, so that two spellings of one folder
// compare equal even when the last parts are yet to be made.
func realPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	var missing []string
	for p := abs; ; {
		resolved, err := filepath.EvalSymlinks(p)
		if err == nil {
			for i := len(missing) - 1; i >= 0; i-- {
				resolved = filepath.Join(resolved, missing[i])
			}
			return resolved, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(p)
		if parent == p {
			return abs, nil
		}
		missing = append(missing, filepath.Base(p))
		p = parent
	}
}

// within reports whether path is dir or lies below it.
func within(path, dir string) bool {
	path, dir = foldCase(path), foldCase(dir)
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return false
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
}

// samePath reports whether two resolved paths name one folder.
func samePath(a, b string) bool { return foldCase(a) == foldCase(b) }

// foldCase lowers a path where file systems usually ignore case (Windows,
// macOS), so that the guard errs on the side of refusing.
func foldCase(path string) string {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return strings.ToLower(path)
	}
	return path
}

// show names a path as the user gave it, adding where it leads when that
// differs, so that a refusal through a symbolic link is understood.
func show(given, resolved string) string {
	abs, err := filepath.Abs(given)
	if err == nil && abs == resolved {
		return resolved
	}
	return fmt.Sprintf("%s (which is %s)", given, resolved)
}
