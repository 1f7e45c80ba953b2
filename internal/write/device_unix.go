//go:build unix

package write

import (
	"os"
	"syscall"
)

// sameFileSystem reports whether two folders are on one file system, as
// renames between them need: an output folder that is a mount point cannot
// be swapped with a folder beside it.
func sameFileSystem(a, b os.FileInfo) bool {
	sa, okA := a.Sys().(*syscall.Stat_t)
	sb, okB := b.Sys().(*syscall.Stat_t)
	if !okA || !okB {
		return true
	}
	return sa.Dev == sb.Dev
}
