package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/planpress/planpress/internal/assets"
)

// Version and Commit are set at link time by a release build (make dist):
//
//	-ldflags "-X github.com/planpress/planpress/internal/cli.Version=v1.2.3 -X github.com/planpress/planpress/internal/cli.Commit=3f4ba41..."
//
// Otherwise they come from the binary's build information: the module version
// for `go install ...@v1.2.3`, the commit for a build in a git checkout.
var (
	Version = ""
	Commit  = ""
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", stderr)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	fmt.Fprintln(stdout, "planpress", version())
	if c := commit(); c != "" {
		fmt.Fprintf(stdout, "commit:  %s\n", c)
	}
	if v := assets.EChartsVersion(); v != "" {
		fmt.Fprintf(stdout, "ECharts: %s, built in\n", v)
	} else if assets.HasECharts() {
		fmt.Fprintln(stdout, "ECharts: built in, version not recorded")
	} else {
		fmt.Fprintln(stdout, "ECharts: not built in, so `planpress build` refuses without -allow-no-charts; a release download has it")
	}
	fmt.Fprintf(stdout, "Go:      %s, %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return ExitOK
}

// version is the planpress version: the linked one, else the module's, else
// "devel" followed by the commit.
func version() string {
	if Version != "" {
		return Version
	}
	v := "devel"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	if c := commit(); v == "devel" && len(c) >= 12 {
		return v + "+" + c[:12]
	}
	return v
}

// commit is the commit the binary was built from: the linked one, else the
// one go build recorded (with " (modified)" when the work tree had changes),
// else "".
func commit() string {
	if Commit != "" {
		return Commit
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" && modified {
		rev += " (modified)"
	}
	return rev
}
