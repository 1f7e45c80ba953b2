package write

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	// A race-enabled test binary would otherwise wait a second on exit.
	cmd.Env = append(os.Environ(), "GORACE=atexit_sleep_ms=0")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestBeginRemovesLeftovers(t *testing.T) {
	old := map[string]string{"index.html": homePage("old"), "a.txt": "old"}
	half := map[string]string{"index.html": homePage("new"), "a.txt": "new"}
	// others are names beside the output that no build of it made.
	others := map[string]string{
		".out.planpress-staging-abc/x":   "not digits",
		".out.planpress-staging-1.bak/x": "another suffix",
		".other.planpress-staging-1/x":   "another output's",
		".out.new-1.new-2/x":             "not one of ours",
		"out2/index.html":                homePage("another output"),
		".out.lock.bak":                  "someone's",
	}
	tests := []struct {
		name     string
		dest     map[string]string            // nil: no output folder
		leftover map[string]map[string]string // folders beside the output
		lockFile string                       // content of the older versions' lock file, if any
		want     map[string]string            // the output folder after Begin
	}{
		{"a staging folder", old, map[string]map[string]string{
			".out.planpress-staging-123": half,
		}, "", old},
		{"the previous site after an exchange", half, map[string]map[string]string{
			".out.planpress-staging-7": old,
		}, "", half},
		{"several at once", old, map[string]map[string]string{
			".out.planpress-staging-1":     half,
			".out.planpress-staging-2":     {},
			".out.planpress-staging-3.old": old,
		}, "", old},
		{"an older version's", old, map[string]map[string]string{
			".out.new-4242":     half,
			".out.new-4243.old": old,
		}, "dead", old},
		{"an older version's lock with nonsense in it", old, nil, "not a number\n", old},
		{"the previous site moved aside, output missing", nil, map[string]map[string]string{
			".out.planpress-staging-9":     half,
			".out.planpress-staging-9.old": old,
		}, "", old},
		{"an older version's previous site moved aside, output missing", nil, map[string]map[string]string{
			".out.new-77":     half,
			".out.new-77.old": old,
		}, "", old},
		{"two previous sites moved aside, output missing", nil, map[string]map[string]string{
			".out.planpress-staging-1.old": old,
			".out.planpress-staging-2.old": half,
		}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "out")
			if tt.dest != nil {
				writeTree(t, dest, tt.dest)
			}
			for name, files := range tt.leftover {
				os.MkdirAll(filepath.Join(root, name), 0o755)
				writeTree(t, filepath.Join(root, name), files)
			}
			writeTree(t, root, others)
			switch tt.lockFile {
			case "":
			case "dead":
				writeTree(t, root, map[string]string{".out.lock": strconv.Itoa(deadPID(t)) + "\n"})
			default:
				writeTree(t, root, map[string]string{".out.lock": tt.lockFile})
			}
			keep := snapshot(t, root)

			s, err := Begin(dest, Guard{})
			if err != nil {
				t.Fatalf("Begin: %v", err)
			}
			want := []string{filepath.Base(s.dir)}
			for name := range others {
				if top := strings.Split(name, "/")[0]; strings.HasPrefix(top, ".out.") && !slices.Contains(want, top) {
					want = append(want, top)
				}
			}
			slices.Sort(want)
			if got := leftoversBeside(t, dest); !slices.Equal(got, want) {
				t.Errorf("beside the output after Begin: %q, want %q", got, want)
			}
			s.Abort()
			if tt.want == nil {
				if exists(dest) {
					t.Errorf("Begin made an output folder from one of two previous sites")
				}
			} else if got := readTree(t, dest); !maps.Equal(got, tt.want) {
				t.Errorf("dest holds %q, want %q", got, tt.want)
			}
			after := snapshot(t, root)
			for name, desc := range keep {
				if _, ok := others[name]; ok && after[name] != desc {
					t.Errorf("Begin changed %s, which no build of out made", name)
				}
			}
		})
	}
}

func TestBeginWaitsForOlderVersion(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "out")
	writeTree(t, dest, map[string]string{"index.html": homePage("old")})
	// The parent of the test binary is alive as long as the test.
	writeTree(t, root, map[string]string{
		".out.lock":          strconv.Itoa(os.Getppid()) + "\n",
		".out.new-123/a.txt": "being written by the older version",
	})
	before := snapshot(t, root)
	_, err := Begin(dest, Guard{})
	errorHas(t, err, "another planpress build", "older version", "is writing to "+dest, "wait for it", filepath.Join(root, ".out.lock"))
	if after := snapshot(t, root); !maps.Equal(before, after) {
		t.Errorf("a refused Begin changed the disk:\nbefore %q\nafter  %q", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
}
