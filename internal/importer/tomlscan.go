package importer

import (
	"strconv"
	"strings"
)

// lineKind is what a line of a TOML file starts.
type lineKind int

const (
	lineOther      lineKind = iota // blank or a comment
	lineContinued                  // the rest of a value begun on a line above
	lineTable                      // [table]
	lineArrayTable                 // [[array]]
	lineKeyValue                   // key = value
	lineUnreadable                 // a line the scanner could not follow
)

// tomlLine is one line of a TOML file, as far as an editor needs it.
type tomlLine struct {
	text string
	kind lineKind
	// path is a table header's key path, or a key/value line's (dotted) key.
	path []string
	// valueStart and valueEnd delimit a one-line value: the text after the
	// "=" and before any spaces and comment that end the line.
	valueStart, valueEnd int
	// multiline is set when the value goes on to the next lines.
	multiline bool
	// cr is set when the line ends with CR LF.
	cr bool
}

// scanTOML splits a TOML document into lines and says what each starts. It
// follows strings and brackets, so a "[" or "#" inside a value is not taken
// for a table or a comment, and a value spanning lines is seen as one. It is
// not a validator: the document is decoded before and after an edit.
func scanTOML(src string) []tomlLine {
	texts := strings.Split(src, "\n")
	out := make([]tomlLine, len(texts))
	var st valueState
	for i, t := range texts {
		cr := strings.HasSuffix(t, "\r")
		t = strings.TrimSuffix(t, "\r")
		if st.open() {
			out[i] = tomlLine{text: t, kind: lineContinued}
			st.scan(t, 0)
		} else {
			out[i] = scanLine(t, &st)
		}
		out[i].cr = cr
	}
	return out
}

func scanLine(t string, st *valueState) tomlLine {
	l := tomlLine{text: t}
	i := skipBlank(t, 0)
	if i == len(t) || t[i] == '#' {
		return l
	}
	if t[i] == '[' {
		kind := lineTable
		j := i + 1
		if j < len(t) && t[j] == '[' {
			kind, j = lineArrayTable, j+1
		}
		path, k, ok := scanKey(t, j)
		k = skipBlank(t, k)
		closing := "]"
		if kind == lineArrayTable {
			closing = "]]"
		}
		if !ok || !strings.HasPrefix(t[k:], closing) {
			l.kind = lineUnreadable
			return l
		}
		l.kind, l.path = kind, path
		return l
	}
	path, k, ok := scanKey(t, i)
	k = skipBlank(t, k)
	if !ok || k >= len(t) || t[k] != '=' {
		l.kind = lineUnreadable
		return l
	}
	l.kind, l.path = lineKeyValue, path
	l.valueStart = skipBlank(t, k+1)
	end := st.scan(t, l.valueStart)
	l.valueEnd = len(strings.TrimRight(t[:end], " \t"))
	if l.valueEnd < l.valueStart {
		l.valueEnd = l.valueStart
	}
	l.multiline = st.open()
	return l
}

func skipBlank(t string, i int) int {
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	return i
}

// scanKey reads a dotted key: bare, "basic" or 'literal' parts joined by dots.
func scanKey(t string, i int) ([]string, int, bool) {
	var path []string
	for {
		i = skipBlank(t, i)
		if i >= len(t) {
			return nil, i, false
		}
		switch t[i] {
		case '"':
			j := i + 1
			for j < len(t) && t[j] != '"' {
				if t[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(t) {
				return nil, j, false
			}
			s, err := unquoteBasic(t[i : j+1])
			if err != nil {
				return nil, j, false
			}
			path = append(path, s)
			i = j + 1
		case '\'':
			j := strings.IndexByte(t[i+1:], '\'')
			if j < 0 {
				return nil, len(t), false
			}
			path = append(path, t[i+1:i+1+j])
			i = i + 2 + j
		default:
			j := i
			for j < len(t) && isBareKeyChar(t[j]) {
				j++
			}
			if j == i {
				return nil, j, false
			}
			path = append(path, t[i:j])
			i = j
		}
		i = skipBlank(t, i)
		if i < len(t) && t[i] == '.' {
			i++
			continue
		}
		return path, i, true
	}
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// unquoteBasic decodes a TOML basic string, quotes included. Every escape
// TOML 1.0 allows is one Go's strconv.Unquote reads the same way.
func unquoteBasic(q string) (string, error) { return strconv.Unquote(q) }

// valueState follows a value across lines: open strings and brackets.
type valueState struct {
	depth     int    // open [ and {
	multiline string // `"""` or `'''` while inside a multi-line string
}

func (s *valueState) open() bool { return s.depth > 0 || s.multiline != "" }

// scan follows a line from i and returns where a comment starts (or the
// line's end).
func (s *valueState) scan(t string, i int) int {
	for i < len(t) {
		if s.multiline != "" {
			j := strings.Index(t[i:], s.multiline)
			if s.multiline == `"""` {
				j = indexUnescaped(t[i:], `"""`)
			}
			if j < 0 {
				return len(t)
			}
			i += j + 3
			for i < len(t) && t[i] == s.multiline[0] { // up to two quotes may end the string's text
				i++
			}
			s.multiline = ""
			continue
		}
		switch c := t[i]; c {
		case '#':
			return i
		case '"', '\'':
			triple := strings.Repeat(string(c), 3)
			if strings.HasPrefix(t[i:], triple) {
				s.multiline = triple
				i += 3
				continue
			}
			j := i + 1
			for j < len(t) && t[j] != c {
				if c == '"' && t[j] == '\\' {
					j++
				}
				j++
			}
			i = j + 1
		case '[', '{':
			s.depth++
			i++
		case ']', '}':
			if s.depth > 0 {
				s.depth--
			}
			i++
		default:
			i++
		}
	}
	return len(t)
}

// indexUnescaped finds sep in t where it is not preceded by an escaping backslash.
func indexUnescaped(t, sep string) int {
	for i := 0; i+len(sep) <= len(t); i++ {
		if t[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(t[i:], sep) {
			return i
		}
	}
	return -1
}
