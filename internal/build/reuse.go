package build

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/render"
)

// A build keeps, in the output folder, what the next build needs to reuse it:
// for each part of the site (an edition, a KPI's page across editions, ...) a
// hash of everything the part read, the files it wrote and the problems it
// found. The next build renders only the parts whose hash changed, into a
// temporary folder, and applies them to the output file by file (apply);
// the files of the other parts stay as they are. Every part reads its inputs through the loader's
// fingerprints, so a reused part is byte for byte what rendering it again
// would give (tested against fresh builds in reuse_test.go).

// cacheFile holds the saved render.Cache. Like the marker, it need not be
// uploaded with the site.
const cacheFile = ".planpress-cache"

// editionsFile holds the saved load.Cache: every edition as loaded, so that
// the next build parses only the editions whose files changed.
const editionsFile = ".planpress-editions"

// version names this program's build: a cache is reused only by the program
// that wrote it, since another version may render the same files otherwise.
var version = sync.OnceValue(programVersion)

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
	// A development build (or one with -buildvcs=false): named by the
	// program file's content, so that building the same program again (as
	// make site does) keeps the cache. Reading and summing the 17 MB
	// program takes 5 to 15 ms, once, and only for a command that builds.
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	n, err := io.Copy(h, f)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("devel %d %08x", n, h.Sum32())
}

// previous is what the last build left in the destination for this one.
type previous struct {
	render *render.Cache // nil: none, so the build writes every file
	load   *load.Cache   // nil: none, so every edition is parsed
}

// readPrevious reads the caches the last build left in the destination. Each
// file starts with the version of planpress that wrote it; a file that is
// missing, damaged or written by another version is no cache.
func readPrevious(dest string, fresh bool) previous {
	var p previous
	if fresh || version() == "" {
		return p
	}
	_ = readVersioned(filepath.Join(dest, cacheFile), func(r io.Reader) (err error) {
		p.render, err = render.ReadCache(r)
		return err
	})
	_ = readVersioned(filepath.Join(dest, editionsFile), func(r io.Reader) (err error) {
		p.load, err = load.ReadCache(r)
		return err
	})
	return p
}

// readVersioned opens a cache file, checks the version it starts with and
// hands the rest to read.
func readVersioned(name string, read func(io.Reader) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	line, err := r.ReadString('\n')
	if err != nil || line != version()+"\n" {
		return errors.New("another version")
	}
	return read(r)
}

// writeVersioned writes a cache file into the new output: the version, then
// what write writes.
func (d *dirSink) writeVersioned(name string, write func(io.Writer) error) error {
	f, err := os.Create(filepath.Join(d.tmp, name))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	_, err = w.WriteString(version() + "\n")
	if err == nil {
		err = write(w)
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// useCache makes the build an update when the last build left its render
// cache: the temporary folder then receives only the files of the parts that
// render again, and commit applies them to the destination. Without one the
// build writes every file and swaps the folder in whole.
func (d *dirSink) useCache(prev *render.Cache) *render.Cache {
	if prev == nil {
		return &render.Cache{PathsOnly: true}
	}
	d.update = true
	prev.Earlier = d.present
	return prev
}

// saveCache writes the caches into the new output, for the next build. The
// loaded editions are written only when the load parsed or dropped one: an
// update otherwise leaves the previous file in place.
func (d *dirSink) saveCache(rc *render.Cache, lc *load.Cache) error {
	if version() == "" {
		return nil
	}
	if err := d.writeVersioned(cacheFile, rc.Save); err != nil {
		return err
	}
	if d.update && !lc.Changed() {
		return nil
	}
	d.wroteEditions = true
	return d.writeVersioned(editionsFile, lc.Save)
}

// present checks that the previous output still holds a reused part's
// files, at the sizes they were written, and counts them into the build's
// totals. A file deleted or edited by hand fails it (an edit that keeps the
// size is not seen: -fresh puts everything back), and the part renders
// again.
func (d *dirSink) present(paths []string, sizes []int64) error {
	for i, name := range paths {
		if !fs.ValidPath(name) || strings.Contains(name, "\\") {
			return fmt.Errorf("refusing to read outside the output folder: %q", name)
		}
		fi, err := os.Lstat(filepath.Join(d.dest, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		if !fi.Mode().IsRegular() || fi.Size() != sizes[i] {
			return fmt.Errorf("%s is not the file the last build wrote", name)
		}
	}
	for i, name := range paths {
		d.count(name, sizes[i])
	}
	return nil
}

// move is one rename made while applying an update, undone in reverse order
// if a later step fails.
type move struct{ from, to string }

// apply brings the destination up to date with the build: the files of the
// parts that rendered again replace theirs (a file whose bytes did not
// change is left alone, time and all), files this build did not write are
// removed, and the cache and marker follow. Each file changes by a rename,
// so a reader of the folder never sees half a file. If a step fails, every
// step before it is undone and the destination is as it was.
func (d *dirSink) apply(written []string) (err error) {
	trash := d.tmp + ".old"
	var moves []move
	var made []string // folders created in the destination
	defer func() {
		if err != nil {
			for i := len(moves) - 1; i >= 0; i-- {
				_ = os.Rename(moves[i].to, moves[i].from)
			}
			for i := len(made) - 1; i >= 0; i-- {
				_ = os.Remove(made[i])
			}
		}
		_ = os.RemoveAll(trash)
	}()
	rename := func(from, to string) error {
		if err := mkdirs(filepath.Dir(to), &made); err != nil {
			return err
		}
		if err := os.Rename(from, to); err != nil {
			return err
		}
		moves = append(moves, move{from, to})
		return nil
	}
	// Put a destination file aside, if there is one.
	aside := func(rel string) error {
		dst := filepath.Join(d.dest, rel)
		fi, err := os.Lstat(dst)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if fi.IsDir() {
			return fmt.Errorf("%s is a folder where the site now has a file; build with -fresh", dst)
		}
		return rename(dst, filepath.Join(trash, rel))
	}
	staged := []string{cacheFile}
	if d.wroteEditions {
		staged = append(staged, editionsFile)
	}
	n := len(staged)
	staged = append(staged, d.staged...)
	slices.Sort(staged[n:])
	for _, name := range staged {
		rel := filepath.FromSlash(name)
		src, dst := filepath.Join(d.tmp, rel), filepath.Join(d.dest, rel)
		if sameFile(src, dst) {
			continue
		}
		if err := aside(rel); err != nil {
			return err
		}
		if err := rename(src, dst); err != nil {
			return err
		}
	}
	// Files of the previous build, or put there by hand, that this build
	// did not write.
	keep := make(map[string]bool, len(written)+2)
	for _, p := range written {
		keep[p] = true
	}
	keep[marker], keep[cacheFile], keep[editionsFile] = true, true, true
	var stale, dirs []string
	err = filepath.WalkDir(d.dest, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(d.dest, p)
		if e.IsDir() {
			if rel != "." {
				dirs = append(dirs, p)
			}
			return nil
		}
		if !keep[filepath.ToSlash(rel)] {
			stale = append(stale, rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, rel := range stale {
		if err := aside(rel); err != nil {
			return err
		}
	}
	if _, err := os.Stat(filepath.Join(d.dest, marker)); err != nil {
		if err := os.WriteFile(filepath.Join(d.dest, marker), []byte(markerText), 0o644); err != nil {
			return err
		}
	}
	// Done: folders the removed files leave empty go too, deepest first.
	if len(stale) > 0 {
		for i := len(dirs) - 1; i >= 0; i-- {
			_ = os.Remove(dirs[i]) // fails, as it should, unless empty
		}
	}
	d.done = true
	_ = os.RemoveAll(d.tmp)
	return nil
}

// mkdirs makes a folder and its missing parents, noting each one made.
func mkdirs(dir string, made *[]string) error {
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s is a file where the site now has a folder; build with -fresh", dir)
		}
		return nil
	}
	if err := mkdirs(filepath.Dir(dir), made); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	*made = append(*made, dir)
	return nil
}

// sameFile reports whether two files hold the same bytes.
func sameFile(a, b string) bool {
	x, err := os.ReadFile(a)
	return err == nil && sameBytes(b, x)
}

// sameBytes reports whether a file holds data.
func sameBytes(name string, data []byte) bool {
	fi, err := os.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	b, err := os.ReadFile(name)
	return err == nil && bytes.Equal(b, data)
}
