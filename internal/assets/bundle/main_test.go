package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// root is the repository root, where node_modules is.
const root = "../../.."

func TestBuild(t *testing.T) {
	if _, err := os.Stat(filepath.Join(root, "node_modules", "echarts", "package.json")); err != nil {
		t.Skip("node_modules/echarts is not installed: run `npm ci`")
	}
	js, err := build(root)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(js, []byte("/*! Apache ECharts ")) {
		t.Errorf("the bundle does not start with the licence notice: %.80s", js)
	}
	for _, want := range []string{
		"licensed under the Apache License", "The Apache Software Foundation", // ECharts
		"Copyright (c) 2017, Baidu Inc.", // ZRender
		"d3",
		"var echarts=(()=>{", // IIFE defining the global
		// The parts registered, by the type names ECharts gives them.
		`.type="series.line"`, `.type="markLine"`, `.type="markArea"`, `.type="tooltip"`, `.type="svg"`,
	} {
		if !bytes.Contains(js, []byte(want)) {
			t.Errorf("the bundle lacks %q", want)
		}
	}
	// Only what planpress uses: no canvas renderer, no other chart types or
	// components, no development-only code.
	for _, unwanted := range []string{`.type="canvas"`, `.type="series.pie"`, `.type="dataZoom`, `.type="toolbox`, "process.env"} {
		if bytes.Contains(js, []byte(unwanted)) {
			t.Errorf("the bundle holds %q", unwanted)
		}
	}
	if n := len(js); n < 300_000 || n > 800_000 {
		t.Errorf("the bundle is %d bytes: expected about 580 KB", n)
	}
	again, err := build(root)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(js, again) {
		t.Errorf("two builds of the bundle differ")
	}
}

func TestBuildWithoutNodeModules(t *testing.T) {
	_, err := build(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "npm ci") {
		t.Errorf("error %v, want one saying to run npm ci", err)
	}
}

func TestWriteFileReplaces(t *testing.T) {
	name := filepath.Join(t.TempDir(), "sub", "echarts.min.js")
	for _, content := range []string{"first", "second"} {
		if err := writeFile(name, []byte(content)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil || string(got) != content {
			t.Errorf("read %q (%v), want %q", got, err, content)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(name))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}
