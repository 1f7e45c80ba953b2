// Package render turns a loaded site into files: HTML pages from the layouts
// (a site's own layouts/ file replacing the built-in one of the same name),
// the assets, and the open data of each edition. Templates receive view
// models with every figure computed and formatted; they do no arithmetic.
package render
