package cli

import (
	"bytes"
	"net"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"serve", "-h"}, &stdout, &stderr); code != ExitOK {
		t.Fatalf("serve -h: exit %d, want %d", code, ExitOK)
	}
	for _, want := range []string{"Usage: planpress serve [-addr HOST:PORT] [-source DIR] [-poll DURATION]", "-addr", "127.0.0.1:1313", "-source", "-poll"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("serve -h does not say %q:\n%s", want, stdout.String())
		}
	}
	stdout.Reset()
	Run([]string{"-h"}, &stdout, &stderr)
	if !strings.Contains(stdout.String(), "  serve ") {
		t.Errorf("planpress -h does not list serve:\n%s", stdout.String())
	}
}

func TestServeUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "-no-such-flag"},
		{"serve", "extra-argument"},
		{"serve", "-addr", "1313"},
		{"serve", "-addr", "localhost"},
		{"serve", "-addr"},
		{"serve", "-poll", "often"},
		{"serve", "-poll", "-1s"},
	} {
		var stdout, stderr bytes.Buffer
		if code := Run(args, &stdout, &stderr); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d\n%s", args, code, ExitUsage, stderr.String())
		}
		if stderr.Len() == 0 {
			t.Errorf("%q: nothing said about the mistake", args)
		}
	}
}

func TestServeMissingFolder(t *testing.T) {
	var stdout, stderr bytes.Buffer
	missing := filepath.Join(t.TempDir(), "no-site")
	if code := Run([]string{"serve", "-addr", "127.0.0.1:0", "-source", missing}, &stdout, &stderr); code != ExitContent {
		t.Errorf("serve of a missing folder: exit %d, want %d\n%s", code, ExitContent, stderr.String())
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"serve", "-addr", ln.Addr().String(), "-source", t.TempDir()}, &stdout, &stderr); code != ExitContent {
		t.Errorf("serve on a port in use: exit %d, want %d", code, ExitContent)
	}
	if !strings.Contains(stderr.String(), "-addr") {
		t.Errorf("serve on a port in use does not say how to choose another:\n%s", stderr.String())
	}
}

func TestOpenURL(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:1313": "http://127.0.0.1:1313/",
		"0.0.0.0:8080":   "http://localhost:8080/",
		"[::]:8080":      "http://localhost:8080/",
		"[::1]:1313":     "http://[::1]:1313/",
	} {
		a, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := openURL(a, "/"); got != want {
			t.Errorf("openURL(%s) = %q, want %q", addr, got, want)
		}
	}
}
