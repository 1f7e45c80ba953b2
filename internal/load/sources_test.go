package load

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/planpress/planpress/internal/diag"
)

// Special contents for TestEditionFingerprints: no file at all, and a file
// that cannot be read (a folder where the file should be).
const (
	absent     = "\x00absent"
	unreadable = "\x00unreadable"
)

// TestUnreadableIsNotMissing checks that the fixture for a file that cannot
// be read is one: the loader reports it otherwise than a missing file.
func TestUnreadableIsNotMissing(t *testing.T) {
	for _, text := range []string{absent, unreadable} {
		const index = "content/editions/x/_index.md"
		l := &loader{src: readEditionSources(editionFS(index, text), "x"), diags: &diag.List{}}
		l.read(index, true)
		items := l.diags.Items()
		want := map[string]string{absent: "missing file", unreadable: "cannot read"}[text]
		if len(items) != 1 || !strings.HasPrefix(items[0].Message, want) {
			t.Errorf("%q: want one problem %q, have %v", text, want, items)
		}
	}
}

func editionFS(file, text string) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/editions/x/_index.md": {Data: []byte("+++\ntitle = \"X\"\n+++\nIntro.\n")},
	}
	switch text {
	case absent:
		delete(fsys, file)
	case unreadable:
		fsys[file] = &fstest.MapFile{Mode: fs.ModeDir | 0o755}
	default:
		fsys[file] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// TestEditionFingerprints compares the fingerprints of an edition before and
// after one of its files changes from a to b.
func TestEditionFingerprints(t *testing.T) {
	const md = "content/editions/x/priority-1.md"
	const index = "content/editions/x/_index.md"
	cases := []struct {
		name       string
		file, a, b string
		want, data bool // Fingerprint and DataFingerprint differ
	}{
		{"nothing", md, "+++\na = 1\n+++\nX\n", "+++\na = 1\n+++\nX\n", false, false},
		{"body", md, "+++\na = 1\n+++\nX\n", "+++\na = 1\n+++\nY\n", true, false},
		{"body without front matter", md, "X\n", "Y\n", true, false},
		{"line endings", md, "+++\na = 1\n+++\nX\n", "+++\r\na = 1\r\n+++\r\nX\r\n", true, false},
		{"front matter", md, "+++\na = 1\n+++\nX\n", "+++\na = 2\n+++\nX\n", true, true},
		{"front matter at the end of the file", md, "+++\na = 1\n+++", "+++\na = 2\n+++", true, true},
		{"empty front matter added", md, "X\n", "+++\n+++\nX\n", true, true},
		{"unclosed front matter", md, "+++\na = 1\n", "+++\na = 2\n", true, true},
		{"YAML front matter", md, "---\na: 1\n---\nX\n", "---\na: 2\n---\nX\n", true, true},
		{"figures", "data/editions/x/kpis.toml", "[k]\n\"2019-03\" = 1\n", "[k]\n\"2019-03\" = 2\n", true, true},
		{"figures added", "data/editions/x/kpis.toml", absent, "", true, true},
		{"priority added", md, absent, "+++\na = 1\n+++\n", true, true},
		{"empty priority added", md, absent, "", true, true},
		// A folder named like a priority is not listed, so not read.
		{"priority turned into a folder", md, unreadable, absent, false, false},
		{"introduction made unreadable", index, "+++\ntitle = \"X\"\n+++\n", unreadable, true, true},
		{"missing introduction made unreadable", index, absent, unreadable, true, true},
		{"a file the loader does not read", "content/editions/x/notes.txt", absent, "Notes.\n", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := readEditionSources(editionFS(c.file, c.a), "x")
			b := readEditionSources(editionFS(c.file, c.b), "x")
			if got := a.fingerprint() != b.fingerprint(); got != c.want {
				t.Errorf("Fingerprint differs = %v, want %v", got, c.want)
			}
			if got := a.dataFingerprint() != b.dataFingerprint(); got != c.data {
				t.Errorf("DataFingerprint differs = %v, want %v", got, c.data)
			}
		})
	}
}

// TestSourcesHoldWhatTheLoaderReads loads sites whose every file the loader
// reads is in the sources read up front: read and list panic otherwise.
func TestSourcesHoldWhatTheLoaderReads(t *testing.T) {
	fsys := fstest.MapFS{
		SiteFile:                                {Data: []byte("title = \"T\"\norganisation = \"O\"\n")},
		KPIFile:                                 {Data: []byte("")},
		GlossaryFile:                            {Data: []byte("")},
		"content/_index.md":                     {Data: []byte("Home.\n")},
		"content/pages/about.md":                {Data: []byte("+++\ntitle = \"About\"\n+++\nAbout.\n")},
		"content/pages/notes.txt":               {Data: []byte("Not read.\n")},
		"content/editions/x/_index.md":          {Data: []byte("+++\ntitle = \"X\"\npublished = \"2019-05-01\"\nas_at = \"2019-03\"\n+++\n")},
		"content/editions/x/priority-1.md":      {Data: []byte("+++\nnumber = 1\ntitle = \"P\"\n+++\n")},
		"content/editions/x/a.png":              {Data: []byte("Not read.\n")},
		"data/editions/x/kpis.toml":             {Data: []byte("")},
		"content/editions/no-index/priority.md": {Data: []byte("")},
	}
	site, diags := Site(fsys, Options{Drafts: true, Future: true})
	if len(site.Editions) != 2 || site.Home == nil || len(site.Pages) != 1 {
		t.Fatalf("want 2 editions, a home page and a page, have %d editions, home %v, %d pages", len(site.Editions), site.Home != nil, len(site.Pages))
	}
	if !diags.HasErrors() {
		t.Fatal("an edition without _index.md must be reported")
	}
}
