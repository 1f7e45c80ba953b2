package serve

import (
	"bufio"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// secret is written to a file beside the site folder, outside it; no answer
// may ever contain it.
const secret = "SECRET-outside-the-site-7f3a9c"

// copySite copies the example site at the repository root (its settings,
// content and data; the theme is built in) into a temporary folder and
// returns the site folder. A file holding secret sits beside it.
func copySite(t testing.TB) string {
	t.Helper()
	dir := copySiteFrom(t, "../..", "planpress.toml", "content", "data")
	parent := filepath.Dir(dir)
	writeFile(t, filepath.Join(parent, "secret.txt"), secret+"\n")
	writeFile(t, filepath.Join(parent, "go.mod"), "module "+secret+"\n")
	return dir
}

// copySiteFrom copies the named parts of the site folder src into a
// temporary folder and returns the copy.
func copySiteFrom(t testing.TB, src string, names ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	for _, name := range names {
		copyTree(t, filepath.Join(src, name), filepath.Join(dir, name))
	}
	return dir
}

func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t testing.TB, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// newServer serves dir as `planpress serve` does, and closes the server when
// the test ends.
func newServer(t testing.TB, dir string) *Server {
	t.Helper()
	return newServerWith(t, Options{Source: dir})
}

func newServerWith(t testing.TB, opts Options) *Server {
	t.Helper()
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// failAfter is how long a test waits for something that should happen much
// sooner before it gives up: long enough for a machine busy with other work,
// and never what makes a test pass.
const failAfter = 30 * time.Second

// logBuffer is a Log that tests read while the server writes.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// setKey sets a top-level key of a TOML file, or of a Markdown file's TOML
// front matter, to value (TOML, quoted if a string), whatever the file said
// before: tests write the settings they need rather than depend on the
// example's text.
func setKey(t testing.TB, file, key, value string) {
	t.Helper()
	src := readFile(t, file)
	head, body := "", src
	if strings.HasSuffix(file, ".md") {
		rest, ok := strings.CutPrefix(src, "+++\n")
		if !ok {
			t.Fatalf("%s has no +++ front matter", file)
		}
		head, body = "+++\n", rest
	}
	lines := strings.SplitAfter(body, "\n")
	assign := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(key) + `\s*=`)
	var out []string
	top := true
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") || trimmed == "+++" {
			top = false // tables, or the end of the front matter
		}
		if top && assign.MatchString(line) {
			continue
		}
		out = append(out, line)
	}
	writeFile(t, file, head+key+" = "+value+"\n"+strings.Join(out, ""))
}

// get asks the handler for target, a request target as a browser sends it.
func get(t testing.TB, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, target, nil))
	return w
}

// event is one server-sent event, and when it arrived.
type event struct {
	name, data string
	at         time.Time
}

// eventStream reads server-sent events from a live connection.
type eventStream struct {
	events chan event
	body   io.Closer
}

// openEvents connects to the server's event stream, as live.js does.
func openEvents(t testing.TB, baseURL string) *eventStream {
	t.Helper()
	resp, err := http.Get(baseURL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		resp.Body.Close()
		t.Fatalf("event stream: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	es := &eventStream{events: make(chan event, 64), body: resp.Body}
	go func() {
		defer close(es.events)
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				ev.at = time.Now()
				if ev.name != "" {
					select {
					case es.events <- ev:
					default:
					}
				}
				ev = event{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return es
}

// next waits for an event named name, skipping others; false when none came
// within timeout or the stream ended.
func (es *eventStream) next(name string, timeout time.Duration) (event, bool) {
	deadline := time.After(timeout)
	for {
		select {
		case ev, ok := <-es.events:
			if !ok {
				return event{}, false
			}
			if ev.name == name {
				return ev, true
			}
		case <-deadline:
			return event{}, false
		}
	}
}

// ended waits for the stream to end; false when it had not within timeout.
func (es *eventStream) ended(timeout time.Duration) bool {
	deadline := time.After(timeout)
	for {
		select {
		case _, ok := <-es.events:
			if !ok {
				return true
			}
		case <-deadline:
			return false
		}
	}
}
