package linkcheck

import "strings"

// cssRefs returns the URLs that CSS text loads: url(...) values and @import
// strings. line is the line the text starts on.
func cssRefs(css string, line int) []ref {
	var refs []ref
	i := 0
	for i < len(css) {
		switch {
		case strings.HasPrefix(css[i:], "/*"):
			end := strings.Index(css[i+2:], "*/")
			if end < 0 {
				return refs
			}
			line += strings.Count(css[i:i+2+end+2], "\n")
			i += 2 + end + 2
		case css[i] == '\n':
			line++
			i++
		case hasPrefixFold(css[i:], "url("):
			u, n := cssURL(css[i+4:])
			if u != "" && !strings.HasPrefix(u, "#") {
				refs = append(refs, ref{line: line, attr: "url()", url: u, load: true})
			}
			line += strings.Count(css[i:i+4+n], "\n")
			i += 4 + n
		case hasPrefixFold(css[i:], "@import"):
			j := i + len("@import")
			for j < len(css) && (css[j] == ' ' || css[j] == '\t' || css[j] == '\n') {
				j++
			}
			if j < len(css) && (css[j] == '"' || css[j] == '\'') {
				if end := strings.IndexByte(css[j+1:], css[j]); end >= 0 {
					refs = append(refs, ref{line: line, attr: "@import", url: css[j+1 : j+1+end], load: true})
				}
			}
			line += strings.Count(css[i:j], "\n")
			i = j
		case css[i] == '"' || css[i] == '\'':
			// Skip a string, so that "url(" inside it is not taken for a URL.
			end := strings.IndexByte(css[i+1:], css[i])
			if end < 0 {
				return refs
			}
			line += strings.Count(css[i:i+1+end+1], "\n")
			i += 1 + end + 1
		default:
			i++
		}
	}
	return refs
}

// cssURL reads the inside of url( and returns the URL and how many bytes it
// took, closing parenthesis included.
func cssURL(s string) (string, int) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		q := s[i]
		end := strings.IndexByte(s[i+1:], q)
		if end < 0 {
			return "", len(s)
		}
		u := s[i+1 : i+1+end]
		rest := i + 1 + end + 1
		if close := strings.IndexByte(s[rest:], ')'); close >= 0 {
			return u, rest + close + 1
		}
		return u, len(s)
	}
	end := strings.IndexByte(s[i:], ')')
	if end < 0 {
		return "", len(s)
	}
	return strings.TrimSpace(s[i : i+end]), i + end + 1
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case. CSS keywords are
// ASCII, and comparing bytes in place keeps indexes valid in text that is not
// UTF-8.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
