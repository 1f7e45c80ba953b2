package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// errNoExchange says the system or file system cannot exchange two folders
// in one step, so Commit falls back to two renames.
var errNoExchange = errors.New("exchanging two folders is not supported here")

// exchange swaps the folders at a and b in one step, or returns
// errNoExchange. Tests replace it to take the fallback.
var exchange = exchangeDirs

// testHook is called at the points of Commit where a kill matters most
// ("swapped", "aside"), so that tests can stop a build exactly there.
var testHook = func(point string) {}

// swapIn puts the staging folder in place of the output folder and removes
// the previous site. It lets go of the staging folder's lock once that is
// the output; after an error, Abort does.
func (s *Staging) swapIn() error {
	if !lockFollowsFolder {
		s.lock.unlock()
	}
	if _, err := os.Lstat(s.dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(s.dir, s.dest); err != nil {
			return fmt.Errorf("cannot move the new site into %s: %w", s.dest, err)
		}
		s.lock.unlock()
		return nil
	} else if err != nil {
		return fmt.Errorf("cannot read the output folder %s: %w", s.dest, err)
	}

	// The previous site is locked too, so that no other build's cleanup
	// removes it at the same time as this one once it is beside the
	// output. If it cannot be locked, the worst case is two removals.
	if lockFollowsFolder {
		old, _ := lockLeftover(s.dest)
		defer old.unlock()
	}

	err := exchange(s.dir, s.dest)
	if err == nil {
		testHook("swapped")
		// s.dir now holds the previous site; a failure to remove it is
		// left to the next Begin.
		_ = os.RemoveAll(s.dir)
		s.lock.unlock()
		return nil
	}
	if !errors.Is(err, errNoExchange) {
		return fmt.Errorf("cannot swap the new site into %s: %w", s.dest, err)
	}
	return s.renameAside()
}

// renameAside replaces the output folder with two renames. Between them the
// output path is empty; a build killed there leaves the previous site at
// aside, which the next Begin puts back.
func (s *Staging) renameAside() error {
	aside := s.dir + asideSuffix
	if err := os.Rename(s.dest, aside); err != nil {
		return fmt.Errorf("cannot move the previous site in %s aside: %w; close any program that has a file in it open, then build again", s.dest, err)
	}
	testHook("aside")
	if err := os.Rename(s.dir, s.dest); err != nil {
		if rerr := os.Rename(aside, s.dest); rerr != nil {
			return fmt.Errorf("cannot move the new site into %s: %w; the previous site is now in %s, and the next build puts it back (or rename it to %s yourself)", s.dest, err, aside, s.dest)
		}
		return fmt.Errorf("cannot move the new site into %s: %w; the previous site is still in place", s.dest, err)
	}
	_ = os.RemoveAll(aside)
	s.lock.unlock()
	return nil
}
