package pdf

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// missingTool skips the test when a tool it needs is not installed, or
// fails it under CI, where `make test` should have installed it.
func missingTool(t *testing.T, err error) {
	t.Helper()
	msg := err.Error() + "; `make test` installs what these tests need (target deps-test)"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// needBrowser returns the browser the tests print with.
func needBrowser(t *testing.T) string {
	t.Helper()
	exe, err := FindBrowser("")
	if err != nil {
		missingTool(t, err)
	}
	return exe
}

// needPoppler checks for pdfinfo and pdftotext, from Debian's poppler-utils.
func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			missingTool(t, fmt.Errorf("no %s on the PATH (apt-get install poppler-utils)", tool))
		}
	}
}

// poppler runs a poppler tool on the PDF and returns what it writes.
func poppler(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "pack.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(tool, append(args, file)...)
	if tool == "pdftotext" {
		cmd.Args = append(cmd.Args, "-")
	}
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v: %s", tool, err, stderr.String())
	}
	return stdout.String()
}

// info is what pdfinfo says of a PDF.
type info struct {
	fields map[string]string
	sizes  [][2]float64 // each page's width and height, in points
}

var pageSize = regexp.MustCompile(`(?m)^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)

func pdfInfo(t *testing.T, pdf []byte) info {
	t.Helper()
	out := info{fields: map[string]string{}}
	for _, line := range strings.Split(poppler(t, pdf, "pdfinfo"), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			out.fields[k] = strings.TrimSpace(v)
		}
	}
	pages, _ := strconv.Atoi(out.fields["Pages"])
	for _, m := range pageSize.FindAllStringSubmatch(poppler(t, pdf, "pdfinfo", "-f", "1", "-l", strconv.Itoa(pages)), -1) {
		w, _ := strconv.ParseFloat(m[2], 64)
		h, _ := strconv.ParseFloat(m[3], 64)
		out.sizes = append(out.sizes, [2]float64{w, h})
	}
	return out
}

// pageTexts returns the text of each page, laid out as printed (-layout
// keeps a table's row on a line).
func pageTexts(t *testing.T, pdf []byte) []string {
	t.Helper()
	pages := strings.Split(poppler(t, pdf, "pdftotext", "-enc", "UTF-8", "-layout"), "\f")
	return pages[:len(pages)-1] // pdftotext ends every page with a form feed
}

// flat joins every run of white space into one space.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// A word is one word as pdftotext finds it: its page, the page's height,
// where it starts down the page, and the size it is printed at, in points.
type word struct {
	Text       string
	Page       int
	PageHeight float64
	Y          float64
	Size       float64
}

var wordBox = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`)
var pageBox = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
var plainWord = regexp.MustCompile(`^[A-Za-z0-9.,:;()%/'-]{3,}$`)

// printedWords lists the words of every page that are written in ASCII,
// with the size each is printed at. pdftotext gives no sizes, but each
// word's width: the size is the width over the word's advance in the font
// the page's Arial is printed in (Liberation Sans on Debian), as fc-match
// names it. A browser that prints a page smaller to fit something too wide
// on it prints every word smaller than its CSS size.
func printedWords(t *testing.T, pdf []byte) []word {
	t.Helper()
	file, err := exec.Command("fc-match", "-f", "%{file}", "Arial").Output()
	if err != nil {
		missingTool(t, fmt.Errorf("fc-match (fontconfig) could not name the font for Arial: %v", err))
	}
	data, err := os.ReadFile(string(file))
	if err != nil {
		missingTool(t, err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.UnitsPerEm())
	advance := func(s string) float64 { // in ems
		var total fixed.Int26_6
		for _, r := range s {
			i, err := f.GlyphIndex(&buf, r)
			if err != nil || i == 0 {
				return 0
			}
			a, err := f.GlyphAdvance(&buf, i, upem, font.HintingNone)
			if err != nil {
				return 0
			}
			total += a
		}
		return float64(total) / float64(upem)
	}
	var out []word
	for i, page := range strings.Split(poppler(t, pdf, "pdftotext", "-bbox"), "</page>") {
		m := pageBox.FindStringSubmatch(page)
		if m == nil {
			continue
		}
		h, _ := strconv.ParseFloat(m[2], 64)
		for _, w := range wordBox.FindAllStringSubmatch(page, -1) {
			text := html.UnescapeString(w[4])
			if !plainWord.MatchString(text) {
				continue
			}
			x0, _ := strconv.ParseFloat(w[1], 64)
			y0, _ := strconv.ParseFloat(w[2], 64)
			x1, _ := strconv.ParseFloat(w[3], 64)
			em := advance(text)
			if em == 0 {
				continue
			}
			out = append(out, word{Text: text, Page: i + 1, PageHeight: h, Y: y0, Size: (x1 - x0) / em})
		}
	}
	return out
}

// structure is what the PDF holds beyond its text: its language, its
// outline's titles in order, and the text alternatives of its tags.
type structure struct {
	Lang    string
	Outline []string
	Alts    []string
}

func readStructure(t *testing.T, pdf []byte) structure {
	t.Helper()
	ctx, err := pdfcpu.Read(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil {
		t.Fatal(err)
	}
	cat, err := ctx.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	text := func(o types.Object) string {
		o, err := ctx.Dereference(o)
		if err != nil || o == nil {
			return ""
		}
		s, err := types.StringOrHexLiteral(o)
		if err != nil || s == nil {
			return ""
		}
		return *s
	}
	var out structure
	out.Lang = text(cat["Lang"])
	var walk func(o types.Object, depth int) error
	walk = func(o types.Object, depth int) error {
		for n := 0; o != nil && n < 10000; n++ {
			d, err := ctx.DereferenceDict(o)
			if err != nil || d == nil {
				return err
			}
			out.Outline = append(out.Outline, strings.Repeat("  ", depth)+text(d["Title"]))
			if first, ok := d.Find("First"); ok {
				if err := walk(first, depth+1); err != nil {
					return err
				}
			}
			o, _ = d.Find("Next")
		}
		return nil
	}
	if o, ok := cat.Find("Outlines"); ok {
		root, err := ctx.DereferenceDict(o)
		if err != nil {
			t.Fatal(err)
		}
		if first, ok := root.Find("First"); ok {
			if err := walk(first, 0); err != nil {
				t.Fatal(err)
			}
		}
	}
	for nr := 1; nr <= ctx.XRefTable.MaxObjNr; nr++ {
		e, ok := ctx.XRefTable.Find(nr)
		if !ok || e == nil || e.Free {
			continue
		}
		d, ok := e.Object.(types.Dict)
		if !ok {
			continue
		}
		if alt, ok := d.Find("Alt"); ok {
			out.Alts = append(out.Alts, text(alt))
		}
	}
	return out
}
