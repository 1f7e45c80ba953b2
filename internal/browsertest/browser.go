package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ErrNoChromium means that no Chromium was found on the PATH.
var ErrNoChromium = errors.New("browsertest: no chromium on the PATH (`make test` installs it: apt-get install chromium)")

// FindChromium returns the path of the browser the checks use: $CHROMIUM if
// set, otherwise the first of chromium, chromium-browser and google-chrome on
// the PATH. The checks need a browser from the machine's packages; a test
// tool's own browser download does not work here.
func FindChromium() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return exec.LookPath(p)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// RepoRoot returns the folder of the go.mod that holds the working directory,
// where node_modules and the example site live.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("browsertest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Options configure a Browser. The zero value finds everything itself.
type Options struct {
	// Chromium is the browser's executable; empty means FindChromium.
	Chromium string
	// Axe is the path of axe.min.js; empty means
	// node_modules/axe-core/axe.min.js in the repository.
	Axe string
	// PageTimeout bounds the checks of one page; zero means five minutes.
	// It only stops a check that hangs: on a machine busy with other work,
	// axe-core alone took over 30 seconds on a print edition.
	PageTimeout time.Duration
}

// A Browser is one headless Chromium, shared by the checks of many pages:
// each check borrows an idle tab, or opens one, and gives it back when done,
// so that checks in parallel each have a tab. It is safe for use by several
// goroutines.
type Browser struct {
	ctx         context.Context // the browser's first tab; its children are new tabs
	cancel      context.CancelFunc
	allocCancel context.CancelFunc
	profile     string
	axe         string
	pageTimeout time.Duration

	mu     sync.Mutex
	idle   []*tab
	closed bool
}

// Launch starts a headless Chromium with a fresh profile. The browser lives
// until Close, not until ctx ends: ctx bounds the start only.
func Launch(ctx context.Context, opts Options) (*Browser, error) {
	exe := opts.Chromium
	if exe == "" {
		var err error
		if exe, err = FindChromium(); err != nil {
			return nil, err
		}
	}
	axePath := opts.Axe
	if axePath == "" {
		root, err := RepoRoot()
		if err != nil {
			return nil, err
		}
		axePath = filepath.Join(root, "node_modules", "axe-core", "axe.min.js")
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		return nil, fmt.Errorf("browsertest: reading axe-core (run `npm ci`, as `make test` does): %w", err)
	}
	profile, err := os.MkdirTemp("", "planpress-chromium-")
	if err != nil {
		return nil, fmt.Errorf("browsertest: %w", err)
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("force-color-profile", "srgb"),
		// A page that asks for another host gets no answer from the
		// network, even if its Content-Security-Policy were missing:
		// every name but the loopback ones fails to resolve.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"),
		chromedp.UserDataDir(profile),
	)
	bctx, cancel := chromedp.NewContext(allocCtx)
	b := &Browser{ctx: bctx, cancel: cancel, allocCancel: allocCancel, profile: profile, axe: string(axe), pageTimeout: opts.PageTimeout}
	if b.pageTimeout == 0 {
		b.pageTimeout = 5 * time.Minute
	}
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }()
	select {
	case err = <-started:
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("browsertest: starting %s: %w", exe, err)
	}
	return b, nil
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() error {
	b.mu.Lock()
	b.closed = true
	for _, t := range b.idle {
		t.cancel()
	}
	b.idle = nil
	b.mu.Unlock()
	b.cancel()
	b.allocCancel()
	return os.RemoveAll(b.profile)
}

// A tab is an open tab with its event collector. Checks reuse tabs: a tab
// that has run axe-core before runs it several times faster.
type tab struct {
	ctx    context.Context
	cancel context.CancelFunc
	col    *collector
}

// newTab opens a tab whose every new document first runs the CSP listener.
func (b *Browser) newTab() (*tab, error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	t := &tab{ctx: ctx, cancel: cancel, col: newCollector()}
	if err := chromedp.Listen(ctx, t.col.handle); err != nil {
		cancel()
		return nil, err
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspScript}); err != nil {
		cancel()
		return nil, err
	}
	return t, nil
}

// use runs check in an idle tab, bounded by ctx and the page timeout. The
// collector starts empty, with own as the site's host. A tab whose check
// failed is closed rather than reused, as it may be left in any state.
func (b *Browser) use(ctx context.Context, own string, check func(ctx context.Context, col *collector) error) error {
	b.mu.Lock()
	var t *tab
	if n := len(b.idle); n > 0 {
		t, b.idle = b.idle[n-1], b.idle[:n-1]
	}
	b.mu.Unlock()
	if t == nil {
		var err error
		if t, err = b.newTab(); err != nil {
			return fmt.Errorf("opening a tab: %w", err)
		}
	}
	t.col.reset(own)
	pctx, cancel := context.WithTimeout(t.ctx, b.pageTimeout)
	stop := context.AfterFunc(ctx, cancel)
	err := check(pctx, t.col)
	if err == nil {
		// Leave the page, so that nothing it does late reaches the
		// next check.
		err = chromedp.Do(pctx, chromedp.Navigate("about:blank"))
	}
	stop()
	cancel()
	if err != nil {
		t.cancel()
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		t.cancel()
	} else {
		b.idle = append(b.idle, t)
	}
	return nil
}
