// Package serve is the library behind `planpress serve`: it builds a site in
// memory with drafts and future editions, answers HTTP requests from that
// build alone, rebuilds when the site's files change and tells open pages to
// reload. While the files have errors it shows the errors in place of every
// page, never an older build.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/diag"
)

// Defaults for Options.
const (
	DefaultPoll   = 100 * time.Millisecond
	DefaultSettle = 50 * time.Millisecond
)

// Options say which site to serve and how closely to watch it.
type Options struct {
	// Source is the site folder (the one holding planpress.toml).
	Source string
	// Log receives a line per rebuild and the site's problems when they
	// change; nil discards them.
	Log io.Writer
	// Poll is how often the site's files are compared with the last look;
	// 0 means DefaultPoll.
	Poll time.Duration
	// Settle is how long the files must stay unchanged after a change before
	// the rebuild starts, so that a burst of saves (a checkout, an editor
	// writing a backup) makes one rebuild; 0 means DefaultSettle.
	Settle time.Duration
}

// A Server is an http.Handler for a site built in memory, kept up to date
// with the site's files until Close.
type Server struct {
	source string
	log    io.Writer
	poll   time.Duration
	settle time.Duration

	current atomic.Pointer[snapshot]
	builds  atomic.Int64 // how many builds have finished, for tests
	epoch   string       // makes build ids differ between runs of serve

	events    broker
	done      chan struct{}
	closeOnce sync.Once
	wg        sync.WaitGroup

	lastReport string // the problems last written to log; only the watcher touches it
}

// snapshot is one finished build: the files to serve, or the problems to show
// instead.
type snapshot struct {
	id       string            // changes with every build; sent to pages as they connect
	base     string            // the path the site lives under: "/" or "/reports/"
	files    map[string][]byte // path below the site root -> content; read-only
	diags    *diag.List
	problems []byte // the error page, when diags holds errors
}

// failed reports whether the build had errors, so its pages must not be shown.
func (s *snapshot) failed() bool { return s.problems != nil }

// New builds the site once and starts watching its files. The site's files
// may have errors (the server shows them); New fails only when Source is not
// a folder.
func New(opts Options) (*Server, error) {
	info, err := os.Stat(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("cannot serve the site folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("cannot serve %s: it is not a folder; pass the site folder with -source DIR", opts.Source)
	}
	s := &Server{
		source: opts.Source,
		log:    opts.Log,
		poll:   opts.Poll,
		settle: opts.Settle,
		epoch:  strconv.FormatInt(time.Now().UnixNano(), 36),
		done:   make(chan struct{}),
	}
	if s.log == nil {
		s.log = io.Discard
	}
	if s.poll <= 0 {
		s.poll = DefaultPoll
	}
	if s.settle <= 0 {
		s.settle = DefaultSettle
	}
	s.events.subs = map[chan string]struct{}{}
	// Look at the files before building, so that an edit made during the
	// first build is seen as a change.
	seen := scan(s.source)
	s.rebuild()
	s.wg.Add(1)
	go s.watch(seen)
	return s, nil
}

// Close stops watching the files and ends every live-reload stream, so that
// an http.Server serving s can shut down. Requests after Close are still
// answered from the last build.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { close(s.done) })
	s.wg.Wait()
	return nil
}

// Serve answers HTTP requests on ln until ctx is done or serving fails, then
// closes s, lets requests in flight finish (for up to five seconds) and
// returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		s.Close()
		return err
	case <-ctx.Done():
	}
	s.Close()
	stop, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(stop)
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// Base is the path the site lives under, from base_url in planpress.toml:
// "/" for most sites.
func (s *Server) Base() string { return s.current.Load().base }

// rebuild builds the site, makes it the one served and tells open pages to
// reload.
func (s *Server) rebuild() {
	start := time.Now()
	files, base, diags := build.Render(build.Options{Source: s.source, Drafts: true, Future: true, Live: true})
	n := s.builds.Add(1)
	snap := &snapshot{
		id:    s.epoch + "-" + strconv.FormatInt(n, 10),
		base:  base,
		files: files.Files(),
		diags: diags,
	}
	if diags.HasErrors() {
		snap.problems = errorPage(diags)
	}
	s.current.Store(snap)
	s.events.publish(snap.id)
	s.report(snap, time.Since(start))
}

// report writes the outcome of a build to the log, and the site's problems
// when they differ from the last build's, so that a warning is not repeated
// on every save.
func (s *Server) report(snap *snapshot, took time.Duration) {
	var problems strings.Builder
	snap.diags.WriteText(&problems)
	if p := problems.String(); p != s.lastReport {
		io.WriteString(s.log, p)
		s.lastReport = p
	}
	took = took.Round(time.Millisecond)
	if snap.failed() {
		fmt.Fprintf(s.log, "planpress serve: %d error(s) after %s; the browser shows them until they are fixed\n", snap.diags.Count(diag.Error), took)
		return
	}
	fmt.Fprintf(s.log, "planpress serve: built %d file(s) in %s\n", len(snap.files), took)
}
