package cli

import (
	"flag"
	"fmt"
	"io"

	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/scaffold"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "edition" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			newEditionUsage(stdout)
			return ExitOK
		}
		fmt.Fprintln(stderr, "planpress new: say what to make: planpress new edition ID [--from PREVIOUS]")
		newEditionUsage(stderr)
		return ExitUsage
	}
	fs := flag.NewFlagSet("new edition", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { newEditionUsage(fs.Output()) }
	source := fs.String("source", ".", "the site folder")
	from := fs.String("from", "", "the edition to start from (default: the one with the latest as_at)")
	asAt := fs.String("as-at", "", "the month the new edition's figures run to, YYYY-MM (default: three months on)")
	// Flags may come before or after the id: planpress new edition 2019-08 --from 2019-05.
	ids, code, ok := parseWithArgs(fs, args[1:])
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
	fmt.Fprintln(stdout, "Next:")
	if res.NewMonths[0] == res.NewMonths[1] {
		fmt.Fprintf(stdout, "  - add the figures for %s to data/editions/%s/kpis.toml, and correct any month since revised;\n", res.NewMonths[0], ids[0])
	} else {
		fmt.Fprintf(stdout, "  - add the figures for %s to %s to data/editions/%s/kpis.toml, and correct any month since revised;\n", res.NewMonths[0], res.NewMonths[1], ids[0])
	}
	fmt.Fprintln(stdout, "  - update each milestone's status, and write the narrative where the prompts are;")
	fmt.Fprintln(stdout, "  - preview with planpress build -drafts, and set draft = false when it is ready to publish.")
	return ExitOK
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
