package load

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/tomlpos"
)

// A site in more than one language reads each file's words in another
// language from a file beside it, named with the language's code:
//
//	content/_index.cy.md              the home page's introduction
//	content/pages/about.cy.md         a page: title and text
//	content/editions/ID/_index.cy.md  an edition: title, summary, caveat,
//	                                  the signatory's role, introduction
//	content/editions/ID/priority-1.cy.md  a priority: label, title,
//	                                  commitment, each milestone's words by
//	                                  ref, each chart's words by id, narrative
//	data/kpis.cy.toml                 each KPI's words, in a table named by id
//	data/glossary.cy.toml             each term's words, in a table named by
//	                                  its abbreviation
//	data/editions/ID/kpis.cy.toml     the notes published with figures
//
// What is not words (figures, dates, refs, KPI ids, statuses as data, a
// draft or not) is read from the default language's files alone. Each
// translated file is read against its original: what one gives and the other
// lacks is an error (a warning while the edition is a draft, when the
// default's words stand in, marked as such).

// translateSite reads the words of the KPIs, the glossary and the pages in
// each other language into the translated sites.
func (l *loader) translateSite() {
	for i, tr := range l.site.Translations {
		lang := l.site.Languages[i+1]
		// The language's pages are in the folder of its code.
		for _, p := range l.site.Pages {
			if p.Slug == lang.Code {
				l.diags.Errorf(p.Pos.File, 1, fmt.Sprintf("rename the page: /%s/ holds the pages in %s", lang.Code, lang.Name), "the page %q would have the address of the %s pages' folder", p.Slug, lang.Name)
			}
		}
		for _, f := range l.site.Static {
			if strings.HasPrefix(f, lang.Code+"/") {
				l.diags.Errorf(path.Join(StaticDir, f), 0, fmt.Sprintf("move it out of %s/%s/: that folder holds the pages in %s", StaticDir, lang.Code, lang.Name), "a static file in the folder of the %s pages", lang.Name)
			}
		}
		l.translateKPIs(tr, lang)
		l.translateGlossary(tr, lang)
		l.translatePages(tr, lang)
	}
}

// readTranslation reads a translated TOML file, or returns nil when there is
// none (or it cannot be read; that is reported).
func (l *loader) readTranslation(file string) *table {
	src, ok := l.read(file, false)
	if !ok || empty(src) {
		return nil
	}
	t, _ := parseTOML(file, src, 0, l.diags)
	return t
}

func (l *loader) translateKPIs(tr *model.Site, lang model.Language) {
	file := TranslationFile(KPIFile, lang.Code)
	t := l.readTranslation(file)
	tr.KPIs, tr.KPIByID = nil, map[string]*model.KPI{}
	if t != nil {
		var ids []string
		for _, k := range l.site.KPIs {
			ids = append(ids, k.ID)
		}
		for _, id := range t.keys() {
			if l.site.KPI(id) == nil {
				t.asked[id] = true
				if l.kpisOK {
					fix := fmt.Sprintf("name the table by the id of a KPI of %s", KPIFile)
					if s := diag.Suggest(id, ids); s != "" {
						fix = fmt.Sprintf("did you mean [%s]?", s)
					}
					t.errorf(id, fix, "words in %s for a KPI %q that %s does not define", lang.Name, id, KPIFile)
				}
			}
		}
	}
	for _, k := range l.site.KPIs {
		c := *k
		var sub *table
		if t != nil && t.has(k.ID) {
			sub = t.sub(k.ID)
		}
		if sub == nil {
			l.diags.Errorf(k.Pos.File, k.Pos.Line, fmt.Sprintf("add [%s] to %s, with title = \"…\" in %s (in %s: %s)", k.ID, file, lang.Name, l.site.Language, quoteShort(k.Title)),
				"KPI %q has no words in %s (%s)", k.ID, lang.Name, lang.Code)
		} else {
			translateKPI(&c, k, words{t: sub, lang: lang, def: l.site.Language, file: KPIFile})
		}
		tr.KPIs = append(tr.KPIs, &c)
		tr.KPIByID[c.ID] = &c
	}
	if t != nil {
		t.done()
	}
}

// translateKPI reads one KPI's words: its table in data/kpis.CODE.toml.
func translateKPI(c, k *model.KPI, w words) {
	t := w.t
	c.Title = w.str("title", k.Title)
	if k.ShortTitle == k.Title && !t.has("short_title") {
		c.ShortTitle = c.Title
	} else {
		c.ShortTitle = w.str("short_title", k.ShortTitle)
	}
	c.ReportLabel = w.str("report_label", k.ReportLabel)
	c.Description = w.str("description", k.Description)
	c.ProxyNote = w.str("proxy_note", k.ProxyNote)
	c.CountTitle = w.str("count_title", k.CountTitle)
	c.Caveats = w.strs("caveats", k.Caveats)
	if b := k.Baseline; b != nil {
		bl := *b
		if bt := t.sub("baseline"); bt != nil {
			bw := w.in(bt)
			bl.Source = bw.str("source", b.Source)
			bl.CountsNote = bw.str("counts_note", b.CountsNote)
			bt.done()
		} else if b.Source != "" || b.CountsNote != "" {
			w.missing("baseline", fmt.Sprintf("add [%s.baseline] with the baseline's source (and counts_note) in %s", k.ID, w.lang.Name))
		}
		c.Baseline = &bl
	} else {
		w.extra("baseline")
	}
	if len(k.Comparators) == 0 {
		w.extra("comparators")
	} else {
		c.Comparators = slices.Clone(k.Comparators)
		ct := t.sub("comparators")
		for i, cmp := range k.Comparators {
			var sub *table
			if ct != nil && ct.has(cmp.Key) {
				sub = ct.sub(cmp.Key)
			}
			if sub == nil {
				w.missing("comparator "+cmp.Key, fmt.Sprintf("add [%s.comparators.%s] with name = \"…\" in %s (in %s: %s)", k.ID, cmp.Key, w.lang.Name, w.def, quoteShort(cmp.Name)))
				continue
			}
			cw := w.in(sub)
			c.Comparators[i].Name = cw.str("name", cmp.Name)
			c.Comparators[i].Source = cw.str("source", cmp.Source)
			sub.done()
		}
		if ct != nil {
			ct.done()
		}
	}
	t.done()
}

func (l *loader) translateGlossary(tr *model.Site, lang model.Language) {
	file := TranslationFile(GlossaryFile, lang.Code)
	t := l.readTranslation(file)
	tr.Glossary = nil
	var abbrs []string
	for _, term := range l.site.Glossary {
		abbrs = append(abbrs, term.Abbr)
	}
	if t != nil {
		for _, key := range t.keys() {
			if !slices.Contains(abbrs, key) {
				t.asked[key] = true
				fix := fmt.Sprintf("name each table by the abbr of a term of %s, such as [%s]", GlossaryFile, bareKey(firstOr(abbrs, "MASH")))
				if s := diag.Suggest(key, abbrs); s != "" {
					fix = fmt.Sprintf("did you mean [%s]?", bareKey(s))
				}
				t.errorf(key, fix, "words in %s for a term %q that %s does not have", lang.Name, key, GlossaryFile)
			}
		}
	}
	seen := map[string]int{}
	for _, term := range l.site.Glossary {
		c := term
		var sub *table
		if t != nil && t.has(term.Abbr) {
			sub = t.sub(term.Abbr)
		}
		if sub == nil {
			l.diags.Errorf(term.Pos.File, term.Pos.Line, fmt.Sprintf("add [%s] to %s, with meaning = \"…\" in %s (in %s: %s)", bareKey(term.Abbr), file, lang.Name, l.site.Language, quoteShort(term.Meaning)),
				"the glossary's term %q has no words in %s (%s)", term.Abbr, lang.Name, lang.Code)
		} else {
			w := words{t: sub, lang: lang, def: l.site.Language, file: GlossaryFile}
			if sub.has("abbr") {
				c.Abbr = sub.str("abbr", true, `"MASH"`)
			}
			c.Meaning = w.str("meaning", term.Meaning)
			c.Note = w.str("note", term.Note)
			c.Pos = sub.pos("")
			if line, dup := seen[c.Abbr]; dup {
				sub.errorf("abbr", fmt.Sprintf("give each term its own abbreviation in %s (the other is on line %d)", lang.Name, line), "the glossary lists %q twice in %s", c.Abbr, lang.Name)
			}
			seen[c.Abbr] = sub.line("")
			sub.done()
		}
		tr.Glossary = append(tr.Glossary, c)
	}
	if t != nil {
		t.done()
	}
}

func firstOr(list []string, or string) string {
	if len(list) > 0 {
		return list[0]
	}
	return or
}

// translatePages reads each page (and the home page's introduction) in one
// language: content/pages/SLUG.CODE.md beside content/pages/SLUG.md.
func (l *loader) translatePages(tr *model.Site, lang model.Language) {
	tr.Pages, tr.Home = nil, nil
	have := map[string]bool{}
	for _, name := range l.list("content/pages") {
		if base, code, ok := TranslationOf(l.site, name); ok && code == lang.Code {
			have[name] = true
			if !slices.ContainsFunc(l.site.Pages, func(p *model.Page) bool { return p.Slug+".md" == base }) {
				l.diags.Errorf(path.Join("content/pages", name), 1, fmt.Sprintf("add content/pages/%s, the page in %s, or rename this file after one of the pages", base, l.site.Language),
					"a page in %s with no page in %s to translate", lang.Name, l.site.Language)
			}
		}
	}
	for _, p := range l.site.Pages {
		name := TranslationFile(p.Slug+".md", lang.Code)
		file := path.Join("content/pages", name)
		if !have[name] {
			l.diags.Errorf(p.Pos.File, 1, fmt.Sprintf("add %s with title = \"…\" and the page's text in %s (in %s its title is %s)", file, lang.Name, l.site.Language, quoteShort(p.Title)),
				"the page %q has no words in %s (%s)", p.Slug, lang.Name, lang.Code)
			c := *p
			c.Lang = l.site.Language
			tr.Pages = append(tr.Pages, &c)
			continue
		}
		src, _ := l.read(file, true)
		if tp := l.readPage(file, p.Slug, src); tp != nil {
			tr.Pages = append(tr.Pages, tp)
		}
	}
	file := TranslationFile("content/_index.md", lang.Code)
	src, ok := l.read(file, false)
	switch {
	case ok:
		if l.site.Home == nil {
			l.diags.Errorf(file, 1, fmt.Sprintf("add content/_index.md, the home page's introduction in %s, or delete this file", l.site.Language),
				"the home page has an introduction in %s but none in %s", lang.Name, l.site.Language)
		}
		tr.Home = l.readPage(file, "", src)
	case l.site.Home != nil:
		l.diags.Errorf(l.site.Home.Pos.File, 1, fmt.Sprintf("add %s with the home page's introduction in %s", file, lang.Name),
			"the home page's introduction has no words in %s (%s)", lang.Name, lang.Code)
		c := *l.site.Home
		c.Lang = l.site.Language
		tr.Home = &c
	}
}

// translateEdition reads an edition's words in each other language, from
// the files of its folder (names, as listed) written for that language, and
// the notes of its figures. A file written for a language with no original
// to translate is an error.
func translateEdition(l *loader, e *model.Edition, names []string) {
	if len(l.site.Translations) == 0 {
		return
	}
	dir, _ := EditionFolders(e.ID)
	for _, name := range names {
		base, code, ok := TranslationOf(l.site, name)
		if !ok || base == "_index.md" {
			continue
		}
		if !slices.ContainsFunc(e.Priorities, func(p *model.Priority) bool { return p.Slug+".md" == base }) {
			l.diags.Errorf(path.Join(dir, name), 1, fmt.Sprintf("add %s, the priority in %s, or rename this file after one of the edition's priority files", path.Join(dir, base), l.site.Language),
				"a priority in %s with no priority in %s to translate", langName(l.site, code), l.site.Language)
		}
	}
	e.Translations = make(map[string]*model.Edition, len(l.site.Translations))
	for i, tr := range l.site.Translations {
		e.Translations[tr.Code] = translateEditionTo(l, e, l.site.Languages[i+1], tr, dir, names)
	}
}

// missing reports a file an edition lacks in a language: an error, or a
// warning in a draft.
func missingIn(l *loader, e *model.Edition, file string, line int, fix, format string, args ...any) {
	if e.Draft {
		l.diags.Warnf(file, line, fix+" (while the edition is a draft, its words in "+l.site.Language+" stand in)", format, args...)
	} else {
		l.diags.Errorf(file, line, fix, format, args...)
	}
}

func translateEditionTo(l *loader, e *model.Edition, lang model.Language, tr *model.Site, dir string, names []string) *model.Edition {
	out := *e
	out.Translations, out.Series, out.Lang = nil, nil, ""
	indexName := TranslationFile("_index.md", lang.Code)
	if slices.Contains(names, indexName) {
		file := path.Join(dir, indexName)
		if src, ok := l.read(file, true); ok {
			readEditionWords(l, &out, e, file, src, lang)
		}
	} else {
		missingIn(l, e, e.Pos.File, 1, fmt.Sprintf("add %s with title = \"…\" (and the edition's summary, caveat and introduction) in %s", path.Join(dir, indexName), lang.Name),
			"edition %s has no words in %s (%s)", e.ID, lang.Name, lang.Code)
		out.Lang = l.site.Language
	}
	out.Priorities = make([]*model.Priority, len(e.Priorities))
	for i, p := range e.Priorities {
		name := TranslationFile(p.Slug+".md", lang.Code)
		var tp *model.Priority
		if slices.Contains(names, name) {
			file := path.Join(dir, name)
			if src, ok := l.read(file, true); ok {
				tp = translatePriority(l, e, p, file, src, lang, tr)
			}
		} else {
			missingIn(l, e, p.Pos.File, p.Pos.Line, fmt.Sprintf("add %s with title = \"…\", its milestones' words and its narrative in %s", path.Join(dir, name), lang.Name),
				"priority %d of edition %s has no words in %s (%s)", p.Number, e.ID, lang.Name, lang.Code)
		}
		if tp == nil {
			tp = untranslated(p, l.site, tr)
		}
		out.Priorities[i] = tp
	}
	out.Series = translateNotes(l, e, lang)
	return &out
}

// untranslated is a priority in another language whose words are not
// written yet: the default's, marked as in the default's language.
func untranslated(p *model.Priority, site, tr *model.Site) *model.Priority {
	c := *p
	c.Lang = site.Language
	c.Milestones = make([]*model.Milestone, len(p.Milestones))
	for i, m := range p.Milestones {
		cm := *m
		cm.Status = statusIn(site, tr, m.Status)
		c.Milestones[i] = &cm
	}
	return &c
}

// statusIn is a status word in another language: the translated site's
// status in the place of the default's.
func statusIn(site, tr *model.Site, name string) string {
	for i, st := range site.Statuses {
		if st.Name == name && i < len(tr.Statuses) {
			return tr.Statuses[i].Name
		}
	}
	return name
}

// readEditionWords reads an edition's _index.CODE.md: its title, summary,
// caveat, signatory's role, and introduction.
func readEditionWords(l *loader, out, e *model.Edition, file, src string, lang model.Language) {
	front, body, bodyLine, ok := SplitFrontMatter(file, src, l.diags)
	if !ok {
		out.Lang = l.site.Language
		return
	}
	out.IntroPos = model.Pos{File: file, Line: bodyLine}
	out.Intro = ""
	if !l.skipNarrative {
		out.Intro = strings.Clone(body)
	}
	checkNarrativePrompts(l.diags, e.Draft, out.IntroPos, body)
	if front == "" {
		missingIn(l, e, file, 1, fmt.Sprintf(`start the file with front matter between two lines of +++, with title = "…" in %s`, lang.Name),
			"the edition's words in %s have no front matter", lang.Name)
		return
	}
	t, _ := parseTOML(file, front, 1, l.diags)
	if t == nil {
		return
	}
	w := words{t: t, lang: lang, def: l.site.Language, file: e.Pos.File, draft: e.Draft}
	out.Title = w.str("title", e.Title)
	out.Summary = w.str("summary", e.Summary)
	out.Caveat = w.str("caveat", e.Caveat)
	w.shared("published", "as_at", "from", "to", "draft")
	if st := t.sub("signatory"); st != nil {
		sw := w.in(st)
		out.Signatory.Role = sw.str("role", e.Signatory.Role)
		sw.shared("name")
		st.done()
	} else if e.Signatory.Role != "" {
		w.missing("signatory", fmt.Sprintf(`add [signatory] with role = "…" in %s (in %s: %s)`, lang.Name, l.site.Language, quoteShort(e.Signatory.Role)))
	}
	checkFrontPrompts(t, e.Draft)
	t.done()
}

// translatePriority reads a priority's NAME.CODE.md: its label, title and
// commitment, the words of each milestone (by ref) and chart (by id), and
// its narrative.
func translatePriority(l *loader, e *model.Edition, p *model.Priority, file, src string, lang model.Language, tr *model.Site) *model.Priority {
	front, body, bodyLine, ok := SplitFrontMatter(file, src, l.diags)
	if !ok {
		return nil
	}
	c := untranslated(p, l.site, tr)
	c.Lang = ""
	c.BodyPos = model.Pos{File: file, Line: bodyLine}
	c.Body = ""
	if !l.skipNarrative {
		c.Body = strings.Clone(body)
	}
	checkNarrativePrompts(l.diags, e.Draft, c.BodyPos, body)
	if front == "" {
		missingIn(l, e, file, 1, fmt.Sprintf(`start the file with front matter between two lines of +++, with title = "…" and the milestones' words in %s (see docs/format.md)`, lang.Name),
			"the priority's words in %s have no front matter", lang.Name)
		for _, m := range c.Milestones {
			m.Lang = l.site.Language
		}
		return c
	}
	t, _ := parseTOML(file, front, 1, l.diags)
	if t == nil {
		return c
	}
	w := words{t: t, lang: lang, def: l.site.Language, file: p.Pos.File, draft: e.Draft}
	c.Label = w.str("label", p.Label)
	c.Title = w.str("title", p.Title)
	c.Commitment = w.str("commitment", p.Commitment)
	w.shared("number", "kpis")

	var refs []string
	for _, m := range p.Milestones {
		refs = append(refs, m.Ref)
	}
	byRef := map[string]*table{}
	var unknown []*table
	for _, mt := range t.list("milestones") {
		ref := mt.str("ref", true, `"1.1"`)
		switch {
		case ref == "":
			mt.done()
		case byRef[ref] != nil:
			mt.errorf("ref", "give each milestone's words once", "the words of milestone %s are given twice (first on line %d)", ref, byRef[ref].line("ref"))
		case !slices.Contains(refs, ref):
			unknown = append(unknown, mt)
		default:
			byRef[ref] = mt
		}
	}
	// A ref with no milestone is most likely one whose words are missing.
	var untranslated []string
	for _, r := range refs {
		if byRef[r] == nil {
			untranslated = append(untranslated, r)
		}
	}
	for _, mt := range unknown {
		ref := mt.m["ref"].(string)
		fix := fmt.Sprintf("use the ref of one of the milestones of %s: %s", p.Pos.File, strings.Join(refs, ", "))
		if s := diag.Suggest(ref, untranslated); s != "" {
			fix = fmt.Sprintf("did you mean ref = %q?", s)
		}
		mt.errorf("ref", fix, "%s has no milestone %s to translate", p.Pos.File, ref)
	}
	for i, m := range p.Milestones {
		mt := byRef[m.Ref]
		cm := c.Milestones[i]
		if mt == nil {
			w.problem("", fmt.Sprintf("add [[milestones]] with ref = %q and milestone = \"…\" in %s (in %s: %s)", m.Ref, lang.Name, l.site.Language, quoteShort(m.Text)),
				"milestone %s has no words in %s (%s)", m.Ref, lang.Name, lang.Code)
			cm.Lang = l.site.Language
			continue
		}
		mw := w.in(mt)
		cm.Text = mw.str("milestone", m.Text)
		cm.Impact = mw.strs("impact", m.Impact)
		cm.QA = mw.strs("qa", m.QA)
		cm.Timing = mw.str("timing", m.Timing)
		mw.shared("status", "commenced", "launch", "due", "date", "updates")
		mt.done()
	}

	var ids []string
	for _, ch := range p.Charts {
		ids = append(ids, ch.ID)
	}
	byID := map[string]*table{}
	for _, ct := range t.list("charts") {
		id := ct.str("id", true, `"audit-headlines"`)
		switch {
		case id == "":
			ct.done()
		case byID[id] != nil:
			ct.errorf("id", "give each chart's words once", "the words of chart %q are given twice", id)
		case !slices.Contains(ids, id):
			fix := fmt.Sprintf("use the id of one of the charts of %s", p.Pos.File)
			if s := diag.Suggest(id, ids); s != "" {
				fix = fmt.Sprintf("did you mean id = %q?", s)
			}
			ct.errorf("id", fix, "%s has no chart %q to translate", p.Pos.File, id)
		default:
			byID[id] = ct
		}
	}
	c.Charts = make([]*model.AuthorChart, len(p.Charts))
	for i, ch := range p.Charts {
		cc := *ch
		c.Charts[i] = &cc
		ct := byID[ch.ID]
		if ct == nil {
			w.problem("", fmt.Sprintf("add [[charts]] with id = %q and title = \"…\" in %s", ch.ID, lang.Name),
				"chart %q has no words in %s (%s)", ch.ID, lang.Name, lang.Code)
			continue
		}
		cw := w.in(ct)
		cc.Title = cw.str("title", ch.Title)
		cc.Unit = cw.str("unit", ch.Unit)
		cc.Note = cw.str("note", ch.Note)
		cc.Categories = cw.strs("categories", ch.Categories)
		if len(cc.Categories) != len(ch.Categories) {
			cw.problem("categories", fmt.Sprintf("give one category for each of the %d of %s, in the same order", len(ch.Categories), p.Pos.File),
				"chart %q has %d categories in %s but %d in %s", ch.ID, len(cc.Categories), lang.Name, len(ch.Categories), l.site.Language)
			cc.Categories = ch.Categories
		}
		cw.shared("kind", "values", "unchanged")
		ct.done()
	}
	checkFrontPrompts(t, e.Draft)
	t.done()
	return c
}

// translateNotes reads the words published with an edition's figures in one
// language, data/editions/ID/kpis.CODE.toml: for each KPI whose figures have
// a note (or a counts_note), a table of months, each { note = "…" }. It
// returns them as series holding notes alone.
func translateNotes(l *loader, e *model.Edition, lang model.Language) map[string]*model.Series {
	file := TranslationFile(figuresFile(e.ID), lang.Code)
	want := false
	for _, s := range e.Series {
		if len(s.Notes)+len(s.CountsNotes) > 0 {
			want = true
		}
	}
	var t *table
	if src, ok := l.read(file, false); ok && !empty(src) {
		t, _ = parseTOML(file, src, 0, l.diags)
	}
	if t == nil && !want {
		return nil
	}
	out := map[string]*model.Series{}
	if t != nil {
		for _, id := range t.keys() {
			if m, ok := t.m[id].(map[string]any); ok && len(m) == 0 {
				t.asked[id] = true // a table left with no month: nothing to say
				continue
			}
			if s, ok := e.Series[id]; !ok || len(s.Notes)+len(s.CountsNotes) == 0 {
				t.asked[id] = true
				t.errorf(id, fmt.Sprintf("remove it, or give the figures of %q a note in %s", id, figuresFile(e.ID)), "notes in %s for KPI %q, whose figures in this edition have none", lang.Name, id)
			}
		}
	}
	ids := make([]string, 0, len(e.Series))
	for id := range e.Series {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		s := e.Series[id]
		if len(s.Notes)+len(s.CountsNotes) == 0 {
			continue
		}
		var sub *table
		if t != nil && t.has(id) {
			sub = t.sub(id)
		}
		ts := &model.Series{}
		out[id] = ts
		months := map[model.Month]bool{}
		for m := range s.Notes {
			months[m] = true
		}
		for m := range s.CountsNotes {
			months[m] = true
		}
		sorted := make([]model.Month, 0, len(months))
		for m := range months {
			sorted = append(sorted, m)
		}
		slices.Sort(sorted)
		for _, m := range sorted {
			key := m.String()
			var mt *table
			if sub != nil && sub.has(key) {
				if v, ok := sub.m[key].(map[string]any); ok {
					mt = &table{doc: sub.doc, path: tomlpos.Join(sub.path, key), m: v, asked: map[string]bool{}}
				} else {
					sub.errorf(key, fmt.Sprintf(`write "%s" = { note = "…" }`, key), "the notes of KPI %q for %s must be a table", id, m.Long())
				}
			}
			if mt == nil {
				line := s.Pos.Line
				if f := s.Figure(m); f != nil {
					line = int(f.Line)
				}
				missingIn(l, e, s.Pos.File, line, fmt.Sprintf("add \"%s\" = { note = \"…\" } under [%s] in %s, in %s", key, id, file, lang.Name),
					"the note of KPI %q for %s has no words in %s (%s)", id, m.Long(), lang.Name, lang.Code)
				if ts.Notes == nil && len(s.Notes) > 0 {
					ts.Notes = map[model.Month]string{}
				}
				if n, ok := s.Notes[m]; ok {
					ts.Notes[m] = n
				}
				if n, ok := s.CountsNotes[m]; ok {
					if ts.CountsNotes == nil {
						ts.CountsNotes = map[model.Month]string{}
					}
					ts.CountsNotes[m] = n
				}
				continue
			}
			w := words{t: mt, lang: lang, def: l.site.Language, file: figuresFile(e.ID), draft: e.Draft}
			if n := w.str("note", s.Notes[m]); n != "" {
				if ts.Notes == nil {
					ts.Notes = map[model.Month]string{}
				}
				ts.Notes[m] = n
			}
			if n := w.str("counts_note", s.CountsNotes[m]); n != "" {
				if ts.CountsNotes == nil {
					ts.CountsNotes = map[model.Month]string{}
				}
				ts.CountsNotes[m] = n
			}
			mt.done()
		}
		if sub != nil {
			for _, k := range sub.keys() {
				if mo, err := model.ParseMonth(k); err != nil || !months[mo] {
					sub.asked[k] = true
					sub.errorf(k, fmt.Sprintf("remove it: only a month whose figure has a note in %s has one here", figuresFile(e.ID)), "KPI %q has no note for %q to translate", id, k)
				}
			}
			sub.done()
		}
	}
	if t != nil {
		t.done()
	}
	return out
}

// assembleTranslations makes each translated site's editions, in the order
// of the site's: each edition's words in that language, with the edition's
// figures pointed at the translated KPIs, and their notes in that language.
func (l *loader) assembleTranslations() {
	for i, tr := range l.site.Translations {
		lang := l.site.Languages[i+1]
		tr.Languages = l.site.Languages
		tr.Editions = make([]*model.Edition, 0, len(l.site.Editions))
		for _, e := range l.site.Editions {
			t := e.Translations[lang.Code]
			if t == nil {
				// Not read (an edition with errors before its words).
				cp := *e
				cp.Lang, cp.Translations = l.site.Language, nil
				t = &cp
			}
			out := *t
			out.Series = make(map[string]*model.Series, len(e.Series))
			for id, s := range e.Series {
				c := *s
				if k := tr.KPIByID[id]; k != nil {
					c.KPI = k
				}
				if n := t.Series[id]; n != nil {
					c.Notes, c.CountsNotes = n.Notes, n.CountsNotes
				}
				out.Series[id] = &c
			}
			tr.Editions = append(tr.Editions, &out)
		}
	}
}
