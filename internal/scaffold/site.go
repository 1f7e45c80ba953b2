package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/planpress/planpress/internal/load"
)

// starter is the site `planpress new site` writes: an invented council's
// plan with one edition, one priority, two milestones and two KPIs, that
// builds and checks clean as it is. "all:" keeps the files whose names
// start with _ or . (_index.md, .gitignore), which embed leaves out
// otherwise.
//
//go:embed all:starter
var starter embed.FS

// starterRoot is the folder of starter that holds the site.
const starterRoot = "starter"

// ErrNotEmpty is returned when the folder for a new site already has files.
var ErrNotEmpty = errors.New("the folder is not empty")

// SiteResult says what Site made.
type SiteResult struct {
	// Files are the files written, as slash paths relative to the site
	// folder, sorted.
	Files []string
}

// StarterFiles returns the starter site's files by slash path relative to
// the site folder.
func StarterFiles() (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(starter, starterRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(starter, p)
		if err != nil {
			return err
		}
		files[strings.TrimPrefix(p, starterRoot+"/")] = b
		return nil
	})
	return files, err
}

// Site writes the starter site into dir, making dir if it does not exist.
// It refuses a dir that holds anything, so that it never overwrites or mixes
// with a site, and leaves nothing behind (not even dir, if it made it) when
// any file cannot be written or what it wrote does not load.
func Site(dir string) (*SiteResult, error) {
	files, err := StarterFiles()
	if err != nil {
		return nil, err
	}
	made, err := makeEmptyDir(dir)
	if err != nil {
		return nil, err
	}
	undoDir := func() {
		if made != "" {
			_ = os.RemoveAll(made)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		undoDir()
		return nil, fmt.Errorf("cannot open %s: %w", dir, err)
	}
	defer root.Close()
	written, err := writeNew(root, files)
	if err == nil {
		_, diags := load.Site(root.FS(), load.Options{})
		if diags.HasErrors() {
			err = fmt.Errorf("the new site did not load, so nothing was kept (please report this as a planpress bug); the first problem: %s", firstError(diags))
		}
	}
	if err != nil {
		removeWritten(root, written)
		undoDir()
		return nil, err
	}
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	return &SiteResult{Files: names}, nil
}

// makeEmptyDir makes sure dir is an empty folder. It returns the outermost
// folder it had to make (dir or one of its parents), for removal should the
// site not be made, or "" when dir was there already.
func makeEmptyDir(dir string) (made string, err error) {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		var names []string
		for i, e := range entries {
			if i == 3 {
				names = append(names, "...")
				break
			}
			names = append(names, e.Name())
		}
		return "", fmt.Errorf("%s: %w (it holds %s); name a new folder, or an empty one", dir, ErrNotEmpty, strings.Join(names, ", "))
	case err == nil:
		return "", nil
	case !errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("cannot use %s for a new site: %w", dir, err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	made = abs
	for p := filepath.Dir(abs); ; p = filepath.Dir(p) {
		if _, err := os.Stat(p); err == nil || p == filepath.Dir(p) {
			break
		}
		made = p
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", fmt.Errorf("cannot make %s: %w", dir, err)
	}
	return made, nil
}

// writeNew writes every file, in order, making the folders they need; a
// file that is already there is an error, never overwritten. It returns
// what it made, files and folders in the order made, with the error of the
// first that failed.
func writeNew(root *os.Root, files map[string][]byte) ([]string, error) {
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	var made []string
	dirs := map[string]bool{".": true}
	for _, p := range names {
		var missing []string
		for d := path.Dir(p); !dirs[d]; d = path.Dir(d) {
			missing = append(missing, d)
			dirs[d] = true
		}
		for i := len(missing) - 1; i >= 0; i-- {
			if err := root.Mkdir(filepath.FromSlash(missing[i]), 0o755); err != nil {
				return made, fmt.Errorf("cannot make %s: %w", missing[i], err)
			}
			made = append(made, missing[i])
		}
		f, err := root.OpenFile(filepath.FromSlash(p), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return made, fmt.Errorf("cannot write %s: %w", p, err)
		}
		made = append(made, p)
		_, err = f.Write(files[p])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return made, fmt.Errorf("cannot write %s: %w", p, err)
		}
	}
	return made, nil
}

// removeWritten removes what writeNew made, the last made first, so that a
// folder is empty when its turn comes; anything else found there is kept.
func removeWritten(root *os.Root, made []string) {
	for i := len(made) - 1; i >= 0; i-- {
		_ = root.Remove(filepath.FromSlash(made[i]))
	}
}
