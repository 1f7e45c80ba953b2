package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"strings"
	"time"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/model"
)

// Discovery: an Atom feed of editions, so readers and other sites hear of a
// new report, and a sitemap for search engines. Both are written with
// encoding/xml, so they are well-formed whatever the titles hold, and both
// depend only on the editions, so a rebuild gives the same bytes.

const (
	feedPath    = "feed.xml"
	sitemapPath = "sitemap.xml"
)

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
func (r *renderer) feedAddress(p string) string {
	if a := r.absolute(p); a != "" {
		return a
	}
	return p
}

// feedID names a thing for good: its absolute address when there is one,
// else a stable urn made from the site title and the path.
func (r *renderer) feedID(p string) string {
	if a := r.absolute(p); a != "" {
		return a
	}
	sum := sha256.Sum256([]byte(r.site.Title + "\x00" + p))
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

// feed writes feed.xml: every published edition, newest first. Drafts are
// never announced, even in a build with -drafts.
func (r *renderer) feed() []byte {
	s := r.site
	f := atomFeed{
		Lang: s.Language, ID: r.feedID(r.url("")), Title: s.Title, Sub: s.Description,
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: r.feedAddress(r.url(feedPath))},
			{Rel: "alternate", Type: "text/html", Href: r.feedAddress(r.url(""))},
		},
		Author: atomPerson{Name: firstNonEmpty(s.Organisation, s.Title)},
	}
	for i := len(s.Editions) - 1; i >= 0; i-- {
		e := s.Editions[i]
		if e.Draft {
			continue
		}
		when := feedTime(e)
		if f.Updated == "" || when > f.Updated {
			f.Updated = when
		}
		sum := compute.Summarise(e.Milestones(), s.Statuses)
		summary := strings.TrimSpace(e.Summary + " " + sentenceOnTrack(sum))
		p := r.url(editionPath(e))
		f.Entries = append(f.Entries, atomEntry{
			ID: r.feedID(p), Title: e.Title, Updated: when, Published: when,
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: r.feedAddress(p)}, Summary: summary,
		})
	}
	if f.Updated == "" {
		f.Updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	}
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		r.errorf(feedPath, 0, "", "cannot write the feed: %v", err)
		return nil
	}
	return append([]byte(xml.Header), append(b, '\n')...)
}

func sentenceOnTrack(sum compute.Summary) string {
	if sum.Total == 0 {
		return ""
	}
	return compute.Format(sum.OnTrackPercent, model.UnitPercent, 1) + " of milestones on track."
}

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap writes sitemap.xml from the pages written: every page but the
// not-found page, print editions (the same content as the edition's pages)
// and drafts. An edition's pages carry its publication date.
func (r *renderer) sitemap(pages []string) []byte {
	lastmod := map[string]string{}
	drafts := map[string]bool{}
	for _, e := range r.site.Editions {
		dir := editionPath(e)
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
	for _, p := range pages {
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
		set.URLs = append(set.URLs, sitemapURL{Loc: r.absolute(r.url(strings.TrimSuffix(p, "index.html"))), LastMod: lastmod[dir]})
	}
	b, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		r.errorf(sitemapPath, 0, "", "cannot write the sitemap: %v", err)
		return nil
	}
	return append([]byte(xml.Header), append(b, '\n')...)
}
