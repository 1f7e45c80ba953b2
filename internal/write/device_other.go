//go:build !unix

package write

import "os"

// sameFileSystem cannot tell here; a rename across file systems then fails
// in Commit, which leaves the previous site in place.
func sameFileSystem(a, b os.FileInfo) bool { return true }
