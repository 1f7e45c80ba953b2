package serve

import (
	"bytes"
	"html/template"

	planpress "github.com/planpress/planpress"
	"github.com/planpress/planpress/internal/diag"
)

// Addresses of the files the error page uses. They are the server's own, not
// the site's: a broken build has no stylesheet or script to offer.
const (
	errorsCSSPath = "/_planpress/errors.css"
	liveJSPath    = "/_planpress/live.js"
)

// errorPageTemplate lists the problems of a failed build. Its script and
// stylesheet are files, not inline, so it works under the same
// Content-Security-Policy as the site.
var errorPageTemplate = template.Must(template.New("errors").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{len .Errors}} error(s) in the site's files – planpress serve</title>
<link rel="stylesheet" href="{{.CSS}}">
<script src="{{.Live}}" defer></script>
</head>
<body>
<main>
<h1>{{len .Errors}} error(s) in the site's files</h1>
<p>planpress serve shows this page in place of every page until the errors are fixed. Save a fix and this page reloads by itself.</p>
<h2>Errors</h2>
<ul class="problems">
{{- range .Errors}}
<li><code>{{.}}</code></li>
{{- end}}
</ul>
{{- with .Warnings}}
<h2>Warnings</h2>
<ul class="problems">
{{- range .}}
<li><code>{{.}}</code></li>
{{- end}}
</ul>
{{- end}}
</main>
</body>
</html>
`))

// errorsCSS styles the error page: readable, large enough, high contrast.
const errorsCSS = `body { font: 1.1875rem/1.5 Arial, sans-serif; color: #0b0c0c; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; border-left: 0.5rem solid #d4351c; }
h1 { font-size: 2rem; margin: 0.5rem 0 1rem; }
.problems { padding-left: 1.25rem; }
.problems li { margin-bottom: 0.75rem; }
code { font: 1rem/1.5 Consolas, "Liberation Mono", monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
`

// errorPage renders the page shown in place of every page while the build
// has errors.
func errorPage(diags *diag.List) []byte {
	var view struct {
		CSS, Live        string
		Errors, Warnings []string
	}
	view.CSS, view.Live = errorsCSSPath, liveJSPath
	for _, d := range diags.Items() {
		if d.Severity == diag.Error {
			view.Errors = append(view.Errors, d.String())
		} else {
			view.Warnings = append(view.Warnings, d.String())
		}
	}
	var b bytes.Buffer
	if err := errorPageTemplate.Execute(&b, view); err != nil {
		// The template is ours and the view plain strings; this cannot
		// happen, but an empty page must not be mistaken for success.
		return []byte("planpress serve: the error page failed: " + template.HTMLEscapeString(err.Error()))
	}
	return b.Bytes()
}

// liveJS is the built-in live-reload script, for the error page.
func liveJS() []byte {
	b, _ := planpress.Theme.ReadFile("assets/js/live.js")
	return b
}
