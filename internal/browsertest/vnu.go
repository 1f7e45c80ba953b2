package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNoJava means that java, which runs the Nu Html Checker, is not on the
// PATH.
var ErrNoJava = errors.New("browsertest: no java on the PATH (`make test` installs it: apt-get install default-jre-headless)")

// An HTMLError is one error that the Nu Html Checker found.
type HTMLError struct {
	File    string // relative to the folder checked
	Line    int
	Column  int
	Message string
	Extract string
}

func (e HTMLError) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
	if e.Extract != "" {
		s += fmt.Sprintf(" in %q", strings.TrimSpace(e.Extract))
	}
	return s
}

// VNUJar returns the path of the Nu Html Checker that npm installs from the
// repository's package.json.
func VNUJar() (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"), nil
}

// ValidateHTML runs the Nu Html Checker (vnu.jar, in one Java process) over
// every HTML file in dir and returns its errors; warnings are left out.
func ValidateHTML(ctx context.Context, jar, dir string) ([]HTMLError, error) {
	java, err := exec.LookPath("java")
	if err != nil {
		return nil, ErrNoJava
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	var stdout, stderr bytes.Buffer
	// The checker's run is short, so the JIT's first tier alone serves it
	// best: it needs half the CPU. Its schemas recurse deeply, and the
	// checker asks for a stack of at least 512k.
	cmd := exec.CommandContext(ctx, java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", abs)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	// The checker writes its report to stderr and exits 1 when it found
	// errors, so only a report that does not parse means it failed to run.
	var out struct {
		Messages []struct {
			Type         string `json:"type"`
			URL          string `json:"url"`
			FirstLine    int    `json:"firstLine"`
			LastLine     int    `json:"lastLine"`
			FirstColumn  int    `json:"firstColumn"`
			Message      string `json:"message"`
			Extract      string `json:"extract"`
			SubType      string `json:"subType"`
			HiliteStart  int    `json:"hiliteStart"`
			HiliteLength int    `json:"hiliteLength"`
		} `json:"messages"`
	}
	report := stderr.Bytes()
	if i := bytes.IndexByte(report, '{'); i >= 0 {
		report = report[i:]
	}
	if err := json.Unmarshal(report, &out); err != nil {
		if runErr == nil {
			runErr = err
		}
		return nil, fmt.Errorf("browsertest: vnu.jar on %s: %w: %s%s", dir, runErr, strings.TrimSpace(stdout.String()), strings.TrimSpace(stderr.String()))
	}
	var errs []HTMLError
	for _, m := range out.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		e := HTMLError{File: m.URL, Line: m.LastLine, Column: m.FirstColumn, Message: m.Message, Extract: m.Extract}
		if m.FirstLine > 0 {
			e.Line = m.FirstLine
		}
		if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
			if rel, err := filepath.Rel(abs, u.Path); err == nil {
				e.File = filepath.ToSlash(rel)
			}
		}
		errs = append(errs, e)
	}
	return errs, nil
}
