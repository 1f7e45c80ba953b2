//go:build darwin

package write

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchangeDirs swaps a and b with renamex_np(RENAME_SWAP), which APFS and
// HFS+ support.
func exchangeDirs(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.ENOTSUP), errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		// A file system without the flag (a network share, FAT).
		return errNoExchange
	}
	return &os.LinkError{Op: "renamex_np", Old: a, New: b, Err: err}
}
