package build

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/planpress/planpress/internal/render"
)

// A build keeps, in the output folder, what the next build needs to reuse it:
// for each part of the site (an edition, a KPI's page across editions, ...) a
// hash of everything the part read, the files it wrote and the problems it
// found. The next build renders only the parts whose hash changed and links
// the files of the others from the previous output, which it then replaces
// whole as before. Every part reads its inputs through the loader's
// fingerprints, so a reused part is byte for byte what rendering it again
// would give (tested against fresh builds in reuse_test.go).

// cacheFile holds the saved render.Cache. Like the marker, it need not be
// uploaded with the site.
const cacheFile = ".planpress-cache"

// version names this program's build: a cache is reused only by the program
// that wrote it, since another version may render the same files otherwise.
var version = programVersion()

func programVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		rev, modified := "", true
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value != "false"
			}
		}
		if rev != "" && !modified {
			return info.Main.Version + " " + rev
		}
		if v := info.Main.Version; rev == "" && v != "" && v != "(devel)" {
			return v // go install ...@version
		}
	}
	// A development build: named by the program file itself.
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			return fmt.Sprintf("devel %s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return ""
}

// previousCache reads the cache the previous build left in the destination,
// or starts an empty one (fresh, none, unreadable, or an unknown version).
// Its parts' files are linked from the previous output.
func (d *dirSink) previousCache(fresh bool) *render.Cache {
	c := &render.Cache{PathsOnly: true}
	if !fresh && version != "" {
		if f, err := os.Open(filepath.Join(d.dest, cacheFile)); err == nil {
			if prev, err := render.ReadCache(bufio.NewReader(f)); err == nil {
				c = prev
			}
			f.Close()
		}
	}
	c.Earlier = d.reuse
	return c
}

// saveCache writes the cache into the new output, for the next build.
func (d *dirSink) saveCache(c *render.Cache) error {
	if version == "" {
		return nil
	}
	f, err := os.Create(filepath.Join(d.tmp, cacheFile))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := c.Save(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// reuse puts files of the previous output into the new one: a hard link
// where the file system allows, else a copy. If any is missing, it undoes
// what it did and fails, and the part is rendered again.
func (d *dirSink) reuse(paths []string) error {
	var done []string
	var sizes []int64
	undo := func(err error) error {
		for _, p := range done {
			_ = os.Remove(p)
		}
		return err
	}
	for _, name := range paths {
		if !fs.ValidPath(name) || strings.Contains(name, "\\") {
			return undo(fmt.Errorf("refusing to read outside the output folder: %q", name))
		}
		src := filepath.Join(d.dest, filepath.FromSlash(name))
		dst := filepath.Join(d.tmp, filepath.FromSlash(name))
		fi, err := os.Lstat(src)
		if err != nil {
			return undo(err)
		}
		if !fi.Mode().IsRegular() {
			return undo(fmt.Errorf("%s is not a file", src))
		}
		if err := d.mkdir(filepath.Dir(dst)); err != nil {
			return undo(err)
		}
		if err := os.Link(src, dst); err != nil {
			if err := copyFile(src, dst); err != nil {
				return undo(err)
			}
		}
		done = append(done, dst)
		sizes = append(sizes, fi.Size())
	}
	for i, name := range paths {
		d.count(name, sizes[i])
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
