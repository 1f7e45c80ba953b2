package load

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// A site may publish in more than one language. planpress.toml's language
// is the default, whose pages are at the site's root; [[languages]] names
// each other one, whose pages are under a folder of its code (/cy/) and
// whose words are read from files beside the default's, named with its code
// (priority-1.cy.md, data/kpis.cy.toml). Everything that is not words (the
// figures, dates, refs, statuses as data) is read once, from the default
// language's files: see translate.go.

var (
	languageCode = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})?$`)
	languageTag  = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// readLanguages reads language_name and [[languages]]: the default language
// (site.Language, already read) and each other one, for which it starts a
// translated site. It must run before the statuses and events are read,
// which have words in each language; it returns each translated site's
// [[languages]] entry, whose words readSiteWords reads once the rest of
// planpress.toml is read.
func readLanguages(t *table, site *model.Site) []*table {
	def := model.Language{Tag: site.Language, Pos: t.pos("language")}
	def.Name = t.str("language_name", false, `"English"`)
	site.Languages = []model.Language{def}
	list := t.list("languages")
	if len(list) == 0 {
		return nil
	}
	var entries []*table
	if def.Name == "" {
		t.errorf("language", fmt.Sprintf(`add language_name = %q: the name of the default language in itself, which the other languages' pages link to it by`, nameOf(site.Language)),
			"the site publishes in more than one language, but planpress.toml gives no language_name for its default language %q", site.Language)
	}
	codes := map[string]int{}
	tags := map[string]int{strings.ToLower(site.Language): t.line("language")}
	for _, lt := range list {
		lang := model.Language{
			Code: lt.str("code", true, `"cy"`),
			Name: lt.str("name", true, `"Cymraeg"`),
			Pos:  lt.pos("code"),
		}
		lang.Tag = lang.Code
		if lt.has("locale") {
			lang.Tag = lt.str("locale", false, `"cy-GB"`)
		}
		ok := lang.Code != ""
		switch {
		case lang.Code == "":
		case !languageCode.MatchString(lang.Code):
			lt.errorf("code", fmt.Sprintf("write the language's short code in lower case, such as code = %q: it names the folder of the language's pages and the files of its words", strings.ToLower(lang.Code)),
				"language code %q cannot name a folder and files", lang.Code)
			ok = false
		case codes[lang.Code] > 0:
			lt.errorf("code", "give each language its own code", "the language code %q is used twice (first on line %d)", lang.Code, codes[lang.Code])
			ok = false
		}
		if lang.Tag != "" && !languageTag.MatchString(lang.Tag) {
			lt.errorf("locale", `write a language tag, such as locale = "cy" or "cy-GB"`, "%q is not a language tag", lang.Tag)
			ok = false
		} else if line, dup := tags[strings.ToLower(lang.Tag)]; dup && lang.Tag != "" {
			lt.errorf("code", fmt.Sprintf("the site's default language (language = %q) is already %s; list only the other languages under [[languages]]", site.Language, lang.Tag),
				"the language %q is listed twice (first on line %d)", lang.Tag, line)
			ok = false
		}
		codes[lang.Code] = lt.line("code")
		tags[strings.ToLower(lang.Tag)] = lt.line("code")
		if !ok {
			lt.done()
			continue
		}
		site.Languages = append(site.Languages, lang)
		site.Translations = append(site.Translations, &model.Site{Language: lang.Tag, Code: lang.Code})
		entries = append(entries, lt)
	}
	return entries
}

// nameOf is a language's name in itself, for a suggestion: planpress knows
// a few.
func nameOf(tag string) string {
	switch primaryTag(tag) {
	case "en":
		return "English"
	case "cy":
		return "Cymraeg"
	case "ga":
		return "Gaeilge"
	case "gd":
		return "Gàidhlig"
	}
	return "…"
}

func primaryTag(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return p
}

// readSiteWords reads the words of planpress.toml in each other language,
// from its [[languages]] entry: the site's title, organisation, service and
// description, and the words of [contact], [accessibility] and [brand]. Each
// translated site gets the settings of the default, with these words, and
// the statuses and events already read in its language.
func readSiteWords(entries []*table, site *model.Site) {
	for i, lt := range entries {
		tr := site.Translations[i]
		statuses, events := tr.Statuses, tr.Events
		*tr = readSiteWordsOf(lt, site, site.Languages[i+1])
		tr.Statuses, tr.Events = statuses, events
		lt.done()
	}
}

func readSiteWordsOf(lt *table, site *model.Site, lang model.Language) model.Site {
	tr := *site
	tr.Language, tr.Code = lang.Tag, lang.Code
	tr.Languages, tr.Translations = nil, nil
	w := words{t: lt, lang: lang, def: site.Language, file: SiteFile, where: "[[languages]] code = " + fmt.Sprintf("%q", lang.Code)}
	tr.Title = w.str("title", site.Title)
	tr.Organisation = w.str("organisation", site.Organisation)
	tr.Service = w.str("service", site.Service)
	tr.Description = w.str("description", site.Description)
	c := site.Contact
	if ct := lt.sub("contact"); ct != nil {
		cw := w.in(ct)
		c.Role = cw.str("role", c.Role)
		c.Team = cw.str("team", c.Team)
		c.Organisation = cw.str("organisation", c.Organisation)
		if ct.has("address") {
			c.Address = ct.strs("address")
		}
		ct.done()
	} else if c.Role != "" || c.Team != "" || c.Organisation != "" {
		w.missing("contact", fmt.Sprintf(`add [languages.contact] after this entry, with the words of [contact] in %s: role, team and organisation`, lang.Name))
	}
	tr.Contact = c
	a := site.Accessibility
	a.Issues = append([]string(nil), a.Issues...)
	if at := lt.sub("accessibility"); at != nil {
		aw := w.in(at)
		a.Method = aw.str("method", a.Method)
		a.Issues = aw.strs("issues", a.Issues)
		at.done()
	} else if a.Method != "" || len(a.Issues) > 0 {
		w.missing("accessibility", fmt.Sprintf(`add [languages.accessibility] after this entry, with method and issues in %s`, lang.Name))
	}
	tr.Accessibility = a
	tr.Brand.LogoAlt = tr.Organisation
	if site.Brand.LogoAlt == "" {
		tr.Brand.LogoAlt = ""
	}
	if bt := lt.sub("brand"); bt != nil {
		if bt.has("logo_alt") {
			tr.Brand.LogoAlt = bt.str("logo_alt", false, `"Cyngor Sir Enghraifft"`)
		}
		bt.done()
	}
	return tr
}

// readStatusWords reads a status's words in each other language: [statuses.CODE]
// after its [[statuses]] entry, with its name and description.
func readStatusWords(s *table, st model.Status, site *model.Site) {
	for _, tr := range site.Translations {
		w := s.sub(tr.Code)
		out := st
		if w == nil {
			s.errorf("name", fmt.Sprintf(`add [statuses.%s] after this entry, with name = "…" (the status %q in %s)%s`, tr.Code, st.Name, langName(site, tr.Code), describeToo(st.Description)),
				"the status %q has no words in %s (%s)", st.Name, langName(site, tr.Code), tr.Code)
		} else {
			ww := words{t: w, lang: langOf(site, tr.Code), def: site.Language, file: SiteFile, where: "[statuses." + tr.Code + "]"}
			out.Name = ww.str("name", st.Name)
			out.Description = ww.str("description", st.Description)
			for _, o := range tr.Statuses {
				if o.Name == out.Name && out.Name != "" {
					w.errorf("name", "give each status a different name", "the status %q is listed twice in %s", out.Name, langName(site, tr.Code))
				}
			}
			w.done()
		}
		tr.Statuses = append(tr.Statuses, out)
	}
}

func describeToo(description string) string {
	if description == "" {
		return ""
	}
	return ` and description = "…"`
}

// readEventWords reads an event's words in each other language: [events.CODE]
// after its [[events]] entry.
func readEventWords(e *table, ev model.Event, site *model.Site) {
	for _, tr := range site.Translations {
		w := e.sub(tr.Code)
		out := ev
		if w == nil {
			e.errorf("name", fmt.Sprintf(`add [events.%s] after this entry, with name = "…" (the event %q in %s)`, tr.Code, ev.Name, langName(site, tr.Code)),
				"the event %q has no words in %s (%s)", ev.Name, langName(site, tr.Code), tr.Code)
		} else {
			ww := words{t: w, lang: langOf(site, tr.Code), def: site.Language, file: SiteFile, where: "[events." + tr.Code + "]"}
			out.Name = ww.str("name", ev.Name)
			out.BeforeLabel = ww.str("before_label", ev.BeforeLabel)
			out.AfterLabel = ww.str("after_label", ev.AfterLabel)
			w.done()
		}
		tr.Events = append(tr.Events, out)
	}
}

// langOf finds one of the site's languages by its code.
func langOf(site *model.Site, code string) model.Language {
	for _, l := range site.Languages {
		if l.Code == code {
			return l
		}
	}
	return model.Language{Code: code, Tag: code, Name: code}
}

func langName(site *model.Site, code string) string { return langOf(site, code).Name }

// TranslationOf splits a file name written for another language, NAME.CODE.md
// or NAME.CODE.toml, into the name of the file it translates and the
// language's code, when code is one of the site's languages.
func TranslationOf(site *model.Site, name string) (base, code string, ok bool) {
	if len(site.Translations) == 0 {
		return "", "", false
	}
	ext := ""
	for _, x := range []string{".md", ".toml"} {
		if strings.HasSuffix(name, x) {
			ext = x
		}
	}
	if ext == "" {
		return "", "", false
	}
	stem := strings.TrimSuffix(name, ext)
	i := strings.LastIndexByte(stem, '.')
	if i < 0 {
		return "", "", false
	}
	base, code = stem[:i]+ext, stem[i+1:]
	for _, tr := range site.Translations {
		if tr.Code == code {
			return base, code, true
		}
	}
	return "", "", false
}

// TranslationFile is the file that holds a file's words in the language of
// code: "priority-1.cy.md" beside "priority-1.md".
func TranslationFile(name, code string) string {
	for _, x := range []string{".md", ".toml"} {
		if strings.HasSuffix(name, x) {
			return strings.TrimSuffix(name, x) + "." + code + x
		}
	}
	return name + "." + code
}
