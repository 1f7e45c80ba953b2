// Command bundle builds the ECharts bundle that planpress embeds and serves:
// only the chart types, components and renderer that planpress charts use,
// taken from the echarts package that `npm ci` installed into node_modules,
// bundled and minified with esbuild's Go API into one IIFE that defines the
// global `echarts`. Beside the bundle it writes echarts.version, the version
// of the echarts package bundled, which `planpress version` prints.
//
// It is run from the repository root by `make build`:
//
//	go run ./internal/assets/bundle -out internal/assets/echarts/echarts.min.js
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// entry is the bundle's only module. It registers every part planpress's
// chart options use and exports what assets/js/charts.js and the build-time
// SVG benchmark call. A chart type or component left out here is silently
// ignored by ECharts, so a new option kind in internal/charts needs its part
// added here too.
const entry = `import { use, init, getInstanceByDom, dispose, version } from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  MarkAreaComponent,
  AriaComponent
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  MarkAreaComponent,
  AriaComponent,
  SVGRenderer
]);

export { init, getInstanceByDom, dispose, version };
`

func main() {
	out := flag.String("out", "internal/assets/echarts/echarts.min.js", "file to write the bundle to")
	root := flag.String("root", ".", "folder holding node_modules (the repository root)")
	flag.Parse()

	js, err := build(*root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
	version, err := packageVersion(filepath.Join(*root, "node_modules", "echarts"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
	// The version first: should writing the bundle then fail, the bundle
	// stays older than what it is made from, and the next `make build`
	// writes both again.
	if err := writeFile(versionFile(*out), []byte(version+"\n")); err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
	if err := writeFile(*out, js); err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
	gz, err := gzipSize(js)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
	fmt.Printf("bundle: wrote %s: %d bytes, %d bytes gzip -9\n", *out, len(js), gz)
}

// build bundles ECharts from root/node_modules and returns the minified script,
// led by the licence notices of what it contains.
func build(root string) ([]byte, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	modules := filepath.Join(abs, "node_modules")
	version, err := packageVersion(filepath.Join(modules, "echarts"))
	if err != nil {
		return nil, err
	}
	banner, err := licenceBanner(modules, version)
	if err != nil {
		return nil, err
	}

	result := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   entry,
			ResolveDir: abs,
			Sourcefile: "planpress-echarts.js",
			Loader:     api.LoaderJS,
		},
		AbsWorkingDir:     abs,
		Bundle:            true,
		Format:            api.FormatIIFE,
		GlobalName:        "echarts",
		Platform:          api.PlatformBrowser,
		Target:            api.ES2015,
		Define:            map[string]string{"process.env.NODE_ENV": `"production"`},
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsEndOfFile,
		Banner:            map[string]string{"js": banner},
		Charset:           api.CharsetUTF8,
		LogLevel:          api.LogLevelSilent,
		Write:             false,
	})
	if len(result.Errors) > 0 {
		var msgs []string
		for _, m := range api.FormatMessages(result.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage}) {
			msgs = append(msgs, strings.TrimSpace(m))
		}
		return nil, fmt.Errorf("esbuild failed:\n%s", strings.Join(msgs, "\n"))
	}
	if len(result.OutputFiles) != 1 {
		return nil, fmt.Errorf("esbuild wrote %d files, want 1", len(result.OutputFiles))
	}
	return result.OutputFiles[0].Contents, nil
}

// versionFile is where the version of the bundled echarts package goes: beside
// the bundle, where internal/assets embeds it.
func versionFile(bundle string) string {
	return filepath.Join(filepath.Dir(bundle), "echarts.version")
}

// packageVersion reads the version of the npm package in dir, with an error
// that says what to run when node_modules has not been installed.
func packageVersion(dir string) (string, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s is missing: run `npm ci` first (or `make build`, which runs it; needs Node.js and npm)", dir)
	}
	if err != nil {
		return "", err
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(raw, &pkg); err != nil {
		return "", fmt.Errorf("%s: %w", filepath.Join(dir, "package.json"), err)
	}
	if pkg.Version == "" {
		return "", fmt.Errorf("%s: no version", filepath.Join(dir, "package.json"))
	}
	return pkg.Version, nil
}

// licenceBanner is the comment that heads the bundle: the notices and licence
// texts of ECharts, ZRender and the d3 code ECharts embeds, read from the
// installed packages so that they are always the ones of what was bundled.
func licenceBanner(modules, version string) (string, error) {
	read := func(parts ...string) (string, error) {
		b, err := os.ReadFile(filepath.Join(append([]string{modules}, parts...)...))
		if err != nil {
			return "", err
		}
		return strings.TrimSpace(strings.ReplaceAll(string(b), "*/", "* /")), nil
	}
	notice, err := read("echarts", "NOTICE")
	if err != nil {
		return "", err
	}
	zr, err := read("zrender", "LICENSE")
	if err != nil {
		return "", err
	}
	zrVersion, err := packageVersion(filepath.Join(modules, "zrender"))
	if err != nil {
		return "", err
	}
	d3, err := read("echarts", "licenses", "LICENSE-d3")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "/*! Apache ECharts %s and ZRender %s, as bundled by planpress:\n", version, zrVersion)
	b.WriteString("line and bar charts, grid, tooltip, legend, markLine, markArea, aria and the SVG renderer.\n\n")
	b.WriteString(notice)
	b.WriteString("\n\nApache ECharts is licensed under the Apache License, Version 2.0;\n")
	b.WriteString("you may obtain a copy of the License at http://www.apache.org/licenses/LICENSE-2.0\n")
	b.WriteString("Unless required by applicable law or agreed to in writing, software distributed under the\n")
	b.WriteString("License is distributed on an \"AS IS\" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND.\n\n")
	b.WriteString("ZRender:\n")
	b.WriteString(zr)
	b.WriteString("\n\nParts of Apache ECharts embed d3.js:\n")
	b.WriteString(d3)
	b.WriteString("\n*/")
	return b.String(), nil
}

// writeFile writes data to name through a temporary file in the same folder,
// so that a failed or interrupted run never leaves half a bundle behind.
func writeFile(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".bundle-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// gzipSize is the size of data compressed with gzip -9, the figure the
// documentation quotes for what a reader downloads.
func gzipSize(data []byte) (int, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := w.Write(data); err != nil {
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}
