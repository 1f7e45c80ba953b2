package publish

import (
	"fmt"
	"mime"
	"path"
	"strings"
	"time"

	"github.com/planpress/planpress/internal/model"
)

// Host files: a static host sends the headers that make a site safe and fast
// (the Content-Security-Policy, no MIME sniffing, how long browsers keep each
// file), and each kind of host reads them from a file of its own in the
// site's folder. The build writes the two that most hosts read; a site turns
// them off with [publish] host_files = false. docs/publishing.md has what to
// set on hosts that read neither.

// ContentSecurityPolicy is the policy every page states in its meta tag
// (layouts/baseof.html) and the host files send as a header: a page loads
// nothing but the site's own files. A header also covers the JSON, CSV and
// feed files, which have no meta tag.
const ContentSecurityPolicy = "default-src 'self'"

// How long browsers may keep a file. Everything under assets/ is named by a
// fingerprint of its content, so a changed file is a new name and the old
// one may be kept for good. Pages keep their names, so a browser keeps them
// only a few minutes: a correction reaches readers soon after it is
// published.
const (
	AssetMaxAge = 365 * 24 * time.Hour
	PageMaxAge  = 5 * time.Minute
)

// HostFiles writes _headers (read by Netlify and Cloudflare Pages) and
// web.config (read by IIS and Azure App Service on Windows), unless the site
// turned them off. A site's own file of either name in static/ replaces
// planpress's (see replaceable).
func (s *Site) HostFiles(site *model.Site) {
	if !site.HostFiles {
		return
	}
	s.File("_headers", headersFile(s.base))
	s.File("web.config", webConfig())
}

// headersFile is the _headers file of a site that lives under base.
//
// Both hosts apply every rule whose path matches, and join the values of a
// header that two rules set into one list, so no two rules may both set
// Cache-Control: the rule for every file sets the policies, the rule for
// assets the caching. Pages keep the host's own Cache-Control, which on both
// hosts has the browser check for a new version on every visit: shorter
// than PageMaxAge, and no path pattern can pick out the pages without the
// assets.
func headersFile(base string) []byte {
	var b strings.Builder
	b.WriteString("# Written by planpress build (turn off with [publish] host_files = false in planpress.toml).\n")
	b.WriteString("# The headers Netlify and Cloudflare Pages send with the site: see docs/publishing.md.\n")
	fmt.Fprintf(&b, "%s*\n", base)
	fmt.Fprintf(&b, "  Content-Security-Policy: %s\n", ContentSecurityPolicy)
	b.WriteString("  X-Content-Type-Options: nosniff\n")
	fmt.Fprintf(&b, "%sassets/*\n", base)
	fmt.Fprintf(&b, "  Cache-Control: public, max-age=%d, immutable\n", int(AssetMaxAge.Seconds()))
	return []byte(b.String())
}

// webConfig is the web.config file, the same wherever the site lives: IIS
// reads a web.config for its own folder and those below it, so the assets'
// rule names the folder beside it.
//
// It sets only what a site's web.config may set under IIS's default locks
// (custom headers, static content), as a web.config that sets a locked
// section (httpErrors, for one) makes every page of the site fail. A MIME
// type is removed before it is added, because adding a type IIS already
// knows is an error, and IIS before version 10 does not know .json.
func webConfig() []byte {
	return []byte(`<?xml version="1.0" encoding="utf-8"?>
<!-- Written by planpress build (turn off with [publish] host_files = false in planpress.toml).
     The headers IIS and Azure App Service send with the site: see docs/publishing.md. -->
<configuration>
  <system.webServer>
    <httpProtocol>
      <customHeaders>
        <remove name="Content-Security-Policy" />
        <add name="Content-Security-Policy" value="` + ContentSecurityPolicy + `" />
        <remove name="X-Content-Type-Options" />
        <add name="X-Content-Type-Options" value="nosniff" />
      </customHeaders>
    </httpProtocol>
    <staticContent>
      <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="` + iisDuration(PageMaxAge) + `" cacheControlCustom="public" />
      <remove fileExtension=".json" />
      <mimeMap fileExtension=".json" mimeType="application/json" />
      <remove fileExtension=".csv" />
      <mimeMap fileExtension=".csv" mimeType="text/csv" />
    </staticContent>
  </system.webServer>
  <location path="assets">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="` + iisDuration(AssetMaxAge) + `" cacheControlCustom="public, immutable" />
      </staticContent>
    </system.webServer>
  </location>
</configuration>
`)
}

// iisDuration writes a duration as IIS's configuration does: d.hh:mm:ss,
// without the days when there are none.
func iisDuration(d time.Duration) string {
	days := int(d / (24 * time.Hour))
	d -= time.Duration(days) * 24 * time.Hour
	hms := fmt.Sprintf("%02d:%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second))
	if days > 0 {
		return fmt.Sprintf("%d.%s", days, hms)
	}
	return hms
}

// contentTypes names the types of the files a site holds, so that they do
// not depend on the machine's MIME tables (a Windows registry may have
// text/plain for .js, which a browser refuses to run).
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".csv":         "text/csv; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
	".atom":        "application/atom+xml",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/vnd.microsoft.icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".pdf":         "application/pdf",
	".webmanifest": "application/manifest+json",
	".map":         "application/json",
}

// ContentType is the Content-Type that planpress's own servers (serve, and
// the one planpress pdf prints from) send for a file of the site; a type
// nobody named is sent as bytes, never sniffed.
func ContentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
