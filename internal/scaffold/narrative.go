package scaffold

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/planpress/planpress/internal/load"
)

var (
	atxHeading = regexp.MustCompile(`^ {0,3}#{1,6}(\s|$)`)
	fence      = regexp.MustCompile("^ {0,3}(```|~~~)")
	// A line that places a table or chart: kept, so the new edition shows
	// the same tables and charts in the same places.
	placement = regexp.MustCompile(`^\s*\{\{<\s*(kpi-table|chart)(\s[^>]*)?>\}\}\s*$`)
)

// prompts are what each of the report's usual sections asks the author for.
// Each is written as load.Prompt writes it, {{< todo "..." >}}, which
// planpress check recognises: a draft shows it as "To be written", and an
// edition that is not a draft may not keep one. The words hold no double
// quote, which a shortcode argument cannot.
var prompts = map[string]string{
	"introduction":                           "Introduce this report: the period it covers, what has gone well and what has not.",
	"building on progress":                   "Say which figures have moved most since the last report, quoting them from the data rather than typing them.",
	"summary of progress against milestones": "Summarise progress against the milestones since the last report.",
	"what we want to achieve":                "Say what this priority sets out to achieve.",
	"how are we doing":                       "Say how the milestones are going since the last report.",
	"supporting performance analysis":        "Say what the latest figures show, quoting them from the data rather than typing them.",
	"what's working well":                    "Say what is working well. Start a paragraph about one milestone with its ref and a colon.",
	"what are we worried about":              "Say what you are worried about, and why.",
	"what needs to happen":                   "Say what needs to happen next, who will do it and by when.",
}

// promptFor is the prompt under a heading.
func promptFor(heading string, d dates) string {
	key := strings.ToLower(strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(heading), "#")))
	key = strings.TrimRight(strings.ReplaceAll(key, "’", "'"), "?:. ")
	if p, ok := prompts[key]; ok {
		return p
	}
	return fmt.Sprintf("Write this section for the report on progress to %s.", d.asAt.Long())
}

// promptify keeps a narrative's headings and the lines that place tables and
// charts, and replaces its paragraphs with a prompt under each heading that
// had any.
func promptify(body string, d dates) string {
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	var out []string
	heading := ""
	prose := false
	var kept []string
	flush := func() {
		if prose {
			p := "Write the introduction to this part of the report."
			if heading != "" {
				p = promptFor(heading, d)
			}
			out = append(out, load.Prompt(p))
		}
		out = append(out, kept...)
		prose, kept = false, nil
	}
	inFence := ""
	for _, l := range lines {
		if inFence != "" {
			if strings.HasPrefix(strings.TrimSpace(l), inFence) {
				inFence = ""
			}
			prose = true
			continue
		}
		if m := fence.FindStringSubmatch(l); m != nil {
			inFence = m[1]
			prose = true
			continue
		}
		switch {
		case atxHeading.MatchString(l):
			flush()
			heading = l
			out = append(out, strings.TrimRight(l, " \t"))
		case placement.MatchString(l):
			kept = append(kept, strings.TrimSpace(l))
		case strings.TrimSpace(l) != "":
			prose = true
		}
	}
	flush()
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "\n\n") + "\n"
}
