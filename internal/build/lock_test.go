package build

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A build refuses to write a folder another running build holds, says which
// file to delete if none is running, and takes over a lock left by a build
// that has gone.
func TestLockKeepsBuildsApart(t *testing.T) {
	src := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	lockFile := lockPath(dest)
	// This test's own process is alive: a build it holds the lock for.
	if err := os.WriteFile(lockFile, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(Options{Source: src, Dest: dest})
	if err == nil || !strings.Contains(err.Error(), lockFile) || !strings.Contains(err.Error(), "another planpress build") {
		t.Fatalf("a build ran while another held the folder, or did not say which lock: %v", err)
	}
	if _, err := os.Stat(dest); err == nil {
		t.Error("the refused build wrote the folder")
	}
	// A lock left by a process that has gone: an id above any the kernel
	// gives out.
	if err := os.WriteFile(lockFile, []byte("2147483646\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, Options{Source: src, Dest: dest})
	if _, err := os.Stat(lockFile); !os.IsNotExist(err) {
		t.Errorf("the build left its lock behind (err %v)", err)
	}
}
