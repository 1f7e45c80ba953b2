package load

import (
	"fmt"
	"testing"
)

func TestNarrativePrompts(t *testing.T) {
	cases := []struct {
		name string
		body string
		want string // the lines found, with L for a legacy prompt
	}{
		{"a todo shortcode", "## A\n\n{{< todo \"Say what is working well.\" >}}\n", "[3]"},
		{"without words, without spaces", "{{<todo>}}\n", "[1]"},
		{"inside a sentence", "Text. {{< todo \"More here.\" >}} More.\n", "[1]"},
		{"two on a line", "{{< todo \"a\" >}} {{< todo \"b\" >}}\n", "[1 1]"},
		{"a > inside the words", "{{< todo \"a > b\" >}}\n", "[1]"},
		{"in a fenced block: an example", "```\n{{< todo \"x\" >}}\n```\n~~~\n{{< todo >}}\n~~~\n", "[]"},
		{"in a code span: an example", "Write `{{< todo \"x\" >}}` to leave a prompt.\n", "[]"},
		{"another shortcode", "{{< todos >}} {{< value todo 2019-03 >}}\n", "[]"},
		{"the italic prompts of the last release", "*Say what is working well. Start a paragraph about one milestone with its ref and a colon.*\n\n*Write this section for the report on progress to June 2019.*\n", "[1L 3L]"},
		{"italic words of the author's own", "*Say what is working well.*\n\n*Write this section for the report on progress to next June.*\n", "[]"},
		{"a legacy prompt in a sentence is the author's", "We said: *Say what you are worried about, and why.* and did.\n", "[]"},
		{"CRLF line endings", "## A\r\n\r\n{{< todo \"x\" >}}\r\n", "[3]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, p := range narrativePrompts(c.body, 1) {
				s := fmt.Sprint(p.line)
				if p.legacy {
					s += "L"
				}
				got = append(got, s)
			}
			if g := fmt.Sprint(got); g != c.want {
				t.Errorf("prompts at %s, want %s", g, c.want)
			}
		})
	}
}

func TestIsFrontPrompt(t *testing.T) {
	for s, want := range map[string]bool{
		"TODO: Write one line on progress to June 2019: it is shown in the list of reports and in search results.": true,
		"  TODO: anything": true,
		"Write one line on progress to June 2019: it is shown in the list of reports and in search results.": true,
		"todo: lower case is the author's":         false,
		"Progress to June 2019.":                   false,
		"Write one line on progress to June 2019.": false,
	} {
		if got := IsFrontPrompt(s); got != want {
			t.Errorf("IsFrontPrompt(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPromptForms: what the scaffold writes is what load recognises.
func TestPromptForms(t *testing.T) {
	if p := narrativePrompts(Prompt(`Say "what" is working well.`)+"\n", 1); len(p) != 1 || p[0].text != "Say 'what' is working well." {
		t.Errorf("Prompt is not read back: %+v", p)
	}
	if !IsFrontPrompt(FrontPrompt("Write one line.")) {
		t.Error("FrontPrompt is not read back")
	}
}
