package browsertest

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// CSP is the Content-Security-Policy that the test server sends with every
// response: a published site must work with nothing but its own files.
const CSP = "default-src 'self'"

// A Server serves a built site from a folder on 127.0.0.1, as a static host
// would: a folder's index.html for its URL, a redirect to add the slash to a
// folder URL that lacks it, and the site's 404.html with status 404 for a
// path that names no file.
type Server struct {
	// URL is the address of the site's root, such as "http://127.0.0.1:40123/".
	URL string
	// Host is the host and port of URL.
	Host string

	dir string
	ln  net.Listener
	srv *http.Server
	// csp is whether the server sends CSP with every answer, as a host
	// configured for the site would; without it a page has only the policy
	// its own meta element sets.
	csp bool

	mu   sync.Mutex
	hits []Hit
}

// A Hit is one request that the server answered.
type Hit struct {
	Path   string
	Status int
}

// Serve starts a server for the site in dir on a free port of 127.0.0.1,
// sending CSP with every answer. Close stops it.
func Serve(dir string) (*Server, error) { return serveDir(dir, true) }

// ServePlain is Serve for a plain static host that sends no
// Content-Security-Policy header: a page is then protected by the policy of
// its own meta element alone, which is what a planpress site must carry.
func ServePlain(dir string) (*Server, error) { return serveDir(dir, false) }

func serveDir(dir string, csp bool) (*Server, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("browsertest: serving %s: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("browsertest: serving %s: not a folder", dir)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("browsertest: serving %s: %w", dir, err)
	}
	s := &Server{dir: dir, ln: ln, Host: ln.Addr().String(), csp: csp}
	s.URL = "http://" + s.Host + "/"
	s.srv = &http.Server{Handler: s}
	go s.srv.Serve(ln)
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error {
	return s.srv.Close()
}

// Hits returns the requests answered so far, in order.
func (s *Server) Hits() []Hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Hit(nil), s.hits...)
}

// ServeHTTP serves one file of the site.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w}
	s.serve(sw, r)
	s.mu.Lock()
	s.hits = append(s.hits, Hit{Path: r.URL.Path, Status: sw.status})
	s.mu.Unlock()
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if s.csp {
		w.Header().Set("Content-Security-Policy", CSP)
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// Cleaning a rooted path removes every "..", so the file is inside dir.
	urlPath := path.Clean("/" + r.URL.Path)
	file := filepath.Join(s.dir, filepath.FromSlash(urlPath))
	info, err := os.Stat(file)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			target := strings.TrimSuffix(urlPath, "/") + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
		info, err = os.Stat(file)
	}
	if err != nil || info.IsDir() {
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		s.notFound(w, r)
		return
	}
	f, err := os.Open(file)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	http.ServeContent(w, r, file, info.ModTime(), f)
}

// notFound answers with the site's 404.html, or a line of text if it has none.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	body, err := os.ReadFile(filepath.Join(s.dir, "404.html"))
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// statusWriter remembers the status of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}
