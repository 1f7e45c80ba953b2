// Package markdown converts planpress narrative to HTML with goldmark and the
// report's own Markdown features, each a goldmark extension in its own file:
// shortcodes that place KPI tables and quote computed figures (shortcode.go),
// milestone refs that link to their row (milestoneref.go) and glossary terms
// marked up as abbreviations on first use (glossary.go).
package markdown
