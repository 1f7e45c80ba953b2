// Package planpress holds the built-in theme: the layouts, assets and
// interface words that every site gets unless it has its own file of the
// same name (for interface words, its own entries). The repository
// root is also the example site, so these are the files it builds with.
package planpress

import "embed"

// Theme is the built-in layouts/ and assets/ folders, and i18n/, the
// interface words of each language planpress knows.
//
//go:embed layouts assets i18n
var Theme embed.FS
