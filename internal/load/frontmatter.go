package load

import (
	"strings"

	"github.com/planpress/planpress/internal/diag"
)

// SplitFrontMatter separates a Markdown file's TOML front matter, between two
// "+++" lines, from its body. It returns the front matter (without the "+++"
// lines), the body and the 1-based line on which the body starts; a problem
// (front matter never closed, or YAML) goes to diags with file's name, and ok
// is false when the file cannot be read as front matter and body.
func SplitFrontMatter(file, src string, diags *diag.List) (front string, body string, bodyLine int, ok bool) {
	src = strings.TrimPrefix(src, "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	if !strings.HasPrefix(src, "+++\n") {
		if src == "+++" {
			diags.Errorf(file, 1, "end the front matter with a line holding only +++", "the front matter that starts on line 1 is never closed")
			return "", "", 1, false
		}
		if strings.HasPrefix(src, "---") {
			diags.Errorf(file, 1, "write TOML front matter between two lines of +++ (YAML front matter between --- is not read)", "front matter must be TOML")
			return "", src, 1, false
		}
		return "", src, 1, true
	}
	rest := src[4:]
	if rest == "+++" || strings.HasPrefix(rest, "+++\n") {
		// Empty front matter: "+++", "+++", then the body.
		return "", strings.TrimPrefix(rest[3:], "\n"), 3, true
	}
	end := strings.Index(rest, "\n+++\n")
	closing := 5
	if end < 0 {
		if !strings.HasSuffix(rest, "\n+++") {
			diags.Errorf(file, 1, "end the front matter with a line holding only +++", "the front matter that starts on line 1 is never closed")
			return "", "", 1, false
		}
		end = len(rest) - 4
		closing = 4
	}
	front = rest[:end]
	body = rest[end+closing:]
	bodyLine = 1 + 1 + strings.Count(front, "\n") + 1 + 1
	return front, body, bodyLine, true
}
