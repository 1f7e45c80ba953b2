package i18n

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
)

// message is one wording of an entry: literal text and named placeholders,
// "{count} of {total} milestones". A literal brace is written twice: "{{".
type message struct {
	parts []part
}

// part is literal text, or a placeholder when arg is set.
type part struct {
	text string
	arg  string
}

// parseMessage reads a wording, or says what is malformed in it.
func parseMessage(s string) (*message, error) {
	m := &message{}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			m.parts = append(m.parts, part{text: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '{':
			if i+1 < len(s) && s[i+1] == '{' {
				lit.WriteByte('{')
				i++
				continue
			}
			end := strings.IndexByte(s[i+1:], '}')
			if end < 0 {
				return nil, fmt.Errorf("a { at %q has no closing }", excerpt(s[i:]))
			}
			name := s[i+1 : i+1+end]
			if !validName(name) {
				return nil, fmt.Errorf("{%s} is not a placeholder: a name is lower-case letters, digits and _, such as {count}; write {{ for a literal {", name)
			}
			flush()
			m.parts = append(m.parts, part{arg: name})
			i += end + 1
		case '}':
			if i+1 < len(s) && s[i+1] == '}' {
				lit.WriteByte('}')
				i++
				continue
			}
			return nil, fmt.Errorf("a } at %q closes no placeholder; write }} for a literal }", excerpt(s[i:]))
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return m, nil
}

func excerpt(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

func validName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// names lists the message's placeholders, in order, each once.
func (m *message) names() []string {
	var out []string
	for _, p := range m.parts {
		if p.arg != "" && !contains(out, p.arg) {
			out = append(out, p.arg)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// format writes the message with its placeholders filled from args, name
// and value pairs. html escapes the literal text for an HTML page (the
// characters that would start markup only, so that it reads as the layout's
// own text would) and each value as html/template escapes text; a
// template.HTML value goes in as it is. It returns the names of the
// placeholders that args lack.
func (m *message) format(args []any, html bool) (string, []string) {
	var b strings.Builder
	var missing []string
	for _, p := range m.parts {
		if p.arg == "" {
			if html {
				b.WriteString(textEscaper.Replace(p.text))
			} else {
				b.WriteString(p.text)
			}
			continue
		}
		v, ok := lookup(args, p.arg)
		if !ok {
			missing = append(missing, p.arg)
			continue
		}
		if h, isHTML := v.(template.HTML); isHTML && html {
			b.WriteString(string(h))
			continue
		}
		s := valueText(v)
		if html {
			s = escapeValue(s)
		}
		b.WriteString(s)
	}
	return b.String(), missing
}

// lookup finds a named value among name and value pairs.
func lookup(args []any, name string) (any, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if n, _ := args[i].(string); n == name {
			return args[i+1], true
		}
	}
	return nil, false
}

// valueText writes a placeholder's value: counts as digits, words as they
// are.
func valueText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case template.HTML:
		return string(x)
	case int:
		return strconv.Itoa(x)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// textEscaper escapes what would start markup in literal catalogue text.
// Apostrophes and quotes stay as they are, as in a layout's own text.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// valueEscaper escapes a value as html/template escapes text, so that a
// value placed by the catalogue reads byte for byte as one the layout
// placed itself.
var valueEscaper = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

func escapeValue(s string) string { return valueEscaper.Replace(s) }
