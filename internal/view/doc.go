// Package view is the stage between the figures and the pages: pure functions
// from the loaded site and what compute derived from it to view models, the
// data each layout receives with every figure computed, formatted and worded
// in the interface words of the site's language (internal/i18n).
// It converts the narrative's Markdown (through internal/markdown) and asks
// the render stage, through Partials, for the HTML of what the narrative
// embeds; it writes no markup itself.
package view
