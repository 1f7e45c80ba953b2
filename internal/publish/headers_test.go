package publish

import (
	"encoding/xml"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"time"

	planpress "github.com/planpress/planpress"
	"github.com/planpress/planpress/internal/model"
)

// memOutput keeps what a test publishes.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memOutput) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = data
	return nil
}

func TestHostFiles(t *testing.T) {
	for _, base := range []string{"/", "/reports/"} {
		out := &memOutput{}
		New(out, base).HostFiles(&model.Site{HostFiles: true})
		want := "# Written by planpress build (turn off with [publish] host_files = false in planpress.toml).\n" +
			"# The headers Netlify and Cloudflare Pages send with the site: see docs/publishing.md.\n" +
			base + "*\n" +
			"  Content-Security-Policy: default-src 'self'\n" +
			"  X-Content-Type-Options: nosniff\n" +
			base + "assets/*\n" +
			"  Cache-Control: public, max-age=31536000, immutable\n"
		if got := string(out.files["_headers"]); got != want {
			t.Errorf("base %s: _headers is\n%s\nwant\n%s", base, got, want)
		}
		if got := strings.Count(string(out.files["_headers"]), "Cache-Control"); got != 1 {
			t.Errorf("base %s: %d rules set Cache-Control; the hosts would join their values", base, got)
		}
		if _, ok := out.files["web.config"]; !ok {
			t.Errorf("base %s: no web.config", base)
		}
	}

	out := &memOutput{}
	New(out, "/").HostFiles(&model.Site{HostFiles: false})
	if len(out.files) != 0 {
		t.Errorf("host_files = false, yet the build wrote %d file(s)", len(out.files))
	}
}

// TestSitesOwnHostFile: a site's own _headers or web.config, in static/,
// replaces the one planpress writes, without an error.
func TestSitesOwnHostFile(t *testing.T) {
	out := &memOutput{}
	s := New(out, "/")
	s.StaticFiles([]string{"web.config"})
	s.HostFiles(&model.Site{HostFiles: true})
	if _, ok := out.files["web.config"]; ok {
		t.Error("planpress wrote web.config over the site's own")
	}
	if _, ok := out.files["_headers"]; !ok {
		t.Error("planpress did not write _headers")
	}
	if s.Diagnostics().HasErrors() {
		var b strings.Builder
		s.Diagnostics().WriteText(&b)
		t.Errorf("the site's own web.config is an error:\n%s", b.String())
	}
}

// TestWebConfig reads web.config as IIS does: well-formed XML whose headers
// and cache lifetimes are the ones planpress means.
func TestWebConfig(t *testing.T) {
	type clientCache struct {
		Mode   string `xml:"cacheControlMode,attr"`
		MaxAge string `xml:"cacheControlMaxAge,attr"`
		Custom string `xml:"cacheControlCustom,attr"`
	}
	type entry struct {
		XMLName xml.Name
		Name    string `xml:"name,attr"`
		Value   string `xml:"value,attr"`
		Ext     string `xml:"fileExtension,attr"`
		Type    string `xml:"mimeType,attr"`
	}
	type webServer struct {
		Protocol struct {
			Headers struct {
				Entries []entry `xml:",any"`
			} `xml:"customHeaders"`
		} `xml:"httpProtocol"`
		Static struct {
			Cache   clientCache `xml:"clientCache"`
			Entries []entry     `xml:",any"`
		} `xml:"staticContent"`
	}
	var cfg struct {
		XMLName   xml.Name  `xml:"configuration"`
		WebServer webServer `xml:"system.webServer"`
		Locations []struct {
			Path      string    `xml:"path,attr"`
			WebServer webServer `xml:"system.webServer"`
		} `xml:"location"`
	}
	if err := xml.Unmarshal(webConfig(), &cfg); err != nil {
		t.Fatalf("web.config is not well-formed XML: %v\n%s", err, webConfig())
	}
	headers := map[string]string{}
	for i, h := range cfg.WebServer.Protocol.Headers.Entries {
		switch h.XMLName.Local {
		case "remove":
			// A header is removed before it is added, so that a server
			// that sends it already does not send it twice.
			if i+1 >= len(cfg.WebServer.Protocol.Headers.Entries) || cfg.WebServer.Protocol.Headers.Entries[i+1].Name != h.Name {
				t.Errorf("<remove name=%q/> is not followed by its <add>", h.Name)
			}
		case "add":
			headers[h.Name] = h.Value
		}
	}
	if len(headers) != 2 {
		t.Errorf("web.config adds %d header(s), want 2: %v", len(headers), headers)
	}
	for name, want := range map[string]string{"Content-Security-Policy": "default-src 'self'", "X-Content-Type-Options": "nosniff"} {
		if headers[name] != want {
			t.Errorf("web.config sends %s: %q, want %q", name, headers[name], want)
		}
	}
	if c := cfg.WebServer.Static.Cache; c.Mode != "UseMaxAge" || c.MaxAge != "00:05:00" {
		t.Errorf("pages are cached %+v, want UseMaxAge for 00:05:00", c)
	}
	removed, mapped := map[string]bool{}, 0
	for _, e := range cfg.WebServer.Static.Entries {
		switch e.XMLName.Local {
		case "remove":
			removed[e.Ext] = true
		case "mimeMap":
			mapped++
			if !removed[e.Ext] {
				t.Errorf("the MIME type of %s is added without being removed first: IIS fails on a type it knows", e.Ext)
			}
		}
	}
	if mapped != 2 {
		t.Errorf("web.config maps %d MIME type(s), want 2 (.json, .csv)", mapped)
	}
	if len(cfg.Locations) != 1 || cfg.Locations[0].Path != "assets" {
		t.Fatalf("web.config's locations: %+v, want one for assets", cfg.Locations)
	}
	if c := cfg.Locations[0].WebServer.Static.Cache; c.Mode != "UseMaxAge" || c.MaxAge != "365.00:00:00" || c.Custom != "public, immutable" {
		t.Errorf("assets are cached %+v, want UseMaxAge for 365.00:00:00, public, immutable", c)
	}
}

func TestIISDuration(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{5 * time.Minute, "00:05:00"},
		{90 * time.Second, "00:01:30"},
		{365 * 24 * time.Hour, "365.00:00:00"},
		{25*time.Hour + time.Second, "1.01:00:01"},
	} {
		if got := iisDuration(c.d); got != c.want {
			t.Errorf("iisDuration(%s) = %q, want %q", c.d, got, c.want)
		}
	}
}

// TestPolicyMatchesThePages: the header and the pages' meta tag state one
// policy, so that a host that sends the header changes nothing a page does.
func TestPolicyMatchesThePages(t *testing.T) {
	b, err := fs.ReadFile(planpress.Theme, "layouts/baseof.html")
	if err != nil {
		t.Fatal(err)
	}
	meta := `<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy + `">`
	if !strings.Contains(string(b), meta) {
		t.Errorf("layouts/baseof.html does not hold %s", meta)
	}
}

// TestContentType: planpress's servers name the type of each file of a site
// from their own table, whatever the machine's MIME tables say, and send a
// type nobody named as bytes.
func TestContentType(t *testing.T) {
	for name, want := range map[string]string{
		"assets/charts.3f98b02638.js": "text/javascript; charset=utf-8",
		"index.html":                  "text/html; charset=utf-8",
		"editions/2019-05/data.csv":   "text/csv; charset=utf-8",
		"FAVICON.ICO":                 "image/vnd.microsoft.icon",
		"search/2019.json":            "application/json",
		"CNAME":                       "application/octet-stream",
	} {
		if got := ContentType(name); got != want {
			t.Errorf("ContentType(%q) = %q, want %q", name, got, want)
		}
	}
}
