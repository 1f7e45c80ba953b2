package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/view"
)

// Discovery: an Atom feed of editions, so readers and other sites hear of a
// new report, and a sitemap for search engines. Both are written with
// encoding/xml, so they are well-formed whatever the titles hold, and both
// depend only on the editions, so a rebuild gives the same bytes.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string   `xml:"id"`
	Title     string   `xml:"title"`
	Updated   string   `xml:"updated"`
	Published string   `xml:"published"`
	Link      atomLink `xml:"link"`
	Summary   string   `xml:"summary"`
}

// feedAddress makes an address for the feed: absolute when the site has a
// base_url, else from the site root.
func feedAddress(v *view.Site, p string) string {
	if a := v.Absolute(p); a != "" {
		return a
	}
	return p
}

// feedID names a thing for good: its absolute address when there is one,
// else a stable urn made from the site title and the path.
func feedID(v *view.Site, p string) string {
	if a := v.Absolute(p); a != "" {
		return a
	}
	sum := sha256.Sum256([]byte(v.Model.Title + "\x00" + p))
	h := hex.EncodeToString(sum[:16])
	return "urn:uuid:" + h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// feedTime is an edition's publication as an Atom date.
func feedTime(e *model.Edition) string {
	if e.Published.IsZero() {
		return e.AsAt.Time().Format(time.RFC3339)
	}
	t := e.Published
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
}

// Feed writes feed.xml (in the folder of v's language: each language has a
// feed of its own): every published edition, newest first. Drafts are never
// announced, even in a build with -drafts.
func (s *Site) Feed(v *view.Site) {
	m := v.Model
	f := atomFeed{
		Lang: m.Language, ID: feedID(v, v.URL("")), Title: m.Title, Sub: m.Description,
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: feedAddress(v, v.URL(view.FeedPath))},
			{Rel: "alternate", Type: "text/html", Href: feedAddress(v, v.URL(""))},
		},
		Author: atomPerson{Name: firstNonEmpty(m.Organisation, m.Title)},
	}
	for i := len(m.Editions) - 1; i >= 0; i-- {
		e := m.Editions[i]
		if e.Draft {
			continue
		}
		when := feedTime(e)
		if f.Updated == "" || when > f.Updated {
			f.Updated = when
		}
		sum := compute.Summarise(e.Milestones(), m.Statuses)
		summary := strings.TrimSpace(e.Summary + " " + sentenceOnTrack(v.Words, sum))
		p := v.URL(view.EditionPath(e))
		f.Entries = append(f.Entries, atomEntry{
			ID: feedID(v, p), Title: e.Title, Updated: when, Published: when,
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: feedAddress(v, p)}, Summary: summary,
		})
	}
	if f.Updated == "" {
		f.Updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	}
	s.xmlFile(v.FileName(view.FeedPath), f)
}

// xmlFile writes a value as an indented XML file.
func (s *Site) xmlFile(name string, v any) {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		s.problem(func(d *diag.List) { d.Errorf(name, 0, "", "cannot write %s: %v", name, err) })
		return
	}
	s.File(name, append([]byte(xml.Header), append(b, '\n')...))
}

// sentenceOnTrack says, after an edition's summary in the feed, how many of
// its milestones are on track, in the site's language.
func sentenceOnTrack(words *i18n.Catalogue, sum compute.Summary) string {
	if sum.Total == 0 {
		return ""
	}
	return words.Text(i18n.FeedOnTrack, "percent", format.Number(sum.OnTrackPercent, model.UnitPercent, 1))
}

type urlSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	// XHTML declares the namespace of the links between languages, for a
	// site in more than one.
	XHTML string       `xml:"xmlns:xhtml,attr,omitempty"`
	URLs  []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string        `xml:"loc"`
	LastMod string        `xml:"lastmod,omitempty"`
	Links   []sitemapLink `xml:"xhtml:link"`
}

// sitemapLink is the same page in one of the site's languages.
type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// Sitemap writes sitemap.xml, when the site has a base_url, from the pages
// written so far: every page but the not-found page, print editions (the
// same content as the edition's pages) and drafts. An edition's pages carry
// its publication date. A site in more than one language lists every page
// of every language, each with the same page in every language (and
// x-default, the default's). v is the default language's view. Call it once
// every page is written.
func (s *Site) Sitemap(v *view.Site) {
	if v.Model.BaseURL == "" {
		return
	}
	pages := s.pages()
	lastmod := map[string]string{}
	drafts := map[string]bool{}
	for _, e := range v.Model.Editions {
		dir := view.EditionPath(e)
		if e.Draft {
			drafts[dir] = true
			continue
		}
		switch {
		case e.Published.IsZero():
		case e.PublishedPrecision == "month":
			lastmod[dir] = e.Published.Format("2006-01")
		default:
			lastmod[dir] = e.Published.Format("2006-01-02")
		}
	}
	set := urlSet{}
	if len(v.Languages) > 0 {
		set.XHTML = "http://www.w3.org/1999/xhtml"
	}
	for _, file := range pages {
		prefix, p := languageOf(v, file)
		if p == "404.html" || strings.HasSuffix(p, "/print/index.html") || strings.HasPrefix(p, "assets/") {
			continue
		}
		dir := ""
		if strings.HasPrefix(p, "editions/") {
			if parts := strings.SplitN(p, "/", 3); len(parts) == 3 {
				dir = parts[0] + "/" + parts[1] + "/"
			}
		}
		if drafts[dir] {
			continue
		}
		rel := strings.TrimSuffix(p, "index.html")
		u := sitemapURL{Loc: v.Absolute(v.RootURL(prefix + rel)), LastMod: lastmod[dir]}
		for i, l := range v.Languages {
			href := v.Absolute(l.Base + rel)
			u.Links = append(u.Links, sitemapLink{Rel: "alternate", Hreflang: l.Tag, Href: href})
			if i == len(v.Languages)-1 {
				u.Links = append(u.Links, sitemapLink{Rel: "alternate", Hreflang: "x-default", Href: v.Absolute(v.Languages[0].Base + rel)})
			}
		}
		set.URLs = append(set.URLs, u)
	}
	s.xmlFile(view.SitemapPath, set)
}

// languageOf splits a file of the site into the folder of its language
// ("cy/", or "" for the default) and its path below it.
func languageOf(v *view.Site, file string) (prefix, rest string) {
	for _, l := range v.Languages {
		if l.Code != "" && strings.HasPrefix(file, l.Code+"/") {
			return l.Code + "/", strings.TrimPrefix(file, l.Code+"/")
		}
	}
	return "", file
}

// Robots writes robots.txt, which names the sitemap when there is one.
func (s *Site) Robots(v *view.Site) {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if v.Model.BaseURL != "" {
		fmt.Fprintf(&b, "Sitemap: %s\n", v.Absolute(v.RootURL(view.SitemapPath)))
	}
	s.File("robots.txt", []byte(b.String()))
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}
