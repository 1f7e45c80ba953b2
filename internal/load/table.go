package load

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unique"

	"github.com/BurntSushi/toml"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/tomlpos"
)

// doc is one decoded TOML document (a file or a front matter block) with the
// positions of its keys.
type doc struct {
	file   string
	offset int // lines before the TOML starts (front matter)
	index  *tomlpos.Index
	diags  *diag.List
}

// parseTOML decodes src. A syntax error is reported at its line and yields nil.
func parseTOML(file, src string, offset int, diags *diag.List) (*table, *doc) {
	var m map[string]any
	d := &doc{file: file, offset: offset, index: tomlpos.Scan(src), diags: diags}
	if _, err := toml.Decode(src, &m); err != nil {
		line, msg := 0, err.Error()
		if pe, ok := err.(toml.ParseError); ok {
			line, msg = pe.Position.Line, pe.Message
		}
		if dup := duplicateKey.FindStringSubmatch(msg); dup != nil {
			d.reportDuplicate(src, dup[1], line)
			return nil, d
		}
		diags.Add(diag.Diagnostic{File: file, Line: line + offset, Severity: diag.Error,
			Message: "TOML syntax: " + msg,
			Fix:     "check quotes, brackets and commas on this line (strings need \"double quotes\"; months are written \"2019-03\")"})
		return nil, d
	}
	return &table{doc: d, m: m, asked: map[string]bool{}}, d
}

// table reads typed values out of one TOML table, reports type errors at the
// key's line, and remembers which keys were read so that done() can report
// the rest as unknown.
type table struct {
	doc     *doc
	path    string
	m       map[string]any
	asked   map[string]bool
	missing []missingKey
}

func (t *table) line(key string) int {
	if key != "" {
		if l := t.doc.index.Line(tomlpos.Join(t.path, key)); l > 0 {
			return l + t.doc.offset
		}
	}
	if l := t.doc.index.Line(t.path); l > 0 {
		return l + t.doc.offset
	}
	return t.doc.offset + 1
}

// Pos is where the table (or one of its keys) is written.
func (t *table) pos(key string) model.Pos { return model.Pos{File: t.doc.file, Line: t.line(key)} }

func (t *table) errorf(key, fix, format string, args ...any) {
	t.doc.diags.Errorf(t.doc.file, t.line(key), fix, format, args...)
}

func (t *table) warnf(key, fix, format string, args ...any) {
	t.doc.diags.Warnf(t.doc.file, t.line(key), fix, format, args...)
}

// name is how a message names a key: as an author would write it in a
// dotted key, without the array positions the index uses ("kpi.per").
func (t *table) name(key string) string {
	if t.path == "" {
		return bareKey(key)
	}
	return authorPath(t.path) + "." + bareKey(key)
}

// elemIndex matches the array positions in an index path: "kpi[2]".
var elemIndex = regexp.MustCompile(`\[[0-9]+\]`)

// authorPath turns an index path ("kpi[2].baseline") into the dotted form
// authors write in table headers ("kpi.baseline").
func authorPath(p string) string { return elemIndex.ReplaceAllString(p, "") }

// bareKey writes a key as TOML needs it: quoted unless it is a bare key.
func bareKey(key string) string {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			return strconv.Quote(key)
		}
	}
	if key == "" {
		return `""`
	}
	return key
}

func (t *table) has(key string) bool {
	t.asked[key] = true
	_, ok := t.m[key]
	return ok
}

func (t *table) get(key string, required bool, example string) (any, bool) {
	t.asked[key] = true
	v, ok := t.m[key]
	if !ok && required {
		// Reported by done(), unless an unknown key there is this one misspelt.
		t.missing = append(t.missing, missingKey{key, example})
	}
	return v, ok
}

// missingKey is a required key that was not found, with an example value.
type missingKey struct {
	key, example string
}

// where names the table as its header is written: [kpi.baseline], or
// [[kpi]] for an entry of a list of tables.
func (t *table) where() string {
	if t.path == "" {
		if t.doc.offset > 0 {
			return "the front matter"
		}
		return "this file"
	}
	if strings.HasSuffix(t.path, "]") {
		return "[[" + authorPath(t.path) + "]]"
	}
	return "[" + authorPath(t.path) + "]"
}

func (t *table) str(key string, required bool, example string) string {
	v, ok := t.get(key, required, example)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		t.errorf(key, fmt.Sprintf("write it in double quotes: `%s = %s`", bareKey(key), example), "%s must be text, not %s", t.name(key), typeName(v))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		t.errorf(key, fmt.Sprintf("write `%s = %s`", key, example), "%s is empty", t.name(key))
	}
	return intern(s)
}

// intern returns the one copy of s that the whole load shares. Editions
// repeat most of their plan word for word (milestone texts, impact and
// quality-assurance paragraphs, titles, status words), so an archive holds
// each once instead of once an edition; and the copy no longer points into
// the decoder's copy of the whole file, which would otherwise live as long
// as the site.
func intern(s string) string { return unique.Make(s).Value() }

func (t *table) boolean(key string) bool {
	v, ok := t.get(key, false, "")
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		t.errorf(key, fmt.Sprintf("write `%s = true` or `%s = false` (no quotes)", key, key), "%s must be true or false, not %s", t.name(key), typeName(v))
	}
	return b
}

func (t *table) integer(key string, required bool, example string) (int, bool) {
	v, ok := t.get(key, required, example)
	if !ok {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		return int(n), true
	case float64:
		if finite(n) && n == math.Trunc(n) && math.Abs(n) < 1<<53 {
			return int(n), true
		}
	}
	t.errorf(key, fmt.Sprintf("write a whole number without quotes: `%s = %s`", bareKey(key), example), "%s must be a whole number, not %s", t.name(key), describe(v))
	return 0, false
}

func (t *table) number(key string, required bool, example string) (float64, bool) {
	v, ok := t.get(key, required, example)
	if !ok {
		return 0, false
	}
	if f, isNum := asFloat(v); isNum {
		if !finite(f) {
			t.errorf(key, fmt.Sprintf("write the number itself: `%s = %s`; if there is none, leave %s out", bareKey(key), example, bareKey(key)), "%s is %s, which no report can show", t.name(key), describe(v))
			return 0, false
		}
		return f, true
	}
	t.errorf(key, fmt.Sprintf("write a number without quotes or %% sign: `%s = %s`", bareKey(key), example), "%s must be a number, not %s", t.name(key), describe(v))
	return 0, false
}

// finite reports whether a number can be published: TOML has nan and inf,
// and a spreadsheet export can write them, but no report can show them.
func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func asFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

func (t *table) strs(key string) []string {
	v, ok := t.get(key, false, "")
	if !ok {
		return nil
	}
	switch a := v.(type) {
	case string:
		return []string{intern(a)}
	case []any:
		var out []string // nil for an empty list, as for none: the same after a saved cache is read back
		for _, e := range a {
			s, isStr := e.(string)
			if !isStr {
				t.errorf(key, fmt.Sprintf(`write a list of quoted strings: %s = ["first", "second"]`, key), "every item of %s must be text, not %s", t.name(key), typeName(e))
				return nil
			}
			out = append(out, intern(s))
		}
		return out
	}
	t.errorf(key, fmt.Sprintf(`write a list of quoted strings: %s = ["first", "second"]`, key), "%s must be a list of text, not %s", t.name(key), typeName(v))
	return nil
}

func (t *table) month(key string, required bool) model.Month {
	v, ok := t.get(key, required, `"2019-03"`)
	if !ok {
		return 0
	}
	s, isStr := v.(string)
	if !isStr {
		t.errorf(key, fmt.Sprintf(`write the month in quotes as YYYY-MM: %s = "2019-03"`, key), "%s must be a month, not %s", t.name(key), describe(v))
		return 0
	}
	m, err := model.ParseMonth(s)
	if err != nil {
		t.errorf(key, fmt.Sprintf(`write %s = "2019-03"`, key), "%s: %v", t.name(key), strings.SplitN(err.Error(), ":", 2)[0])
		return 0
	}
	return m
}

func (t *table) months(key string) []model.Month {
	var out []model.Month
	for i, s := range t.strs(key) {
		m, err := model.ParseMonth(s)
		if err != nil {
			t.doc.diags.Errorf(t.doc.file, t.lineOf(tomlpos.Elem(tomlpos.Join(t.path, key), i)), fmt.Sprintf(`write each month as YYYY-MM: %s = ["2019-03", "2019-06"]`, key), "%s: %q is not a month", t.name(key), s)
			continue
		}
		out = append(out, m)
	}
	return out
}

func (t *table) lineOf(path string) int {
	if l := t.doc.index.Line(path); l > 0 {
		return l + t.doc.offset
	}
	return t.line("")
}

// date reads a publication date: a TOML date, "YYYY-MM-DD" or "YYYY-MM".
func (t *table) date(key string, required bool) (time.Time, string) {
	v, ok := t.get(key, required, `"2019-05-31"`)
	if !ok {
		return time.Time{}, ""
	}
	fix := fmt.Sprintf(`write %s = "2019-05-31", or %s = "2019-05" when only the month is known`, key, key)
	switch d := v.(type) {
	case time.Time:
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), "day"
	case string:
		if tm, err := time.Parse("2006-01-02", d); err == nil {
			return tm, "day"
		}
		if m, err := model.ParseMonth(d); err == nil {
			return m.Time(), "month"
		}
		t.errorf(key, fix, "%s: %q is not a date", t.name(key), d)
	default:
		t.errorf(key, fix, "%s must be a date, not %s", t.name(key), describe(v))
	}
	return time.Time{}, ""
}

// sub returns the sub-table at key, or nil when it is absent or not a table.
func (t *table) sub(key string) *table {
	v, ok := t.get(key, false, "")
	if !ok {
		return nil
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		t.errorf(key, fmt.Sprintf("write it as a table: [%s] on a line of its own, then its keys", t.name(key)), "%s must be a table, not %s", t.name(key), typeName(v))
		return nil
	}
	return &table{doc: t.doc, path: tomlpos.Join(t.path, key), m: m, asked: map[string]bool{}}
}

// list returns the tables of an array of tables ([[key]]).
func (t *table) list(key string) []*table {
	v, ok := t.get(key, false, "")
	if !ok {
		return nil
	}
	var elems []map[string]any
	switch a := v.(type) {
	case []map[string]any:
		elems = a
	case []any:
		for _, e := range a {
			m, isMap := e.(map[string]any)
			if !isMap {
				t.errorf(key, fmt.Sprintf("write each entry as [[%s]] followed by its keys", t.name(key)), "%s must be a list of tables", t.name(key))
				return nil
			}
			elems = append(elems, m)
		}
	default:
		t.errorf(key, fmt.Sprintf("write each entry as [[%s]] followed by its keys", t.name(key)), "%s must be a list of tables, not %s", t.name(key), typeName(v))
		return nil
	}
	base := tomlpos.Join(t.path, key)
	out := make([]*table, len(elems))
	for i, m := range elems {
		out[i] = &table{doc: t.doc, path: tomlpos.Elem(base, i), m: m, asked: map[string]bool{}}
	}
	return out
}

// keys returns the table's keys in sorted order (for maps of free keys).
func (t *table) keys() []string {
	out := make([]string, 0, len(t.m))
	for k := range t.m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// done reports every key that was never asked for as unknown, suggesting the
// closest known key.
func (t *table) done() {
	known := make([]string, 0, len(t.asked))
	for k := range t.asked {
		known = append(known, k)
	}
	sort.Strings(known)
	misspelt := map[string]bool{}
	for _, k := range t.keys() {
		if t.asked[k] {
			continue
		}
		fix := "remove it, or write one of: " + strings.Join(known, ", ")
		if s := diag.Suggest(k, known); s != "" {
			fix = fmt.Sprintf("did you mean %q?", s)
			misspelt[s] = true
		}
		t.errorf(k, fix, "unknown key %q in %s", k, t.where())
	}
	for _, m := range t.missing {
		if !misspelt[m.key] {
			t.errorf("", fmt.Sprintf("add `%s = %s`", m.key, m.example), "missing required key %q in %s", m.key, t.where())
		}
	}
	t.missing = nil
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64, float64:
		return "a number"
	case bool:
		return "true/false"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date"
	}
	return fmt.Sprintf("%T", v)
}

func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", x)
	case float64:
		switch {
		case math.IsNaN(x):
			return "nan (not a number)"
		case math.IsInf(x, 1):
			return "inf (infinity)"
		case math.IsInf(x, -1):
			return "-inf (minus infinity)"
		}
		return fmt.Sprintf("the number %v", x)
	case int64:
		return fmt.Sprintf("the number %v", x)
	}
	return typeName(v)
}
