//go:build !unix && !windows

package write

// processAlive cannot tell here, so an older version's lock is taken to be
// held; the error then says to delete it if no build is running.
func processAlive(int) bool { return true }
