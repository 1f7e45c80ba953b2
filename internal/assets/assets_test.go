package assets

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestECharts(t *testing.T) {
	f, err := ECharts()
	if errors.Is(err, ErrNoBundle) {
		// A build without `make bundle`: the error must say what to run.
		for _, want := range []string{"download a release", "run `make build` (needs Node.js and npm once)"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("ErrNoBundle does not say %q: %v", want, err)
			}
		}
		if HasECharts() || EChartsVersion() != "" {
			t.Errorf("no bundle, yet HasECharts() = %v, EChartsVersion() = %q", HasECharts(), EChartsVersion())
		}
		t.Skip("no ECharts bundle in this build: run `make bundle`")
	}
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^echarts\.[0-9a-f]{10}\.min\.js$`).MatchString(f.Name) {
		t.Errorf("name %q, want echarts.<10 hex>.min.js", f.Name)
	}
	if f.Name != Fingerprint("echarts.min.js", f.Data) {
		t.Errorf("name %q is not the fingerprint of the data", f.Name)
	}
	for _, want := range []string{"Apache ECharts", "Apache License", "ZRender", "BSD", "var echarts="} {
		if !bytes.Contains(f.Data, []byte(want)) {
			t.Errorf("the bundle lacks %q", want)
		}
	}
	if bytes.Contains(f.Data, []byte("process.env")) {
		t.Errorf("the bundle still reads process.env: NODE_ENV was not defined")
	}
	if !HasECharts() {
		t.Errorf("HasECharts() = false with the bundle embedded")
	}
	// The version the bundle tool wrote beside the bundle is the one its
	// licence banner names.
	v := EChartsVersion()
	if !regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+`).MatchString(v) {
		t.Fatalf("EChartsVersion() = %q, want a version such as 6.1.0 (make bundle writes echarts/echarts.version)", v)
	}
	if !bytes.HasPrefix(f.Data, []byte("/*! Apache ECharts "+v+" ")) {
		t.Errorf("the bundle's banner does not name ECharts %s: %.60s", v, f.Data)
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("echarts.min.js", []byte("a"))
	if a != "echarts.ca978112ca.min.js" { // sha256("a") = ca978112ca1bbdca...
		t.Errorf("Fingerprint = %q", a)
	}
	if b := Fingerprint("echarts.min.js", []byte("b")); b == a {
		t.Errorf("different content, same name %q", b)
	}
	if got := Fingerprint("charts.js", []byte("a")); got != "charts.ca978112ca.js" {
		t.Errorf("Fingerprint(charts.js) = %q", got)
	}
	if got := Fingerprint("LICENSE", []byte("a")); got != "LICENSE.ca978112ca" {
		t.Errorf("Fingerprint(LICENSE) = %q", got)
	}
}
