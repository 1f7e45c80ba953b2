package pdf

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fakeMachine is a computer with the programs on its PATH and the files
// (installed browsers) given.
func fakeMachine(goos string, env, onPath map[string]string, files ...string) finder {
	return finder{
		goos:   goos,
		getenv: func(k string) string { return env[k] },
		lookPath: func(name string) (string, error) {
			if p, ok := onPath[name]; ok {
				return p, nil
			}
			if strings.ContainsRune(name, '/') || strings.ContainsRune(name, '\\') {
				for _, f := range files {
					if f == name {
						return name, nil
					}
				}
			}
			return "", exec.ErrNotFound
		},
		isFile: func(p string) bool {
			for _, f := range files {
				if f == p {
					return true
				}
			}
			return false
		},
	}
}

func TestFindBrowser(t *testing.T) {
	chrome := filepath.Join("C:", "Program Files", "Google", "Chrome", "Application", "chrome.exe")
	edge := filepath.Join("C:", "Program Files (x86)", "Microsoft", "Edge", "Application", "msedge.exe")
	userChrome := filepath.Join("C:", "Users", "clerk", "AppData", "Local", "Google", "Chrome", "Application", "chrome.exe")
	winEnv := map[string]string{"ProgramFiles": filepath.Join("C:", "Program Files"), "ProgramFiles(x86)": filepath.Join("C:", "Program Files (x86)"),
		"LocalAppData": filepath.Join("C:", "Users", "clerk", "AppData", "Local")}
	macChrome := "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
	macEdge := "/Users/clerk/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"
	tests := []struct {
		name   string
		f      finder
		named  string
		want   string
		errIs  error
		errHas string
	}{
		{name: "chromium on the PATH", f: fakeMachine("linux", nil, map[string]string{"chromium": "/usr/bin/chromium", "google-chrome": "/usr/bin/google-chrome"}),
			want: "/usr/bin/chromium"},
		{name: "google-chrome on the PATH", f: fakeMachine("linux", nil, map[string]string{"google-chrome-stable": "/opt/google/chrome/chrome"}),
			want: "/opt/google/chrome/chrome"},
		{name: "nothing on Linux", f: fakeMachine("linux", nil, nil), errIs: ErrNoBrowser, errHas: "install Google Chrome or Chromium"},
		{name: "PLANPRESS_CHROME", f: fakeMachine("linux", map[string]string{BrowserEnv: "/opt/chrome/chrome"}, map[string]string{"chromium": "/usr/bin/chromium"}, "/opt/chrome/chrome"),
			want: "/opt/chrome/chrome"},
		{name: "PLANPRESS_CHROME pointing nowhere", f: fakeMachine("linux", map[string]string{BrowserEnv: "/nowhere/chrome"}, map[string]string{"chromium": "/usr/bin/chromium"}),
			errIs: ErrNoBrowser, errHas: BrowserEnv + ` names "/nowhere/chrome"`},
		{name: "-chrome before PLANPRESS_CHROME", f: fakeMachine("linux", map[string]string{BrowserEnv: "/opt/chrome/chrome"}, nil, "/opt/chrome/chrome", "/usr/bin/chromium"),
			named: "/usr/bin/chromium", want: "/usr/bin/chromium"},
		{name: "-chrome pointing nowhere", f: fakeMachine("linux", nil, map[string]string{"chromium": "/usr/bin/chromium"}),
			named: "/nowhere/chrome", errIs: ErrNoBrowser, errHas: `-chrome names "/nowhere/chrome"`},
		{name: "Chrome under Program Files", f: fakeMachine("windows", winEnv, nil, edge, chrome), want: chrome},
		{name: "Chrome for one user", f: fakeMachine("windows", winEnv, nil, edge, userChrome), want: userChrome},
		{name: "Edge, which comes with Windows", f: fakeMachine("windows", winEnv, nil, edge), want: edge},
		{name: "nothing on Windows", f: fakeMachine("windows", winEnv, nil), errIs: ErrNoBrowser},
		{name: "Chrome on a Mac", f: fakeMachine("darwin", map[string]string{"HOME": "/Users/clerk"}, nil, macEdge, macChrome), want: macChrome},
		{name: "Edge in the user's Applications", f: fakeMachine("darwin", map[string]string{"HOME": "/Users/clerk"}, nil, macEdge), want: macEdge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f.find(tt.named)
			if tt.errIs != nil {
				if !errors.Is(err, tt.errIs) {
					t.Fatalf("got %q, %v; want an error that is %v", got, err, tt.errIs)
				}
				if !strings.Contains(err.Error(), tt.errHas) {
					t.Errorf("the error does not say %q: %v", tt.errHas, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
