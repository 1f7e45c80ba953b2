// Command dist writes planpress's release archives: for each platform, the
// planpress program with the chart library inside, a README, the
// documentation a user needs, and the licences of everything the program
// holds, gathered from the module cache and node_modules; then SHA256SUMS.
// Windows gets a zip, macOS and Linux a tar.gz.
//
// It is run from the repository root by `make dist`, after the chart
// library is bundled:
//
//	go run ./internal/dist -version v1.2.3 -commit $(git rev-parse HEAD) -date $(git log -1 --format=%ct)
//
// The archives are reproducible: the same commit, built with the same Go
// release, gives the same bytes. The programs are built with -trimpath and
// without a build id or VCS stamp (the version and commit are linked in with
// -X instead), and the archives are written here, not by zip or tar, with
// their files in name order, dated -date, owned by no one, and compressed
// alike.
package main

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
)

// Platforms are the platforms a release is built for: Windows first, as
// most council laptops run it.
var Platforms = []string{"windows/amd64", "windows/arm64", "darwin/arm64", "darwin/amd64", "linux/amd64", "linux/arm64"}

// cliPackage is where the version and commit are linked in.
const cliPackage = "github.com/planpress/planpress/internal/cli"

// Bundle files the program must embed; without them it refuses to build a
// site, which a release must never do.
var bundleFiles = []string{"internal/assets/echarts/echarts.min.js", "internal/assets/echarts/echarts.version"}

// docs are the documentation files each archive carries, at the same paths
// as in the repository, so that their links to each other work.
var docs = []string{"docs/format.md", "docs/archive.md", "docs/quarter.md", "docs/import.md", "docs/pdf.md", "docs/publishing.md", "examples/publishing/github-pages.yml"}

// fallbackDate dates the archives' files when no -date is given (a source
// tree without git): fixed, so that the archives stay reproducible.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

//go:embed download-readme.txt.tmpl
var readmeSource string

var readmeTemplate = template.Must(template.New("README.txt").Parse(readmeSource))

// safeWord is what a version or commit linked with -X may hold.
var safeWord = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._+-]*$`)

// release says what to build.
type release struct {
	Root    string // the repository root
	Out     string // the folder the archives go into
	Version string
	Commit  string
	Date    time.Time
	Go      string // the go command
}

func main() {
	var r release
	flag.StringVar(&r.Out, "out", "dist", "the folder to write the archives and SHA256SUMS into")
	flag.StringVar(&r.Version, "version", "devel", "the version to link in: the tag, such as v1.2.3, or a commit")
	flag.StringVar(&r.Commit, "commit", "unknown", "the commit to link in")
	date := flag.String("date", os.Getenv("SOURCE_DATE_EPOCH"), "the date of the archives' files, in seconds since 1970 (the commit's date, for a reproducible build)")
	targets := flag.String("platforms", strings.Join(Platforms, ","), "the platforms to build for, GOOS/GOARCH, separated by commas")
	flag.Parse()
	r.Root, r.Go = ".", "go"
	r.Date = fallbackDate
	if *date != "" {
		secs, err := strconv.ParseInt(*date, 10, 64)
		if err != nil {
			fail(fmt.Errorf("-date %q: give the seconds since 1970, as git log -1 --format=%%ct prints them", *date))
		}
		r.Date = time.Unix(secs, 0).UTC()
	}
	if err := r.run(strings.Split(*targets, ",")); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "dist:", err)
	os.Exit(1)
}

// run builds and archives planpress for each platform, then writes the
// checksums of the archives.
func (r *release) run(platforms []string) error {
	if !safeWord.MatchString(r.Version) || !safeWord.MatchString(r.Commit) {
		return fmt.Errorf("version %q and commit %q must be single words of letters, digits and . _ + -", r.Version, r.Commit)
	}
	for _, f := range bundleFiles {
		if info, err := os.Stat(filepath.Join(r.Root, filepath.FromSlash(f))); err != nil || info.Size() == 0 {
			return fmt.Errorf("%s is missing: run `make bundle` first (make dist does), so that the programs have the chart library", f)
		}
	}
	var common []entry
	for _, d := range docs {
		b, err := os.ReadFile(filepath.Join(r.Root, filepath.FromSlash(d)))
		if err != nil {
			return err
		}
		common = append(common, entry{Name: d, Mode: 0o644, Data: b})
	}
	npm, err := npmComponents(r.Root)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(r.Out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "planpress-dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	sums := map[string][]byte{}
	for _, p := range platforms {
		goos, goarch, ok := strings.Cut(p, "/")
		if !ok {
			return fmt.Errorf("platform %q: write GOOS/GOARCH, such as windows/amd64", p)
		}
		name, data, err := r.platformArchive(goos, goarch, tmp, common, npm)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if err := os.WriteFile(filepath.Join(r.Out, name), data, 0o644); err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		sums[name] = sum[:]
		fmt.Printf("dist: wrote %s (%d bytes)\n", filepath.Join(r.Out, name), len(data))
	}
	if err := os.WriteFile(filepath.Join(r.Out, "SHA256SUMS"), checksums(sums), 0o644); err != nil {
		return err
	}
	fmt.Printf("dist: wrote %s\n", filepath.Join(r.Out, "SHA256SUMS"))
	return nil
}

// buildEnv is the environment of the go commands for a platform: the
// caller's, less the settings that would change the program's bytes, and
// without cgo, so that the program needs no C library.
func buildEnv(goos, goarch string) []string {
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOAMD64", "GOARM64", "GOEXPERIMENT":
		default:
			env = append(env, kv)
		}
	}
	return append(env, "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0")
}

// platformArchive builds planpress for one platform and returns its
// archive's name and bytes.
func (r *release) platformArchive(goos, goarch, tmp string, common []entry, npm []component) (string, []byte, error) {
	env := buildEnv(goos, goarch)
	program := "planpress"
	if goos == "windows" {
		program += ".exe"
	}
	bin := filepath.Join(tmp, goos+"-"+goarch, program)
	ldflags := fmt.Sprintf("-s -w -buildid= -X %s.Version=%s -X %s.Commit=%s", cliPackage, r.Version, cliPackage, r.Commit)
	cmd := exec.Command(r.Go, "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", bin, "./cmd/planpress")
	cmd.Dir, cmd.Env = r.Root, env
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		return "", nil, fmt.Errorf("go build: %v\n%s", err, stderr.String())
	}
	if goos == runtime.GOOS && goarch == runtime.GOARCH {
		if err := checkProgram(bin, r.Version); err != nil {
			return "", nil, err
		}
	}
	exe, err := os.ReadFile(bin)
	if err != nil {
		return "", nil, err
	}
	goStd, err := goStandardLibrary(r.Go, r.Root, env)
	if err != nil {
		return "", nil, err
	}
	mods, err := goModules(r.Go, r.Root, env)
	if err != nil {
		return "", nil, err
	}
	comps := append([]component{goStd}, mods...)
	comps = append(comps, npm...)

	base := "planpress-" + goos + "-" + goarch
	ext := ".tar.gz"
	if goos == "windows" {
		ext = ".zip"
	}
	readme, err := r.readme(goos, goarch, program, base+ext, goStd.Version)
	if err != nil {
		return "", nil, err
	}
	entries := []entry{
		{Name: program, Mode: 0o755, Data: exe},
		{Name: "README.txt", Mode: 0o644, Data: readme},
	}
	entries = append(entries, common...)
	entries = append(entries, licenceEntries(comps)...)
	data, gotExt, err := archive(goos, entries, r.Date)
	if err != nil {
		return "", nil, err
	}
	if gotExt != ext {
		return "", nil, errors.New("archive format and name disagree")
	}
	return base + ext, data, nil
}

// readme is the archive's README.txt, in the words of its platform, with
// Windows line endings in the zip for Windows.
func (r *release) readme(goos, goarch, program, archiveName, goVersion string) ([]byte, error) {
	names := map[string]string{"windows": "Windows", "darwin": "macOS", "linux": "Linux"}
	arch := map[string]string{"amd64": "x64 (Intel and AMD)", "arm64": "Arm64"}[goarch]
	if goos == "darwin" {
		arch = map[string]string{"amd64": "Intel", "arm64": "Apple silicon"}[goarch]
	}
	platform := names[goos] + ", " + arch
	title := "planpress " + r.Version + " for " + platform
	command, sep := "./"+program, "/"
	if goos == "windows" {
		command, sep = `.\`+program, `\`
	}
	var b bytes.Buffer
	err := readmeTemplate.Execute(&b, map[string]any{
		"Version": r.Version, "Platform": platform, "Underline": strings.Repeat("=", len([]rune(title))),
		"Windows": goos == "windows", "Mac": goos == "darwin", "Archive": archiveName,
		"Program": program, "Command": command, "Sep": sep,
		"Commit": r.Commit, "GoVersion": goVersion,
	})
	if err != nil {
		return nil, err
	}
	out := b.Bytes()
	if goos == "windows" {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	return out, nil
}

// checkProgram runs the program built for this machine, to be sure that
// what is shipped says its version and has the chart library.
func checkProgram(bin, version string) error {
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s version: %v\n%s", bin, err, out)
	}
	if !strings.HasPrefix(string(out), "planpress "+version+"\n") || !strings.Contains(string(out), ", built in\n") {
		return fmt.Errorf("%s version does not name %s and the chart library built in:\n%s", bin, version, out)
	}
	return nil
}

// checksums is the SHA256SUMS file: a line for each archive, in name order,
// as sha256sum writes them and `sha256sum -c SHA256SUMS` reads them.
func checksums(sums map[string][]byte) []byte {
	names := make([]string, 0, len(sums))
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sums[n]), n)
	}
	return []byte(b.String())
}
