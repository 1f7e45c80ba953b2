//go:build linux || darwin || freebsd || netbsd || openbsd

package build

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/planpress/planpress/bench/synth"
)

// The kill test stops a real build of a 1000-edition archive with SIGKILL at
// many points, chosen by what the build has done (never by waiting a fixed
// time), and expects the output folder to hold, every time, the complete
// previous site or the complete new one; and, after one more build, nothing
// left beside it.

// killChildEnv makes the test binary a build: it builds the site in the
// folder the variable names into the folder killDestEnv names.
const (
	killChildEnv = "PLANPRESS_KILL_TEST_SOURCE"
	killDestEnv  = "PLANPRESS_KILL_TEST_DEST"
)

// TestKillChild is the child's entry point; without the variables it does
// nothing.
func TestKillChild(t *testing.T) {
	src := os.Getenv(killChildEnv)
	if src == "" {
		return
	}
	if _, err := Build(Options{Source: src, Dest: os.Getenv(killDestEnv)}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// killDeadline bounds each wait for a build to reach a point, generous for a
// busy machine: it only fails a test that would otherwise hang.
const killDeadline = 5 * time.Minute

func TestKilledBuildLeavesOldOrNewSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1000-edition archive about ten times; run without -short")
	}
	src := filepath.Join(t.TempDir(), "site")
	if _, err := synth.Write(src, synth.Options{Editions: 1000}); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(src, "planpress.toml")
	base, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	setTitle := func(title string) {
		t.Helper()
		s := string(base)
		i := strings.Index(s, "\ntitle = ")
		if i < 0 {
			t.Fatal("the synthetic site's planpress.toml has no title line")
		}
		j := strings.Index(s[i+1:], "\n") + i + 1
		if err := os.WriteFile(settings, []byte(s[:i]+"\ntitle = \""+title+"\""+s[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Two generations of the whole site: a changed title changes every page.
	newTree := buildTree(t, src, "New reports", setTitle)
	dest := filepath.Join(t.TempDir(), "public")
	setTitle("Old reports")
	mustBuild(t, Options{Source: src, Dest: dest})
	oldTree := hashTree(t, dest)
	if len(oldTree) < 8000 || len(oldTree) != len(newTree) {
		t.Fatalf("the generations have %d and %d files; want the same, over 8000", len(oldTree), len(newTree))
	}
	setTitle("New reports")

	// Kill points: when the staging folder holds this many files, then once
	// the new site is in place (while the old one is being removed).
	points := []int{1, 500, 2000, 4000, 6000, 8000, len(newTree) * 97 / 100}
	for _, n := range points {
		t.Run(fmt.Sprintf("staged-%d", n), func(t *testing.T) {
			c := startBuild(t, src, dest)
			waitFor(t, c, func() bool { return stagedFiles(t, dest) >= n })
			c.kill(t)
			if checkGeneration(t, dest, oldTree, newTree) == "new" {
				// Stopped just after the swap: put the old site back,
				// so that the next point can tell the two apart.
				setTitle("Old reports")
				mustBuild(t, Options{Source: src, Dest: dest})
				setTitle("New reports")
			}
		})
	}
	t.Run("swapped", func(t *testing.T) {
		c := startBuild(t, src, dest)
		waitFor(t, c, func() bool {
			home, err := os.ReadFile(filepath.Join(dest, "index.html"))
			return err == nil && strings.Contains(string(home), "New reports")
		})
		c.kill(t)
		if got := checkGeneration(t, dest, oldTree, newTree); got != "new" {
			t.Errorf("killed after the swap, the output holds the %s site", got)
		}
	})
	// One more build: the output is the new site and nothing is left
	// beside it.
	mustBuild(t, Options{Source: src, Dest: dest})
	if got := checkGeneration(t, dest, oldTree, newTree); got != "new" {
		t.Errorf("after a complete build the output holds the %s site", got)
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("after a complete build, left beside the output: %v", l)
	}
}

// buildTree builds the site with a title into a folder of its own and returns
// the hash of every file.
func buildTree(t *testing.T, src, title string, setTitle func(string)) map[string]string {
	t.Helper()
	setTitle(title)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: src, Dest: out})
	tree := hashTree(t, out)
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	return tree
}

// hashTree hashes every file below dir by its slash path.
func hashTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sum := sha256.Sum256(b)
		out[filepath.ToSlash(rel)] = string(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkGeneration fails unless dir holds exactly one of the two trees, and
// says which.
func checkGeneration(t *testing.T, dir string, oldTree, newTree map[string]string) string {
	t.Helper()
	got := hashTree(t, dir)
	for name, tree := range map[string]map[string]string{"old": oldTree, "new": newTree} {
		if sameTree(got, tree) {
			return name
		}
	}
	mixed := 0
	for p, h := range got {
		if newTree[p] == h && oldTree[p] != h {
			mixed++
		}
	}
	t.Fatalf("the output is neither the old nor the new site: %d files, %d of them from the new site", len(got), mixed)
	return ""
}

func sameTree(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for p, h := range a {
		if b[p] != h {
			return false
		}
	}
	return true
}

// stagedFiles counts the files in the staging folders beside dest.
func stagedFiles(t *testing.T, dest string) int {
	t.Helper()
	n := 0
	for _, name := range leftovers(t, dest) {
		_ = filepath.WalkDir(filepath.Join(filepath.Dir(dest), name), func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return nil
		})
	}
	return n
}

// killable is a build running in another process.
type killable struct {
	cmd    *exec.Cmd
	exited chan struct{}
	out    strings.Builder
}

func startBuild(t *testing.T, src, dest string) *killable {
	t.Helper()
	c := &killable{exited: make(chan struct{})}
	c.cmd = exec.Command(os.Args[0], "-test.run=^TestKillChild$")
	c.cmd.Env = append(os.Environ(), killChildEnv+"="+src, killDestEnv+"="+dest, "GORACE=atexit_sleep_ms=0")
	c.cmd.Stdout, c.cmd.Stderr = &c.out, &c.out
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = c.cmd.Wait(); close(c.exited) }()
	return c
}

// waitFor polls until ready says so; the build must not end first.
func waitFor(t *testing.T, c *killable, ready func() bool) {
	t.Helper()
	deadline := time.Now().Add(killDeadline)
	for !ready() {
		select {
		case <-c.exited:
			t.Fatalf("the build ended before the kill point:\n%s", c.out.String())
		default:
		}
		if time.Now().After(deadline) {
			c.kill(t)
			t.Fatalf("the build did not reach the kill point in %s", killDeadline)
		}
		time.Sleep(time.Millisecond)
	}
}

func (c *killable) kill(t *testing.T) {
	t.Helper()
	_ = c.cmd.Process.Signal(syscall.SIGKILL)
	<-c.exited
}
