// Package render turns view models into HTML with the layouts: html/template
// files from the built-in theme, each replaced by a site's own file of the
// same name under layouts/. It holds the templates and their wiring only;
// every piece of markup a reader gets is in a layout, where a site can
// change it.
package render
