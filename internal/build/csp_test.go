package build

import (
	"strings"
	"testing"
)

// TestPagesCarryTheirPolicy: every page of both examples sets its
// Content-Security-Policy in a meta element before it loads anything, so
// that a plain static host, which sends no headers of its own, protects
// readers as serve does. (The browser suite serves the sites with no
// header, and finds no violation.)
func TestPagesCarryTheirPolicy(t *testing.T) {
	const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`
	for _, opts := range []Options{{Source: repoRoot}, {Source: copyArchive(t, ""), Drafts: true}} {
		files := renderSite(t, opts)
		pages := 0
		for name, b := range files {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			pages++
			head, _, _ := strings.Cut(string(b), "</head>")
			at := strings.Index(head, policy)
			if at < 0 {
				t.Errorf("%s: no %s", name, policy)
				continue
			}
			for _, load := range []string{"<link", "<script", "<style"} {
				if i := strings.Index(head, load); i >= 0 && i < at {
					t.Errorf("%s: %s comes before the policy", name, load)
				}
			}
		}
		if pages == 0 {
			t.Errorf("%s: no pages", opts.Source)
		}
	}
}
