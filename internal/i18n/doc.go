// Package i18n holds the words a reader sees that are not the site's own: a
// Catalogue of one language, read from the built-in i18n/LANG.toml and
// amended entry by entry by a site's own i18n/LANG.toml (Hugo's convention).
// Entries are grouped in tables ([nav] latest = "Latest report"), name their
// placeholders ("{count} of {total} milestones"), and give a form for each
// CLDR plural category where a count decides the words. Views take their
// words with Catalogue.Text and the typed keys of keys.go; layouts with the
// template function t, which is Catalogue.HTML. Messages to authors are not
// entries: they stay English, in the code that finds the problem.
package i18n
