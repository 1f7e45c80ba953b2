package load

import (
	"fmt"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// words reads an entry's words in another language against the same entry
// in the default language, so that the two stay in step: a word the default
// gives must be given, and one it does not give must not be. What does not
// match is an error, or a warning (draft) in an edition that is a draft.
// Where a word is missing, the default's stands in, so that a draft can be
// previewed.
type words struct {
	t     *table
	lang  model.Language
	def   string // the default language's tag
	file  string // where the default's words are written, for a fix
	where string // how a message names the entry, when t is the whole file
	draft bool
}

// in reads the words of a table inside the entry.
func (w words) in(t *table) words {
	w.t = t
	w.where = ""
	return w
}

func (w words) name() string {
	if w.where != "" {
		return w.where
	}
	return w.t.where()
}

func (w words) langName() string { return fmt.Sprintf("%s (%s)", w.lang.Name, w.lang.Code) }

func (w words) problem(key, fix, format string, args ...any) {
	if w.draft {
		w.t.warnf(key, fix, format, args...)
	} else {
		w.t.errorf(key, fix, format, args...)
	}
}

// str reads one text.
func (w words) str(key, def string) string {
	if !w.t.has(key) {
		if def != "" {
			w.problem("", fmt.Sprintf("add %s = \"…\" in %s; in %s it reads %s", bareKey(key), w.lang.Name, w.def, quoteShort(def)),
				"%s has no %s in %s", w.name(), bareKey(key), w.langName())
		}
		return def
	}
	if _, isStr := w.t.m[key].(string); !isStr {
		w.t.str(key, false, `"…"`) // reports what it is instead
		return def
	}
	s := w.t.str(key, false, `"…"`)
	switch {
	case def == "" && s != "":
		w.problem(key, fmt.Sprintf("remove it, or give %s in %s too", bareKey(key), w.file),
			"%s gives %s in %s, but the %s words have none", w.name(), bareKey(key), w.langName(), w.def)
	case def != "" && strings.TrimSpace(s) == "":
		w.problem(key, fmt.Sprintf("write it in %s; in %s it reads %s", w.lang.Name, w.def, quoteShort(def)), "%s is empty", w.t.name(key))
		return def
	}
	return s
}

// strs reads a list of texts (paragraphs).
func (w words) strs(key string, def []string) []string {
	if !w.t.has(key) {
		if len(def) > 0 {
			w.problem("", fmt.Sprintf("add %s = [\"…\"] in %s; in %s its first item reads %s", bareKey(key), w.lang.Name, w.def, quoteShort(def[0])),
				"%s has no %s in %s", w.name(), bareKey(key), w.langName())
		}
		return def
	}
	s := w.t.strs(key)
	if len(def) == 0 && len(s) > 0 {
		w.problem(key, fmt.Sprintf("remove it, or give %s in %s too", bareKey(key), w.file),
			"%s gives %s in %s, but the %s words have none", w.name(), bareKey(key), w.langName(), w.def)
	}
	if len(def) > 0 && len(s) == 0 {
		w.problem(key, fmt.Sprintf("write it in %s", w.lang.Name), "%s is empty", w.t.name(key))
		return def
	}
	return s
}

// missing reports a table of words the entry lacks; what names it.
func (w words) missing(what, fix string) {
	w.problem("", fix, "%s has no %s in %s", w.name(), what, w.langName())
}

// extra reports a table of words the default language's entry does not
// have, so that there is nothing for it to translate.
func (w words) extra(key string) {
	if w.t.has(key) {
		w.problem(key, fmt.Sprintf("remove it, or give %s in %s too", bareKey(key), w.file),
			"%s gives %s in %s, but the %s words have none", w.name(), bareKey(key), w.langName(), w.def)
	}
}

// shared reports the keys of the entry that are not words: they are the
// default language's alone (figures, dates, refs), and so are written once.
func (w words) shared(keys ...string) {
	for _, k := range keys {
		if w.t.has(k) {
			w.t.errorf(k, fmt.Sprintf("remove it: %s is the same in every language, and is written in %s alone", bareKey(k), w.file),
				"%s: %s is not words, so it has no %s version", w.name(), bareKey(k), w.lang.Name)
		}
	}
}
