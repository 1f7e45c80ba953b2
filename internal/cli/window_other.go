//go:build !windows

package cli

// ownConsole reports whether the system made a console window for planpress
// alone; only Windows does.
func ownConsole() bool { return false }
