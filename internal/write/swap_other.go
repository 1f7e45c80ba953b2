//go:build !linux && !darwin

package write

// exchangeDirs has no one-step swap to use here, so Commit renames the
// previous site aside instead (see renameAside).
func exchangeDirs(a, b string) error { return errNoExchange }
