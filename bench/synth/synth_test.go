package synth_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/planpress/planpress/bench/synth"
	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/diag"
)

// TestSiteIsValid: a generated site checks with no error or warning, and
// builds as generated, every edition being in the past.
func TestSiteIsValid(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	st, err := synth.Write(dir, synth.Options{Editions: 9})
	if err != nil {
		t.Fatal(err)
	}
	if st.Editions != 9 || st.Files != 9*8+6 {
		t.Errorf("stats = %+v, want 9 editions in %d files", st, 9*8+6)
	}
	diags := build.Check(build.Options{Source: dir, Future: true})
	for _, d := range diags.Items() {
		t.Errorf("check: %s", d)
	}
	res, err := build.Build(build.Options{Source: dir, Dest: filepath.Join(t.TempDir(), "public"), Now: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diagnostics.Count(diag.Warning) != 0 {
		t.Errorf("build warned: %v", res.Diagnostics.Items())
	}
}

// TestDeterministic: the same options give the same bytes, and a folder
// written before is replaced.
func TestDeterministic(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	if _, err := synth.Write(a, synth.Options{Editions: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := synth.Write(b, synth.Options{Editions: 5, Seed: 99}); err != nil {
		t.Fatal(err)
	}
	if _, err := synth.Write(b, synth.Options{Editions: 3}); err != nil {
		t.Fatalf("rewriting a generated folder: %v", err)
	}
	if got, want := tree(t, b), tree(t, a); len(got) != len(want) {
		t.Fatalf("%d files, want %d", len(got), len(want))
	} else {
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s differs between two runs", name)
			}
		}
	}
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := synth.Write(other, synth.Options{Editions: 1}); err == nil {
		t.Error("wrote into a folder that held other files")
	}
}

// TestSameSizeAsHugoCorpus: the Markdown is within 30% of the Hugo corpus's
// (shared/bench/hugo-corpus.py), when that script and python3 are at hand.
func TestSameSizeAsHugoCorpus(t *testing.T) {
	script := ""
	for _, p := range []string{"../../../shared/bench/hugo-corpus.py", "/work/shared/bench/hugo-corpus.py"} {
		if _, err := os.Stat(p); err == nil {
			script = p
			break
		}
	}
	py, err := exec.LookPath("python3")
	if script == "" || err != nil {
		t.Skip("needs python3 and shared/bench/hugo-corpus.py")
	}
	hugo := filepath.Join(t.TempDir(), "hugo")
	if out, err := exec.Command(py, script, "8", hugo).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", script, err, out)
	}
	st, err := synth.Write(filepath.Join(t.TempDir(), "site"), synth.Options{Editions: 8})
	if err != nil {
		t.Fatal(err)
	}
	hmd, _, err := synth.Sizes(hugo)
	if err != nil {
		t.Fatal(err)
	}
	ratio := float64(st.MarkdownBytes) / float64(hmd)
	t.Logf("Markdown: planpress %d bytes, Hugo %d bytes, ratio %.2f (with TOML data %.2f)", st.MarkdownBytes, hmd, ratio, float64(st.MarkdownBytes+st.DataBytes)/float64(hmd))
	if ratio < 0.7 || ratio > 1.3 {
		t.Errorf("planpress/Hugo Markdown = %.2f, want within 30%%", ratio)
	}
}

func tree(t *testing.T, dir string) map[string][]byte {
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
