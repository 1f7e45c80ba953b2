package pdf

import (
	"bytes"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"time"
)

// contentTypes names the types of the files a site holds, so that they do
// not depend on the machine's MIME tables (a Windows registry may have
// text/plain for .js, which the browser would refuse to run).
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".ico":  "image/vnd.microsoft.icon",
}

// siteHandler answers requests from a site built into memory, below the
// path the site lives under, as a static host would: a file, or a folder's
// index.html. It sends the same Content-Security-Policy as the site asks
// hosts to send, so that the page is printed as readers see it.
type siteHandler struct {
	files map[string][]byte
	base  string // "/" or "/reports/"
}

func (h siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy", "default-src 'self'")
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
	ext := strings.ToLower(path.Ext(name))
	ct, ok := contentTypes[ext]
	if !ok {
		if ct = mime.TypeByExtension(ext); ct == "" {
			ct = "application/octet-stream"
		}
	}
	w.Header().Set("Content-Type", ct)
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
