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

	"github.com/fsnotify/fsnotify"
	"golang.org/x/net/netutil"

	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/load"
)

// Defaults for Options.
const (
	// DefaultPoll is how often the files are looked at where the system
	// cannot report changes to them.
	DefaultPoll = 100 * time.Millisecond
	// DefaultSettle is long enough for an editor's save (a backup, a
	// temporary file renamed over the old one) to make one rebuild, and
	// short beside the rebuild itself.
	DefaultSettle = 10 * time.Millisecond
)

// Limits of the HTTP server. A browser keeps a few connections open between
// page loads, and one more per open tab for live reload; on this computer a
// new connection costs well under a millisecond.
const (
	// idleTimeout closes a connection that waits for a request this long.
	idleTimeout = 5 * time.Second
	// readHeaderTimeout closes a connection whose request takes this long
	// to arrive.
	readHeaderTimeout = 5 * time.Second
	// maxConns bounds the connections open at once, so that no number of
	// clients can use up the open files that the watcher and the builds
	// need. Connections beyond it wait in the system's queue until one
	// closes.
	maxConns = 256
)

// Options say which site to serve and how to watch it.
type Options struct {
	// Source is the site folder (the one holding planpress.toml).
	Source string
	// Log receives a line per rebuild and the site's problems when they
	// change; nil discards them.
	Log io.Writer
	// Poll, when positive, makes the server look at the files this often
	// instead of having the system report changes: for a folder whose
	// changes are not reported (some network drives, a Windows drive seen
	// from WSL). 0 means reports, or looking every DefaultPoll where the
	// system cannot make them.
	Poll time.Duration
	// Settle is how long the files must stay unchanged after a change before
	// the rebuild starts, so that a burst of saves (a checkout, an editor
	// writing a backup) makes one rebuild; 0 means DefaultSettle.
	Settle time.Duration
	// Hosts are further names that requests may address the server by,
	// besides its address and localhost (see Serve): the host of -addr, say.
	Hosts []string

	// newWatcher stands in for fsnotify.NewWatcher in tests.
	newWatcher func() (*fsnotify.Watcher, error)
	// built, when set, receives each build before it is served: tests
	// record the builds there, and edit files to stand for an edit made
	// during a build.
	built func(*snapshot)
}

// A Server is an http.Handler for a site built in memory, kept up to date
// with the site's files until Close.
type Server struct {
	source string
	log    io.Writer
	poll   time.Duration // 0 while the system reports changes
	settle time.Duration
	hosts  []string
	built  func(*snapshot)

	// HTTP limits, which tests shorten.
	idleTimeout time.Duration
	maxConns    int

	current atomic.Pointer[snapshot]
	builds  atomic.Int64 // how many builds have finished, for tests
	epoch   string       // makes build ids differ between runs of serve

	events    broker
	done      chan struct{}
	closeOnce sync.Once
	wg        sync.WaitGroup

	lastReport string // the problems last written to log; only the watcher touches it
	// memo keeps the editions each build loaded, so that after a save the
	// next build parses only the editions whose files changed. Builds run
	// one at a time (New, then the watcher), as a memo needs.
	memo load.Memo
}

// snapshot is one build: the files to serve, or the problems to show
// instead. A build is served before it is complete: until complete is
// closed, a page is rendered from preview when it is asked for, with its
// part of the site, so that a reader sees an edit without waiting for the
// rest; files, diags and problems are final once it is closed.
type snapshot struct {
	id       string            // changes with every build; sent to pages as they connect
	base     string            // the path the site lives under: "/" or "/reports/"
	files    map[string][]byte // path below the site root -> content; read-only
	diags    *diag.List
	problems []byte // the error page, when diags holds errors

	// An early build has preview, and final once complete is closed.
	preview  *build.Preview
	complete chan struct{}
	final    *snapshot

	// changed lists the files whose change made this build,
	// slash-separated below the site folder; none for the first.
	changed []string
	// When the first of them was noticed, and the build began and ended:
	// for the log and the benchmarks.
	noticed, started, finished time.Time
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
		source:      opts.Source,
		log:         opts.Log,
		poll:        max(opts.Poll, 0),
		settle:      opts.Settle,
		hosts:       opts.Hosts,
		built:       opts.built,
		idleTimeout: idleTimeout,
		maxConns:    maxConns,
		epoch:       strconv.FormatInt(time.Now().UnixNano(), 36),
		done:        make(chan struct{}),
	}
	if s.log == nil {
		s.log = io.Discard
	}
	if s.settle <= 0 {
		s.settle = DefaultSettle
	}
	s.events.subs = map[chan string]struct{}{}
	// Watch, or look at, the files before building, so that an edit made
	// during the first build is seen as a change.
	var n *notifier
	if s.poll == 0 {
		newWatcher := opts.newWatcher
		if newWatcher == nil {
			newWatcher = fsnotify.NewWatcher
		}
		if n, err = startNotifier(s.source, newWatcher); err != nil {
			s.poll = DefaultPoll
			fmt.Fprintf(s.log, "planpress serve: cannot watch the files for changes (%v); looking at them every %s instead\n", err, s.poll)
		}
	}
	var seen files
	if n == nil {
		seen = scan(s.source)
	}
	s.rebuild(nil, time.Time{})
	s.wg.Add(1)
	go s.watch(n, seen)
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
// returns. It answers only requests addressed to ln's address, or by a name
// that only this computer can give it (see Options.Hosts); it closes
// connections left idle, and keeps a bounded number open.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           guardHosts(ln.Addr(), s.hosts, s),
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       s.idleTimeout,
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(netutil.LimitListener(ln, s.maxConns)) }()
	select {
	case err := <-served:
		s.Close()
		return err
	case <-ctx.Done():
	}
	// Closing s ends the live-reload streams, which would otherwise keep
	// Shutdown waiting.
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
// reload. changed and noticed say what made it, for the log.
//
// Open pages are told to reload as soon as the site is loaded: the page each
// asks for then renders with its part of the site, while the rest of the
// site renders here. A problem found in the rest turns the build into the
// list of problems, and the pages are told to reload again to show it.
func (s *Server) rebuild(changed []string, noticed time.Time) {
	start := time.Now()
	pv, diags := build.NewPreview(build.Options{Source: s.source, Drafts: true, Future: true, Live: true, Memo: &s.memo})
	n := s.builds.Add(1)
	id := s.epoch + "-" + strconv.FormatInt(n, 10)
	early := &snapshot{id: id, base: pv.Base(), diags: diags, preview: pv, complete: make(chan struct{}), changed: changed, noticed: noticed, started: start}
	if diags.HasErrors() {
		early.problems = errorPage(diags)
	} else {
		s.current.Store(early)
		s.events.publish(id)
	}
	files, all := pv.Finish()
	snap := &snapshot{id: id, base: pv.Base(), files: files, diags: all,
		changed: changed, noticed: noticed, started: start, finished: time.Now()}
	if all.HasErrors() {
		snap.problems = errorPage(all)
		if !diags.HasErrors() {
			// The early build showed pages; this one shows problems.
			snap.id = id + "-problems"
		}
	}
	if s.built != nil {
		s.built(snap)
	}
	s.current.Store(snap)
	early.final = snap
	close(early.complete)
	if snap.id != id || diags.HasErrors() {
		s.events.publish(snap.id)
	}
	s.report(snap)
}

// file finds a file of the build below the site root. An early build renders
// it with its part of the site, or waits for the rest for a file no part
// writes alone; failed is true when the build turned out to have errors, so
// that the list of them is shown instead.
func (snap *snapshot) file(name string) (data []byte, ok, failed bool) {
	if snap.preview == nil {
		data, ok = snap.files[name]
		return data, ok, snap.problems != nil
	}
	select {
	case <-snap.complete:
	default:
		if data, problems, ok := snap.preview.File(name); ok && !problems.HasErrors() {
			return data, true, false
		}
		<-snap.complete
	}
	return snap.final.file(name)
}

// report writes the outcome of a build to the log, and the site's problems
// when they differ from the last build's, so that a warning is not repeated
// on every save.
func (s *Server) report(snap *snapshot) {
	var problems strings.Builder
	snap.diags.WriteText(&problems)
	if p := problems.String(); p != s.lastReport {
		io.WriteString(s.log, p)
		s.lastReport = p
	}
	took := snap.finished.Sub(snap.started).Round(time.Millisecond)
	if snap.failed() {
		fmt.Fprintf(s.log, "planpress serve: %s%d error(s) after %s; the browser shows them until they are fixed\n", describe(snap.changed), snap.diags.Count(diag.Error), took)
		return
	}
	fmt.Fprintf(s.log, "planpress serve: %sbuilt %d file(s) in %s\n", describe(snap.changed), len(snap.files), took)
}
