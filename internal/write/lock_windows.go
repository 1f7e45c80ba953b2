//go:build windows

package write

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/windows"
)

// lockFollowsFolder is false here: an open handle could keep the folder
// from being renamed or removed, so a build lets go before it does either.
const lockFollowsFolder = false

// lockStaging keeps the build's staging folder open with read access while
// letting everyone else read, write, rename and delete as usual. The open
// handle is what a cleaner's exclusive open in lockLeftover runs into.
func lockStaging(path string) (*dirLock, error) {
	return openDir(path, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE)
}

// lockLeftover opens a folder found beside the output without sharing
// read access, which fails while a live build holds the folder open.
func lockLeftover(path string) (*dirLock, error) {
	return openDir(path, windows.FILE_SHARE_DELETE)
}

// openDir opens a folder (which needs FILE_FLAG_BACKUP_SEMANTICS) with read
// access and the given sharing, turning a sharing violation into errBusy.
func openDir(path string, share uint32) (*dirLock, error) {
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	h, err := windows.CreateFile(name, windows.GENERIC_READ, share, nil, windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		if errors.Is(err, windows.ERROR_SHARING_VIOLATION) {
			return nil, errBusy
		}
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return &dirLock{f: os.NewFile(uintptr(h), path)}, nil
}
