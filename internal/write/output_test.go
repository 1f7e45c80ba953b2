package write

import (
	"slices"
	"sync"
	"testing"
)

func TestCheckName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"index.html", true},
		{"editions/2019-05/index.html", true},
		{".well-known/security.txt", true},
		{"", false},
		{".", false},
		{"..", false},
		{"../index.html", false},
		{"a/../b", false},
		{"/etc/passwd", false},
		{"a//b", false},
		{"a/", false},
		{"a/./b", false},
		{`a\b`, false},
		{`..\x`, false},
	}
	for _, tt := range tests {
		err := checkName(tt.name)
		if (err == nil) != tt.ok {
			t.Errorf("checkName(%q) = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}

func TestOutputsRefuseBadNames(t *testing.T) {
	dest := t.TempDir() + "/out"
	s, err := Begin(dest, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	outputs := []struct {
		what string
		out  Output
	}{
		{"Memory", NewMemory()},
		{"Discard", &Discard{}},
		{"Staging", s},
	}
	for _, o := range outputs {
		for _, name := range []string{"../escape", "/abs", `a\b`, "."} {
			if err := o.out.WriteFile(name, []byte("x")); err == nil {
				t.Errorf("%s.WriteFile(%q) succeeded, want an error", o.what, name)
			}
		}
	}
}

func TestMemory(t *testing.T) {
	var m Memory // the zero value works
	writes := []struct{ name, data string }{
		{"index.html", "one"},
		{"b/c.css", "two"},
		{"a.txt", "three"},
		{"index.html", "four"}, // a later write wins
	}
	for _, w := range writes {
		if err := m.WriteFile(w.name, []byte(w.data)); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := m.Paths(), []string{"a.txt", "b/c.css", "index.html"}; !slices.Equal(got, want) {
		t.Errorf("Paths() = %q, want %q", got, want)
	}
	files := m.Files()
	if string(files["index.html"]) != "four" {
		t.Errorf("index.html = %q, want the later write", files["index.html"])
	}
	delete(files, "a.txt")
	if len(m.Paths()) != 3 {
		t.Error("changing the map from Files changed the Memory")
	}
}

func TestDiscard(t *testing.T) {
	var d Discard
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			name := "a.txt"
			if i%2 == 0 {
				name = "p.html"
			}
			if err := d.WriteFile(name, []byte("12345")); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got, want := d.Stats(), (Stats{Files: 50, Pages: 25, Bytes: 250}); got != want {
		t.Errorf("Stats() = %+v, want %+v", got, want)
	}
}
