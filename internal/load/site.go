package load

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/planpress/planpress/internal/colour"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// SiteFile is the name of the settings file at the top of a site.
const SiteFile = "planpress.toml"

// DefaultStatuses are the status words a site gets when it names none.
func DefaultStatuses() []model.Status {
	return []model.Status{
		{Name: "COMPLETE", Key: "complete", RAG: model.RAGGreen, OnTrack: true, Description: "The milestone has been achieved."},
		{Name: "ON TRACK", Key: "on-track", RAG: model.RAGGreen, OnTrack: true, Description: "Work is progressing as planned."},
		{Name: "SLIGHT SLIPPAGE", Key: "slight-slippage", RAG: model.RAGAmber, Description: "Work is a little behind plan."},
		{Name: "OFF TRACK", Key: "off-track", RAG: model.RAGRed, Description: "Work is significantly behind plan."},
		{Name: "NOT YET DUE", Key: "not-yet-due", RAG: model.RAGNone, Description: "Work is not scheduled to have started."},
	}
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// Slug turns words into a lower-case, hyphenated key: "ON TRACK" -> "on-track".
func Slug(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
}

// loadSettings reads planpress.toml. It reports false when the file could not
// be parsed, so that later checks against its settings (status words) are
// not reported as errors of their own.
func loadSettings(src string, site *model.Site, diags *diag.List) bool {
	t, _ := parseTOML(SiteFile, src, 0, diags)
	if t == nil {
		site.Statuses = DefaultStatuses()
		site.FinancialYearStart = time.April
		site.Band = model.Band{Width: 15, Mode: model.BandRelative}
		return false
	}
	site.Title = t.str("title", true, `"Improvement plan progress report"`)
	site.Organisation = t.str("organisation", true, `"Example Council"`)
	site.Service = t.str("service", false, "")
	site.Description = t.str("description", false, "")
	site.BaseURL = t.str("base_url", false, `"https://reports.example.org/"`)
	if site.BaseURL != "" {
		u, err := url.Parse(site.BaseURL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			t.errorf("base_url", `write the full address where the site will live, such as base_url = "https://reports.example.org/"`, "base_url %q is not an absolute address", site.BaseURL)
		} else if !strings.HasSuffix(site.BaseURL, "/") {
			site.BaseURL += "/"
		}
	}
	site.Language = t.str("language", false, `"en-GB"`)
	if site.Language == "" {
		site.Language = "en-GB"
	}
	languages := readLanguages(t, site)
	site.RawHTML = t.boolean("raw_html")
	site.FinancialYearStart = time.April
	if t.has("financial_year_start") {
		n, ok := t.integer("financial_year_start", false, "4")
		if ok && (n < 1 || n > 12) {
			t.errorf("financial_year_start", "write the month number the financial year starts in, such as financial_year_start = 4 for April", "financial_year_start must be from 1 to 12, not %d", n)
		} else if ok {
			site.FinancialYearStart = time.Month(n)
		}
	}
	site.Band = model.Band{Width: 15, Mode: model.BandRelative}
	if r := t.sub("rag"); r != nil {
		if b, ok := readBand(r); ok {
			site.Band = b
		}
		r.done()
	}
	site.Statuses = readStatuses(t, site)
	site.Events = readEvents(t, site)
	site.HostFiles = true
	if p := t.sub("publish"); p != nil {
		if p.has("host_files") {
			site.HostFiles = p.boolean("host_files")
		}
		p.done()
	}
	if b := t.sub("brand"); b != nil {
		site.Brand = readBrand(b, site)
		b.done()
	}
	if c := t.sub("contact"); c != nil {
		site.Contact = model.Contact{
			Name:         c.str("name", false, ""),
			Role:         c.str("role", false, ""),
			Team:         c.str("team", false, ""),
			Organisation: c.str("organisation", false, ""),
			Address:      c.strs("address"),
			Email:        c.str("email", false, ""),
			Phone:        c.str("phone", false, ""),
		}
		c.done()
	}
	if a := t.sub("accessibility"); a != nil {
		acc := model.Accessibility{
			Status:       a.str("status", false, `"partial"`),
			Tested:       a.str("tested", false, ""),
			Prepared:     a.str("prepared", false, ""),
			Reviewed:     a.str("reviewed", false, ""),
			Method:       a.str("method", false, ""),
			Issues:       a.strs("issues"),
			ContactEmail: a.str("contact_email", false, ""),
			ContactPhone: a.str("contact_phone", false, ""),
		}
		if n, ok := a.integer("response_days", false, "5"); ok {
			acc.ResponseDays = n
		}
		switch acc.Status {
		case "", "full", "partial", "not":
		default:
			a.errorf("status", `write status = "full", "partial" or "not"`, "accessibility status %q is not one of the regulations' three", acc.Status)
		}
		for _, k := range []string{"tested", "prepared", "reviewed"} {
			v := a.m[k]
			if s, ok := v.(string); ok && s != "" {
				if _, err := time.Parse("2006-01-02", s); err != nil {
					a.errorf(k, fmt.Sprintf(`write %s = "2026-11-20"`, k), "accessibility %s %q is not a date", k, s)
				}
			}
		}
		site.Accessibility = acc
		a.done()
	}
	readSiteWords(languages, site)
	t.done()
	return true
}

// readBand reads amber_band and amber_mode from a table.
func readBand(t *table) (model.Band, bool) {
	b := model.Band{Width: 15, Mode: model.BandRelative}
	set := false
	if t.has("amber_band") {
		if w, ok := t.number("amber_band", false, "15"); ok {
			if w < 0 {
				t.errorf("amber_band", "write a width of zero or more, such as amber_band = 15", "amber_band cannot be negative")
			}
			b.Width, set = w, true
		}
	}
	if t.has("amber_mode") {
		switch m := t.str("amber_mode", false, `"relative"`); m {
		case "relative":
			b.Mode, set = model.BandRelative, true
		case "points":
			b.Mode, set = model.BandPoints, true
		default:
			t.errorf("amber_mode", `write amber_mode = "relative" (a percentage of the target) or amber_mode = "points" (in the KPI's own units)`, "amber_mode %q is not known", m)
		}
	}
	return b, set
}

func readStatuses(t *table, site *model.Site) []model.Status {
	list := t.list("statuses")
	if len(list) == 0 {
		if len(site.Translations) > 0 {
			t.errorf("languages", fmt.Sprintf("write the site's [[statuses]] (see docs/format.md), each with its words in %s as [statuses.%s] name = \"…\"", langName(site, site.Translations[0].Code), site.Translations[0].Code),
				"the built-in status words are English only, and the site publishes in more than one language")
		}
		for _, tr := range site.Translations {
			tr.Statuses = DefaultStatuses()
		}
		return DefaultStatuses()
	}
	var out []model.Status
	seen := map[string]bool{}
	for _, s := range list {
		st := model.Status{
			Name:        s.str("name", true, `"ON TRACK"`),
			OnTrack:     s.boolean("on_track"),
			Description: s.str("description", false, ""),
		}
		st.Key = Slug(st.Name)
		word := s.str("rag", true, `"green"`)
		r, ok := model.ParseRAG(word)
		if !ok {
			s.errorf("rag", `write rag = "red", "amber", "green" or "none"`, "status %q has an unknown colour %q", st.Name, word)
		}
		st.RAG = r
		if seen[st.Name] {
			s.errorf("name", "give each status a different name", "the status %q is listed twice", st.Name)
		}
		seen[st.Name] = true
		readStatusWords(s, st, site)
		s.done()
		out = append(out, st)
	}
	return out
}

func readEvents(t *table, site *model.Site) []model.Event {
	var out []model.Event
	for _, e := range t.list("events") {
		ev := model.Event{
			Name:        e.str("name", true, `"Ofsted inspection"`),
			From:        e.month("from", true),
			To:          e.month("to", false),
			Split:       e.month("split", false),
			BeforeLabel: e.str("before_label", false, ""),
			AfterLabel:  e.str("after_label", false, ""),
		}
		if ev.To.IsZero() {
			ev.To = ev.From
		}
		if ev.Split.IsZero() {
			ev.Split = ev.To + 1
		}
		if !ev.From.IsZero() && ev.To < ev.From {
			e.errorf("to", "write a `to` month on or after `from`", "the event %q ends (%s) before it starts (%s)", ev.Name, ev.To, ev.From)
		}
		readEventWords(e, ev, site)
		e.done()
		out = append(out, ev)
	}
	return out
}

// readBrand reads [brand]: the council's logo and favicon, files of static/,
// and the header's colours, which must keep its words legible.
func readBrand(t *table, site *model.Site) model.Brand {
	b := model.Brand{
		Logo:         t.str("logo", false, `"images/logo.svg"`),
		Favicon:      t.str("favicon", false, `"favicon.svg"`),
		HeaderColour: t.str("header_colour", false, `"#1d4f6e"`),
		HeaderText:   t.str("header_text_colour", false, `"#ffffff"`),
	}
	for _, f := range []struct {
		key  string
		file *string
	}{{"logo", &b.Logo}, {"favicon", &b.Favicon}} {
		if *f.file == "" {
			continue
		}
		*f.file = staticPath(*f.file)
		if !site.HasStatic(*f.file) {
			t.errorf(f.key, fmt.Sprintf("put the file at %s/%s, or give the path of a file in %s/", StaticDir, *f.file, StaticDir), "brand.%s: %s/%s does not exist", f.key, StaticDir, *f.file)
		}
	}
	if f := b.Favicon; f != "" {
		switch strings.ToLower(path.Ext(f)) {
		case ".svg", ".png", ".ico":
		default:
			t.errorf("favicon", "give an SVG, PNG or ICO file", "brand.favicon: browsers do not show %s as an icon", f)
		}
	}
	b.LogoAlt = site.Organisation
	if t.has("logo_alt") {
		b.LogoAlt = t.str("logo_alt", false, `"Example Borough Council"`)
	}
	if b.HeaderColour == "" && b.HeaderText == "" {
		return b
	}
	bg, text := "#1d4f6e", "#ffffff" // the built-in theme's
	if b.HeaderColour != "" {
		bg = b.HeaderColour
	}
	if b.HeaderText != "" {
		text = b.HeaderText
	}
	cb, errBG := colour.Parse(bg)
	if errBG != nil {
		t.errorf("header_colour", `write the colour as #rrggbb, such as header_colour = "#1d4f6e"`, "brand.header_colour: %v", errBG)
	}
	ct, errText := colour.Parse(text)
	if errText != nil {
		t.errorf("header_text_colour", `write the colour as #rrggbb, such as header_text_colour = "#ffffff"`, "brand.header_text_colour: %v", errText)
	}
	if errBG != nil || errText != nil {
		return b
	}
	if r := colour.Contrast(cb, ct); r < colour.AATextMinimum {
		key := "header_colour"
		if b.HeaderColour == "" {
			key = "header_text_colour"
		}
		t.errorf(key, fmt.Sprintf("choose a darker or lighter header_colour, or a header_text_colour that stands out from it by at least %.1f:1 (WCAG 2 AA)", colour.AATextMinimum),
			"brand.%s: the header's words (%s) on its colour (%s) have a contrast of %.2f:1, too little to read", key, ct, cb, r)
	}
	b.HeaderColour, b.HeaderText = cb.String(), ct.String()
	return b
}
