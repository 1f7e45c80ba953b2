package render

import (
	"path"

	"github.com/planpress/planpress/internal/assets"
)

// fingerprint names a file after its content, so a browser may cache it for
// good: "assets/css/site.css" -> "assets/site.3f2a9c1b0d.css".
func fingerprint(name string, data []byte) string {
	return "assets/" + assets.Fingerprint(path.Base(name), data)
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
	f, err := echartsBundle()
	if err != nil {
		r.warnf("planpress", 0, "", "charts are left out of this build: %v", err)
		return a
	}
	p := "assets/" + f.Name
	r.write(p, f.Data)
	a.ECharts = r.url(p)
	return a
}
