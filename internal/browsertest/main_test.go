package browsertest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests share one browser: starting Chromium takes longer than checking
// a page.
var shared struct {
	once    sync.Once
	browser *Browser
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.browser != nil {
		shared.browser.Close()
	}
	if built.tmp != "" {
		os.RemoveAll(built.tmp)
	}
	os.Exit(code)
}

// missingTool skips the test when a tool the checks need is not installed,
// or fails it under CI, where `make test` should have installed it.
func missingTool(t *testing.T, err error) {
	t.Helper()
	msg := err.Error() + "; `make test` installs what the browser tests need (target deps-test)"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// browser returns the shared browser, starting it on first use.
func browser(t *testing.T) *Browser {
	t.Helper()
	if _, err := FindChromium(); err != nil {
		missingTool(t, err)
	}
	if root, err := RepoRoot(); err == nil {
		if _, err := os.Stat(filepath.Join(root, "node_modules", "axe-core", "axe.min.js")); err != nil {
			missingTool(t, errors.New("no node_modules/axe-core: run `npm ci`"))
		}
	}
	shared.once.Do(func() {
		// Starting Chromium on a busy machine can take a while; the
		// deadline only stops one that never starts.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		shared.browser, shared.err = Launch(ctx, Options{})
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.browser
}

// needPdftotext skips or fails a test that prints, when pdftotext is missing.
func needPdftotext(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		missingTool(t, ErrNoPdftotext)
	}
}

// vnuJar returns the Nu Html Checker, skipping or failing the test when it
// or java is missing.
func vnuJar(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("java"); err != nil {
		missingTool(t, ErrNoJava)
	}
	jar, err := VNUJar()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(jar); err != nil {
		missingTool(t, errors.New("no node_modules/vnu-jar: run `npm ci`"))
	}
	return jar
}

// serve starts a server for dir that stops when the test ends. A built
// site is served as a plain static host serves it, with no
// Content-Security-Policy header: its pages must carry their own.
func serve(t *testing.T, dir string) *Server {
	t.Helper()
	srv, err := ServePlain(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// serveWithCSP starts a server for dir that sends the site's
// Content-Security-Policy with every answer, for fixture pages that carry
// no policy of their own.
func serveWithCSP(t *testing.T, dir string) *Server {
	t.Helper()
	srv, err := Serve(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// copySite copies the fixture site src into a temporary folder, replacing
// each key of vars with its value in the HTML files, and returns the copy.
func copySite(t *testing.T, src string, vars map[string]string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".html") {
			s := string(data)
			for k, v := range vars {
				s = strings.ReplaceAll(s, k, v)
			}
			data = []byte(s)
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}
