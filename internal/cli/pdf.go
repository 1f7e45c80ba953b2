package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/pdf"
)

// makePack makes a committee pack; a test replaces it.
var makePack = pdf.Make

func runPDF(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("pdf", "[EDITION] [-lang CODE] [-o FILE] [-source DIR] [-chrome PATH]", stderr)
	out := fs.String("o", "", "the file to write (default committee-pack-EDITION.pdf in this folder, committee-pack-EDITION-CODE.pdf in another language)")
	lang := fs.String("lang", "", "the language of the pack, by its code in planpress.toml (cy) or tag (en-GB); default the site's default language")
	source := fs.String("source", ".", "the site folder")
	chrome := fs.String("chrome", "", "the program of Google Chrome, Chromium or Microsoft Edge to print with (default: $"+pdf.BrowserEnv+", else the one planpress finds)")
	allowNoCharts := fs.Bool("allow-no-charts", false, "print even though this planpress has no chart library (the pack then shows its tables without charts)")
	quiet := fs.Bool("quiet", false, "print nothing but problems")
	rest, code, ok := parseWithArgs(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 1 {
		fmt.Fprintf(stderr, "planpress pdf: give one edition, not %d (%q)\n", len(rest), rest)
		fs.Usage()
		return ExitUsage
	}
	edition := ""
	if len(rest) == 1 {
		edition = rest[0]
	}
	if !withoutCharts(stderr, "pdf", *allowNoCharts, "nothing was written", "print the pack", "the pack shows its tables") {
		return ExitContent
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	pack, err := makePack(ctx, pdf.Options{Source: *source, Edition: edition, Language: *lang, Browser: *chrome})
	if pack != nil && pack.Warnings != nil {
		pack.Warnings.WriteText(stderr)
	}
	if err != nil {
		var de *diag.Errors
		var ee *pdf.EditionError
		var le *pdf.LanguageError
		switch {
		case errors.As(err, &le):
			fmt.Fprintf(stderr, "planpress pdf: %v\n", err)
			return ExitUsage
		case errors.As(err, &de):
			fmt.Fprintf(stderr, "planpress pdf: %d error(s), %d warning(s); nothing was written\n", de.List.Count(diag.Error), de.List.Count(diag.Warning))
			return ExitContent
		case errors.As(err, &ee) && ee.ID != "":
			fmt.Fprintf(stderr, "planpress pdf: %v\n", err)
			return ExitUsage
		}
		fmt.Fprintf(stderr, "planpress pdf: %v\nplanpress pdf: nothing was written\n", err)
		return ExitContent
	}
	for _, o := range pack.Overflow {
		fmt.Fprintf(stderr, "planpress pdf: warning: %s is wider than the page, so the browser printed every page smaller to fit it\n", o)
	}
	name := *out
	if name == "" {
		name = "committee-pack-" + pack.Edition.ID + ".pdf"
		if pack.Code != "" {
			name = "committee-pack-" + pack.Edition.ID + "-" + pack.Code + ".pdf"
		}
	}
	if err := pdf.WriteFile(name, pack.PDF); err != nil {
		fmt.Fprintf(stderr, "planpress pdf: writing the pack: %v\n", err)
		return ExitContent
	}
	if !*quiet {
		fmt.Fprintf(stdout, "planpress: wrote %s, the committee pack of %s: %d A4 pages\n", name, pack.Edition.Title, pack.Pages)
	}
	return ExitOK
}
