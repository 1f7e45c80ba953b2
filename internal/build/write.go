package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// marker is the file that says a folder was written by planpress, so that a
// later build may replace it whole.
const marker = ".planpress-build"

// dirSink writes a build into a temporary folder beside the destination;
// commit swaps it in, discard removes it. Until commit, the destination is
// never touched.
type dirSink struct {
	dest  string
	tmp   string
	mu    sync.Mutex
	dirs  map[string]bool
	pages int
	files int
	bytes int64
	done  bool
	// update is set when the previous build left a cache: tmp then holds
	// only the files rendered again (staged), and commit applies them.
	update        bool
	staged        []string
	wroteEditions bool // the saved editions are new (see saveCache)
}

func newDirSink(dest string) (*dirSink, error) {
	dest = filepath.Clean(dest)
	if err := checkDest(dest); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary folder beside %s: %w", dest, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &dirSink{dest: dest, tmp: tmp, dirs: map[string]bool{}}, nil
}

// checkDest refuses to replace a folder that planpress did not write.
func checkDest(dest string) error {
	entries, err := os.ReadDir(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read the output folder %s: %w", dest, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, marker)); err == nil {
		return nil
	}
	return fmt.Errorf("the output folder %s holds files planpress did not write, so it will not replace them; choose another folder with -dest, or empty this one", dest)
}

// WriteFile implements render.Sink.
func (d *dirSink) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || strings.Contains(name, "\\") {
		return fmt.Errorf("refusing to write outside the output folder: %q", name)
	}
	d.count(name, int64(len(data)))
	if d.update {
		// The site's own files (the scripts, the search index, the feed)
		// are rendered on every build; most are as they were.
		if sameBytes(filepath.Join(d.dest, filepath.FromSlash(name)), data) {
			return nil
		}
		d.mu.Lock()
		d.staged = append(d.staged, name)
		d.mu.Unlock()
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	return os.WriteFile(full, data, 0o644)
}

// mkdir makes a folder of the new output, once.
func (d *dirSink) mkdir(dir string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.dirs[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		d.dirs[dir] = true
	}
	return nil
}

// count adds a file to the build's totals.
func (d *dirSink) count(name string, size int64) {
	d.mu.Lock()
	d.files++
	if strings.HasSuffix(name, ".html") {
		d.pages++
	}
	d.bytes += size
	d.mu.Unlock()
}

const markerText = "This folder is written by planpress build: each build makes it exactly the site, removing any other file.\n"

// commit makes the destination the new build: an update is applied file by
// file; a whole build swaps the new folder in for the old one. written lists
// every file of the build.
func (d *dirSink) commit(written []string) error {
	if d.update {
		return d.apply(written)
	}
	if err := os.WriteFile(filepath.Join(d.tmp, marker), []byte(markerText), 0o644); err != nil {
		return err
	}
	old := ""
	if _, err := os.Stat(d.dest); err == nil {
		old = d.tmp + ".old"
		if err := os.Rename(d.dest, old); err != nil {
			return fmt.Errorf("cannot move the previous output aside: %w", err)
		}
	}
	if err := os.Rename(d.tmp, d.dest); err != nil {
		if old != "" {
			_ = os.Rename(old, d.dest)
		}
		return fmt.Errorf("cannot move the new output into place: %w", err)
	}
	d.done = true
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// discard removes the temporary folder unless it was committed.
func (d *dirSink) discard() {
	if !d.done {
		_ = os.RemoveAll(d.tmp)
	}
}
