package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/scaffold"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "edition":
			return runNewEdition(args[1:], stdout, stderr)
		case "site":
			return runNewSite(args[1:], stdout, stderr)
		case "-h", "-help", "--help":
			newUsage(stdout)
			return ExitOK
		}
	}
	fmt.Fprintln(stderr, "planpress new: say what to make: planpress new site DIR, or planpress new edition ID [--from PREVIOUS]")
	newUsage(stderr)
	return ExitUsage
}

func newUsage(w io.Writer) {
	newSiteUsage(w)
	fmt.Fprintln(w)
	newEditionUsage(w)
}

func runNewSite(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new site", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { newSiteUsage(fs.Output()) }
	dirs, code, ok := parseWithArgs(fs, args)
	if !ok {
		return code
	}
	if len(dirs) != 1 {
		fmt.Fprintln(stderr, "planpress new site: give one folder to make the site in, such as my-report")
		fs.Usage()
		return ExitUsage
	}
	dir := dirs[0]
	res, err := scaffold.Site(dir)
	if err != nil {
		fmt.Fprintf(stderr, "planpress new site: %v\n", err)
		return ExitContent
	}
	fmt.Fprintf(stdout, "planpress: started a site in %s, with an example council's report to replace:\n", dir)
	for _, f := range res.Files {
		fmt.Fprintf(stdout, "  %s\n", filepath.FromSlash(f))
	}
	fmt.Fprintln(stdout, "Next:")
	fmt.Fprintf(stdout, "  - build it: planpress build -source %s writes the website into %s, the folder to put on your web host;\n", dir, filepath.Join(dir, "public"))
	fmt.Fprintf(stdout, "  - look at it as you edit the files: planpress serve -source %s, then open the address it prints;\n", dir)
	fmt.Fprintln(stdout, "  - replace the example with your own plan: docs/format.md says what each file holds.")
	return ExitOK
}

func newSiteUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: planpress new site DIR")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Starts a site in DIR, a new or empty folder: an example council's improvement plan")
	fmt.Fprintln(w, "with one edition, one priority, two milestones and two KPIs, that builds as it is,")
	fmt.Fprintln(w, "for you to replace with your own. A folder with anything in it is left as it is.")
}

func runNewEdition(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new edition", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { newEditionUsage(fs.Output()) }
	source := fs.String("source", ".", "the site folder")
	from := fs.String("from", "", "the edition to start from (default: the one with the latest as_at)")
	asAt := fs.String("as-at", "", "the month the new edition's figures run to, YYYY-MM (default: three months on)")
	// Flags may come before or after the id: planpress new edition 2019-08 --from 2019-05.
	ids, code, ok := parseWithArgs(fs, args)
	if !ok {
		return code
	}
	if len(ids) != 1 {
		fmt.Fprintln(stderr, "planpress new edition: give one edition id, such as 2019-08")
		fs.Usage()
		return ExitUsage
	}
	opts := scaffold.Options{Source: *source, ID: ids[0], From: *from}
	if *asAt != "" {
		m, err := model.ParseMonth(*asAt)
		if err != nil {
			fmt.Fprintf(stderr, "planpress new edition: --as-at: %v\n", err)
			return ExitUsage
		}
		opts.AsAt = m
	}
	res, err := scaffold.Edition(opts)
	if err != nil {
		fmt.Fprintf(stderr, "planpress new edition: %v\n", err)
		return ExitContent
	}
	fmt.Fprintf(stdout, "planpress: started edition %s from %s (figures as at %s, published %s), as a draft:\n", ids[0], res.From, res.AsAt.Long(), res.Published)
	for _, f := range res.Files {
		fmt.Fprintf(stdout, "  %s\n", f)
	}
	newEditionNext(stdout, ids[0], *source, res)
	return ExitOK
}

// newEditionNext prints what is left to do to publish the new edition, in
// the order docs/quarter.md takes it, each step with its command.
func newEditionNext(w io.Writer, id, source string, res *scaffold.Result) {
	src := ""
	if source != "." {
		src = " -source " + source
	}
	figures := fmt.Sprintf("data/editions/%s/kpis.toml", id)
	months := res.NewMonths[0].String()
	if res.NewMonths[1] != res.NewMonths[0] {
		months += " to " + res.NewMonths[1].String()
	}
	fmt.Fprintln(w, "Next (docs/quarter.md takes you through each step):")
	fmt.Fprintf(w, "  - bring in the figures for %s from the performance team's spreadsheet: planpress import FILE%s (or type them into %s), and correct any month since revised;\n", months, src, figures)
	if n := len(res.TargetKPIs); n > 0 {
		fmt.Fprintf(w, "  - a new financial year starts: write the %s targets in %s, where each of the %d rated KPIs has a line \"# target = ...\" to fill in (%s);\n", res.TargetYear, figures, n, strings.Join(res.TargetKPIs, ", "))
	}
	fmt.Fprintf(w, "  - update each milestone's status, and write the summary and the narrative in place of each TODO prompt, in content/editions/%s/;\n", id)
	fmt.Fprintf(w, "  - planpress check%s lists what is left to do; planpress serve%s shows the draft as it will look;\n", src, src)
	fmt.Fprintf(w, "  - when it is ready: set draft = false in content/editions/%s/_index.md, then planpress check%s and planpress build%s.\n", id, src, src)
}

func newEditionUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: planpress new edition ID [--from PREVIOUS] [--as-at YYYY-MM] [-source DIR]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Starts the next edition from the previous one: its priorities, milestones (with their")
	fmt.Fprintln(w, "statuses) and figures are copied, its narrative is left as headed prompts, its dates")
	fmt.Fprintln(w, "move on three months, and it is marked draft = true. An existing edition is never")
	fmt.Fprintln(w, "overwritten.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Options:")
	fmt.Fprintln(w, "  -source DIR      the site folder (default .)")
	fmt.Fprintln(w, "  -from ID         the edition to start from (default: the one with the latest as_at)")
	fmt.Fprintln(w, "  -as-at YYYY-MM   the month the new edition's figures run to (default: three months on)")
}
