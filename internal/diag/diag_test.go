package diag

import (
	"bytes"
	"strings"
	"testing"
)

func TestStringFormat(t *testing.T) {
	cases := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "a.toml", Line: 3, Col: 5, Message: "bad", Fix: "write x"}, "a.toml:3:5: error: bad; write x"},
		{Diagnostic{File: "a.toml", Line: 3, Severity: Warning, Message: "odd"}, "a.toml:3: warning: odd"},
		{Diagnostic{File: "a.toml", Message: "missing"}, "a.toml: error: missing"},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestListSortsDedupsAndCounts(t *testing.T) {
	var l List
	l.Errorf("b.toml", 1, "", "one")
	l.Warnf("a.toml", 9, "", "two")
	l.Errorf("a.toml", 2, "", "three")
	l.Errorf("a.toml", 2, "", "three")
	items := l.Items()
	if len(items) != 3 {
		t.Fatalf("want 3 items after dedup, got %d", len(items))
	}
	if items[0].Line != 2 || items[1].Line != 9 || items[2].File != "b.toml" {
		t.Errorf("wrong order: %v", items)
	}
	if !l.HasErrors() || l.Count(Warning) != 1 {
		t.Errorf("counts wrong")
	}
	if err := l.Err(); err == nil || !strings.Contains(err.Error(), "a.toml:2: error: three") {
		t.Errorf("Err() = %v", err)
	}
	var buf bytes.Buffer
	if err := l.WriteJSON(&buf); err != nil || !strings.Contains(buf.String(), `"severity": "warning"`) {
		t.Errorf("json: %v %s", err, buf.String())
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"title", "polarity", "decimals", "unit"}
	cases := map[string]string{"titel": "title", "polarty": "polarity", "Decimal": "decimals", "zzzzzz": "", "uni": "unit"}
	for in, want := range cases {
		if got := Suggest(in, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}
