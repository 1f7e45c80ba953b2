package pdf

import (
	"bytes"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/planpress/planpress/internal/publish"
)

// siteHandler answers requests from a site built into memory, below the
// path the site lives under, as a static host would: a file, or a folder's
// index.html. It sends the same Content-Security-Policy as the site asks
// hosts to send, so that the page is printed as readers see it.
type siteHandler struct {
	files map[string][]byte
	base  string // "/" or "/reports/"
}

func (h siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy", publish.ContentSecurityPolicy)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	name, ok := strings.CutPrefix(r.URL.Path, h.base)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, ok := h.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", publish.ContentType(name))
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// serve serves files on a free port of 127.0.0.1 until stop is called, and
// returns the address of the site's root: "http://127.0.0.1:PORT/".
func serve(files map[string][]byte, base string) (root string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: siteHandler{files: files, base: base}, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + base, func() { srv.Close() }, nil
}
