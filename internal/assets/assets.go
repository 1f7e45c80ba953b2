// Package assets embeds the front-end files planpress serves that are built
// rather than written: the ECharts bundle made by ./internal/assets/bundle,
// and the version of ECharts it was made from. A binary built before the
// bundle still compiles and says what to run.
package assets

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"strings"
)

// files holds the echarts folder: its committed README always, and
// echarts.min.js and echarts.version once `make build` has made them. Embedding the folder, not the
// file, is what lets `go build` succeed without it.
//
//go:embed echarts
var files embed.FS

// bundlePath is where the bundle tool writes the bundle, relative to this
// package, and versionPath where it writes the version of ECharts bundled.
const (
	bundlePath  = "echarts/echarts.min.js"
	versionPath = "echarts/echarts.version"
)

// ErrNoBundle reports a binary built without the ECharts bundle, as `go
// install` and a plain `go build` make it: the bundle is built from an npm
// package and is not in the repository.
var ErrNoBundle = errors.New("the chart library (ECharts) is not built into this planpress: " +
	"download a release, which has it (https://github.com/planpress/planpress/releases), " +
	"or run `make build` (needs Node.js and npm once)")

// File is an asset to write into the site: its content and its file name with
// a fingerprint of that content, so browsers may cache it for good.
type File struct {
	Name string // "echarts.3f2a9c1b0d.min.js"
	Data []byte
}

// ECharts returns the ECharts bundle under its fingerprinted name, or
// ErrNoBundle when the binary was built without it.
func ECharts() (File, error) {
	data, err := files.ReadFile(bundlePath)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(data) == 0) {
		return File{}, ErrNoBundle
	}
	if err != nil {
		return File{}, err
	}
	return File{Name: Fingerprint(path.Base(bundlePath), data), Data: data}, nil
}

// HasECharts reports whether the binary was built with the ECharts bundle.
func HasECharts() bool {
	info, err := fs.Stat(files, bundlePath)
	return err == nil && info.Size() > 0
}

// EChartsVersion is the version of the echarts npm package the bundle was
// made from, such as "6.1.0", or "" when the binary has no bundle.
func EChartsVersion() string {
	if !HasECharts() {
		return ""
	}
	b, err := files.ReadFile(versionPath)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// Fingerprint puts the first 10 hex digits of data's SHA-256 into a file name,
// before its extension: "echarts.min.js" -> "echarts.3f2a9c1b0d.min.js",
// "charts.js" -> "charts.5e0c7d21aa.js". A ".min" before the extension stays
// with it.
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:5])
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	if strings.HasSuffix(stem, ".min") {
		stem, ext = strings.TrimSuffix(stem, ".min"), ".min"+ext
	}
	return stem + "." + hash + ext
}
