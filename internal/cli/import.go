package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/planpress/planpress/internal/importer"
)

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { importUsage(fs.Output()) }
	source := fs.String("source", ".", "the site folder")
	edition := fs.String("edition", "", "the edition to import into (default: the one with the latest as_at, if it is a draft)")
	sheet := fs.String("sheet", "", "read only this sheet of a workbook (default: every visible sheet that holds figures)")
	dryRun := fs.Bool("dry-run", false, "report what would be imported, and check it, without writing anything")
	// Flags may come before or after the file: planpress import figures.xlsx -dry-run.
	files, code, ok := parseWithArgs(fs, args)
	if !ok {
		return code
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "planpress import: give one spreadsheet, such as planpress import figures.xlsx")
		fs.Usage()
		return ExitUsage
	}
	res, err := importer.Import(importer.Options{Source: *source, File: files[0], Edition: *edition, Sheet: *sheet, DryRun: *dryRun})
	var usage *importer.UsageError
	var refused *importer.Refused
	switch {
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "planpress import: %v\n", usage)
		return ExitUsage
	case errors.As(err, &refused):
		for _, p := range refused.Problems {
			fmt.Fprintln(stderr, p)
		}
		for _, d := range refused.Site {
			fmt.Fprintln(stderr, d)
		}
		file := "the figures file"
		if res != nil {
			file = res.File
		}
		fmt.Fprintf(stderr, "planpress import: %s; nothing was imported, %s is as it was\n", refused.Reason, file)
		return ExitContent
	case err != nil:
		fmt.Fprintf(stderr, "planpress import: %v\n", err)
		return ExitContent
	}
	res.WriteText(stdout)
	return ExitOK
}

func importUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: planpress import FILE [-edition ID] [-source DIR] [-sheet NAME] [-dry-run]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Brings the figures for an edition's period from a spreadsheet (.xlsx or .csv) into")
	fmt.Fprintln(w, "data/editions/ID/kpis.toml, keeping the file's comments, targets and notes. The sheet")
	fmt.Fprintln(w, "may have one row per KPI and one column per month, or one row per figure with columns")
	fmt.Fprintln(w, "KPI, Month, Value (and Numerator, Denominator). Months outside the period are left out.")
	fmt.Fprintln(w, "Nothing is written if any cell cannot be read. See docs/import.md.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Options:")
	fmt.Fprintln(w, "  -source DIR    the site folder (default .)")
	fmt.Fprintln(w, "  -edition ID    the edition to import into (default: the one with the latest as_at, if it is a draft)")
	fmt.Fprintln(w, "  -sheet NAME    read only this sheet (default: every visible sheet that holds figures)")
	fmt.Fprintln(w, "  -dry-run       report what would be imported, and check it, without writing anything")
}
