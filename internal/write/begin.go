package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Begin prepares a new build of the site for dest: it checks that dest may
// be replaced, creates the staging folder beside it and removes what
// stopped builds left there. Nothing is written before the checks pass.
//
// When dest is a symbolic link, the folder it leads to is replaced and the
// link is kept.
func Begin(dest string, guard Guard) (*Staging, error) {
	if dest == "" {
		return nil, errors.New("no output folder was given; name one with -dest")
	}
	resolved, err := realPath(dest)
	if err != nil {
		return nil, fmt.Errorf("cannot find the output folder %s: %w", dest, err)
	}
	parent := filepath.Dir(resolved)
	if parent == resolved {
		return nil, fmt.Errorf("the output folder %s is the root of a file system, which a build cannot replace; choose a folder below it with -dest", resolved)
	}
	if err := guard.check(dest, resolved); err != nil {
		return nil, err
	}
	info, err := checkReplaceable(resolved)
	if err != nil {
		return nil, err
	}
	mode := fs.FileMode(0o755)
	if info != nil {
		mode = info.Mode().Perm()
		if err := checkSameFileSystem(resolved, info); err != nil {
			return nil, err
		}
	} else if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s, the folder to hold the output: %w", parent, err)
	}
	s, err := newStaging(resolved, mode)
	if err != nil {
		return nil, err
	}
	if err := s.clearLeftovers(); err != nil {
		s.Abort()
		return nil, err
	}
	return s, nil
}

// checkSameFileSystem refuses an output folder mounted from another file
// system than its parent, which cannot be swapped with a folder beside it.
func checkSameFileSystem(dest string, info fs.FileInfo) error {
	parent, err := os.Stat(filepath.Dir(dest))
	if err != nil {
		return fmt.Errorf("cannot read %s, the folder that holds the output: %w", filepath.Dir(dest), err)
	}
	if !sameFileSystem(info, parent) {
		return fmt.Errorf("the output folder %s is a mount point, and a build replaces its output folder whole by renaming a folder beside it; choose a folder inside it with -dest", dest)
	}
	return nil
}

// newStaging creates and locks the staging folder beside dest, with the
// permissions dest has now, since it becomes dest.
func newStaging(dest string, mode fs.FileMode) (*Staging, error) {
	parent := filepath.Dir(dest)
	dir, err := os.MkdirTemp(parent, stagingPattern(filepath.Base(dest)))
	if err != nil {
		return nil, fmt.Errorf("cannot create a staging folder beside %s: %w; check that %s is writable", dest, err, parent)
	}
	lock, err := lockStaging(dir)
	if err == nil && !lock.holds(dir) {
		lock.unlock()
		err = errBusy
	}
	if errors.Is(err, errBusy) || errors.Is(err, fs.ErrNotExist) {
		// Another build's cleanup took the folder for a leftover in the
		// instant before it was locked: that build is live.
		return nil, errAnotherBuild(dest)
	}
	if err != nil {
		os.Remove(dir)
		return nil, fmt.Errorf("cannot lock the staging folder %s: %w", dir, err)
	}
	s := &Staging{dest: dest, dir: dir, lock: lock, files: map[string]*stagedFile{}, dirs: map[string]*stagedDir{}}
	if err := os.Chmod(dir, mode); err != nil {
		s.Abort()
		return nil, fmt.Errorf("cannot set the permissions of the staging folder %s: %w", dir, err)
	}
	return s, nil
}
