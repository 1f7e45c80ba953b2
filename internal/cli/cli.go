// Package cli is the planpress command line: it parses arguments and calls
// the build, check, serve and scaffold packages, so tests can run it whole.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"

	"github.com/planpress/planpress/internal/assets"
	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/diag"
)

// Exit statuses.
const (
	ExitOK      = 0
	ExitContent = 1
	ExitUsage   = 2
)

type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands map[string]command

// chartsBuiltIn reports whether this binary has the chart library; a test
// replaces it to see what a binary without one does.
var chartsBuiltIn = assets.HasECharts

// withoutCharts decides whether a command that publishes (build, pdf) goes
// on in a planpress without the chart library: only when the user allowed
// it with -allow-no-charts, and then it says so. what is what the command
// would make ("the site", "the pack"), and shows what it shows instead
// ("the pages show their tables").
func withoutCharts(stderr io.Writer, cmd string, allowed bool, nothing, what, shows string) bool {
	if chartsBuiltIn() {
		return true
	}
	if !allowed {
		fmt.Fprintf(stderr, "planpress %s: %v\n", cmd, assets.ErrNoBundle)
		fmt.Fprintf(stderr, "planpress %s: %s; to %s without its charts all the same, add -allow-no-charts\n", cmd, nothing, what)
		return false
	}
	fmt.Fprintf(stderr, "planpress %s: -allow-no-charts: %s without charts, as this planpress has no chart library\n", cmd, shows)
	return true
}

func init() {
	commands = map[string]command{
		"build":   {"build the site into a folder (default SOURCE/public)", runBuild},
		"check":   {"report every problem in the site's files, without writing anything", runCheck},
		"import":  {"bring an edition's figures in from a spreadsheet: import FILE [-edition ID] [-dry-run]", runImport},
		"new":     {"start a site, or the next edition from the last: new site DIR, new edition ID [--from PREVIOUS]", runNew},
		"pdf":     {"print an edition's committee pack as an accessible A4 PDF with Chrome or Chromium: pdf [EDITION] [-o FILE]", runPDF},
		"serve":   {"serve the site on this computer with drafts, reloading pages as files change", runServe},
		"version": {"print the version of planpress, its commit and the chart library inside it", runVersion},
	}
}

// Run runs the command line and returns the exit status.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "planpress: unknown command %q\n", args[0])
		if s := diag.Suggest(args[0], names()); s != "" {
			fmt.Fprintf(stderr, "Did you mean %q?\n", s)
		}
		usage(stderr)
		return ExitUsage
	}
	for _, a := range args[1:] {
		if a == "-h" || a == "-help" || a == "--help" {
			// Help that was asked for is output, not an error.
			return c.run(args[1:], stdout, stdout)
		}
	}
	return c.run(args[1:], stdout, stderr)
}

func names() []string {
	var out []string
	for n := range commands {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "planpress turns Markdown narrative and TOML figures into a progress-report website.")
	fmt.Fprintln(w, "\nUsage: planpress COMMAND [options]    (planpress COMMAND -h for a command's options)")
	fmt.Fprintln(w, "\nCommands:")
	for _, n := range names() {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
}

// newFlags makes a flag set whose -h prints the command's usage and options.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: planpress %s %s\n\n%s\n\nOptions:\n", name, synopsis, commands[name].summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; it returns an exit status and false when the command
// should stop (help was asked for, or the arguments were wrong).
func parse(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "planpress %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return ExitUsage, false
	}
	return ExitOK, true
}

// parseWithArgs parses flags that may come before, between or after the
// command's own arguments (planpress import figures.xlsx -dry-run) and
// returns those arguments; false means the command should stop with the
// status returned.
func parseWithArgs(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var out []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, ExitOK, false
			}
			return nil, ExitUsage, false
		}
		if fs.NArg() == 0 {
			return out, ExitOK, true
		}
		out = append(out, fs.Arg(0))
		rest = fs.Args()[1:]
	}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "[-source DIR] [-dest DIR] [-drafts] [-future] [-allow-no-charts]", stderr)
	source := fs.String("source", ".", "the site folder")
	dest := fs.String("dest", "", "where to write the site (default SOURCE/public)")
	drafts := fs.Bool("drafts", false, "include editions marked draft = true")
	future := fs.Bool("future", false, "include editions published after today")
	quiet := fs.Bool("quiet", false, "print nothing but problems")
	// -fresh asked earlier versions to render every page instead of reusing
	// the previous build; every build does that now, so it is accepted and
	// changes nothing.
	fs.Bool("fresh", false, "no effect: every build renders every page (kept so that scripts written for earlier versions still run)")
	allowNoCharts := fs.Bool("allow-no-charts", false, "build even though this planpress has no chart library (the pages then show their tables without charts)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if !withoutCharts(stderr, "build", *allowNoCharts, "nothing was built", "build the site", "the pages show their tables") {
		return ExitContent
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	res, err := build.Build(build.Options{Source: *source, Dest: *dest, Drafts: *drafts, Future: *future})
	if res != nil && res.Diagnostics != nil {
		res.Diagnostics.WriteText(stderr)
	}
	if err != nil {
		var de *diag.Errors
		if errors.As(err, &de) {
			fmt.Fprintf(stderr, "planpress build: %d error(s), %d warning(s); nothing was written, %s is as it was\n",
				de.List.Count(diag.Error), de.List.Count(diag.Warning), *dest)
			return ExitContent
		}
		fmt.Fprintf(stderr, "planpress build: %v\n", err)
		return ExitContent
	}
	if !*quiet {
		fmt.Fprintf(stdout, "planpress: built %d page(s) and %d file(s) into %s in %s (%d file(s) unchanged since the last build)\n",
			res.Pages, res.Files, *dest, res.Elapsed.Round(1e6), res.Unchanged)
	}
	return ExitOK
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[-source DIR] [-format text|json]", stderr)
	source := fs.String("source", ".", "the site folder")
	format := fs.String("format", "text", "text (one problem a line) or json")
	drafts := fs.Bool("drafts", true, "check editions marked draft = true too")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "planpress check: -format must be text or json, not %q\n", *format)
		return ExitUsage
	}
	diags := build.Check(build.Options{Source: *source, Drafts: *drafts, Future: true})
	if *format == "json" {
		if err := diags.WriteJSON(stdout); err != nil {
			fmt.Fprintln(stderr, err)
		}
	} else {
		diags.WriteText(stdout)
		fmt.Fprintf(stdout, "%d error(s), %d warning(s)\n", diags.Count(diag.Error), diags.Count(diag.Warning))
	}
	if diags.HasErrors() {
		return ExitContent
	}
	return ExitOK
}
