package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// root is the repository root.
const root = "../.."

var date = time.Date(2026, 11, 30, 12, 34, 56, 0, time.UTC)

func sampleEntries() []entry {
	return []entry{
		{Name: "planpress.exe", Mode: 0o755, Data: bytes.Repeat([]byte("MZ program "), 1000)},
		{Name: "README.txt", Mode: 0o644, Data: []byte("Read me.\r\n")},
		{Name: `LICENSES\go\LICENSE`, Mode: 0o644, Data: []byte("Go's licence")}, // as filepath gives it on Windows
		{Name: "LICENSES/github.com/yuin/goldmark/LICENSE", Mode: 0o644, Data: []byte("MIT")},
		{Name: "docs/format.md", Mode: 0o644, Data: []byte("# The planpress file format\n")},
	}
}

// TestArchivesAreReproducible runs each archive writer twice on the same
// files, given in different orders: the bytes must be the same.
func TestArchivesAreReproducible(t *testing.T) {
	entries := sampleEntries()
	reversed := make([]entry, len(entries))
	for i, e := range entries {
		reversed[len(entries)-1-i] = e
	}
	for _, goos := range []string{"windows", "linux"} {
		first, ext, err := archive(goos, entries, date)
		if err != nil {
			t.Fatal(err)
		}
		second, _, err := archive(goos, reversed, date)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Errorf("%s: two archives of the same files differ", ext)
		}
		later, _, _ := archive(goos, entries, date.Add(time.Hour))
		if bytes.Equal(first, later) {
			t.Errorf("%s: the archive does not depend on the date given", ext)
		}
	}
}

// archived is a file as an archive gives it back.
type archived struct {
	mode    fs.FileMode
	dir     bool
	data    string
	mod     time.Time
	owner   string
	ownerID int
}

func readZip(t *testing.T, data []byte) map[string]archived {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]archived{}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = archived{mode: f.Mode().Perm(), dir: f.Mode().IsDir(), data: string(b), mod: f.Modified}
	}
	if !isSorted(names) {
		t.Errorf("the zip's files are not in name order: %v", names)
	}
	return out
}

func readTarGz(t *testing.T, data []byte) map[string]archived {
	t.Helper()
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("the gzip header has a name %q or a time %v", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	out := map[string]archived{}
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		b, _ := io.ReadAll(tr)
		out[h.Name] = archived{mode: fs.FileMode(h.Mode).Perm(), dir: h.Typeflag == tar.TypeDir, data: string(b), mod: h.ModTime,
			owner: h.Uname + h.Gname, ownerID: h.Uid + h.Gid}
	}
	if !isSorted(names) {
		t.Errorf("the tar's files are not in name order: %v", names)
	}
	return out
}

func isSorted(names []string) bool {
	for i := 1; i < len(names); i++ {
		if names[i-1] >= names[i] {
			return false
		}
	}
	return true
}

// TestArchiveContents reads each archive back as a user's tool would: every
// file with slash names, its mode, the date given and no owner, and a
// folder entry for each folder.
func TestArchiveContents(t *testing.T) {
	for _, goos := range []string{"windows", "darwin"} {
		data, ext, err := archive(goos, sampleEntries(), date)
		if err != nil {
			t.Fatal(err)
		}
		var files map[string]archived
		if ext == ".zip" {
			files = readZip(t, data)
		} else {
			files = readTarGz(t, data)
		}
		if goos == "windows" && ext != ".zip" || goos != "windows" && ext != ".tar.gz" {
			t.Errorf("%s gets a %s", goos, ext)
		}
		want := map[string]string{
			"planpress.exe":       strings.Repeat("MZ program ", 1000),
			"README.txt":          "Read me.\r\n",
			"LICENSES/go/LICENSE": "Go's licence",
			"LICENSES/github.com/yuin/goldmark/LICENSE": "MIT",
			"docs/format.md": "# The planpress file format\n",
		}
		dirs := []string{"LICENSES/", "LICENSES/go/", "LICENSES/github.com/", "LICENSES/github.com/yuin/", "LICENSES/github.com/yuin/goldmark/", "docs/"}
		if len(files) != len(want)+len(dirs) {
			t.Errorf("%s: %d entries, want %d files and %d folders", ext, len(files), len(want), len(dirs))
		}
		for name, data := range want {
			f, ok := files[name]
			if !ok {
				t.Errorf("%s lacks %s", ext, name)
				continue
			}
			wantMode := fs.FileMode(0o644)
			if name == "planpress.exe" {
				wantMode = 0o755
			}
			if f.data != data || f.mode != wantMode || f.dir {
				t.Errorf("%s: %s is %q, mode %v, want %q, mode %v", ext, name, f.data, f.mode, data, wantMode)
			}
			if !f.mod.Equal(date) {
				t.Errorf("%s: %s is dated %v, want %v", ext, name, f.mod, date)
			}
			if f.owner != "" || f.ownerID != 0 {
				t.Errorf("%s: %s is owned by %q (%d)", ext, name, f.owner, f.ownerID)
			}
		}
		for _, d := range dirs {
			if f, ok := files[d]; !ok || !f.dir || f.mode != 0o755 {
				t.Errorf("%s: folder %s is %+v (present %v), want a folder with mode 0755", ext, d, f, ok)
			}
		}
	}
}

func TestEntryNames(t *testing.T) {
	for rel, want := range map[string]string{
		"planpress":                   "planpress",
		`LICENSES\go\LICENSE`:         "LICENSES/go/LICENSE",
		`docs\format.md`:              "docs/format.md",
		filepath.Join("docs", "a.md"): "docs/a.md",
	} {
		if got, err := entryName(rel); err != nil || got != want {
			t.Errorf("entryName(%q) = %q, %v; want %q", rel, got, err, want)
		}
	}
	for _, bad := range []string{"", ".", "../planpress", `..\planpress`, "/etc/passwd", `C:\planpress.exe`, "a//b", "docs/"} {
		if got, err := entryName(bad); err == nil {
			t.Errorf("entryName(%q) = %q, want an error", bad, got)
		}
	}
	if _, err := sorted([]entry{{Name: "a"}, {Name: "a"}}); err == nil {
		t.Error("a file given twice is not an error")
	}
}

func TestChecksums(t *testing.T) {
	got := string(checksums(map[string][]byte{
		"planpress-windows-amd64.zip":  {0xab, 0xcd},
		"planpress-linux-amd64.tar.gz": {0x01, 0x02},
	}))
	want := "0102  planpress-linux-amd64.tar.gz\nabcd  planpress-windows-amd64.zip\n"
	if got != want {
		t.Errorf("checksums:\n%s\nwant\n%s", got, want)
	}
}

// TestLicences gathers the licences of what planpress links, for Windows
// and Linux, from the module cache: every module has one, and each is laid
// out under LICENSES/ by its module path.
func TestLicences(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on the PATH")
	}
	for _, goos := range []string{"windows", "linux"} {
		env := buildEnv(goos, "amd64")
		mods, err := goModules(goCmd, root, env)
		if err != nil {
			t.Fatal(err)
		}
		std, err := goStandardLibrary(goCmd, root, env)
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, m := range mods {
			names[m.Name] = true
			if m.Version == "" || len(m.Files) == 0 {
				t.Errorf("%s: module %s has no version or licence files", goos, m.Name)
			}
		}
		// planpress pdf drives the browser with chromedp and writes the
		// outline with pdfcpu, so both ship and their licences go with them.
		for _, want := range []string{"github.com/BurntSushi/toml", "github.com/yuin/goldmark", "golang.org/x/text",
			"github.com/chromedp/chromedp", "github.com/pdfcpu/pdfcpu"} {
			if !names[want] {
				t.Errorf("%s: the modules planpress links lack %s: %v", goos, want, names)
			}
		}
		entries := licenceEntries(append([]component{std}, mods...))
		paths := map[string]bool{}
		for _, e := range entries {
			paths[e.Name] = true
		}
		for _, want := range []string{"LICENSES/go/LICENSE", "LICENSES/github.com/BurntSushi/toml/COPYING", "LICENSES/golang.org/x/text/PATENTS", "LICENSES/README.txt"} {
			if !paths[want] {
				t.Errorf("%s: the licences lack %s", goos, want)
			}
		}
	}
}

func TestLicenceFiles(t *testing.T) {
	if _, err := licenceFiles(t.TempDir()); err == nil {
		t.Error("a folder without a licence gives no error")
	}
	files, err := licenceFiles(filepath.Join(root, "node_modules", "echarts"))
	if err != nil {
		t.Skipf("node_modules/echarts: %v (npm ci installs it)", err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != "LICENSE NOTICE" {
		t.Errorf("echarts' licence files: %v, want LICENSE NOTICE", names)
	}
}

func TestEscapeModulePath(t *testing.T) {
	if got := escapeModulePath("github.com/BurntSushi/toml"); got != "github.com/!burnt!sushi/toml" {
		t.Errorf("escapeModulePath = %q", got)
	}
}

// TestReadme: the README of each platform names it and gives its two
// commands; Windows gets Windows paths and line endings.
func TestReadme(t *testing.T) {
	r := &release{Version: "v1.2.3", Commit: "0123abc"}
	win, err := r.readme("windows", "amd64", "planpress.exe", "planpress-windows-amd64.zip", "go1.26.8")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"planpress v1.2.3 for Windows, x64 (Intel and AMD)\r\n", `.\planpress.exe new site my-report`, `.\planpress.exe build -source my-report`, `docs\publishing.md`, "Unblock-File", "0123abc", "go1.26.8"} {
		if !strings.Contains(string(win), want) {
			t.Errorf("the Windows README lacks %q:\n%s", want, win)
		}
	}
	if strings.Count(string(win), "\n") != strings.Count(string(win), "\r\n") {
		t.Error("the Windows README has a line that does not end in CRLF")
	}
	mac, err := r.readme("darwin", "arm64", "planpress", "planpress-darwin-arm64.tar.gz", "go1.26.8")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"for macOS, Apple silicon", "tar -xzf planpress-darwin-arm64.tar.gz", "./planpress new site my-report", "com.apple.quarantine"} {
		if !strings.Contains(string(mac), want) {
			t.Errorf("the macOS README lacks %q:\n%s", want, mac)
		}
	}
	if bytes.Contains(mac, []byte("\r")) || bytes.Contains(mac, []byte("Unblock")) {
		t.Error("the macOS README has Windows line endings or words")
	}
}

// TestShippedDocsLinkWithin: every link from one shipped document to
// another Markdown file points to a file the download also holds, so that a
// reader of the download never follows a link to nothing.
func TestShippedDocsLinkWithin(t *testing.T) {
	shipped := map[string]bool{}
	for _, d := range docs {
		shipped[d] = true
	}
	link := regexp.MustCompile(`\]\(([^)#:\s]+\.md)(#[^)]*)?\)`)
	links := 0
	for _, d := range docs {
		if !strings.HasSuffix(d, ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(d)))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(b), -1) {
			links++
			if target := path.Join(path.Dir(d), m[1]); !shipped[target] {
				t.Errorf("%s links to %s, which the download does not hold: add it to docs in main.go", d, target)
			}
		}
	}
	if links == 0 {
		t.Error("found no link between the shipped documents: has their link syntax changed?")
	}
}
