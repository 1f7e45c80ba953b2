package pdf

import (
	"io"
	"net/http"
	"testing"
)

func TestServe(t *testing.T) {
	files := map[string][]byte{
		"index.html":                        []byte("<!DOCTYPE html><title>Home</title>"),
		"editions/2019-05/print/index.html": []byte("<!DOCTYPE html><title>Print</title>"),
		"assets/charts.0123456789.js":       []byte("'use strict';"),
		"images/logo.svg":                   []byte("<svg/>"),
	}
	for _, base := range []string{"/", "/reports/"} {
		root, stop, err := serve(files, base)
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			path, status, ctype, body string
		}{
			{"", "200 OK", "text/html; charset=utf-8", "<!DOCTYPE html><title>Home</title>"},
			{"editions/2019-05/print/", "200 OK", "text/html; charset=utf-8", "<!DOCTYPE html><title>Print</title>"},
			{"assets/charts.0123456789.js", "200 OK", "text/javascript; charset=utf-8", "'use strict';"},
			{"images/logo.svg", "200 OK", "image/svg+xml", "<svg/>"},
			{"editions/2019-08/print/", "404 Not Found", "", ""},
		}
		for _, tt := range tests {
			res, err := http.Get(root + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.Status != tt.status {
				t.Errorf("%s%s: %s, want %s", root, tt.path, res.Status, tt.status)
				continue
			}
			if res.Header.Get("Content-Security-Policy") != "default-src 'self'" {
				t.Errorf("%s%s: no Content-Security-Policy: the page would be printed under rules its readers' browsers do not apply", root, tt.path)
			}
			if tt.ctype != "" && (res.Header.Get("Content-Type") != tt.ctype || string(body) != tt.body) {
				t.Errorf("%s%s: %s %q, want %s %q", root, tt.path, res.Header.Get("Content-Type"), body, tt.ctype, tt.body)
			}
		}
		if base != "/" {
			// Nothing is served outside the folder the site lives in.
			res, err := http.Get(root[:len(root)-len(base)] + "/index.html")
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("/index.html outside %s: %s, want 404", base, res.Status)
			}
		}
		stop()
		if _, err := http.Get(root); err == nil {
			t.Errorf("%s still answers after stop", root)
		}
	}
}
