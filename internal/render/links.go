package render

import (
	"net/url"
	"path"
	"strings"

	"github.com/planpress/planpress/internal/markdown"
)

// pageLink is a narrative link and the page it appears on.
type pageLink struct {
	markdown.LinkRef
	page string // the page's address below the site root, "/editions/2019-05/"
}

// checkLinks reports narrative links to pages or files the site does not have.
func (r *renderer) checkLinks() {
	for _, l := range r.out.links {
		u, err := url.Parse(l.Dest)
		if err != nil {
			r.errorf(l.File, l.Line, "write a valid address", "the link %q is not a valid address", l.Dest)
			continue
		}
		if u.Scheme != "" || u.Host != "" || u.Path == "" {
			continue // another site, or a fragment on this page
		}
		target := u.Path
		if !strings.HasPrefix(target, "/") {
			target = path.Join(l.page, target)
			if strings.HasSuffix(u.Path, "/") {
				target += "/"
			}
		} else {
			target = "/" + strings.TrimPrefix(target, r.base)
		}
		file := strings.TrimPrefix(target, "/")
		if file == "" || strings.HasSuffix(file, "/") {
			file += "index.html"
		}
		if r.written[file] || r.written[file+"/index.html"] {
			continue
		}
		r.errorf(l.File, l.Line, "link to a page the site has, such as /editions/ or a priority's address", "the link %q leads to no page of this site", l.Dest)
	}
}
