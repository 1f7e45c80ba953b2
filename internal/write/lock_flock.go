//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd || solaris

package write

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// lockFollowsFolder is true where a lock stays with the folder through a
// rename and does not stop its removal: flock belongs to the open
// directory, not to its name.
const lockFollowsFolder = true

// lockStaging locks a build's own staging folder.
func lockStaging(path string) (*dirLock, error) { return flockDir(path) }

// lockLeftover locks a folder a build found beside the output, failing
// with errBusy while a live build holds it.
func lockLeftover(path string) (*dirLock, error) { return flockDir(path) }

// flockDir takes flock(LOCK_EX|LOCK_NB) on the folder. Go opens files with
// O_CLOEXEC, so a program the build starts does not inherit the lock and
// keep it after the build has died.
func flockDir(path string) (*dirLock, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	for {
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, errBusy
		}
		return nil, &fs.PathError{Op: "flock", Path: path, Err: err}
	}
	return &dirLock{f: f}, nil
}
