// Package browsertest checks a built site the way a reader's browser sees it:
// it serves the site under a strict Content-Security-Policy, opens each page
// in headless Chromium, and reports accessibility violations (axe-core),
// console errors, requests to other hosts, sideways scrolling at 320 px,
// keyboard focus, printed text, and HTML errors (the Nu Html Checker).
//
// The checks need Debian's chromium, java, and pdftotext (poppler-utils), and
// the repository's node_modules (axe-core, vnu-jar); `make test` installs them.
package browsertest
