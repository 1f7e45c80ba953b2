package browsertest

import "testing"

func TestIsForeign(t *testing.T) {
	c := newCollector()
	c.reset("127.0.0.1:4000")
	tests := []struct {
		url  string
		want bool
	}{
		{"http://127.0.0.1:4000/style.css", false},
		{"http://127.0.0.1:4000/", false},
		{"ws://127.0.0.1:4000/live", false},
		{"data:image/png;base64,AAAA", false},
		{"blob:http://127.0.0.1:4000/1234", false},
		{"about:blank", false},
		{"http://127.0.0.1:4001/style.css", true},
		{"http://localhost:4000/style.css", true},
		{"https://127.0.0.1:4000/style.css", false},
		{"https://cdn.example.com/echarts.js", true},
		{"ftp://example.com/x", true},
		{"chrome-extension://abc/x.js", true},
	}
	for _, tt := range tests {
		if got := c.isForeign(tt.url); got != tt.want {
			t.Errorf("isForeign(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

func TestIgnoredFailures(t *testing.T) {
	c := newCollector()
	c.reset("127.0.0.1:4000")
	c.expect("http://127.0.0.1:4000/missing/")
	tests := []struct {
		url  string
		want bool
	}{
		{"http://127.0.0.1:4000/missing/", true},
		{"http://127.0.0.1:4000/favicon.ico", false},
		{"http://127.0.0.1:4000/assets/favicon.ico", false},
		{"http://127.0.0.1:4000/missing.png", false},
		{"http://127.0.0.1:4001/favicon.ico", false},
	}
	for _, tt := range tests {
		if got := c.ignored(tt.url); got != tt.want {
			t.Errorf("ignored(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}
