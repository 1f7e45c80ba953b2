// Package planpress holds the built-in theme: the layouts and assets that
// every site gets unless it has its own file of the same name. The repository
// root is also the example site, so these are the files it builds with.
package planpress

import "embed"

// Theme is the built-in layouts/ and assets/ folders.
//
//go:embed layouts assets
var Theme embed.FS
