package pdf

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// BrowserEnv is the environment variable that names the browser to print
// with, when it is not where planpress looks.
const BrowserEnv = "PLANPRESS_CHROME"

// ErrNoBrowser means that no Chrome, Chromium or Edge was found. Its words
// are for the person at the keyboard: what is missing and how to get it.
var ErrNoBrowser = errors.New("found no Google Chrome, Chromium or Microsoft Edge on this computer, and it needs one to print the pack " +
	"(nothing else is needed, and nothing is sent anywhere); install Google Chrome or Chromium " +
	"(on Debian or Ubuntu: sudo apt install chromium), or set " + BrowserEnv + " to the path of the browser's program, " +
	"or give it with -chrome PATH")

// A BrowserError says that the browser named by -chrome or PLANPRESS_CHROME
// is not a program this computer has.
type BrowserError struct {
	Name string // the name or path given
	From string // where it was given: "-chrome" or BrowserEnv
	Err  error
}

func (e *BrowserError) Error() string {
	set := "set " + BrowserEnv + " to"
	if e.From != BrowserEnv {
		set = "give " + e.From
	}
	return fmt.Sprintf("%s names %q, which is not a program on this computer (%v); %s the path of Google Chrome, Chromium or Microsoft Edge, "+
		"or leave it out for planpress to look for one; if the computer has none, install Google Chrome or Chromium", e.From, e.Name, e.Err, set)
}

func (e *BrowserError) Unwrap() error { return ErrNoBrowser }

// finder looks for a browser; its fields are the machine, so that tests can
// give it another one.
type finder struct {
	goos     string
	getenv   func(string) string
	lookPath func(string) (string, error)
	isFile   func(string) bool
}

var machine = finder{goos: runtime.GOOS, getenv: os.Getenv, lookPath: exec.LookPath, isFile: isFile}

// FindBrowser returns the program of the browser to print with: named
// (from -chrome) if given, else $PLANPRESS_CHROME if set, else the first of
// chromium, chromium-browser, google-chrome and google-chrome-stable on the
// PATH, else Chrome, Chromium or Edge where their installers put them on
// Windows and macOS. It returns a *BrowserError when the browser named is
// not there, and ErrNoBrowser when none is found.
func FindBrowser(named string) (string, error) { return machine.find(named) }

func (f finder) find(named string) (string, error) {
	from := "-chrome"
	if named == "" {
		named, from = f.getenv(BrowserEnv), BrowserEnv
	}
	if named != "" {
		p, err := f.lookPath(named)
		if err != nil {
			return "", &BrowserError{Name: named, From: from, Err: err}
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := f.lookPath(name); err == nil {
			return p, nil
		}
	}
	for _, p := range f.installed() {
		if f.isFile(p) {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// installed lists where the installers of Chrome, Chromium and Edge put the
// program, on systems where it is not on the PATH.
func (f finder) installed() []string {
	var out []string
	switch f.goos {
	case "windows":
		// Chrome installs for every user under Program Files, or for one
		// under their own AppData; Edge comes with Windows.
		for _, env := range []string{"ProgramFiles", "ProgramFiles(x86)", "LocalAppData"} {
			if dir := f.getenv(env); dir != "" {
				out = append(out, filepath.Join(dir, "Google", "Chrome", "Application", "chrome.exe"))
			}
		}
		if dir := f.getenv("LocalAppData"); dir != "" {
			out = append(out, filepath.Join(dir, "Chromium", "Application", "chrome.exe"))
		}
		for _, env := range []string{"ProgramFiles(x86)", "ProgramFiles"} {
			if dir := f.getenv(env); dir != "" {
				out = append(out, filepath.Join(dir, "Microsoft", "Edge", "Application", "msedge.exe"))
			}
		}
	case "darwin":
		apps := []string{
			"Google Chrome.app/Contents/MacOS/Google Chrome",
			"Chromium.app/Contents/MacOS/Chromium",
			"Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
		}
		dirs := []string{"/Applications"}
		if home := f.getenv("HOME"); home != "" {
			dirs = append(dirs, filepath.Join(home, "Applications"))
		}
		for _, app := range apps {
			for _, dir := range dirs {
				out = append(out, filepath.Join(dir, filepath.FromSlash(app)))
			}
		}
	}
	return out
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// browserName is how a message names the browser: its program's name.
func browserName(exe string) string {
	return strings.TrimSuffix(filepath.Base(exe), ".exe")
}
