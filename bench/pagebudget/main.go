// Command pagebudget measures a built planpress site against its page budget:
//
//   - a priority page's HTML and CSS under 60 KB gzipped;
//   - all the JavaScript any page loads under 350 KB gzipped;
//   - every asset a page loads has a fingerprinted name (stem.<10 hex>.ext,
//     the hex being the start of the SHA-256 of its bytes).
//
// Sizes are gzip at the default level (6), each file compressed on its own as
// a server sends it; 1 KB is 1,000 bytes.
//
//	go run ./bench/pagebudget -dir public [-base /] [-strict]
//
// With -strict it exits 1 when a budget is broken.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

const (
	htmlCSSBudget = 60_000
	jsBudget      = 350_000
)

type page struct {
	rel      string
	kind     string // from <body class="page-KIND">
	html     int    // gzipped
	css      []string
	inlineCS int // bytes of inline <style>, raw
	scripts  []string
	inlineJS []byte // executable inline scripts, concatenated
	jsonData int    // raw bytes of <script type="application/json"> (chart data)
}

var fingerprinted = regexp.MustCompile(`^(.+)\.([0-9a-f]{10})((?:\.min)?\.[a-z0-9]+)$`)

func main() {
	dir := flag.String("dir", "", "the built site folder")
	base := flag.String("base", "/", "the path the site lives under (the path of base_url)")
	strict := flag.Bool("strict", false, "exit 1 when a budget is broken")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/pagebudget -dir PUBLIC [-base /] [-strict]")
		os.Exit(2)
	}
	gz := newSizer(*dir)
	var pages []*page
	err := filepath.WalkDir(*dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(*dir, p)
		pg, err := readPage(filepath.ToSlash(rel), p, *base)
		if err != nil {
			return err
		}
		pg.html = gz.size(pg.rel)
		pages = append(pages, pg)
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "pagebudget:", err)
		os.Exit(1)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].rel < pages[j].rel })

	broken := false
	// HTML + CSS of priority pages.
	var worst *page
	worstSize, nPriority := 0, 0
	for _, p := range pages {
		if p.kind != "priority" {
			continue
		}
		nPriority++
		if s := p.htmlCSS(gz); s > worstSize {
			worst, worstSize = p, s
		}
	}
	if worst == nil {
		fmt.Println("priority pages: none found (no <body class=\"page-priority\">)")
	} else {
		ok := worstSize <= htmlCSSBudget
		broken = broken || !ok
		fmt.Printf("priority page HTML+CSS (largest of %d): %s gzipped = HTML %s + CSS %s  [budget %s: %s]  %s\n",
			nPriority, kb(worstSize), kb(worst.html), kb(worstSize-worst.html), kb(htmlCSSBudget), verdict(ok), worst.rel)
	}
	// Other page kinds, for information.
	byKind := map[string]*page{}
	for _, p := range pages {
		if b := byKind[p.kind]; b == nil || p.htmlCSS(gz) > b.htmlCSS(gz) {
			byKind[p.kind] = p
		}
	}
	var kinds []string
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		p := byKind[k]
		fmt.Printf("  largest %-13s HTML+CSS %s gzipped (HTML %s, raw %s; chart data JSON %s raw)  %s\n", k+":", kb(p.htmlCSS(gz)), kb(p.html), kb(gz.raw(p.rel)), kb(p.jsonData), p.rel)
	}
	// JavaScript.
	var worstJS *page
	worstJSSize := -1
	for _, p := range pages {
		if s := p.js(gz); s > worstJSSize {
			worstJS, worstJSSize = p, s
		}
	}
	if worstJS != nil {
		ok := worstJSSize <= jsBudget
		broken = broken || !ok
		fmt.Printf("JavaScript on one page (largest of %d pages): %s gzipped  [budget %s: %s]  %s\n", len(pages), kb(worstJSSize), kb(jsBudget), verdict(ok), worstJS.rel)
		for _, s := range worstJS.scripts {
			fmt.Printf("  %s: %s gzipped (%s raw)\n", s, kb(gz.size(s)), kb(gz.raw(s)))
		}
		if len(worstJS.inlineJS) > 0 {
			fmt.Printf("  inline scripts: %s gzipped\n", kb(gzipLen(worstJS.inlineJS)))
		}
	}
	// Fingerprints.
	seen := map[string]bool{}
	var bad []string
	n := 0
	for _, p := range pages {
		for _, a := range append(append([]string{}, p.css...), p.scripts...) {
			if seen[a] {
				continue
			}
			seen[a] = true
			n++
			if msg := checkFingerprint(*dir, a); msg != "" {
				bad = append(bad, msg)
			}
		}
	}
	if len(bad) > 0 {
		broken = true
		fmt.Printf("fingerprinted names: %d of %d assets are not [FAIL]\n", len(bad), n)
		for _, b := range bad {
			fmt.Println("  " + b)
		}
	} else {
		fmt.Printf("fingerprinted names: every asset pages load (%d) is named name.<sha256[:10]>.ext [ok]\n", n)
	}
	if broken && *strict {
		os.Exit(1)
	}
}

func (p *page) htmlCSS(gz *sizer) int {
	s := p.html
	for _, c := range p.css {
		s += gz.size(c)
	}
	return s
}

func (p *page) js(gz *sizer) int {
	s := 0
	for _, c := range p.scripts {
		s += gz.size(c)
	}
	if len(p.inlineJS) > 0 {
		s += gzipLen(p.inlineJS)
	}
	return s
}

func verdict(ok bool) string {
	if ok {
		return "ok"
	}
	return "OVER"
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1000) }

// readPage finds what a page loads: stylesheets and scripts.
func readPage(rel, file, base string) (*page, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	p := &page{rel: rel}
	z := html.NewTokenizer(bytes.NewReader(b))
	var inScript, inStyle bool
	scriptJSON := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return p, nil
			}
			return nil, z.Err()
		case html.TextToken:
			switch {
			case inScript && scriptJSON:
				p.jsonData += len(z.Text())
			case inScript:
				p.inlineJS = append(p.inlineJS, z.Text()...)
			case inStyle:
				p.inlineCS += len(z.Text())
			}
		case html.EndTagToken:
			inScript, inStyle = false, false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attr := func(k string) (string, bool) {
				for _, a := range tok.Attr {
					if a.Key == k {
						return a.Val, true
					}
				}
				return "", false
			}
			switch tok.Data {
			case "body":
				if c, ok := attr("class"); ok {
					for _, f := range strings.Fields(c) {
						if k, ok := strings.CutPrefix(f, "page-"); ok {
							p.kind = k
						}
					}
				}
			case "link":
				rels, _ := attr("rel")
				href, ok := attr("href")
				if ok && hasWord(rels, "stylesheet") {
					if f := local(rel, href, base); f != "" {
						p.css = append(p.css, f)
					}
				}
			case "style":
				inStyle = tt == html.StartTagToken
			case "script":
				typ, _ := attr("type")
				typ = strings.ToLower(strings.TrimSpace(typ))
				if src, ok := attr("src"); ok {
					if f := local(rel, src, base); f != "" {
						p.scripts = append(p.scripts, f)
					}
				}
				scriptJSON = typ != "" && typ != "module" && !strings.Contains(typ, "javascript")
				inScript = tt == html.StartTagToken
			}
		}
	}
}

func hasWord(list, w string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == w {
			return true
		}
	}
	return false
}

// local turns an address on a page into a path below the site folder, or ""
// for an address on another site.
func local(pageRel, ref, base string) string {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return ""
	}
	p := u.Path
	if strings.HasPrefix(p, "/") {
		p = strings.TrimPrefix(p, strings.TrimSuffix(base, "/"))
	} else {
		p = path.Join(path.Dir(pageRel), p)
	}
	return strings.TrimPrefix(path.Clean("/"+p), "/")
}

func checkFingerprint(dir, rel string) string {
	m := fingerprinted.FindStringSubmatch(path.Base(rel))
	if m == nil {
		return rel + ": no fingerprint in the name"
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return rel + ": " + err.Error()
	}
	sum := sha256.Sum256(b)
	if want := hex.EncodeToString(sum[:5]); want != m[2] {
		return fmt.Sprintf("%s: the name says %s but the content hashes to %s", rel, m[2], want)
	}
	return ""
}

// sizer gzips files once each.
type sizer struct {
	dir  string
	gz   map[string]int
	raws map[string]int
}

func newSizer(dir string) *sizer {
	return &sizer{dir: dir, gz: map[string]int{}, raws: map[string]int{}}
}

func (s *sizer) load(rel string) {
	if _, ok := s.gz[rel]; ok {
		return
	}
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(rel)))
	if err != nil {
		s.gz[rel], s.raws[rel] = 0, 0
		return
	}
	s.gz[rel], s.raws[rel] = gzipLen(b), len(b)
}

func (s *sizer) size(rel string) int { s.load(rel); return s.gz[rel] }
func (s *sizer) raw(rel string) int  { s.load(rel); return s.raws[rel] }

func gzipLen(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Len()
}
