// Command gen writes a SYNTHETIC planpress site for benchmarks: N quarterly
// editions of an invented council's improvement plan, the same shape as the
// Hugo corpus of shared/bench/hugo-corpus.py.
//
//	go run ./bench/gen -editions 40 -out /tmp/site40 [-seed 7] [-hugo /tmp/hugo40]
//
// With -hugo, it also measures that Hugo corpus's Markdown and prints the
// ratio of the two sizes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/planpress/planpress/bench/synth"
)

func main() {
	editions := flag.Int("editions", 40, "how many quarterly editions to write")
	out := flag.String("out", "", "the folder to write the site into (new, empty, or written by gen before)")
	seed := flag.Uint64("seed", synth.DefaultSeed, "the random seed; the same seed gives the same bytes")
	hugo := flag.String("hugo", "", "a Hugo corpus folder (from hugo-corpus.py) to compare Markdown sizes with")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/gen -editions N -out DIR [-seed S] [-hugo HUGODIR]")
		os.Exit(2)
	}
	st, err := synth.Write(*out, synth.Options{Editions: *editions, Seed: *seed})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("gen: wrote a SYNTHETIC site of %d editions to %s: %d files, %d bytes of Markdown, %d bytes of TOML (%d bytes per edition in all)\n",
		st.Editions, *out, st.Files, st.MarkdownBytes, st.DataBytes, (st.MarkdownBytes+st.DataBytes)/int64(st.Editions))
	if *hugo != "" {
		hmd, _, err := synth.Sizes(*hugo)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Printf("gen: Hugo corpus %s has %d bytes of Markdown; planpress/Hugo = %.2f (Markdown only), %.2f (Markdown and TOML data)\n",
			*hugo, hmd, float64(st.MarkdownBytes)/float64(hmd), float64(st.MarkdownBytes+st.DataBytes)/float64(hmd))
	}
}
