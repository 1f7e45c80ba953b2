package pdf

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// destsWant is where testdata/dests.html puts its parts.
var destsWant = map[string]int{"one": 2, "two": 3, "three": 4}

func checkDests(t *testing.T, l *Layout) {
	t.Helper()
	if l.Pages != 4 {
		t.Errorf("%d pages, want 4", l.Pages)
	}
	for id, page := range destsWant {
		if l.Dests[id] != page {
			t.Errorf("destination %q is on page %d, want %d", id, l.Dests[id], page)
		}
	}
	if _, ok := l.Dests["nowhere"]; ok {
		t.Errorf("a destination for a link to no element: %v", l.Dests)
	}
}

func TestReadLayout(t *testing.T) {
	pdf, err := os.ReadFile(filepath.Join("testdata", "dests.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := ReadLayout(pdf)
	if err != nil {
		t.Fatal(err)
	}
	checkDests(t, l)

	if _, err := ReadLayout([]byte("%PDF-1.4\nnot a PDF")); err == nil {
		t.Error("ReadLayout of a broken file: no error")
	}
}

// TestChromiumNamesDestinations: the contents list's page numbers rest on
// Chromium naming a destination after each element a link points to. This
// prints testdata/dests.html again with the browser on this machine.
func TestChromiumNamesDestinations(t *testing.T) {
	exe := needBrowser(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tab, quit, err := launch(ctx, exe)
	if err != nil {
		t.Fatal(err)
	}
	defer quit()
	abs, err := filepath.Abs(filepath.Join("testdata", "dests.html"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.ToSlash(abs)
	if !strings.HasPrefix(file, "/") {
		file = "/" + file // C:/... on Windows
	}
	if err := chromedp.Do(tab, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatal(err)
	}
	pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(), chromedp.PDFOutlineAndTagged()))
	if err != nil {
		t.Fatal(err)
	}
	l, err := ReadLayout(pdf)
	if err != nil {
		t.Fatal(err)
	}
	checkDests(t, l)
}
