//go:build unix

package write

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this id is running; it is
// asked only about the id in an older version's lock file.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
