package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// serveOn serves s on ln (a new port on 127.0.0.1 when nil) as `planpress
// serve` does, and returns the address and a stop that cancels Serve and
// returns what it returned. The test's end stops it too.
func serveOn(t testing.TB, s *Server, ln net.Listener) (addr string, stop func() error) {
	t.Helper()
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-served:
			case <-time.After(failAfter):
				err = fmt.Errorf("Serve did not return within %s of being cancelled", failAfter)
			}
		})
		return err
	}
	t.Cleanup(func() { stop() })
	return ln.Addr().String(), stop
}

// request sends a GET for target with the Host header host (none when
// empty, in HTTP/1.0) on a new connection, and returns the answer, read
// whole.
func request(t testing.TB, addr, host, target string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(failAfter))
	if host == "" {
		fmt.Fprintf(conn, "GET %s HTTP/1.0\r\n\r\n", target)
	} else {
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s for Host %q: %v", target, host, err)
	}
	defer resp.Body.Close()
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		return resp, "" // a stream, which would not end
	}
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestAnswersOnlyItsOwnHost sends requests that name other hosts, as a page
// elsewhere does after pointing its own name at 127.0.0.1 (DNS rebinding):
// they are refused, pages and live-reload stream alike.
func TestAnswersOnlyItsOwnHost(t *testing.T) {
	s := newServer(t, copySite(t))
	addr, _ := serveOn(t, s, nil)
	_, port, _ := net.SplitHostPort(addr)
	allowed := []string{addr, "localhost:" + port, "LocalHost:" + port, "[::1]:" + port, "127.0.0.1", "localhost:8080"}
	refused := []string{
		"evil.example:" + port, "evil.example", "127.0.0.1.nip.io:" + port, "localhost.evil.example:" + port,
		"localhost.:" + port, "10.0.0.1:" + port, "[::ffff:10.0.0.1]:" + port, "reports.example.org:" + port,
		"", // HTTP/1.0, which may leave the host out
	}
	for _, host := range allowed {
		for target, want := range map[string]int{"/": 200, "/no-such-page": 404} {
			if resp, _ := request(t, addr, host, target); resp.StatusCode != want {
				t.Errorf("GET %s for Host %q: status %d, want %d", target, host, resp.StatusCode, want)
			}
		}
	}
	for _, host := range refused {
		for _, target := range []string{"/", "/no-such-page", EventsPath, liveJSPath} {
			resp, body := request(t, addr, host, target)
			if resp.StatusCode != http.StatusMisdirectedRequest {
				t.Errorf("GET %s for Host %q: status %d, want 421", target, host, resp.StatusCode)
				continue
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") || !strings.Contains(body, "localhost") || len(body) > 300 {
				t.Errorf("GET %s for Host %q: a refusal of type %q:\n%s", target, host, ct, body)
			}
			if !resp.Close {
				t.Errorf("GET %s for Host %q: the refusal keeps the connection open", target, host)
			}
		}
	}
}

func TestHostGuard(t *testing.T) {
	hostname, _ := os.Hostname()
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	for _, c := range []struct {
		listen string
		hosts  []string
		allow  []string
		refuse []string
	}{
		{
			listen: "127.0.0.1:1313",
			allow:  []string{"127.0.0.1:1313", "localhost:1313", "LOCALHOST", "[::1]:1313", "::1", "[::ffff:127.0.0.1]:1313"},
			refuse: []string{"127.0.0.2:1313", "192.168.1.5:1313", "evil.example:1313", "", "localhost.:1313", "www.localhost:1313"},
		},
		{
			listen: "[::1]:1313",
			allow:  []string{"[::1]:1313", "localhost:1313", "127.0.0.1:1313"},
			refuse: []string{"evil.example:1313", "[fe80::1]:1313"},
		},
		{
			listen: "192.168.1.5:1313",
			hosts:  []string{"box.lan", ""},
			allow:  []string{"192.168.1.5:1313", "box.lan:1313", "BOX.LAN"},
			refuse: []string{"localhost:1313", "127.0.0.1:1313", "evil.example:1313", "192.168.1.6:1313", ""},
		},
		{
			listen: "0.0.0.0:1313",
			allow:  []string{"10.1.2.3:1313", "[fe80::1]:1313", "localhost:1313"},
			refuse: []string{"evil.example:1313", "", "box.lan:1313"},
		},
		{
			listen: "[::]:1313",
			allow:  []string{"192.168.1.5:1313", "localhost:1313"},
			refuse: []string{"evil.example:1313"},
		},
	} {
		addr, err := net.ResolveTCPAddr("tcp", c.listen)
		if err != nil {
			t.Fatal(err)
		}
		if addr.IP.IsUnspecified() && hostname != "" {
			c.allow = append(c.allow, strings.ToLower(hostname)+":1313", strings.ToUpper(hostname))
		}
		h := guardHosts(addr, c.hosts, ok)
		for _, host := range append(c.allow, c.refuse...) {
			r := httptest.NewRequest("GET", "/", nil)
			r.Host = host
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			want := 200
			for _, refused := range c.refuse {
				if host == refused {
					want = 421
				}
			}
			if w.Code != want {
				t.Errorf("listening on %s (and %q): Host %q: status %d, want %d", c.listen, c.hosts, host, w.Code, want)
			}
		}
	}
}

// TestIdleConnectionsClose leaves a keep-alive connection idle: the server
// closes it, while a live-reload stream opened before stays open and still
// announces the next build.
func TestIdleConnectionsClose(t *testing.T) {
	dir := copySite(t)
	s := newServer(t, dir)
	s.idleTimeout = 50 * time.Millisecond
	addr, _ := serveOn(t, s, nil)
	es := openEvents(t, "http://"+addr)
	if _, ok := es.next("hello", failAfter); !ok {
		t.Fatal("no hello event")
	}

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(failAfter))
	fmt.Fprintf(conn, "GET /robots.txt HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.Close {
		t.Fatal("the server closed the connection after one request; want it kept alive")
	}
	start := time.Now()
	if _, err := br.ReadByte(); !errors.Is(err, io.EOF) {
		t.Fatalf("an idle connection: read %v after %s, want the server to close it", err, time.Since(start).Round(time.Millisecond))
	}

	appendTo(t, filepath.Join(dir, "content/pages/about.md"), "Edited after the idle connection closed.")
	if _, ok := es.next("reload", failAfter); !ok {
		t.Error("the live-reload stream, older than the idle timeout, did not announce the build")
	}
}

// countingListener counts the connections it has open, and the most it has
// had open at once. A connection is counted out before the server's limit
// lets another in.
type countingListener struct {
	net.Listener
	mu         sync.Mutex
	open, most int
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	l.open++
	l.most = max(l.most, l.open)
	l.mu.Unlock()
	return &countedConn{Conn: c, l: l}, nil
}

func (l *countingListener) mostOpen() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.most
}

type countedConn struct {
	net.Conn
	l    *countingListener
	once sync.Once
}

func (c *countedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() {
		c.l.mu.Lock()
		c.l.open--
		c.l.mu.Unlock()
	})
	return err
}

// TestConnectionLimit opens five times as many connections as the server
// allows, each asking for a page and then keeping its connection open, as
// an idle browser does: all are answered, never with more open at once than
// the limit.
func TestConnectionLimit(t *testing.T) {
	s := newServer(t, copySite(t))
	s.maxConns = 4
	s.idleTimeout = 20 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cl := &countingListener{Listener: ln}
	addr, _ := serveOn(t, s, cl)

	const clients = 20
	answered := make(chan error, clients)
	var mu sync.Mutex
	var conns []net.Conn
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	}()
	for range clients {
		go func() {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				answered <- err
				return
			}
			// Kept open until the test ends; the server is the one to close it.
			mu.Lock()
			conns = append(conns, conn)
			mu.Unlock()
			conn.SetDeadline(time.Now().Add(failAfter))
			fmt.Fprintf(conn, "GET /robots.txt HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err == nil {
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			answered <- err
		}()
	}
	for range clients {
		if err := <-answered; err != nil {
			t.Error(err)
		}
	}
	if most := cl.mostOpen(); most > 4 {
		t.Errorf("%d connections were open at once, want at most 4", most)
	}
}

// TestServeStopsWhenCancelled keeps several tabs open, each with its
// live-reload stream: pages are still answered, an edit reloads every tab,
// and cancelling Serve ends the streams and returns at once (Serve returns
// an error if it had to give up waiting for them).
func TestServeStopsWhenCancelled(t *testing.T) {
	dir := copySite(t)
	s := newServer(t, dir)
	addr, stop := serveOn(t, s, nil)
	url := "http://" + addr
	var tabs []*eventStream
	for range 6 {
		es := openEvents(t, url)
		if _, ok := es.next("hello", failAfter); !ok {
			t.Fatal("no hello event")
		}
		tabs = append(tabs, es)
	}
	resp, err := http.Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET / with six tabs open: status %d", resp.StatusCode)
	}
	appendTo(t, filepath.Join(dir, "content/pages/about.md"), "Edited with six tabs open.")
	for i, es := range tabs {
		if _, ok := es.next("reload", failAfter); !ok {
			t.Errorf("tab %d: no reload event", i)
		}
	}

	if err := stop(); err != nil {
		t.Errorf("Serve: %v", err)
	}
	deadline := time.Now().Add(failAfter)
	for i, es := range tabs {
		if !es.ended(time.Until(deadline)) {
			t.Errorf("tab %d: the stream went on after Serve returned", i)
		}
	}
	if _, err := http.Get(url + "/"); err == nil || errors.Is(err, context.Canceled) {
		t.Errorf("the server still answers after Serve returned (err %v)", err)
	}
	if left := waitGoroutines(); len(left) > 0 {
		t.Errorf("%d goroutine(s) left after Serve returned:\n%s", len(left), strings.Join(left, "\n\n"))
	}
}
