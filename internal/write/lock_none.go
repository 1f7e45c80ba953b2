//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd || solaris || windows)

package write

// lockFollowsFolder is false: there is no lock here.
const lockFollowsFolder = false

// lockStaging holds nothing: this system offers no lock a dead process
// releases, and a lock file would outlive a killed build. Do not run two
// builds of one output at once here.
func lockStaging(string) (*dirLock, error) { return &dirLock{}, nil }

// lockLeftover always succeeds, for the same reason.
func lockLeftover(string) (*dirLock, error) { return &dirLock{}, nil }
