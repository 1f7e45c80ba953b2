package publish

import (
	"strings"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/linkcheck"
	"github.com/planpress/planpress/internal/view"
)

// CheckLinks reports the narrative's links to pages or files the site does
// not have, at the line of the Markdown that makes them, resolving each as
// internal/linkcheck resolves every link of a built site. Call it once every
// file is written.
func (s *Site) CheckLinks(links []view.PageLink, diags *diag.List) {
	r, err := linkcheck.NewResolver(s.base)
	if err != nil {
		diags.Errorf("planpress.toml", 0, "", "cannot check links: %v", err)
		return
	}
	for _, l := range links {
		page := strings.TrimPrefix(l.Page, "/") + "index.html"
		t := r.Resolve(page, "", l.Dest, false)
		switch {
		case t.Problem != "":
			diags.Errorf(l.File, l.Line, "write a valid address, such as /editions/ for a page of this site", "the link %q cannot work: %s", l.Dest, t.Problem)
		case !t.Local, s.written(t.File), s.written(t.File + "/index.html"):
		default:
			diags.Errorf(l.File, l.Line, "link to a page the site has, such as /editions/ or a priority's address", "the link %q leads to no page of this site", l.Dest)
		}
	}
}
