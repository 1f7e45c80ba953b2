// Package tomlpos finds the line on which each key of a TOML document is
// written, so that problems found after decoding can be reported at
// file:line. The TOML decoder we use does not expose key positions; this is a
// small scanner of our own that follows TOML's table and array rules.
package tomlpos

import (
	"strconv"
	"strings"
)

// Index maps a key path to the 1-based line where the key is written. Paths
// join keys with "." and array elements with "[i]": "kpi[2].baseline.value".
// Keys holding "." or "[" are written quoted: `targets."2018/19"`.
type Index struct {
	lines map[string]int
}

// Line returns the line of the key path, or 0 when it is not found.
func (ix *Index) Line(path string) int {
	if ix == nil {
		return 0
	}
	return ix.lines[path]
}

// Join builds a path from a parent path and a key, quoting the key when needed.
func Join(parent, key string) string {
	k := key
	if strings.ContainsAny(key, ".[]\"") {
		k = strconv.Quote(key)
	}
	if parent == "" {
		return k
	}
	return parent + "." + k
}

// Elem builds the path of array element i.
func Elem(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

type scanner struct {
	src    string
	i      int
	line   int
	lines  map[string]int
	arrays map[string]int // array-of-tables path -> element count
}

// Scan indexes a TOML document. It never fails: on malformed input it records
// what it could read, since the decoder reports syntax errors itself.
func Scan(src string) *Index {
	s := &scanner{src: src, line: 1, lines: map[string]int{}, arrays: map[string]int{}}
	s.document()
	return &Index{lines: s.lines}
}

func (s *scanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *scanner) advance() {
	if s.i < len(s.src) {
		if s.src[s.i] == '\n' {
			s.line++
		}
		s.i++
	}
}

func (s *scanner) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// skipBlank skips spaces, newlines and comments.
func (s *scanner) skipBlank() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.advance()
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

func (s *scanner) skipComment() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}

func (s *scanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}

func (s *scanner) document() {
	table := ""
	for {
		s.skipBlank()
		if s.i >= len(s.src) {
			return
		}
		if s.peek() == '[' {
			table = s.header()
			continue
		}
		start := s.i
		s.keyValue(table)
		if s.i == start { // not a key: give up on this line
			s.skipLine()
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the path that keys below it live at.
func (s *scanner) header() string {
	line := s.line
	s.advance()
	array := false
	if s.peek() == '[' {
		array = true
		s.advance()
	}
	keys := s.dottedKey()
	s.skipSpace()
	for s.i < len(s.src) && s.src[s.i] != '\n' && s.src[s.i] != '#' {
		s.i++
	}
	path := s.resolve(keys, !array)
	if array {
		n := s.arrays[path]
		s.arrays[path] = n + 1
		s.lines[path] = lineIfUnset(s.lines[path], line)
		path = Elem(path, n)
	}
	s.lines[path] = lineIfUnset(s.lines[path], line)
	return path
}

func lineIfUnset(old, line int) int {
	if old != 0 {
		return old
	}
	return line
}

// resolve turns header keys into a path, stepping into the newest element of
// any array of tables named on the way (TOML's rule for [a.b] after [[a]]).
func (s *scanner) resolve(keys []string, last bool) string {
	path := ""
	for i, k := range keys {
		path = Join(path, k)
		if n, ok := s.arrays[path]; ok && (i < len(keys)-1 || last) && n > 0 {
			if i < len(keys)-1 {
				path = Elem(path, n-1)
			}
		}
	}
	return path
}

func (s *scanner) keyValue(table string) {
	line := s.line
	keys := s.dottedKey()
	if len(keys) == 0 {
		return
	}
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.advance()
	path := table
	for _, k := range keys {
		path = Join(path, k)
		s.lines[path] = lineIfUnset(s.lines[path], line)
	}
	s.skipSpace()
	s.value(path)
}

func (s *scanner) dottedKey() []string {
	var keys []string
	for {
		s.skipSpace()
		k, ok := s.key()
		if !ok {
			return keys
		}
		keys = append(keys, k)
		s.skipSpace()
		if s.peek() != '.' {
			return keys
		}
		s.advance()
	}
}

func (s *scanner) key() (string, bool) {
	switch c := s.peek(); {
	case c == '"':
		return s.basicString(), true
	case c == '\'':
		return s.literalString(), true
	case isBare(c):
		start := s.i
		for s.i < len(s.src) && isBare(s.src[s.i]) {
			s.i++
		}
		return s.src[start:s.i], true
	}
	return "", false
}

func isBare(c byte) bool {
	return c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func (s *scanner) value(path string) {
	switch s.peek() {
	case '"':
		if strings.HasPrefix(s.src[s.i:], `"""`) {
			s.multiline(`"""`)
		} else {
			s.basicString()
		}
	case '\'':
		if strings.HasPrefix(s.src[s.i:], `'''`) {
			s.multiline(`'''`)
		} else {
			s.literalString()
		}
	case '{':
		s.inlineTable(path)
	case '[':
		s.array(path)
	default:
		for s.i < len(s.src) {
			c := s.src[s.i]
			if c == ',' || c == ']' || c == '}' || c == '\n' || c == '#' {
				break
			}
			s.i++
		}
	}
}

func (s *scanner) inlineTable(path string) {
	s.advance()
	for s.i < len(s.src) {
		s.skipBlank()
		switch s.peek() {
		case '}':
			s.advance()
			return
		case ',':
			s.advance()
			continue
		}
		start := s.i
		s.keyValue(path)
		if s.i == start {
			s.advance()
		}
	}
}

func (s *scanner) array(path string) {
	s.advance()
	n := 0
	for s.i < len(s.src) {
		s.skipBlank()
		switch s.peek() {
		case ']':
			s.advance()
			return
		case ',':
			s.advance()
			n++
			continue
		case 0:
			return
		}
		elem := Elem(path, n)
		s.lines[elem] = lineIfUnset(s.lines[elem], s.line)
		start := s.i
		s.value(elem)
		if s.i == start {
			s.advance()
		}
	}
}

func (s *scanner) basicString() string {
	s.advance()
	var b strings.Builder
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch c {
		case '"':
			s.advance()
			out, err := strconv.Unquote(`"` + b.String() + `"`)
			if err != nil {
				return b.String()
			}
			return out
		case '\\':
			b.WriteByte(c)
			s.advance()
			if s.i < len(s.src) {
				b.WriteByte(s.src[s.i])
				s.advance()
			}
		case '\n':
			return b.String()
		default:
			b.WriteByte(c)
			s.advance()
		}
	}
	return b.String()
}

func (s *scanner) literalString() string {
	s.advance()
	start := s.i
	for s.i < len(s.src) && s.src[s.i] != '\'' && s.src[s.i] != '\n' {
		s.i++
	}
	out := s.src[start:s.i]
	if s.peek() == '\'' {
		s.advance()
	}
	return out
}

func (s *scanner) multiline(delim string) {
	for range 3 {
		s.advance()
	}
	for s.i < len(s.src) {
		if delim == `"""` && s.src[s.i] == '\\' {
			s.advance()
			s.advance()
			continue
		}
		if strings.HasPrefix(s.src[s.i:], delim) {
			for range 3 {
				s.advance()
			}
			// A closing run may hold up to two more quote characters.
			for s.i < len(s.src) && s.src[s.i] == delim[0] {
				s.advance()
			}
			return
		}
		s.advance()
	}
}
