package serve

import (
	"bytes"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/planpress/planpress/internal/publish"
)

// cleanPath reports whether p is an absolute URL path in the form a built
// site links to: no "." or ".." segments, no empty segments, no backslashes
// and no NUL. Anything else is refused rather than tidied, so no spelling of
// a path can reach outside the site, and none needs to.
func cleanPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	rest := strings.TrimSuffix(p[1:], "/")
	return rest == "" || fs.ValidPath(rest)
}

// ServeHTTP answers a request from the last build: a file of the site, a
// folder's index.html, a redirect that adds a folder's missing slash, or the
// site's 404.html. While the build has errors, every page is the list of
// errors instead. It answers whatever host a request names; Serve adds the
// check that the request names this server.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", publish.ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	// A page must never come from the browser's cache while its files are
	// being edited, nor an older version of any other file.
	h.Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "planpress serve only answers GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !cleanPath(p) {
		http.Error(w, "400 bad request: the address is not a plain path to a file of the site", http.StatusBadRequest)
		return
	}
	switch p {
	case EventsPath:
		s.streamEvents(w, r)
		return
	case liveJSPath:
		s.write(w, r, http.StatusOK, "live.js", liveJS())
		return
	case errorsCSSPath:
		s.write(w, r, http.StatusOK, "errors.css", []byte(errorsCSS))
		return
	}
	snap := s.current.Load()
	if snap.failed() {
		s.write(w, r, http.StatusInternalServerError, "errors.html", snap.problems)
		return
	}

	name, ok := strings.CutPrefix(p, snap.base)
	if !ok {
		// A site whose base_url has a path lives below it, as it will when
		// published; the server's root leads there.
		if p == "/" || p+"/" == snap.base {
			redirect(w, r, snap.base)
			return
		}
		s.notFound(w, r, snap)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, ok, failed := snap.file(name)
	if failed {
		s.write(w, r, http.StatusInternalServerError, "errors.html", snap.final.problems)
		return
	}
	if ok {
		s.write(w, r, http.StatusOK, name, data)
		return
	}
	if _, ok, _ := snap.file(name + "/index.html"); ok {
		redirect(w, r, p+"/")
		return
	}
	// A site in more than one language has a not-found page in each
	// language's folder (cy/404.html): an address in the folder gets it.
	if folder, _, ok := strings.Cut(name, "/"); ok {
		if page, ok, _ := snap.file(folder + "/404.html"); ok {
			s.write(w, r, http.StatusNotFound, "404.html", page)
			return
		}
	}
	s.notFound(w, r, snap)
}

// redirect sends the browser to target, keeping the query. The redirect is
// temporary: an edit may make the address a file again, and a browser
// remembers a permanent redirect.
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusFound)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	page, ok, _ := snap.file("404.html")
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.write(w, r, http.StatusNotFound, "404.html", page)
}

// write sends a file's content with its type. Successful answers go through
// http.ServeContent, which handles HEAD and byte ranges.
func (s *Server) write(w http.ResponseWriter, r *http.Request, status int, name string, data []byte) {
	w.Header().Set("Content-Type", publish.ContentType(name))
	if status == http.StatusOK {
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		return
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}
