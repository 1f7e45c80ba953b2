package browsertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/chromedp/chromedp"
)

// ErrNoPdftotext means that pdftotext, from Debian's poppler-utils, is not
// on the PATH.
var ErrNoPdftotext = errors.New("browsertest: no pdftotext on the PATH (`make test` installs it: apt-get install poppler-utils)")

// A Printout is a page as the browser prints it.
type Printout struct {
	PDF   []byte
	Text  string // the PDF's text, page after page
	Pages int
}

// Contains reports whether the printed text has s, where any run of spaces,
// line breaks and page breaks matches any other: pdftotext breaks lines
// where the print layout wraps them.
func (p *Printout) Contains(s string) bool {
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	return strings.Contains(flat(p.Text), flat(s))
}

// Print loads pageURL and prints it to A4 with the page's print styles, then
// extracts the text of the PDF with pdftotext.
func (b *Browser) Print(ctx context.Context, pageURL string) (*Printout, error) {
	var pdf []byte
	err := b.use(ctx, "", func(ctx context.Context, col *collector) error {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(WideWidth, WideHeight), chromedp.Navigate(pageURL)); err != nil {
			return fmt.Errorf("loading: %w", err)
		}
		if err := settle(ctx, col); err != nil {
			return err
		}
		var err error
		if pdf, err = chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4))); err != nil {
			return fmt.Errorf("printing: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("browsertest: %s: %w", pageURL, err)
	}
	text, err := PDFText(ctx, pdf)
	if err != nil {
		return nil, fmt.Errorf("browsertest: %s: %w", pageURL, err)
	}
	// pdftotext ends every page with a form feed.
	return &Printout{PDF: pdf, Text: text, Pages: strings.Count(text, "\f")}, nil
}

// PDFText returns the text of a PDF, as pdftotext reads it in reading order.
func PDFText(ctx context.Context, pdf []byte) (string, error) {
	exe, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", ErrNoPdftotext
	}
	dir, err := os.MkdirTemp("", "planpress-pdf-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return "", err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, exe, "-enc", "UTF-8", in, "-")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("pdftotext: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
