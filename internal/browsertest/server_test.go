package browsertest

import (
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

func TestServer(t *testing.T) {
	srv := serveWithCSP(t, filepath.Join("testdata", "clean"))
	bare := serveWithCSP(t, filepath.Join("testdata", "clean", "about"))
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tests := []struct {
		method, url string
		status      int
		location    string
		contentType string
		body        string
	}{
		{"GET", srv.URL, 200, "", "text/html; charset=utf-8", "<title>Progress report"},
		{"GET", srv.URL + "about/", 200, "", "text/html; charset=utf-8", "<title>About this report"},
		{"GET", srv.URL + "about/index.html", 200, "", "text/html; charset=utf-8", "<title>About this report"},
		{"GET", srv.URL + "about?x=1", 301, "/about/?x=1", "", ""},
		{"GET", srv.URL + "style.css", 200, "", "text/css; charset=utf-8", ".table-scroll"},
		{"GET", srv.URL + "app.js", 200, "", "text/javascript; charset=utf-8", "addEventListener"},
		{"GET", srv.URL + "no-such-page/", 404, "", "text/html; charset=utf-8", "<title>Page not found"},
		{"GET", srv.URL + "../../../../etc/passwd", 404, "", "text/html; charset=utf-8", "<title>Page not found"},
		{"GET", srv.URL + "%2e%2e/%2e%2e/go.mod", 404, "", "text/html; charset=utf-8", "<title>Page not found"},
		{"HEAD", srv.URL + "no-such-page", 404, "", "text/html; charset=utf-8", ""},
		{"POST", srv.URL, 405, "", "text/plain; charset=utf-8", "method not allowed"},
		{"GET", bare.URL + "nothing-here", 404, "", "text/plain; charset=utf-8", "404 page not found"},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(tt.method, tt.url, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		name := tt.method + " " + tt.url
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", name, resp.StatusCode, tt.status)
		}
		if got := resp.Header.Get("Content-Security-Policy"); got != "default-src 'self'" {
			t.Errorf("%s: Content-Security-Policy %q", name, got)
		}
		if got := resp.Header.Get("Location"); got != tt.location {
			t.Errorf("%s: Location %q, want %q", name, got, tt.location)
		}
		if tt.contentType != "" && resp.Header.Get("Content-Type") != tt.contentType {
			t.Errorf("%s: Content-Type %q, want %q", name, resp.Header.Get("Content-Type"), tt.contentType)
		}
		if !strings.Contains(string(body), tt.body) || (tt.method == "HEAD" && len(body) > 0) {
			t.Errorf("%s: body %.80q, want it to contain %q", name, body, tt.body)
		}
	}
	hits := srv.Hits()
	if len(hits) != 11 || hits[3].Status != 301 || hits[6].Status != 404 {
		t.Errorf("hits = %v", hits)
	}
}

// TestServePlainSendsNoPolicy: a plain host's answers carry no policy, so
// the pages checked through it must bring their own.
func TestServePlainSendsNoPolicy(t *testing.T) {
	srv := serve(t, filepath.Join("testdata", "clean"))
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Content-Security-Policy"); got != "" {
		t.Errorf("ServePlain sent Content-Security-Policy %q", got)
	}
}

func TestServeNeedsAFolder(t *testing.T) {
	if _, err := Serve(filepath.Join("testdata", "no-such-folder")); err == nil {
		t.Error("serving a missing folder gave no error")
	}
	if _, err := Serve(filepath.Join("testdata", "clean", "index.html")); err == nil {
		t.Error("serving a file gave no error")
	}
}
