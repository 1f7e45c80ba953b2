//go:build !unix

package build

// processAlive cannot tell here, so a lock is taken to be held: the error
// says which file to delete.
func processAlive(int) bool { return true }
