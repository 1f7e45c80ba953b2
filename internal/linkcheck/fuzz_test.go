package linkcheck

import (
	"strings"
	"testing"
)

// FuzzParsePage checks that no page, however malformed, makes the extractor
// panic or report a line before the first.
func FuzzParsePage(f *testing.F) {
	f.Add(`<a href="x.html#y">x</a><img srcset="a.png 1x, b.png (2x,">`)
	f.Add("<style>@import 'a.css'; .x{background:url( \"b.png\" )}/* url(c) */</style>")
	f.Add(`<meta http-equiv="refresh" content="0;url=">` + "\n" + `<div style="background:url(">`)
	f.Fuzz(func(t *testing.T, doc string) {
		p, err := parsePage(strings.NewReader(doc))
		if err != nil {
			return
		}
		for _, r := range p.refs {
			if r.line < 1 {
				t.Fatalf("ref %+v has line < 1", r)
			}
		}
	})
}
