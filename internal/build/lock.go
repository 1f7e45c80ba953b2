package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// lock keeps two builds from writing one output folder at once (a council's
// scheduled build and a person's, say), which could interleave their
// updates. It is a file beside the folder holding the process id of the
// build that holds it; a lock whose process has gone is taken over.
type lock struct{ path string }

func lockPath(dest string) string {
	dest = filepath.Clean(dest)
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".lock")
}

func acquireLock(dest string) (*lock, error) {
	p := lockPath(dest)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", filepath.Dir(p), err)
	}
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(p)
				return nil, err
			}
			return &lock{p}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("cannot lock the output folder: %w", err)
		}
		b, _ := os.ReadFile(p)
		pid, perr := strconv.Atoi(strings.TrimSpace(string(b)))
		if perr == nil && pid > 0 && processAlive(pid) {
			return nil, fmt.Errorf("another planpress build (process %d) is writing %s; wait for it to finish, or delete %s if no build is running", pid, dest, p)
		}
		// Left by a build that has gone: take it over.
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("cannot remove the stale lock %s: %w", p, err)
		}
	}
	return nil, fmt.Errorf("cannot lock the output folder %s: delete %s if no build is running", dest, p)
}

func (l *lock) release() { os.Remove(l.path) }
