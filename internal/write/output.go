package write

import (
	"fmt"
	"io/fs"
	"strings"
)

// Output receives the files of a built site. Every implementation in this
// package is safe for concurrent use, since pages render in parallel.
type Output interface {
	// WriteFile stores one file; name is a slash-separated path below the
	// site root, such as "editions/2019-05/index.html".
	WriteFile(name string, data []byte) error
}

var (
	_ Output = (*Staging)(nil)
	_ Output = (*Memory)(nil)
	_ Output = (*Discard)(nil)
)

// checkName refuses a name that could land outside the site root or that
// means different files on different systems, so that a bug in a layout or
// a hostile content file name cannot write elsewhere.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
		return fmt.Errorf("refusing to write %q: a file of the site must have a slash-separated path below the site root, without \"..\", \".\", empty parts or backslashes", name)
	}
	return nil
}
