package i18n

import (
	"fmt"
	"html/template"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/theme"
)

// Reference is the language of the reference catalogue: the built-in
// i18n/en-GB.toml says which entries there are and which placeholders each
// may use, and every other catalogue is checked against it.
const Reference = "en-GB"

// Dir is the folder of the catalogues, in the built-in theme and in a site.
const Dir = "i18n"

// Catalogue is the interface words of one language: every word a reader sees
// that is not the site's own (its narrative, data and planpress.toml). It is
// safe for concurrent use.
type Catalogue struct {
	lang    string
	rule    pluralRule
	entries map[string]*entry

	mu       sync.Mutex
	problems diag.List
}

// Load reads the catalogue of a language (a tag such as "en-GB"): the
// built-in i18n/LANG.toml, or the built-in catalogue of the same primary
// language ("en" and "en-US" read en-GB's), amended entry by entry by the
// site's own i18n/LANG.toml. Every entry of the reference catalogue must be
// there: a missing one is an error naming the key and the language. An entry
// the reference lacks is a warning (a typo, unless a layout of the site's own
// uses it). It returns nil when there are errors.
func Load(files theme.Files, lang string) (*Catalogue, *diag.List) {
	diags := &diag.List{}
	refName := path.Join(Dir, Reference+".toml")
	refSrc, _ := theme.Files{}.Layers(refName)
	ref := readFile("built-in "+refName, refSrc, diags)
	if ref == nil || diags.HasErrors() {
		return nil, diags
	}
	widenPlaceholders(ref)
	c := &Catalogue{lang: lang, rule: ruleFor(lang), entries: map[string]*entry{}}
	name := path.Join(Dir, lang+".toml")
	base, own := files.Layers(name)
	baseName := "built-in " + name
	if base == nil {
		if n := builtinFor(lang); n != "" {
			baseName = "built-in " + path.Join(Dir, n)
			base, _ = theme.Files{}.Layers(path.Join(Dir, n))
		}
	}
	if base == nil && own == nil {
		diags.Errorf("planpress.toml", 0,
			fmt.Sprintf("write %s with every entry of the built-in %s catalogue in your language, or set language = %q", name, Reference, Reference),
			"planpress has no interface words for language %q", lang)
		return nil, diags
	}
	for _, layer := range []struct {
		name string
		src  []byte
	}{{baseName, base}, {name, own}} {
		if layer.src == nil {
			continue
		}
		f := readFile(layer.name, layer.src, diags)
		if f == nil {
			continue
		}
		for _, k := range f.keys {
			e := f.entries[k]
			if c.check(e, ref, diags) {
				c.entries[k] = e
			}
		}
	}
	missing := missingFile(name, own != nil, baseName, base != nil)
	for _, k := range ref.keys {
		if _, ok := c.entries[k]; !ok {
			r := ref.entries[k]
			group, key, _ := strings.Cut(k, ".")
			diags.Errorf(missing, 0, fmt.Sprintf("add it under [%s]: %s = \"…\" (in %s it reads %q)", group, key, Reference, r.text),
				"the %s interface words have no entry %q", lang, k)
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return c, diags
}

// widenPlaceholders lets each entry of the reference use the placeholders
// that entry uses in any built-in catalogue. A language may need a value in
// a form of its own (Welsh mutates a month's name after "yn": {in_month} is
// "ym Mawrth 2019" where English writes "in {month}"); the views fill in
// every form, and an entry of any language may use any of them.
func widenPlaceholders(ref *catalogueFile) {
	for k, names := range builtinPlaceholders() {
		r, ok := ref.entries[k]
		if !ok {
			continue
		}
		for _, name := range names {
			if !contains(r.names, name) {
				r.names = append(r.names, name)
			}
		}
	}
}

// builtinPlaceholders are the placeholders each entry uses in the built-in
// catalogues other than the reference, read once: they are built into
// planpress.
var builtinPlaceholders = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for _, n := range (theme.Files{}).Names(Dir) {
		if n == Reference+".toml" || !strings.HasSuffix(n, ".toml") {
			continue
		}
		src, _ := theme.Files{}.Layers(path.Join(Dir, n))
		f := readFile(n, src, &diag.List{})
		if f == nil {
			continue
		}
		for k, e := range f.entries {
			out[k] = append(out[k], e.names...)
		}
	}
	return out
})

// missingFile is the file a missing entry belongs in: the site's own
// catalogue when it has one, else the built-in one it reads.
func missingFile(own string, hasOwn bool, base string, hasBase bool) string {
	if hasOwn || !hasBase {
		return own
	}
	return base
}

// builtinFor finds the built-in catalogue of a language's primary subtag,
// for a tag that has none of its own: "en-US" reads en-GB's words.
func builtinFor(lang string) string {
	want := primary(lang)
	for _, n := range (theme.Files{}).Names(Dir) {
		tag := strings.TrimSuffix(n, ".toml")
		if strings.HasSuffix(n, ".toml") && primary(tag) == want {
			return n
		}
	}
	return ""
}

// check compares an entry with the reference catalogue's, reporting what
// does not fit; it reports whether the entry can be used.
func (c *Catalogue) check(e *entry, ref *catalogueFile, diags *diag.List) bool {
	r, known := ref.entries[e.key]
	if !known {
		fix := "a layout of your own may use it; otherwise check the spelling"
		if s := diag.Suggest(e.key, ref.keys); s != "" {
			fix = fmt.Sprintf("did you mean %q?", s)
		}
		diags.Warnf(e.file, e.line, fix, "the built-in interface words have no entry %q", e.key)
		return true
	}
	ok := true
	for cat, m := range e.forms {
		if m == nil {
			continue
		}
		if e.plural && !c.rule.uses(Category(cat)) {
			diags.Errorf(e.file, e.line, "use the forms of "+c.lang+": "+c.rule.names(), "%s: %s has no plural form %q", e.key, c.lang, Category(cat))
			ok = false
		}
		for _, n := range m.names() {
			if !contains(r.names, n) {
				diags.Errorf(e.file, e.line, placeholderFix(r.names), "%s: unknown placeholder {%s}", e.key, n)
				ok = false
			}
		}
	}
	if e.plural && !contains(r.names, "count") {
		diags.Errorf(e.file, e.line, `write the words in quotes: nothing is counted here`, "%s cannot have plural forms: it has no {count}", e.key)
		ok = false
	}
	return ok
}

func placeholderFix(names []string) string {
	if len(names) == 0 {
		return "this entry takes no placeholders"
	}
	var s []string
	for _, n := range names {
		s = append(s, "{"+n+"}")
	}
	return "use " + strings.Join(s, ", ")
}

// Language is the catalogue's language tag, as planpress.toml gives it.
func (c *Catalogue) Language() string { return c.lang }

// Keys lists the catalogue's keys, sorted.
func (c *Catalogue) Keys() []string {
	out := make([]string, 0, len(c.entries))
	for k := range c.entries {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Plural reports whether an entry gives plural forms, chosen by a count.
func (c *Catalogue) Plural(key Key) bool {
	e, ok := c.entries[string(key)]
	return ok && e.plural
}

// Forms lists an entry's wordings as written, placeholders and all: one, or
// one for each plural form it gives.
func (c *Catalogue) Forms(key Key) []string {
	e, ok := c.entries[string(key)]
	if !ok {
		return nil
	}
	var out []string
	for i, m := range e.forms {
		if m != nil {
			out = append(out, e.raw[i])
		}
	}
	return out
}

// PluralTexts writes each form of an entry for a script that chooses among
// them by a count it has (search results, counted in the browser): the
// entry's words in each plural category the language uses, by the
// category's CLDR name, with each placeholder filled from args as Text
// fills it. A count given as words ("{count}") is left for the script. An
// entry without plural forms has one, other.
func (c *Catalogue) PluralTexts(key Key, args ...any) map[string]string {
	e, ok := c.entries[string(key)]
	if !ok {
		c.Text(key, args...) // reports the missing entry
		return nil
	}
	out := map[string]string{}
	cats := []Category{Other}
	if e.plural {
		cats = c.rule.categories
	}
	for _, cat := range cats {
		s, missing := e.form(cat).format(args, false)
		if len(missing) > 0 {
			c.mu.Lock()
			c.problems.Errorf(path.Join(Dir, c.lang+".toml"), 0, "", "%s in %s: no value for {%s}", key, c.lang, strings.Join(missing, "}, {"))
			c.mu.Unlock()
		}
		out[cat.String()] = s
	}
	return out
}

// Text writes an entry for a view model: its words with each placeholder
// filled from args, name and value pairs ("count", 3, "total", 22). A plural
// entry takes its form from the value named count. A key the catalogue lacks
// or a placeholder args lack is a problem of the build (see Problems); the
// catalogue was checked against the reference when it was loaded, so either
// is a mistake in planpress, never in a site.
func (c *Catalogue) Text(key Key, args ...any) string {
	s, err := c.text(string(key), args, false)
	if err != nil {
		c.mu.Lock()
		c.problems.Errorf(path.Join(Dir, c.lang+".toml"), 0, "", "%v", err)
		c.mu.Unlock()
	}
	return s
}

// Problems are the problems Text met: a build that has any failed.
func (c *Catalogue) Problems() *diag.List {
	c.mu.Lock()
	defer c.mu.Unlock()
	var l diag.List
	l.Merge(&c.problems)
	return &l
}

// HTML writes an entry for a layout, escaped for an HTML page: this is the
// layouts' template function t ({{t "kpi.about"}}, {{t "summary.on_track"
// "count" .OnTrack "total" .Total}}). Its error names the key and the
// language.
func (c *Catalogue) HTML(key string, args ...any) (template.HTML, error) {
	s, err := c.text(key, args, true)
	return template.HTML(s), err
}

func (c *Catalogue) text(key string, args []any, html bool) (string, error) {
	e, ok := c.entries[key]
	if !ok {
		return "", fmt.Errorf("the %s interface words have no entry %q (see %s/%s.toml)", c.lang, key, Dir, c.lang)
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("%s: give each value a name: \"count\" 3", key)
	}
	for i := 0; i < len(args); i += 2 {
		if _, ok := args[i].(string); !ok {
			return "", fmt.Errorf("%s: %v is not a placeholder name", key, args[i])
		}
	}
	m := e.forms[Other]
	if e.plural {
		v, ok := lookup(args, "count")
		n, isInt := v.(int)
		if !ok || !isInt {
			return "", fmt.Errorf("%s has plural forms: give the count as a whole number, named count", key)
		}
		m = e.form(c.rule.category(n))
	}
	s, missing := m.format(args, html)
	if len(missing) > 0 {
		return s, fmt.Errorf("%s in %s: no value for {%s}", key, c.lang, strings.Join(missing, "}, {"))
	}
	return s, nil
}
