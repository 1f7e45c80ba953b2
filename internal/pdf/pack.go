package pdf

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/view"
)

// Options say which pack to make, and with what.
type Options struct {
	Source string // the site folder
	// Edition is the id of the edition to print; empty means the latest
	// published edition.
	Edition string
	// Language is the language to print the pack in, by its code ("cy") or
	// tag ("en-GB"); empty means the site's default language.
	Language string
	// Browser is the program of Chrome, Chromium or Edge; empty means
	// FindBrowser's.
	Browser string
	// Now is the build's idea of today (see build.Options); zero means now.
	Now time.Time
	// Timeout bounds the printing; zero means five minutes. A pack takes a
	// few seconds; a busy machine may take much longer.
	Timeout time.Duration
}

// A Pack is an edition's committee pack, printed.
type Pack struct {
	PDF     []byte
	Edition *model.Edition
	// Code is the code of the pack's language ("cy"), empty for the site's
	// default language.
	Code    string
	Browser string // the browser's program
	Pages   int
	// Contents is the page of each entry of the contents list, by the id
	// its link points to.
	Contents map[string]int
	// Wrapped counts the KPI tables whose words had to break between
	// words to fit their page.
	Wrapped int
	// Overflow names what was wider than its page, which makes the browser
	// print every page smaller: nothing, in a pack as it should be.
	Overflow []string
	// Warnings are the build's warnings about the site's files.
	Warnings *diag.List
}

// An EditionError says that the edition asked for is not one the site
// publishes.
type EditionError struct {
	ID        string
	Published []string // the ids of the published editions, oldest first
}

func (e *EditionError) Error() string {
	if len(e.Published) == 0 {
		return "the site has no published edition to print: write one, or set draft = false in its _index.md"
	}
	if e.ID == "" {
		return "no edition to print"
	}
	return fmt.Sprintf("the site has no published edition %q (a draft, or one dated in the future, is not printed); its editions are %s",
		e.ID, strings.Join(e.Published, ", "))
}

// The page geometry. The print stylesheet gives every page 15 mm margins
// (assets/css/site.css); the running header and footer are drawn in them.
// The page is laid out for printing at the width of A4's column, so that the
// charts are drawn at the width they are printed.
const (
	paperWidth  = 210.0 / 25.4 // A4, in inches
	paperHeight = 297.0 / 25.4
	margin      = 15 / 25.4
	// columnWidth is A4's width less its margins, in whole CSS pixels (96
	// an inch): 180 mm is 680.3 px; landscapeWidth is the same on its side,
	// 267 mm.
	columnWidth    = 680
	landscapeWidth = 1009
)

// prepareScript makes the print page a pack in the browser (js/prepare.js).
//
//go:embed js/prepare.js
var prepareScript string

// fitScript lets the words of a KPI table too wide for its page break
// (js/fit.js).
//
//go:embed js/fit.js
var fitScript string

// overflowScript lists what is wider than its page (js/overflow.js).
//
//go:embed js/overflow.js
var overflowScript string

// prepared is what prepareScript returns.
type prepared struct {
	Contents []string `json:"contents"`
	Header   string   `json:"header"`
	Footer   string   `json:"footer"`
}

// chartsReady is true once the charts are drawn at the width they are
// printed (assets/js/charts.js says so on <html>), or when there are none
// to draw.
const chartsReady = `(function () {
  var r = document.documentElement.getAttribute('data-charts-ready');
  return r === 'print' || r === 'none' || !document.querySelector('[data-chart]') || typeof window.echarts === 'undefined';
})()`

// Make builds the site into memory, serves it on this computer's loopback
// address, and has a headless Chrome print the edition's print page as an
// A4 committee pack: tagged, with a document outline, a running header and
// footer, and its contents list's page numbers filled in.
func Make(ctx context.Context, opts Options) (*Pack, error) {
	exe, err := FindBrowser(opts.Browser)
	if err != nil {
		return nil, err
	}
	// The whole site is rendered, as build renders it, so that a site with
	// an error anywhere gives the errors and no pack.
	site, files, base, diags := build.RenderSite(build.Options{Source: opts.Source, Now: opts.Now})
	if err := diags.Err(); err != nil {
		return &Pack{Warnings: diags}, err
	}
	site, err = pickLanguage(site, opts.Language)
	if err != nil {
		return nil, err
	}
	ed, err := pickEdition(site, opts.Edition)
	if err != nil {
		return nil, err
	}
	pack := &Pack{Edition: ed, Code: site.Code, Browser: exe, Warnings: diags}
	all := files.Files()
	page := site.Code + "/" + view.EditionPath(ed) + "print/index.html"
	page = strings.TrimPrefix(page, "/")
	if _, ok := all[page]; !ok {
		return pack, fmt.Errorf("the site has no print edition of %s (%s): does a layout of the site's own leave it out?", ed.ID, page)
	}
	root, stop, err := serve(all, base)
	if err != nil {
		return pack, fmt.Errorf("serving the site on this computer: %w", err)
	}
	defer stop()

	timeout := opts.Timeout
	if timeout == 0 {
		timeout = 5 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tab, quit, err := launch(ctx, exe)
	if err != nil {
		return pack, err
	}
	defer quit()
	if err := pack.print(tab, root+strings.TrimSuffix(page, "index.html")); err != nil {
		if ctx.Err() != nil && errors.Is(err, context.DeadlineExceeded) {
			return pack, fmt.Errorf("printing with %s took longer than %s: %w", browserName(exe), timeout, err)
		}
		return pack, fmt.Errorf("printing with %s: %w", browserName(exe), err)
	}
	return pack, nil
}

// A LanguageError says that the language asked for is not one the site
// publishes in.
type LanguageError struct {
	Language string
	Known    []string // each language's code or tag and name, the default first
}

func (e *LanguageError) Error() string {
	return fmt.Sprintf("the site is not published in %q; its languages are %s", e.Language, strings.Join(e.Known, ", "))
}

// pickLanguage finds the site in the language asked for: by its code or
// tag, or the default language's for "".
func pickLanguage(site *model.Site, lang string) (*model.Site, error) {
	if lang == "" || strings.EqualFold(lang, site.Language) {
		return site, nil
	}
	named := func(code string, l model.Language) string {
		if l.Name == "" {
			return code
		}
		return fmt.Sprintf("%s (%s)", code, l.Name)
	}
	known := []string{named(site.Language, site.Languages[0])}
	for i, tr := range site.Translations {
		if strings.EqualFold(lang, tr.Code) || strings.EqualFold(lang, tr.Language) {
			return tr, nil
		}
		known = append(known, named(tr.Code, site.Languages[i+1]))
	}
	return nil, &LanguageError{Language: lang, Known: known}
}

// pickEdition finds the edition to print: id, or the latest published.
func pickEdition(site *model.Site, id string) (*model.Edition, error) {
	var ids []string
	for _, e := range site.Editions {
		ids = append(ids, e.ID)
		if e.ID == id {
			return e, nil
		}
	}
	if id == "" && len(site.Editions) > 0 {
		return site.Editions[len(site.Editions)-1], nil
	}
	return nil, &EditionError{ID: id, Published: ids}
}

// launch starts a headless browser with a profile of its own, and returns a
// tab of it and the function that stops it and removes the profile.
func launch(ctx context.Context, exe string) (context.Context, func(), error) {
	profile, err := os.MkdirTemp("", "planpress-pdf-")
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("force-color-profile", "srgb"),
		// The page is the site's own, served from memory on this
		// computer; any other host fails to resolve, so nothing the pages
		// might ask for leaves the computer.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	}
	if runtime.GOOS == "linux" {
		// Chromium's sandbox cannot start as root, nor in most
		// containers; the browser only ever loads the site from this
		// computer (see above).
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	tab, tcancel := chromedp.NewContext(actx)
	quit := func() {
		tcancel()
		acancel()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(tab); err != nil {
		quit()
		return nil, nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	return tab, quit, nil
}

// print loads the print page, makes it a pack, and prints it: once to find
// the page each part of the pack starts on, then again with those numbers
// in the contents list. The list keeps room for its numbers, so filling
// them in moves nothing; print checks that, printing again (at most twice
// more) if a number moved.
func (p *Pack) print(ctx context.Context, pageURL string) error {
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(columnWidth, 1000),
		chromedp.Navigate(pageURL),
		chromedp.Evaluate[chromedp.Void](`document.fonts.ready.then(function () { return true; })`, chromedp.EvalAwaitPromise),
	); err != nil {
		return fmt.Errorf("loading %s: %w", pageURL, err)
	}
	prep, err := chromedp.Run(ctx, chromedp.Evaluate[prepared](prepareScript))
	if err != nil {
		return fmt.Errorf("preparing the pack: %w", err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		return fmt.Errorf("laying the page out for print: %w", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](chartsReady, chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		return fmt.Errorf("waiting for the charts to be drawn for print (<html data-charts-ready=\"print\">; a site's own assets/js/charts.js from before planpress pdf never says so): %w", err)
	}
	widths := strings.NewReplacer("PORTRAIT", fmt.Sprint(columnWidth), "LANDSCAPE", fmt.Sprint(landscapeWidth))
	if p.Wrapped, err = chromedp.Run(ctx, chromedp.Evaluate[int](widths.Replace(fitScript))); err != nil {
		return fmt.Errorf("fitting the KPI tables to their pages: %w", err)
	}
	script := widths.Replace(overflowScript)
	if p.Overflow, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](script)); err != nil {
		return fmt.Errorf("measuring the page: %w", err)
	}
	header, footer := runningHeader(prep.Header), runningFooter(prep.Footer)
	var pages map[string]int
	for try := 0; try < 3; try++ {
		if pages != nil {
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](fillScript(pages))); err != nil {
				return fmt.Errorf("filling in the contents list: %w", err)
			}
		}
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(
			chromedp.PDFPaper(chromedp.PaperSize{Width: paperWidth, Height: paperHeight}),
			chromedp.PDFMargin(margin),
			chromedp.PDFPreferCSSPageSize(),
			chromedp.PDFPrintBackground(),
			chromedp.PDFOutlineAndTagged(),
			chromedp.PDFHeaderTemplate(header),
			chromedp.PDFFooterTemplate(footer),
		))
		if err != nil {
			return fmt.Errorf("printing: %w", err)
		}
		l, err := ReadLayout(pdf)
		if err != nil {
			return err
		}
		got := map[string]int{}
		for _, id := range prep.Contents {
			n, ok := l.Dests[id]
			if !ok {
				return fmt.Errorf("the printed pack has no page for the contents list's entry %q (the page has no element with that id)", id)
			}
			got[id] = n
		}
		if len(prep.Contents) == 0 || (pages != nil && samePages(pages, got) && l.Pages == p.Pages) {
			p.PDF, p.Pages, p.Contents = pdf, l.Pages, got
			return nil
		}
		p.Pages, pages = l.Pages, got
	}
	return errors.New("the contents list's page numbers did not settle: each printing moved a part of the pack to another page")
}

func samePages(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// fillScript writes each contents entry's page number into the page.
func fillScript(pages map[string]int) string {
	b, _ := json.Marshal(pages)
	return `(function (pages) {
  var els = document.querySelectorAll('[data-contents-page]');
  for (var i = 0; i < els.length; i++) {
    var n = pages[els[i].getAttribute('data-contents-page')];
    els[i].textContent = n ? String(n) : '';
  }
})(` + string(b) + `)`
}

// running wraps the words of a running header or footer (from the print
// page's .print-running, so that they come from the site's layouts and
// language) in the box Chromium draws them in: the page's margin, with no
// styles of the page, and a font size of 0 unless given one.
func running(inner string) string {
	return `<div style="box-sizing:border-box;width:100%;padding:0 15mm;display:flex;justify-content:space-between;gap:8mm;` +
		`font-family:Arial,Helvetica,sans-serif;font-size:8pt;line-height:1.25;color:#383f43">` + inner + `</div>`
}

// runningHeader is the header of every page: the report's title. A site's
// own print layout without one gets the document's title.
func runningHeader(inner string) string {
	if strings.TrimSpace(inner) == "" {
		inner = `<span class="title"></span>`
	}
	return running(inner)
}

// runningFooter is the footer of every page: the page's number of the
// whole, in the site's words. A site's own print layout without one gets
// the numbers alone.
func runningFooter(inner string) string {
	if strings.TrimSpace(inner) == "" {
		inner = `<span></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span>`
	}
	return running(inner)
}
