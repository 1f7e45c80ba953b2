package write

import (
	"errors"
	"os"
)

// errBusy says that another process holds a folder's lock.
var errBusy = errors.New("the folder is in use by another process")

// dirLock is held on a folder by the build that owns it: its staging folder
// while it writes, and the previous site while it commits. It is an open
// handle on the folder itself, so it needs no file of its own, and it
// ends with the process however the process ends. A nil or zero dirLock
// holds nothing.
type dirLock struct {
	f *os.File
}

// unlock lets go of the folder. It may be called more than once.
func (l *dirLock) unlock() {
	if l != nil && l.f != nil {
		l.f.Close()
		l.f = nil
	}
}

// holds reports whether the lock is still on the folder now at path: a
// build that cleans up leftovers can remove a staging folder between its
// creation and its locking, and the owner must not then write into a
// folder that is gone.
func (l *dirLock) holds(path string) bool {
	if l == nil || l.f == nil {
		return true
	}
	locked, err := l.f.Stat()
	if err != nil {
		return false
	}
	now, err := os.Stat(path)
	return err == nil && os.SameFile(locked, now)
}
