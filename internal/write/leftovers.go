package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// asideSuffix ends the name of a previous site moved aside by a Commit that
// could not exchange the two folders in one step.
const asideSuffix = ".old"

// stagingPattern is the os.MkdirTemp pattern of a staging folder for the
// output folder named base; MkdirTemp puts decimal digits at the "*".
func stagingPattern(base string) string { return "." + base + ".planpress-staging-*" }

// leftoverName matches, for the output folder named base, what a stopped
// build can leave beside it: this version's staging folders and previous
// sites moved aside, and the temporary folders of older versions (which
// named them ".new-" and digits). The match is exact so that no folder of
// the user's, or of another output, is taken for one.
func leftoverName(base string) *regexp.Regexp {
	b := regexp.QuoteMeta(base)
	return regexp.MustCompile(`^\.` + b + `\.(planpress-staging|new)-[0-9]+(` + regexp.QuoteMeta(asideSuffix) + `)?$`)
}

// legacyLockName is the lock file older versions kept beside the output.
func legacyLockName(base string) string { return "." + base + ".lock" }

// leftover is a folder a stopped build left beside the output, locked so
// that no other build removes it at the same time.
type leftover struct {
	path string
	lock *dirLock
}

// clearLeftovers removes what stopped builds left beside s.dest. It first
// locks every leftover, and removes nothing if one is held by a live
// build; a dead build's lock has gone with its process. When the output
// folder is missing because a build died between the two renames of a
// Commit, it puts the previous site, which that build had moved aside,
// back in place.
func (s *Staging) clearLeftovers() error {
	parent, base := filepath.Dir(s.dest), filepath.Base(s.dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("cannot read %s, the folder that holds the output: %w", parent, err)
	}
	if err := checkLegacyLock(filepath.Join(parent, legacyLockName(base)), s.dest); err != nil {
		return err
	}
	match := leftoverName(base)
	var found []leftover
	defer func() {
		for _, l := range found {
			l.lock.unlock()
		}
	}()
	for _, e := range entries {
		path := filepath.Join(parent, e.Name())
		if !match.MatchString(e.Name()) || path == s.dir {
			continue
		}
		l, err := lockLeftover(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // removed by another build meanwhile
		case errors.Is(err, errBusy):
			return errAnotherBuild(s.dest)
		case err != nil:
			return fmt.Errorf("cannot check %s, left beside the output by an earlier build: %w; remove it by hand if no build is running", path, err)
		}
		found = append(found, leftover{path, l})
	}
	if err := restoreAside(s.dest, found); err != nil {
		return err
	}
	for _, l := range found {
		if l.path == "" {
			continue
		}
		if !lockFollowsFolder {
			l.lock.unlock()
		}
		if err := os.RemoveAll(l.path); err != nil {
			return fmt.Errorf("cannot remove %s, left beside the output by an earlier build: %w; remove it by hand", l.path, err)
		}
	}
	if err := os.Remove(filepath.Join(parent, legacyLockName(base))); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot remove the lock file of an older planpress, %s: %w; remove it by hand", filepath.Join(parent, legacyLockName(base)), err)
	}
	return nil
}

// restoreAside renames the previous site back into place when the output
// folder is missing and exactly one site moved aside is among the found
// leftovers; the found entry is then dropped so it is not removed.
func restoreAside(dest string, found []leftover) error {
	if _, err := os.Lstat(dest); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	aside := -1
	for i, l := range found {
		if strings.HasSuffix(l.path, asideSuffix) {
			if aside >= 0 {
				return nil // which one is the latest cannot be told
			}
			aside = i
		}
	}
	if aside < 0 {
		return nil
	}
	if !lockFollowsFolder {
		found[aside].lock.unlock()
	}
	if err := os.Rename(found[aside].path, dest); err != nil {
		return fmt.Errorf("cannot put the previous site %s back in %s, where a stopped build left nothing: %w; rename it by hand", found[aside].path, dest, err)
	}
	found[aside].path = "" // kept, not to be removed
	return nil
}

// checkLegacyLock fails while an older planpress, which kept a lock file
// holding its process id beside the output, is writing to dest. A lock
// whose process has gone is removed with the other leftovers.
func checkLegacyLock(path, dest string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil // none, or unreadable and so removed later or reported then
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 || pid == os.Getpid() || !processAlive(pid) {
		return nil
	}
	return fmt.Errorf("another planpress build (process %d, of an older version) is writing to %s right now; wait for it to finish, then build again (if no build is running, delete %s)", pid, dest, path)
}

// errAnotherBuild is the error of a build that finds another writing to the
// same output.
func errAnotherBuild(dest string) error {
	return fmt.Errorf("another planpress build is writing to %s right now; wait for it to finish, then build again", dest)
}
