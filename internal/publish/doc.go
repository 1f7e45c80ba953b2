// Package publish is the last stage before the output folder: small emitters
// that turn rendered pages and computed figures into the files of the site
// (pages, open data, the feed, the sitemap, the search index, the assets)
// and hand them to an Output. It also checks the narrative's links against
// the files the site ends up with.
package publish
