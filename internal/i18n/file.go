package i18n

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/tomlpos"
)

// entry is one key of a catalogue: a wording, or (plural) a wording for each
// plural category it gives, chosen by the count.
type entry struct {
	key    string
	file   string
	line   int
	plural bool
	forms  [numCategories]*message // forms[Other] is always set
	raw    [numCategories]string   // each form as written
	names  []string                // the placeholders of every form
	text   string                  // the wording (other), for messages to authors
}

// form is the wording for a category, else the other form.
func (e *entry) form(c Category) *message {
	if m := e.forms[c]; m != nil {
		return m
	}
	return e.forms[Other]
}

// catalogueFile is one file of interface words, as read.
type catalogueFile struct {
	entries map[string]*entry
	keys    []string // in the order written
}

// readFile reads a catalogue file: tables of entries, each a string or a
// table of plural forms. Problems go to diags, at the file and line; an entry
// with a problem is left out. It returns nil when the file is not TOML.
func readFile(name string, src []byte, diags *diag.List) *catalogueFile {
	var doc map[string]any
	if _, err := toml.Decode(string(src), &doc); err != nil {
		line := 0
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line = pe.Position.Line
		}
		diags.Errorf(name, line, "fix the TOML syntax", "cannot read the interface words: %v", err)
		return nil
	}
	idx := tomlpos.Scan(string(src))
	f := &catalogueFile{entries: map[string]*entry{}}
	groups := sortedKeys(doc, "", idx)
	for _, g := range groups {
		table, ok := doc[g].(map[string]any)
		if !ok {
			diags.Errorf(name, idx.Line(tomlpos.Join("", g)), fmt.Sprintf(`put it in a table: [group] then %s = "…"`, g), "%q is not in a table: every entry is written as [group] then key = \"words\"", g)
			continue
		}
		if !validName(g) {
			diags.Errorf(name, idx.Line(tomlpos.Join("", g)), "name tables with lower-case letters, digits and _", "[%s] is not a table name planpress reads", g)
			continue
		}
		for _, k := range sortedKeys(table, g, idx) {
			path := tomlpos.Join(g, k)
			key := g + "." + k
			line := idx.Line(path)
			if !validName(k) {
				diags.Errorf(name, line, "name entries with lower-case letters, digits and _", "%q is not an entry name planpress reads", key)
				continue
			}
			e := &entry{key: key, file: name, line: line}
			switch v := table[k].(type) {
			case string:
				if strings.TrimSpace(v) == "" {
					diags.Errorf(name, line, fmt.Sprintf(`write the words a reader sees there, or delete the line to keep the built-in words (%s = "…")`, k), "%s is empty: the page would show nothing where its words go", key)
					continue
				}
				m, err := parseMessage(v)
				if err != nil {
					diags.Errorf(name, line, "", "%s: %v", key, err)
					continue
				}
				e.forms[Other], e.raw[Other], e.text = m, v, v
			case map[string]any:
				e.plural = true
				ok := true
				for _, form := range sortedKeys(v, path, idx) {
					fline := idx.Line(tomlpos.Join(path, form))
					c, known := parseCategory(form)
					text, isString := v[form].(string)
					switch {
					case !known:
						diags.Errorf(name, fline, "name each form by its CLDR plural category: zero, one, two, few, many or other", "%s: %q is not a plural form", key, form)
						ok = false
						continue
					case !isString:
						diags.Errorf(name, fline, `write the form's words in quotes: other = "…"`, "%s.%s is not a string", key, form)
						ok = false
						continue
					case strings.TrimSpace(text) == "":
						diags.Errorf(name, fline, fmt.Sprintf(`write the words a reader sees there: %s = "…"`, form), "%s.%s is empty: the page would show nothing where its words go", key, form)
						ok = false
						continue
					}
					m, err := parseMessage(text)
					if err != nil {
						diags.Errorf(name, fline, "", "%s.%s: %v", key, form, err)
						ok = false
						continue
					}
					e.forms[c], e.raw[c] = m, text
					if c == Other {
						e.text = text
					}
				}
				if !ok {
					continue
				}
				if e.forms[Other] == nil {
					diags.Errorf(name, line, `add other = "…", the form every count falls back to`, "%s has plural forms but no other form", key)
					continue
				}
			default:
				diags.Errorf(name, line, `write the words in quotes, or plural forms as { one = "…", other = "…" }`, "%s is neither words nor a table of plural forms", key)
				continue
			}
			// The other form first: its placeholders read in the order
			// an author expects.
			for _, c := range []Category{Other, Zero, One, Two, Few, Many} {
				m := e.forms[c]
				if m == nil {
					continue
				}
				for _, n := range m.names() {
					if !contains(e.names, n) {
						e.names = append(e.names, n)
					}
				}
			}
			f.entries[key] = e
			f.keys = append(f.keys, key)
		}
	}
	return f
}

// sortedKeys lists a table's keys in the order they are written, so that
// problems are reported in the file's order.
func sortedKeys(m map[string]any, parent string, idx *tomlpos.Index) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		li, lj := idx.Line(tomlpos.Join(parent, keys[i])), idx.Line(tomlpos.Join(parent, keys[j]))
		if li != lj {
			return li < lj
		}
		return keys[i] < keys[j]
	})
	return keys
}
