package browsertest

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

var (
	//go:embed js/csp.js
	cspScript string
	//go:embed js/settle.js
	settleScript string
	//go:embed js/reflow.js
	reflowScript string
	//go:embed js/axe-run.js
	axeRunScript string
	//go:embed js/focus.js
	focusScript string
)

// WCAGTags are the axe-core rule tags the checks run: WCAG 2.0, 2.1 and 2.2,
// levels A and AA.
var WCAGTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// NarrowWidth is the viewport width, in CSS pixels, at which a page must not
// scroll sideways (WCAG 1.4.10 Reflow: 1280 px at 400% zoom).
const NarrowWidth = 320

// WideWidth and WideHeight are the desktop viewport that axe-core runs in.
const (
	WideWidth  = 1280
	WideHeight = 900
)

// A Violation is one axe-core rule that a page breaks.
type Violation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []string `json:"target"`
		HTML    string   `json:"html"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s [%s]", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n      at %s: %s", strings.Join(n.Target, " "), n.HTML)
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n         %s", strings.ReplaceAll(n.Summary, "\n", "\n         "))
		}
	}
	return b.String()
}

// A CSPViolation is a load or script that the Content-Security-Policy blocked.
type CSPViolation struct {
	Directive string `json:"directive"`
	Blocked   string `json:"blocked"` // a URL, or "inline" or "eval"
	Source    string `json:"source"`
	Line      int    `json:"line"`
	Sample    string `json:"sample"`
}

func (v CSPViolation) String() string {
	s := fmt.Sprintf("%s blocked %s", v.Directive, v.Blocked)
	if v.Source != "" {
		s += fmt.Sprintf(" (%s:%d)", v.Source, v.Line)
	}
	if v.Sample != "" {
		s += fmt.Sprintf(": %q", v.Sample)
	}
	return s
}

// Reflow is what the narrow-viewport check measured.
type Reflow struct {
	ClientWidth int      `json:"clientWidth"`
	ScrollWidth int      `json:"scrollWidth"`
	Offenders   []string `json:"offenders"` // outermost elements past the right edge
	More        int      `json:"more"`      // offenders not listed
}

// ScrollsSideways reports whether the page is wider than its viewport, or has
// content past the right edge that is cut off rather than scrolled.
func (r Reflow) ScrollsSideways() bool {
	return r.ScrollWidth > r.ClientWidth || len(r.Offenders) > 0
}

// A PageReport is the result of the checks of one page.
type PageReport struct {
	URL           string
	Status        int64  // the HTTP status of the document
	Title         string // the document's title
	Console       []ConsoleError
	Requests      []string // every URL the page requested, in order
	Foreign       []string // requests to any host but the site's own
	FailedLoads   []FailedLoad
	CSPViolations []CSPViolation
	Violations    []Violation // axe-core, at the desktop width
	AxePasses     int         // rules that passed, so that a run that checked nothing shows
	Reflow        Reflow      // at NarrowWidth
	Charts        Charts      // at the desktop width
	Duration      time.Duration
}

// Charts counts the page's charts (elements with data-chart) and those that
// ECharts drew as SVG.
type Charts struct {
	Total   int      `json:"total"`
	Drawn   int      `json:"drawn"`
	Library bool     `json:"library"` // window.echarts was loaded
	Undrawn []string `json:"undrawn"`
}

// chartsScript counts the charts and the SVG drawings inside them.
const chartsScript = `(() => {
  const els = Array.from(document.querySelectorAll('[data-chart]'));
  const undrawn = els.filter((e) => !e.querySelector('svg')).map((e) => e.id);
  return {total: els.length, drawn: els.length - undrawn.length, library: typeof window.echarts === 'object', undrawn};
})()`

// Problems lists, one readable line each, what makes the page unfit to
// publish. None means it passed every check.
func (r *PageReport) Problems() []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if r.Status >= 400 {
		add("the page answered HTTP %d", r.Status)
	}
	for _, e := range r.Console {
		add("console error: %s", e)
	}
	for _, u := range r.Foreign {
		add("request to another host: %s", u)
	}
	for _, f := range r.FailedLoads {
		add("failed load: %s", f)
	}
	for _, v := range r.CSPViolations {
		add("Content-Security-Policy violation: %s", v)
	}
	for _, v := range r.Violations {
		add("axe: %s", v)
	}
	if r.Charts.Total > 0 && r.Charts.Library && r.Charts.Drawn < r.Charts.Total {
		add("%d of %d charts were not drawn as SVG: %s", r.Charts.Total-r.Charts.Drawn, r.Charts.Total, strings.Join(r.Charts.Undrawn, ", "))
	}
	if r.Charts.Total > 0 && !r.Charts.Library && r.Charts.Drawn > 0 {
		add("charts were drawn without the chart library")
	}
	if r.Reflow.ScrollsSideways() {
		s := fmt.Sprintf("scrolls sideways at %d px: content is %d px wide in a %d px viewport", NarrowWidth, r.Reflow.ScrollWidth, r.Reflow.ClientWidth)
		if len(r.Reflow.Offenders) > 0 {
			s += "; past the edge: " + strings.Join(r.Reflow.Offenders, ", ")
			if r.Reflow.More > 0 {
				s += fmt.Sprintf(" and %d more", r.Reflow.More)
			}
		}
		add("%s", s)
	}
	return out
}

// CheckPage checks pageURL in a tab of its own for the time: it loads the page at
// NarrowWidth as a phone would and measures sideways scrolling, then widens
// the viewport to the desktop and runs axe-core. All the while it records
// console errors, every request, failed loads and CSP violations. The site's
// own host is pageURL's; any other is foreign. The error is for a check that
// could not run; what the page does wrong is in the report.
func (b *Browser) CheckPage(ctx context.Context, pageURL string) (*PageReport, error) {
	start := time.Now()
	u, err := url.Parse(pageURL)
	if err != nil {
		return nil, fmt.Errorf("browsertest: %w", err)
	}
	rep := &PageReport{URL: pageURL}
	err = b.use(ctx, u.Host, func(ctx context.Context, col *collector) error {
		col.expect(pageURL)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(NarrowWidth, WideHeight)); err != nil {
			return fmt.Errorf("setting the viewport: %w", err)
		}
		resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(pageURL))
		if err != nil {
			return fmt.Errorf("loading: %w", err)
		}
		if resp != nil {
			rep.Status = resp.Status
		}
		if err := settle(ctx, col); err != nil {
			return err
		}
		if rep.Reflow, err = chromedp.Run(ctx, chromedp.Evaluate[Reflow](reflowScript)); err != nil {
			return fmt.Errorf("measuring the width: %w", err)
		}

		if err := chromedp.Do(ctx, chromedp.EmulateViewport(WideWidth, WideHeight)); err != nil {
			return fmt.Errorf("widening the viewport: %w", err)
		}
		if err := settle(ctx, col); err != nil {
			return err
		}
		if rep.Charts, err = chromedp.Run(ctx, chromedp.Evaluate[Charts](chartsScript)); err != nil {
			return fmt.Errorf("counting the charts: %w", err)
		}
		if rep.Title, err = chromedp.Run(ctx, chromedp.Title()); err != nil {
			return fmt.Errorf("reading the title: %w", err)
		}
		ax, err := b.runAxe(ctx)
		if err != nil {
			return fmt.Errorf("running axe-core: %w", err)
		}
		rep.Violations, rep.AxePasses = ax.Violations, ax.Passes
		if rep.CSPViolations, err = chromedp.Run(ctx, chromedp.Evaluate[[]CSPViolation](`window.__planpressCSP || []`)); err != nil {
			return fmt.Errorf("reading CSP violations: %w", err)
		}

		col.mu.Lock()
		defer col.mu.Unlock()
		rep.Console = append(rep.Console, col.console...)
		rep.Requests = append(rep.Requests, col.requests...)
		rep.Foreign = append(rep.Foreign, col.foreign...)
		rep.FailedLoads = append(rep.FailedLoads, col.failed...)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("browsertest: %s: %w", pageURL, err)
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// settle waits until the page has drawn its final layout and no request has
// been open for a moment, as charts that fetch their data make requests after
// the load event.
func settle(ctx context.Context, col *collector) error {
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](settleScript, chromedp.EvalAwaitPromise)); err != nil {
		return fmt.Errorf("waiting for fonts and layout: %w", err)
	}
	// The deadline only stops a page whose requests never end.
	deadline := time.Now().Add(2 * time.Minute)
	for !col.quietFor(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			return fmt.Errorf("waiting for the page to settle: requests still open after two minutes")
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
	return nil
}

type axeResult struct {
	Violations []Violation `json:"violations"`
	Incomplete int         `json:"incomplete"`
	Passes     int         `json:"passes"`
}

// runAxe injects axe-core into the page, unless it is there already, and runs
// it for WCAGTags. DevTools evaluation is not bound by the page's CSP.
func (b *Browser) runAxe(ctx context.Context) (axeResult, error) {
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === 'object'`))
	if err != nil {
		return axeResult{}, err
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](b.axe)); err != nil {
			return axeResult{}, err
		}
	}
	tags, _ := json.Marshal(WCAGTags)
	return chromedp.Run(ctx, chromedp.Evaluate[axeResult](strings.ReplaceAll(axeRunScript, "TAGS", string(tags)), chromedp.EvalAwaitPromise))
}

// CheckPages runs CheckPage on each URL, in up to parallel tabs at once (at
// least one), and returns the reports in the order of urls. It stops at the
// first check that could not run.
func (b *Browser) CheckPages(ctx context.Context, urls []string, parallel int) ([]*PageReport, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	reports := make([]*PageReport, len(urls))
	next := make(chan int)
	errs := make(chan error, max(parallel, 1))
	var wg sync.WaitGroup
	for range max(parallel, 1) {
		wg.Go(func() {
			for i := range next {
				rep, err := b.CheckPage(ctx, urls[i])
				if err != nil {
					errs <- err
					cancel()
					return
				}
				reports[i] = rep
			}
		})
	}
feed:
	for i := range urls {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	// Only a worker's error cancels ctx, so an error here is the caller's.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return reports, nil
}
