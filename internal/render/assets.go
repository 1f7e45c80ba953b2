package render

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
)

// fingerprint names a file after its content, so a browser may cache it for
// good: "assets/css/site.css" -> "assets/site.3f2a9c1b0d.css".
func fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	base := path.Base(name)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	if strings.HasSuffix(stem, ".min") {
		stem, ext = strings.TrimSuffix(stem, ".min"), ".min"+ext
	}
	return "assets/" + stem + "." + hex.EncodeToString(sum[:5]) + ext
}

// writeAssets writes the site's stylesheet and scripts under fingerprinted
// names and returns their addresses.
func (r *renderer) writeAssets(l layouts) Assets {
	var a Assets
	put := func(name string) string {
		b, _, err := l.read(name)
		if err != nil {
			r.errorf(name, 0, "restore the file, or delete your copy to use the built-in one", "cannot read asset: %v", err)
			return ""
		}
		p := fingerprint(name, b)
		r.write(p, b)
		return r.url(p)
	}
	a.CSS = put("assets/css/site.css")
	a.Charts = put("assets/js/charts.js")
	if r.opts.Live {
		a.Live = put("assets/js/live.js")
	}
	if b, ok := echartsBundle(); ok {
		p := fingerprint("echarts.min.js", b)
		r.write(p, b)
		a.ECharts = r.url(p)
	}
	return a
}

// echartsBundle returns the embedded chart library; wired to internal/assets.
var echartsBundle = func() ([]byte, bool) { return nil, false }
