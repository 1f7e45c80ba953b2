package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestServesPages(t *testing.T) {
	s := newServer(t, copySite(t))
	snap := s.current.Load()
	if snap.failed() {
		t.Fatalf("the example site has errors:\n%s", snap.problems)
	}
	var css, js string
	for name := range snap.files {
		switch {
		case strings.HasSuffix(name, ".css"):
			css = name
		case strings.HasPrefix(name, "assets/live.") && strings.HasSuffix(name, ".js"):
			js = name
		}
	}
	if css == "" || js == "" {
		t.Fatalf("no stylesheet or live-reload script in the build: %v", s.current.Load().files)
	}
	cases := []struct {
		target, status, ctype, body string
	}{
		{"/", "200", "text/html; charset=utf-8", `<script src="/` + js + `" defer></script>`},
		{"/index.html", "200", "text/html; charset=utf-8", "<!DOCTYPE html>"},
		{"/editions/2019-05/", "200", "text/html; charset=utf-8", "2019"},
		{"/editions/2019-05/priority-2/", "200", "text/html; charset=utf-8", "Written plans"},
		{"/editions/2019-05/data.json", "200", "application/json", "{"},
		{"/editions/2019-05/data.csv", "200", "text/csv; charset=utf-8", ","},
		{"/" + css, "200", "text/css; charset=utf-8", "{"},
		{"/" + js, "200", "text/javascript; charset=utf-8", EventsPath},
		{"/robots.txt", "200", "text/plain; charset=utf-8", ""},
	}
	for _, c := range cases {
		w := get(t, s, "GET", c.target)
		if got := fmt.Sprint(w.Code); got != c.status {
			t.Errorf("GET %s: status %s, want %s", c.target, got, c.status)
		}
		if got := w.Header().Get("Content-Type"); got != c.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", c.target, got, c.ctype)
		}
		if !strings.Contains(w.Body.String(), c.body) {
			t.Errorf("GET %s: body does not contain %q", c.target, c.body)
		}
		if got := w.Header().Get("Content-Security-Policy"); got != "default-src 'self'" {
			t.Errorf("GET %s: Content-Security-Policy %q", c.target, got)
		}
		if got := w.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", c.target, got)
		}
	}
	if w := get(t, s, "HEAD", "/"); w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD /: status %d, %d body bytes, Content-Length %q", w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
	}
	if w := get(t, s, "POST", "/"); w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /: status %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
}

func TestServesDraftsAndFutureEditions(t *testing.T) {
	dir := copySite(t)
	index := filepath.Join(dir, "content/editions/2019-05/_index.md")
	setKey(t, index, "draft", "true")
	setKey(t, index, "published", `"2999-05"`)
	s := newServer(t, dir)
	if snap := s.current.Load(); snap.failed() {
		t.Fatalf("a draft edition published in the future has errors:\n%s", snap.problems)
	}
	if w := get(t, s, "GET", "/editions/2019-05/"); w.Code != 200 {
		t.Fatalf("a draft edition published in the future: status %d, want 200\n%s", w.Code, w.Body)
	}
}

func TestFolderWithoutSlashRedirects(t *testing.T) {
	s := newServer(t, copySite(t))
	for target, want := range map[string]string{
		"/editions/2019-05":       "/editions/2019-05/",
		"/editions/2019-05?a=b":   "/editions/2019-05/?a=b",
		"/editions":               "/editions/",
		"/editions/2019-05/print": "/editions/2019-05/print/",
	} {
		w := get(t, s, "GET", target)
		if w.Code != http.StatusFound || w.Header().Get("Location") != want {
			t.Errorf("GET %s: status %d, Location %q; want 302 to %q", target, w.Code, w.Header().Get("Location"), want)
		}
	}
}

func TestUnknownPathServesThe404Page(t *testing.T) {
	s := newServer(t, copySite(t))
	want := string(s.current.Load().files["404.html"])
	if want == "" {
		t.Fatal("the build has no 404.html")
	}
	for _, target := range []string{"/no-such-page", "/no-such-page/", "/editions/1999-01/", "/assets/", "/editions/2019-05/index.htm"} {
		w := get(t, s, "GET", target)
		if w.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, w.Code)
		}
		if w.Body.String() != want {
			t.Errorf("GET %s: body is not the built 404.html", target)
		}
		if got := w.Header().Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q", target, got)
		}
	}
}

// TestNoPathLeavesTheSite sends raw request lines, so no client tidies the
// path first, and checks that no spelling of a path outside the site reaches
// a file there. A file beside the site holds a secret; the site's stylesheet
// is a symbolic link to it.
func TestNoPathLeavesTheSite(t *testing.T) {
	dir := copySite(t)
	link := filepath.Join(dir, "assets/css/site.css")
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "..", "secret.txt"), link); err != nil {
		t.Logf("no symbolic links here: %v", err)
	}
	s := newServer(t, dir)
	for name, data := range s.current.Load().files {
		if strings.Contains(string(data), secret) {
			t.Errorf("the build's %s holds the file outside the site", name)
		}
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	// 400 for a path that no link of a site has; 404 for a plain path that
	// names no file of the build.
	targets := map[string]int{
		"/../planpress.toml":                    400,
		"/%2e%2e/planpress.toml":                400,
		"/%2E%2E/planpress.toml":                400,
		"/..%2fplanpress.toml":                  400,
		"/..%2f..%2fsecret.txt":                 400,
		"/../secret.txt":                        400,
		"/../../secret.txt":                     400,
		"/editions/../../go.mod":                400,
		"/editions/..%2f..%2fgo.mod":            400,
		"/editions/2019-05/../../../secret.txt": 400,
		"/..\\secret.txt":                       400,
		"/%5c..%5csecret.txt":                   400,
		"/..%5c..%5csecret.txt":                 400,
		"/index.html%00":                        400,
		"/%00/../secret.txt":                    400,
		"/secret.txt%00.html":                   400,
		"/./planpress.toml":                     400,
		"//secret.txt":                          400,
		"/planpress.toml":                       404,
		"/content/pages/about.md":               404,
		"/data/kpis.toml":                       404,
		"../secret.txt":                         400,
		"/%2e%2e%2f%2e%2e%2fsecret.txt":         400,
		"/%252e%252e/secret.txt":                404,
	}
	for target, want := range targets {
		status, body := rawGet(t, ts.Listener.Addr().String(), target)
		if status != want {
			t.Errorf("GET %s: status %d, want %d", target, status, want)
		}
		for _, leak := range []string{secret, "[accessibility]", "+++", "[[kpi]]"} {
			if strings.Contains(body, leak) {
				t.Errorf("GET %s: the answer holds %q, from a file outside the built site", target, leak)
			}
		}
	}
}

// rawGet sends target as it is in a request line and returns the status and
// body of the answer.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestCleanPath(t *testing.T) {
	for p, want := range map[string]bool{
		"/":                   true,
		"/index.html":         true,
		"/editions/2019-05/":  true,
		"/editions/2019-05":   true,
		"/_planpress/events":  true,
		"":                    false,
		"index.html":          false,
		"/..":                 false,
		"/../x":               false,
		"/a/../b":             false,
		"/a/..":               false,
		"/./a":                false,
		"/a/.":                false,
		"//a":                 false,
		"/a//b":               false,
		"/a\\b":               false,
		"/a\x00":              false,
		"/editions/2019-05//": false,
	} {
		if got := cleanPath(p); got != want {
			t.Errorf("cleanPath(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestBrokenFileShowsErrorsUntilFixed edits a TOML file into a syntax error
// and checks that every address then answers with the errors (never the last
// good build), and that fixing the file brings the pages back; both changes
// reach an open page as a reload.
func TestBrokenFileShowsErrorsUntilFixed(t *testing.T) {
	dir := copySite(t)
	s := newServer(t, dir)
	ts := httptest.NewServer(s)
	defer ts.Close()
	defer s.Close()
	es := openEvents(t, ts.URL)
	if _, ok := es.next("hello", failAfter); !ok {
		t.Fatal("no hello event")
	}

	glossary := filepath.Join(dir, "data/glossary.toml")
	good := readFile(t, glossary)
	badLine := strings.Count(good, "\n") + 1
	if !strings.HasSuffix(good, "\n") {
		badLine++
		good += "\n"
	}
	writeFile(t, glossary, good+`abbr = = "broken"`+"\n")
	settings := filepath.Join(dir, "planpress.toml")
	goodSettings := readFile(t, settings)
	writeFile(t, settings, goodSettings+"\n\"<script>alert(1)</script>\" = 1\n")
	where := fmt.Sprintf("data/glossary.toml:%d: error: ", badLine)
	// Two saves may make one rebuild or two; wait for the one that has both.
	reloadUntil(t, es, func() bool {
		body := get(t, s, "GET", "/").Body.String()
		return strings.Contains(body, where) && strings.Contains(body, "planpress.toml:")
	})
	for _, target := range []string{"/", "/editions/2019-05/", "/no-such-page", "/editions/2019-05"} {
		w := get(t, s, "GET", target)
		body := w.Body.String()
		if w.Code != http.StatusInternalServerError {
			t.Errorf("GET %s with errors: status %d, want 500", target, w.Code)
		}
		if !strings.Contains(body, where) {
			t.Errorf("GET %s with errors: the page does not name %q:\n%s", target, where, body)
		}
		if !strings.Contains(body, `unknown key &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34;`) || strings.Contains(body, "<script>alert") {
			t.Errorf("GET %s with errors: the diagnostics are not listed, escaped:\n%s", target, body)
		}
		if !strings.Contains(body, `<script src="`+liveJSPath+`" defer>`) {
			t.Errorf("GET %s with errors: the error page does not reload itself", target)
		}
		if strings.Contains(body, "Written plans") || strings.Contains(body, "skip-link") {
			t.Errorf("GET %s with errors: the last good build was served", target)
		}
		if got := w.Header().Get("Content-Security-Policy"); got != "default-src 'self'" {
			t.Errorf("GET %s with errors: Content-Security-Policy %q", target, got)
		}
	}
	for target, ctype := range map[string]string{liveJSPath: "text/javascript; charset=utf-8", errorsCSSPath: "text/css; charset=utf-8"} {
		if w := get(t, s, "GET", target); w.Code != 200 || w.Header().Get("Content-Type") != ctype || w.Body.Len() == 0 {
			t.Errorf("GET %s: status %d, type %q, %d bytes", target, w.Code, w.Header().Get("Content-Type"), w.Body.Len())
		}
	}

	writeFile(t, glossary, good)
	writeFile(t, settings, goodSettings)
	reloadUntil(t, es, func() bool { return !s.current.Load().failed() })
	w := get(t, s, "GET", "/editions/2019-05/priority-2/")
	if w.Code != 200 || !strings.Contains(w.Body.String(), "Written plans") {
		t.Fatalf("after the fix: status %d, want the page again:\n%s", w.Code, w.Body)
	}
}

// reloadUntil waits for reload events until done says the server shows what
// the test wrote.
func reloadUntil(t *testing.T, es *eventStream, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(failAfter)
	for {
		if _, ok := es.next("reload", time.Until(deadline)); !ok {
			t.Fatalf("no reload event showing the edit within %s", failAfter)
		}
		if done() {
			return
		}
	}
}

// TestContentEditReloads watches as `planpress serve` does. How soon the
// reload comes is for BenchmarkSaveToReload to measure; here it only has to
// come, and name a build the page does not have.
func TestContentEditReloads(t *testing.T) {
	dir := copySite(t)
	s := newServer(t, dir)
	ts := httptest.NewServer(s)
	defer ts.Close()
	defer s.Close()
	es := openEvents(t, ts.URL)
	hello, ok := es.next("hello", failAfter)
	if !ok {
		t.Fatal("no hello event")
	}
	about := filepath.Join(dir, "content/pages/about.md")
	writeFile(t, about, readFile(t, about)+"\nA sentence added while serving.\n")
	start := time.Now()
	ev, ok := es.next("reload", failAfter)
	if !ok {
		t.Fatalf("no reload event within %s of editing content/pages/about.md", failAfter)
	}
	t.Logf("reload after %s", ev.at.Sub(start).Round(time.Millisecond))
	if ev.data == hello.data {
		t.Errorf("the reload names the build the page already has (%s)", ev.data)
	}
	if w := get(t, s, "GET", "/about/"); !strings.Contains(w.Body.String(), "A sentence added while serving.") {
		t.Error("the page does not show the edit")
	}
}

func TestBasePathFromSettings(t *testing.T) {
	dir := copySite(t)
	setKey(t, filepath.Join(dir, "planpress.toml"), "base_url", `"https://www.example.gov.uk/reports/"`)
	s := newServer(t, dir)
	if got := s.Base(); got != "/reports/" {
		t.Fatalf("Base() = %q, want /reports/", got)
	}
	for target, want := range map[string]string{"/": "/reports/", "/reports": "/reports/"} {
		if w := get(t, s, "GET", target); w.Code != http.StatusFound || w.Header().Get("Location") != want {
			t.Errorf("GET %s: status %d, Location %q; want 302 to %s", target, w.Code, w.Header().Get("Location"), want)
		}
	}
	w := get(t, s, "GET", "/reports/")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `href="/reports/assets/site.`) {
		t.Errorf("GET /reports/: status %d; want the home page linking below /reports/", w.Code)
	}
	if w := get(t, s, "GET", "/editions/2019-05/"); w.Code != http.StatusNotFound {
		t.Errorf("GET /editions/2019-05/ outside the base path: status %d, want 404", w.Code)
	}
}

func TestNewRefusesAMissingFolder(t *testing.T) {
	if _, err := New(Options{Source: filepath.Join(t.TempDir(), "nothing-here")}); err == nil {
		t.Error("New served a folder that does not exist")
	}
}

// serveGoroutines lists the goroutines running this package's code, other
// than tests', or the file watcher's.
func serveGoroutines() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for g := range strings.SplitSeq(string(buf), "\n\n") {
		if strings.Contains(g, "internal/serve.(*Server)") || strings.Contains(g, "internal/serve.(*broker)") || strings.Contains(g, "fsnotify") {
			out = append(out, g)
		}
	}
	return out
}

// waitGoroutines waits until this package's goroutines have ended, and
// lists those left when it gives up.
func waitGoroutines() []string {
	deadline := time.Now().Add(failAfter)
	for len(serveGoroutines()) > 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	return serveGoroutines()
}

func TestCloseEndsStreamsAndGoroutines(t *testing.T) {
	for _, c := range []struct {
		name string
		opts Options
	}{
		{"notified", Options{}},
		{"polling", Options{Poll: 10 * time.Millisecond}},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.opts.Source = copySite(t)
			s, err := New(c.opts)
			if err != nil {
				t.Fatal(err)
			}
			ts := httptest.NewServer(s)
			es := openEvents(t, ts.URL)
			if _, ok := es.next("hello", failAfter); !ok {
				t.Fatal("no hello event")
			}
			closed := make(chan struct{})
			go func() {
				s.Close()
				close(closed)
			}()
			select {
			case <-closed:
			case <-time.After(failAfter):
				t.Fatal("Close did not return")
			}
			if !es.ended(failAfter) {
				t.Fatal("the event stream stayed open after Close")
			}
			ts.Close()
			s.Close() // a second Close is harmless
			if left := waitGoroutines(); len(left) > 0 {
				t.Errorf("%d goroutine(s) left after Close:\n%s", len(left), strings.Join(left, "\n\n"))
			}
		})
	}
}
