package write

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The kill test runs this test binary again as a child that builds one
// generation of a site; these variables tell the child what to do.
const (
	childEnv      = "PLANPRESS_WRITE_TEST_CHILD" // the output folder to build
	genEnv        = "PLANPRESS_WRITE_TEST_GEN"   // "old" or "new"
	stopEnv       = "PLANPRESS_WRITE_TEST_STOP"  // a point to stop at, see runChild
	noExchangeEnv = "PLANPRESS_WRITE_TEST_NO_EXCHANGE"
)

func TestMain(m *testing.M) {
	if dest := os.Getenv(childEnv); dest != "" {
		os.Exit(runChild(dest, os.Getenv(genEnv), os.Getenv(stopEnv), os.Getenv(noExchangeEnv) == "1"))
	}
	os.Exit(m.Run())
}

// runChild builds generation gen into dest. At the point named stop
// ("begun", "written:N" after N files, "written:all", or a testHook point)
// it says "at POINT" on stdout and waits, for the parent to kill it there.
func runChild(dest, gen, stop string, noExchange bool) int {
	if noExchange {
		exchange = func(string, string) error { return errNoExchange }
	}
	pause := func(point string) {
		if point == stop {
			fmt.Printf("at %s\n", point)
			// Wait for the kill; if the parent goes first, stdin ends.
			io.Copy(io.Discard, os.Stdin)
			os.Exit(3)
		}
	}
	testHook = pause
	s, err := Begin(dest, Guard{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	pause("begun")
	files := generation(gen)
	for i, f := range files {
		if err := s.WriteFile(f.name, []byte(f.data)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		pause("written:" + strconv.Itoa(i+1))
	}
	pause("written:all")
	if _, err := s.Commit(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

// siteFile is one file of a generation, in the order the child writes it.
type siteFile struct{ name, data string }

// sharedCount is how many files are the same in every generation; they are
// kept from the previous site by hard links, so they test that path too.
const sharedCount = 40

// generation returns the site of one generation: about 2000 files naming
// the generation, some files only that generation has, and files the
// generations share.
func generation(gen string) []siteFile {
	files := []siteFile{{"index.html", homePage("generation " + gen)}}
	for d := range 20 {
		for f := range 100 {
			files = append(files, siteFile{fmt.Sprintf("d%02d/f%03d.txt", d, f), fmt.Sprintf("generation %s\nfile %d/%d\n", gen, d, f)})
		}
	}
	for i := range 10 {
		files = append(files, siteFile{fmt.Sprintf("%s-only/%02d.txt", gen, i), "generation " + gen + "\n"})
	}
	for i := range sharedCount {
		files = append(files, siteFile{sharedName(i), fmt.Sprintf("shared %d\n", i)})
	}
	return files
}

// sharedName names the i-th file every generation has.
func sharedName(i int) string { return fmt.Sprintf("static/s%02d.css", i) }

// generationMap is generation(gen) by name.
func generationMap(gen string) map[string]string {
	out := map[string]string{}
	for _, f := range generation(gen) {
		out[f.name] = f.data
	}
	return out
}

// whichGeneration says which generation a home page belongs to.
func whichGeneration(home string) string {
	for _, gen := range []string{"old", "new"} {
		if strings.Contains(home, "generation "+gen+"<") {
			return gen
		}
	}
	return ""
}
