// Command planpress builds a council's progress reports into a static website.
//
//	planpress build   [-source DIR] [-dest DIR] [-drafts] [-future] [-allow-no-charts]
//	planpress check   [-source DIR] [-format text|json]
//	planpress serve   [-source DIR] [-addr 127.0.0.1:1313]
//	planpress new site DIR
//	planpress new edition ID --from PREVIOUS
//	planpress version
//
// It is a thin shell over internal/build; exit status 0 is success, 1 a
// problem in the site's files, 2 a mistake in the command line.
package main

import (
	"os"

	"github.com/planpress/planpress/internal/cli"
)

func main() {
	code := cli.Run(os.Args[1:], os.Stdout, os.Stderr)
	cli.HoldWindow(os.Stdin, os.Stderr)
	os.Exit(code)
}
