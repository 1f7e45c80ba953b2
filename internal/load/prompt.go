package load

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/tomlpos"
)

// A writing prompt is text planpress new edition leaves for the author to
// replace: in Markdown, the shortcode {{< todo "Say what is working well." >}};
// in front matter, a text that starts with "TODO:". They are recognised
// exactly, never guessed from the words: an edition that is not a draft must
// have none left, and a draft shows them as "To be written".
const (
	// PromptShortcode is the shortcode that holds a prompt in Markdown.
	PromptShortcode = "todo"
	// PromptPrefix starts a front-matter text that is a prompt.
	PromptPrefix = "TODO:"
)

// Prompt writes a prompt as a Markdown paragraph: {{< todo "text" >}}. The
// text may not hold a double quote (a shortcode argument cannot), so any
// is written as a single one.
func Prompt(text string) string {
	return fmt.Sprintf(`{{< %s "%s" >}}`, PromptShortcode, strings.ReplaceAll(text, `"`, "'"))
}

// FrontPrompt writes a prompt as a front-matter text: "TODO: text".
func FrontPrompt(text string) string { return PromptPrefix + " " + text }

// Earlier releases of planpress new edition wrote prompts as italic
// paragraphs, and the summary as a plain sentence. Drafts they made are
// still about, so their exact words are prompts too.
var (
	legacyPrompts = map[string]bool{
		"Write the introduction to this part of the report.":                                                           true,
		"Introduce this report: the period it covers, what has gone well and what has not.":                            true,
		"Say which figures have moved most since the last report, quoting them from the data rather than typing them.": true,
		"Summarise progress against the milestones since the last report.":                                             true,
		"Say what this priority sets out to achieve.":                                                                  true,
		"Say how the milestones are going since the last report.":                                                      true,
		"Say what the latest figures show, quoting them from the data rather than typing them.":                        true,
		"Say what is working well. Start a paragraph about one milestone with its ref and a colon.":                    true,
		"Say what you are worried about, and why.":                                                                     true,
		"Say what needs to happen next, who will do it and by when.":                                                   true,
	}
	legacySection = regexp.MustCompile(`^Write this section for the report on progress to [A-Z][a-z]+ [0-9]{4}\.$`)
	legacySummary = regexp.MustCompile(`^Write one line on progress to [A-Z][a-z]+ [0-9]{4}: it is shown in the list of reports and in search results\.$`)

	// A shortcode ends at the first >}} on its line, as the Markdown
	// reader has it.
	todoShortcode = regexp.MustCompile(`\{\{<\s*` + PromptShortcode + `(?:\s.*?)?>\}\}`)
	codeFence     = regexp.MustCompile("^ {0,3}(```|~~~)")
	codeSpan      = regexp.MustCompile("(`+)[^`]*?(`+)")
)

// IsFrontPrompt reports whether a front-matter text is a prompt.
func IsFrontPrompt(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, PromptPrefix) || legacySummary.MatchString(s)
}

// prompt is one prompt found in a file.
type prompt struct {
	line   int
	text   string // the prompt's words, for the message
	legacy bool   // an italic prompt of an earlier release
}

// narrativePrompts finds the prompts in Markdown that starts on line
// bodyLine of its file, leaving out code blocks (where a prompt is shown,
// not left).
func narrativePrompts(body string, bodyLine int) []prompt {
	var out []prompt
	fence := ""
	for i, l := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(l), fence) {
				fence = ""
			}
			continue
		}
		if m := codeFence.FindStringSubmatch(l); m != nil {
			fence = m[1]
			continue
		}
		// A prompt shown in a code span (`{{< todo "..." >}}`) is an example.
		for _, sc := range todoShortcode.FindAllString(codeSpan.ReplaceAllString(l, ""), -1) {
			out = append(out, prompt{line: bodyLine + i, text: shortcodeText(sc)})
		}
		t := strings.TrimSpace(l)
		if len(t) > 2 && t[0] == '*' && t[len(t)-1] == '*' {
			words := t[1 : len(t)-1]
			if legacyPrompts[words] || legacySection.MatchString(words) {
				out = append(out, prompt{line: bodyLine + i, text: words, legacy: true})
			}
		}
	}
	return out
}

// shortcodeText is the words of a {{< todo "..." >}} shortcode.
func shortcodeText(sc string) string {
	inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(sc, "{{<"), ">}}"))
	inner = strings.TrimSpace(strings.TrimPrefix(inner, PromptShortcode))
	return strings.Trim(inner, `"`)
}

// quoteShort quotes a prompt for a message, cut to a readable length.
func quoteShort(s string) string {
	const max = 120
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:max])) + " ..."
	}
	return fmt.Sprintf("%q", s)
}

// checkNarrativePrompts reports the prompts left in a narrative (an
// edition's introduction or a priority's), which starts at pos. In an
// edition that is not a draft each is an error: it would be published. In a
// draft they are work still to do, so the narrative gets one warning that
// lists them. The narrative is checked as it is read, so that a build that
// reads it later, and a check that stops at the first stage with errors,
// report every prompt all the same.
func checkNarrativePrompts(diags *diag.List, draft bool, pos model.Pos, body string) {
	found := narrativePrompts(body, pos.Line)
	if len(found) == 0 {
		return
	}
	if draft {
		if len(found) == 1 {
			diags.Warnf(pos.File, found[0].line, "replace it with the text it asks for before you set draft = false (planpress check then reports it as an error)",
				"this draft's narrative still has a writing prompt: %s", quoteShort(found[0].text))
			return
		}
		lines := make([]string, len(found))
		for i, p := range found {
			lines[i] = fmt.Sprint(p.line)
		}
		diags.Warnf(pos.File, found[0].line, "replace each with the text it asks for before you set draft = false (planpress check then reports any left as an error)",
			"this draft's narrative still has %d writing prompts (lines %s and %s)", len(found), strings.Join(lines[:len(lines)-1], ", "), lines[len(lines)-1])
		return
	}
	for _, p := range found {
		form := fmt.Sprintf(`{{< %s ... >}}`, PromptShortcode)
		if p.legacy {
			form = "the italic prompt"
		}
		fix := fmt.Sprintf("replace %s with the text it asks for: the edition is not a draft, so it would be published as it is", form)
		if p.text == "" {
			diags.Errorf(pos.File, p.line, fix, "a writing prompt is still here")
			continue
		}
		diags.Errorf(pos.File, p.line, fix, "a writing prompt is still here: %s", quoteShort(p.text))
	}
}

// checkFrontPrompts reports the prompts left in a front matter's texts (the
// summary planpress new edition asks for, say): an error each in an edition
// that is not a draft, a warning each in a draft.
func checkFrontPrompts(t *table, draft bool) {
	var found []prompt
	var keys []string
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case string:
			if IsFrontPrompt(x) {
				found = append(found, prompt{line: t.lineOf(path), text: x})
				keys = append(keys, authorPath(path))
			}
		case map[string]any:
			names := make([]string, 0, len(x))
			for k := range x {
				names = append(names, k)
			}
			sort.Strings(names)
			for _, k := range names {
				walk(tomlpos.Join(path, k), x[k])
			}
		case []map[string]any:
			for i, m := range x {
				walk(tomlpos.Elem(path, i), m)
			}
		case []any:
			for i, e := range x {
				walk(tomlpos.Elem(path, i), e)
			}
		}
	}
	walk(t.path, t.m)
	for i, p := range found {
		if draft {
			t.doc.diags.Warnf(t.doc.file, p.line, "replace it with the text it asks for before you set draft = false",
				"%s is still a writing prompt: %s", keys[i], quoteShort(p.text))
			continue
		}
		t.doc.diags.Errorf(t.doc.file, p.line, "replace it with the text it asks for: the edition is not a draft, so it would be published as it is",
			"%s is still a writing prompt: %s", keys[i], quoteShort(p.text))
	}
}
