//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd || solaris

package write

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// killDeadline bounds each wait of the kill test for a child to reach a
// point or a condition, generous for a busy machine.
const killDeadline = 2 * time.Minute

// child is a build of the new generation running in another process.
type child struct {
	cmd    *exec.Cmd
	lines  chan string   // what it says on stdout
	exited chan struct{} // closed when it has ended
	stderr strings.Builder
	err    error // from Wait, once exited is closed
}

// startChild starts a build of generation gen into dest in a new process.
func startChild(t *testing.T, dest, gen, stop string, noExchange bool) *child {
	t.Helper()
	c := &child{lines: make(chan string, 1), exited: make(chan struct{})}
	c.cmd = exec.Command(os.Args[0], "-test.run=^$")
	// GORACE: a race-enabled child would otherwise wait a second on exit.
	c.cmd.Env = append(os.Environ(), childEnv+"="+dest, genEnv+"="+gen, stopEnv+"="+stop, "GORACE=atexit_sleep_ms=0")
	if noExchange {
		c.cmd.Env = append(c.cmd.Env, noExchangeEnv+"=1")
	}
	c.cmd.Stderr = &c.stderr
	if _, err := c.cmd.StdinPipe(); err != nil { // kept open: a stopped child waits on it
		t.Fatal(err)
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
	}()
	go func() {
		c.err = c.cmd.Wait()
		close(c.exited)
	}()
	t.Cleanup(func() { c.kill() })
	return c
}

// kill ends the child with SIGKILL, which it cannot catch, and waits for it.
// It reports whether the child was still running.
func (c *child) kill() bool {
	c.cmd.Process.Kill()
	<-c.exited
	var exit *exec.ExitError
	return errors.As(c.err, &exit) && !exit.Exited()
}

// waitStopped waits for the child to say it has stopped at point.
func (c *child) waitStopped(t *testing.T, point string, deadline time.Time) {
	t.Helper()
	select {
	case line := <-c.lines:
		if line != "at "+point {
			t.Fatalf("the child said %q, want it stopped at %s", line, point)
		}
	case <-c.exited:
		t.Fatalf("the child ended (%v) before reaching %s: %s", c.err, point, c.stderr.String())
	case <-time.After(time.Until(deadline)):
		t.Fatalf("the child did not reach %s in time", point)
	}
}

// pollInterval is how long the parent rests between two looks at the disk
// while it waits for a condition; it is not a wait for anything to happen.
const pollInterval = 100 * time.Microsecond

// killWhen kills the child as soon as cond holds, or lets it end. It
// reports whether the kill stopped a running build.
func (c *child) killWhen(t *testing.T, cond func() bool, deadline time.Time) bool {
	t.Helper()
	for {
		if cond() {
			return c.kill()
		}
		select {
		case <-c.exited:
			if c.err != nil {
				t.Fatalf("the child failed: %v: %s", c.err, c.stderr.String())
			}
			return false
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the condition did not come true in %v", killDeadline)
		}
		time.Sleep(pollInterval)
	}
}

// stagedAtLeast reports whether a staging folder beside dest holds the
// k-th file of generation gen. The child writes the files in order, so
// that is whether it holds at least k files, found with one stat.
func stagedAtLeast(dest, gen string, k int) bool {
	staging := regexp.MustCompile(`^\.` + regexp.QuoteMeta(filepath.Base(dest)) + `\.planpress-staging-[0-9]+$`)
	name := filepath.FromSlash(generation(gen)[k-1].name)
	entries, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range entries {
		if staging.MatchString(e.Name()) && exists(filepath.Join(filepath.Dir(dest), e.Name(), name)) {
			return true
		}
	}
	return false
}

// listing records the name and mode of everything below root, and the
// size and time of files: a cheaper snapshot, for thousands of files.
func listing(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out[p] = info.Mode().String()
		if !d.IsDir() { // a folder's time changes as names come and go
			out[p] += fmt.Sprint(info.Size(), info.ModTime())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// homeSays reports whether dest's home page names generation gen.
func homeSays(dest, gen string) bool {
	b, err := os.ReadFile(filepath.Join(dest, "index.html"))
	return err == nil && whichGeneration(string(b)) == gen
}

// checkOneGeneration fails unless dest holds exactly one complete
// generation, every file and nothing else, the shared files still the
// previous site's with their old time. It returns the generation.
func checkOneGeneration(t *testing.T, dest string) string {
	t.Helper()
	files := readTree(t, dest)
	gen := whichGeneration(files["index.html"])
	if gen == "" {
		t.Fatalf("dest's home page belongs to no generation: %q", files["index.html"])
	}
	want := generationMap(gen)
	if !maps.Equal(files, want) {
		var missing, extra, wrong int
		for name, data := range want {
			got, ok := files[name]
			switch {
			case !ok:
				missing++
			case got != data:
				wrong++
			}
		}
		for name := range files {
			if _, ok := want[name]; !ok {
				extra++
			}
		}
		t.Fatalf("dest is not one complete %s generation: %d files missing, %d extra, %d of another generation", gen, missing, extra, wrong)
	}
	for i := range sharedCount {
		if mt := modTime(t, dest, sharedName(i)); !mt.Equal(oldTime) {
			t.Fatalf("the shared %s lost its time: %v", sharedName(i), mt)
		}
	}
	return gen
}

// TestKilledBuildLeavesOneWholeSite kills builds at many points, chosen by
// what is on the disk or by where the build says it is, never by timing,
// and checks that the output is always one whole generation and that the
// next build clears what the killed one left.
func TestKilledBuildLeavesOneWholeSite(t *testing.T) {
	if testing.Short() {
		t.Skip("starts dozens of processes")
	}
	dest := filepath.Join(t.TempDir(), "out")
	total := len(generation("new"))

	type killCase struct {
		name       string
		noExchange bool
		stop       string      // a point the child stops at, to be killed there
		when       func() bool // or a condition to kill it at
		repeat     int
	}
	var cases []killCase
	for _, noExchange := range []bool{false, true} {
		how := "exchange"
		if noExchange {
			how = "two renames"
		}
		stops := []string{"begun", "written:1000", "written:all"}
		if noExchange {
			stops = append(stops, "aside")
		} else {
			stops = append(stops, "swapped")
		}
		for _, stop := range stops {
			cases = append(cases, killCase{name: how + ", stopped at " + stop, noExchange: noExchange, stop: stop, repeat: 1})
		}
		for _, k := range []int{1, 500, 1500, total} {
			cases = append(cases, killCase{name: fmt.Sprintf("%s, %d files staged", how, k), noExchange: noExchange,
				when: func() bool { return stagedAtLeast(dest, "new", k) }, repeat: 1})
		}
		cases = append(cases, killCase{name: how + ", home page new", noExchange: noExchange,
			when: func() bool { return homeSays(dest, "new") }, repeat: 3})
		if noExchange {
			cases = append(cases, killCase{name: how + ", output missing", noExchange: noExchange,
				when: func() bool { return !exists(dest) }, repeat: 2})
		}
	}

	build(t, dest, generationMap("old"))
	for i := range sharedCount {
		setTimes(t, dest, sharedName(i))
	}
	outcomes := map[string]int{}
	for _, kc := range cases {
		for range kc.repeat {
			deadline := time.Now().Add(killDeadline)
			c := startChild(t, dest, "new", kc.stop, kc.noExchange)
			killed := false
			if kc.stop != "" {
				c.waitStopped(t, kc.stop, deadline)
				// The stopped child is a live build: another must wait.
				before := listing(t, filepath.Dir(dest))
				s, err := Begin(dest, Guard{})
				if s != nil {
					s.Abort()
				}
				errorHas(t, err, "another planpress build is writing to "+dest)
				if after := listing(t, filepath.Dir(dest)); !maps.Equal(before, after) {
					t.Fatalf("%s: a Begin refused during a live build changed the disk", kc.name)
				}
				killed = c.kill()
				if !killed {
					t.Fatalf("%s: the stopped child was not running when killed: %v", kc.name, c.err)
				}
			} else {
				killed = c.killWhen(t, kc.when, deadline)
			}

			outcome := ""
			if !exists(dest) {
				// The window between the two renames: the next Begin
				// puts the previous site back.
				if !kc.noExchange {
					t.Fatalf("%s: dest is missing after a kill, with exchange", kc.name)
				}
				s, err := Begin(dest, Guard{})
				if err != nil {
					t.Fatalf("%s: Begin after a kill between the renames: %v", kc.name, err)
				}
				s.Abort()
				if gen := checkOneGeneration(t, dest); gen != "old" {
					t.Fatalf("%s: restored the %s generation, want the old", kc.name, gen)
				}
				outcome = "restored"
			} else {
				outcome = checkOneGeneration(t, dest)
			}
			if !killed {
				outcome = "finished, " + outcome
			}
			outcomes[kc.name+": "+outcome]++

			build(t, dest, generationMap("old"))
			if left := leftoversBeside(t, dest); left != nil {
				t.Fatalf("%s: after a normal build, left beside the output: %q", kc.name, left)
			}
		}
	}
	for _, o := range slices.Sorted(maps.Keys(outcomes)) {
		t.Logf("%-45s %d", o, outcomes[o])
	}
}
