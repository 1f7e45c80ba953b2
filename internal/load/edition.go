package load

import (
	"fmt"
	"math"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/tomlpos"
)

var (
	editionID  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	refPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]+)+[a-z]?$`)
)

// ValidID reports whether a name can be an edition's id (its folder name and
// permanent address) or a page's: lower-case letters, digits and hyphens,
// starting with a letter or digit.
func ValidID(id string) bool { return editionID.MatchString(id) }

// EditionFolders are where edition id's files live, below the site folder:
// its Markdown (content/editions/ID) and its figures (data/editions/ID).
func EditionFolders(id string) (content, data string) {
	return path.Join("content/editions", id), path.Join("data/editions", id)
}

// FiguresFile is the file that holds edition id's figures.
func FiguresFile(id string) string { return figuresFile(id) }

// loadEdition reads content/editions/ID/ and data/editions/ID/kpis.toml.
func loadEdition(l *loader, id string) *model.Edition {
	dir := path.Join("content/editions", id)
	e := &model.Edition{ID: id, Series: map[string]*model.Series{}}
	indexFile := path.Join(dir, "_index.md")
	e.Pos = model.Pos{File: indexFile, Line: 1}
	if !editionID.MatchString(id) {
		l.diags.Errorf(dir, 0, fmt.Sprintf("rename the folder to something like %q (lower case, digits and hyphens): it becomes the edition's permanent address", Slug(id)), "edition folder name %q cannot be used in an address", id)
	}
	src, ok := l.read(indexFile, true)
	if ok {
		readEditionFront(l, e, indexFile, src)
	}
	entries := l.list(dir)
	byNumber := map[int]*model.Priority{}
	var unnumbered []frontless
	for _, name := range entries {
		if _, _, translated := TranslationOf(l.site, name); name == "_index.md" || !strings.HasSuffix(name, ".md") || translated {
			continue
		}
		file := path.Join(dir, name)
		src, ok := l.read(file, true)
		if !ok {
			continue
		}
		p, noFront := readPriority(l, e, file, strings.TrimSuffix(name, ".md"), src)
		if noFront {
			unnumbered = append(unnumbered, frontless{file, empty(src)})
			continue
		}
		if p == nil {
			continue
		}
		if other, dup := byNumber[p.Number]; dup {
			l.diags.Errorf(file, p.Pos.Line, fmt.Sprintf("give each priority its own number (%s already uses %d)", other.Pos.File, p.Number), "priority number %d is used twice in edition %s", p.Number, id)
			continue
		}
		byNumber[p.Number] = p
		e.Priorities = append(e.Priorities, p)
	}
	sort.Slice(e.Priorities, func(i, j int) bool { return e.Priorities[i].Number < e.Priorities[j].Number })
	reportFrontless(l, e, unnumbered)
	checkMilestoneRefs(l, e)
	loadFigures(l, e)
	translateEdition(l, e, entries)
	for _, p := range e.Priorities {
		for i, id := range p.KPIs {
			if l.kpisOK && l.site.KPI(id) == nil {
				fix := unknownKPIFix(l.site, id)
				if strings.Contains(id, ",") {
					var quoted []string
					for _, part := range strings.Split(id, ",") {
						quoted = append(quoted, fmt.Sprintf("%q", strings.TrimSpace(part)))
					}
					fix = fmt.Sprintf("write the KPI ids as a list, each in its own quotes: kpis = [%s]", strings.Join(quoted, ", "))
				}
				l.diags.Errorf(p.Pos.File, p.KPILines[i], fix, "priority %d lists an unknown KPI %q", p.Number, id)
			}
		}
	}
	return e
}

func unknownKPIFix(site *model.Site, id string) string {
	ids := make([]string, 0, len(site.KPIs))
	for _, k := range site.KPIs {
		ids = append(ids, k.ID)
	}
	if s := diag.Suggest(id, ids); s != "" {
		return fmt.Sprintf("did you mean %q? (KPIs are defined in %s)", s, KPIFile)
	}
	if len(ids) == 0 {
		return fmt.Sprintf("define it in %s with [[kpi]] and id = %q", KPIFile, id)
	}
	return fmt.Sprintf("define it in %s, or use one of: %s", KPIFile, strings.Join(ids, ", "))
}

func readEditionFront(l *loader, e *model.Edition, file, src string) {
	front, body, bodyLine, ok := SplitFrontMatter(file, src, l.diags)
	if !ok {
		return
	}
	e.IntroPos = model.Pos{File: file, Line: bodyLine}
	if !l.skipNarrative {
		e.Intro = strings.Clone(body)
	}
	if front == "" {
		what := "the edition has no front matter"
		if empty(src) {
			what = "the edition's _index.md is empty"
		}
		l.diags.Errorf(file, 1, `start the file with the edition's front matter between two lines of +++, at least: title = "Progress report, August 2019", published = "2019-08" and as_at = "2019-06" (see docs/format.md)`, "%s", what)
		return
	}
	t, _ := parseTOML(file, front, 1, l.diags)
	if t == nil {
		return
	}
	e.Title = t.str("title", true, `"Progress report, May 2019"`)
	e.Published, e.PublishedPrecision = t.date("published", true)
	e.AsAt = t.month("as_at", true)
	e.From = t.month("from", false)
	e.To = t.month("to", false)
	e.Summary = t.str("summary", false, "")
	e.Caveat = t.str("caveat", false, "")
	e.Draft = t.boolean("draft")
	if e.To.IsZero() {
		e.To = e.AsAt
	}
	if e.From.IsZero() && !e.To.IsZero() {
		e.From = e.To - 11
	}
	if !e.From.IsZero() && !e.To.IsZero() && e.To < e.From {
		t.errorf("to", "write a `to` month on or after `from`", "the edition's period ends (%s) before it starts (%s)", e.To, e.From)
	}
	if !e.AsAt.IsZero() && !e.To.IsZero() && e.To > e.AsAt {
		t.errorf("to", fmt.Sprintf("write to = %q or earlier: figures cannot run past the as-at month", e.AsAt), "the period runs to %s, after the as-at month %s", e.To, e.AsAt)
	}
	if s := t.sub("signatory"); s != nil {
		e.Signatory = model.Person{Name: s.str("name", true, `"Alison Botham"`), Role: s.str("role", false, "")}
		s.done()
	}
	checkPublished(t, e, l.now)
	checkFrontPrompts(t, e.Draft)
	checkNarrativePrompts(l.diags, e.Draft, e.IntroPos, body)
	t.done()
}

// readPriority reads a priority file. noFront is true when the file has no
// front matter (or none at all): what to write is reported once the
// edition's other priorities are known (see reportFrontless).
func readPriority(l *loader, e *model.Edition, file, slug, src string) (p *model.Priority, noFront bool) {
	front, body, bodyLine, ok := SplitFrontMatter(file, src, l.diags)
	if !ok {
		return nil, false
	}
	if front == "" {
		return nil, true
	}
	t, _ := parseTOML(file, front, 1, l.diags)
	if t == nil {
		return nil, false
	}
	p = &model.Priority{Slug: slug, BodyPos: model.Pos{File: file, Line: bodyLine}, Pos: model.Pos{File: file, Line: 1}}
	if !l.skipNarrative {
		// A copy, so that the front matter is not kept as long as the site.
		p.Body = strings.Clone(body)
	}
	if !editionID.MatchString(slug) {
		l.diags.Errorf(file, 0, fmt.Sprintf("rename the file to something like %q", Slug(slug)+".md"), "file name %q cannot be used in an address", slug+".md")
	}
	n, _ := t.integer("number", true, "1")
	p.Number = n
	// A priority is known by its number, so problems with the priority as a
	// whole (a number used twice) are reported where the number is written.
	p.Pos.Line = t.line("number")
	p.Label = t.str("label", false, "")
	p.Title = t.str("title", true, `"Strategy discussions"`)
	p.Commitment = t.str("commitment", false, "")
	p.KPIs = t.strs("kpis")
	for i := range p.KPIs {
		line := t.doc.index.Line(tomlpos.Elem("kpis", i))
		if line > 0 {
			line += t.doc.offset
		} else {
			line = t.line("kpis") // kpis = "one-id", not a list
		}
		p.KPILines = append(p.KPILines, line)
	}
	seenKPI := map[string]bool{}
	for i, id := range p.KPIs {
		if seenKPI[id] {
			l.diags.Errorf(file, p.KPILines[i], "list each KPI once", "KPI %q is listed twice", id)
		}
		seenKPI[id] = true
	}
	for _, m := range t.list("milestones") {
		p.Milestones = append(p.Milestones, readMilestone(l, e, m))
	}
	for _, c := range t.list("charts") {
		ch := &model.AuthorChart{
			ID:         c.str("id", true, `"audit-headlines"`),
			Title:      c.str("title", true, `"Audit headlines"`),
			Kind:       c.str("kind", false, `"bar"`),
			Unit:       c.str("unit", false, ""),
			Categories: c.strs("categories"),
			Note:       c.str("note", false, ""),
			Unchanged:  c.boolean("unchanged"),
			Pos:        c.pos(""),
		}
		if ch.Kind == "" {
			ch.Kind = "bar"
		}
		if ch.Kind != "bar" {
			c.errorf("kind", `write kind = "bar"`, "chart kind %q is not supported", ch.Kind)
		}
		valuesOK := true
		if v, ok := c.get("values", true, "[548, 40]"); ok {
			arr, isArr := v.([]any)
			for _, x := range arr {
				f, isNum := asFloat(x)
				if !isNum {
					isArr = false
					break
				}
				if !finite(f) {
					c.errorf("values", "write each value as a number, such as values = [548, 40, 84]", "chart %q has a value that is %s, which no report can show", ch.ID, describe(x))
					valuesOK = false
					break
				}
				ch.Values = append(ch.Values, f)
			}
			if !isArr {
				c.errorf("values", "write values = [548, 40, 84] (numbers, no quotes)", "chart values must be a list of numbers")
			}
		}
		if valuesOK && len(ch.Values) != len(ch.Categories) {
			c.errorf("values", "give one value for each category", "chart %q has %d categories but %d values", ch.ID, len(ch.Categories), len(ch.Values))
		}
		c.done()
		p.Charts = append(p.Charts, ch)
	}
	checkFrontPrompts(t, e.Draft)
	checkNarrativePrompts(l.diags, e.Draft, p.BodyPos, body)
	t.done()
	return p, false
}

// frontless is a priority file with no front matter.
type frontless struct {
	file  string
	empty bool // nothing at all in it
}

// reportFrontless reports each priority file with no front matter, or
// empty, at its first line, suggesting the next number no priority of the
// edition uses (a number in use would be a second error).
func reportFrontless(l *loader, e *model.Edition, files []frontless) {
	next := 1
	for _, p := range e.Priorities {
		next = max(next, p.Number+1)
	}
	for _, f := range files {
		what := "the priority has no front matter"
		if f.empty {
			what = "the priority file is empty"
		}
		l.diags.Errorf(f.file, 1, fmt.Sprintf(`start it with the priority's front matter between two lines of +++: number = %d (the next number no priority of edition %s uses), title = "..." and its [[milestones]] (see docs/format.md); or delete the file if it is not a priority`, next, e.ID), "%s", what)
		next++
	}
}

// empty reports whether a file holds nothing but blank lines.
func empty(src string) bool {
	return strings.TrimSpace(strings.TrimPrefix(src, "\ufeff")) == ""
}

func readMilestone(l *loader, e *model.Edition, m *table) *model.Milestone {
	ms := &model.Milestone{
		Ref:       m.str("ref", true, `"1.1"`),
		Text:      m.str("milestone", true, `"What will be done"`),
		Impact:    m.strs("impact"),
		QA:        m.strs("qa"),
		Commenced: m.month("commenced", false),
		Launch:    m.month("launch", false),
		Due:       m.month("due", false),
		Date:      m.month("date", false),
		Updates:   m.months("updates"),
		Timing:    m.str("timing", false, ""),
		Status:    m.str("status", true, `"ON TRACK"`),
		Pos:       m.pos("ref"),
	}
	if ms.Ref != "" && !refPattern.MatchString(ms.Ref) {
		m.errorf("ref", `write the ref as the priority number, a dot and the milestone number, such as ref = "1.1"`, "milestone ref %q is not of the form 1.1", ms.Ref)
	}
	if ms.Status != "" && l.settingsOK && l.site.Status(ms.Status) == nil {
		names := make([]string, 0, len(l.site.Statuses))
		for _, s := range l.site.Statuses {
			names = append(names, fmt.Sprintf("%q", s.Name))
		}
		fix := "write one of: " + strings.Join(names, ", ")
		plain := make([]string, 0, len(l.site.Statuses))
		for _, s := range l.site.Statuses {
			plain = append(plain, s.Name)
			if strings.EqualFold(s.Name, ms.Status) {
				fix = fmt.Sprintf("did you mean %q? (allowed: %s)", s.Name, strings.Join(names, ", "))
			}
		}
		if !strings.HasPrefix(fix, "did") {
			if s := diag.Suggest(ms.Status, plain); s != "" {
				fix = fmt.Sprintf("did you mean %q? (allowed: %s)", s, strings.Join(names, ", "))
			}
		}
		m.errorf("status", fix, "unknown milestone status %q", ms.Status)
	}
	m.done()
	return ms
}

func checkMilestoneRefs(l *loader, e *model.Edition) {
	seen := map[string]*model.Milestone{}
	for _, p := range e.Priorities {
		for _, m := range p.Milestones {
			if m.Ref == "" {
				continue
			}
			if prev, dup := seen[m.Ref]; dup {
				l.diags.Errorf(m.Pos.File, m.Pos.Line, fmt.Sprintf("give each milestone its own ref (the first %s is at %s:%d)", m.Ref, prev.Pos.File, prev.Pos.Line), "duplicate milestone ref %q", m.Ref)
				continue
			}
			seen[m.Ref] = m
		}
	}
}

// figuresFile is the file that holds edition id's figures.
func figuresFile(id string) string { return path.Join("data/editions", id, "kpis.toml") }

// loadFigures reads data/editions/ID/kpis.toml: one table per KPI, one key per month.
func loadFigures(l *loader, e *model.Edition) {
	file := figuresFile(e.ID)
	src, ok := l.read(file, false)
	if !ok {
		return
	}
	if empty(src) {
		l.diags.Errorf(file, 1, "write the edition's figures in it, one [kpi-id] table per KPI with a line a month (see docs/format.md), or delete the file if the edition publishes none", "the figures file is empty")
		return
	}
	t, _ := parseTOML(file, src, 0, l.diags)
	if t == nil {
		return
	}
	for _, id := range t.keys() {
		kpi := l.site.KPI(id)
		sub := t.sub(id)
		if sub == nil {
			continue
		}
		if kpi == nil {
			if l.kpisOK {
				t.errorf(id, unknownKPIFix(l.site, id), "figures for an unknown KPI %q", id)
			}
			continue
		}
		keys := sub.keys()
		s := &model.Series{KPI: kpi, Pos: t.pos(id), Figures: make([]model.Figure, 0, len(keys))}
		for _, key := range keys {
			switch key {
			case "target":
				if v, ok := sub.number("target", false, "25"); ok {
					s.Target = &v
					checkRange(sub, key, kpi, v)
				}
				continue
			case "monitor_only":
				b := sub.boolean("monitor_only")
				s.MonitorOnly = &b
				continue
			}
			sub.asked[key] = true
			m, err := model.ParseMonth(key)
			if err != nil {
				fix := `name the month in quotes as YYYY-MM, such as "2019-03" = 32.4`
				if s := diag.Suggest(key, []string{"target", "monitor_only"}); s != "" {
					fix = fmt.Sprintf("did you mean %q?", s)
				}
				sub.errorf(key, fix, "%q is not a month (KPI %q)", key, id)
				continue
			}
			if key != m.String() {
				// " 2019-03" would be a second figure for March 2019 beside "2019-03".
				sub.errorf(key, fmt.Sprintf("write the month as %q, without spaces", m.String()), "month %q has spaces around it (KPI %q)", key, id)
				continue
			}
			f, notes, ok := readFigure(sub, key, kpi)
			if !ok {
				continue
			}
			if notes.note != "" {
				if s.Notes == nil {
					s.Notes = map[model.Month]string{}
				}
				s.Notes[m] = notes.note
			}
			if notes.counts != "" {
				if s.CountsNotes == nil {
					s.CountsNotes = map[model.Month]string{}
				}
				s.CountsNotes[m] = notes.counts
			}
			f.Month = m
			if !e.AsAt.IsZero() && m > e.AsAt {
				sub.errorf(key, fmt.Sprintf("remove it, or move it to the edition that covers %s", m.Long()), "%s is after the edition's as-at month %s", m.Long(), e.AsAt.Long())
			} else if validPeriod(e) && (m < e.From || m > e.To) {
				sub.errorf(key, fmt.Sprintf("give figures from %s to %s, or change the edition's from/to", e.From, e.To), "%s is outside the edition's period %s to %s", m.Long(), e.From.Long(), e.To.Long())
			}
			s.Figures = append(s.Figures, f)
		}
		sort.Slice(s.Figures, func(i, j int) bool { return s.Figures[i].Month < s.Figures[j].Month })
		e.Series[kpi.ID] = s // the definition's string, not one of the decoder's
		sub.done()
	}
	t.done()
}

// validPeriod reports whether the edition's from and to months were read and
// are in order; when they are not, that is reported once, at the edition, and
// its figures are not checked against the period.
func validPeriod(e *model.Edition) bool {
	return !e.From.IsZero() && !e.To.IsZero() && e.From <= e.To
}

// ratioPattern matches counts written "64/282"; a minus sign is matched so
// that "-7/19" is reported as a negative count, not as words.
var ratioPattern = regexp.MustCompile(`^\s*(-?\s*[0-9]+)\s*/\s*(-?\s*[0-9]+)\s*$`)

// figureNotes are the words an edition publishes with a month's figure: a
// note for readers, and what the author recorded about counts that do not
// give the value.
type figureNotes struct {
	note, counts string
}

// readFigure reads one month: a number, "N/D", a direction word, or an inline table.
func readFigure(t *table, key string, kpi *model.KPI) (f model.Figure, notes figureNotes, ok bool) {
	f.Line = int32(t.pos(key).Line)
	raw := t.m[key]
	fix := fmt.Sprintf(`write "%s" = 32.4, "%s" = "64/282", "%s" = "up" or "%s" = { value = 22.7, numerator = 64, denominator = 282 }`, key, key, key, key)
	countsNoteLine := 0
	switch v := raw.(type) {
	case int64, float64:
		f.HasValue = true
		f.Value, _ = asFloat(v)
		if !finite(f.Value) {
			t.errorf(key, fmt.Sprintf(`write the month's figure as a number, such as "%s" = 32.4; if there is no figure for %s, leave the month out`, key, monthLong(key)),
				"KPI %q, %s: %s is not a figure a report can show", kpi.ID, monthLong(key), describe(v))
			return f, notes, false
		}
	case string:
		if d, ok := parseDirection(v); ok {
			f.Direction = d
		} else if m := ratioPattern.FindStringSubmatch(v); m != nil {
			if !setRatio(t, key, key, kpi, &f, atoi(m[1]), atoi(m[2])) {
				return f, notes, false
			}
		} else {
			t.errorf(key, fix, "%q is not a figure (KPI %q, %s)", v, kpi.ID, key)
			return f, notes, false
		}
	case map[string]any:
		sub := &table{doc: t.doc, path: tomlpos.Join(t.path, key), m: v, asked: map[string]bool{}}
		if x, ok := sub.number("value", false, "22.7"); ok {
			f.HasValue, f.Value = true, x
		}
		num, hasNum := sub.integer("numerator", false, "64")
		den, hasDen := sub.integer("denominator", false, "282")
		if hasNum != hasDen {
			sub.errorf("", "give both numerator and denominator, or neither", "%s of KPI %q has only one of numerator and denominator", key, kpi.ID)
		} else if hasNum && !setRatio(sub, "denominator", key, kpi, &f, num, den) {
			sub.done()
			return f, notes, false
		}
		hasDirection := sub.has("direction")
		if hasDirection {
			w := sub.str("direction", false, `"up"`)
			d, ok := parseDirection(w)
			if !ok {
				sub.errorf("direction", `write direction = "up", "down" or "same"`, "unknown direction %q", w)
			}
			if f.HasValue {
				// A month with a value has its direction worked out from the
				// month before; a second, typed direction could only disagree.
				sub.errorf("direction", fmt.Sprintf(`remove direction = %q: the direction of travel is worked out from the values (if the report published only a direction for %s, remove the value and counts instead)`, w, monthLong(key)),
					"KPI %q, %s gives both a value and a direction", kpi.ID, monthLong(key))
			} else {
				f.Direction = d
			}
		}
		notes.note = sub.str("note", false, "")
		notes.counts = sub.str("counts_note", false, `"The report printed 52.0%; the counts give 51.8%."`)
		countsNoteLine = sub.line("counts_note")
		if !f.HasValue && !f.HasRatio && !hasDirection {
			sub.errorf("", fix, "%s of KPI %q has no value, counts or direction", key, kpi.ID)
		}
		sub.done()
	default:
		t.errorf(key, fix, "%s is not a figure (KPI %q, %s)", describe(raw), kpi.ID, key)
		return f, notes, false
	}
	if f.HasValue {
		checkRange(t, key, kpi, f.Value)
	}
	what := fmt.Sprintf("KPI %q, %s", kpi.ID, monthLong(key))
	if !checkCounts(t.doc, int(f.Line), countsNoteLine, what, kpi, f.HasValue && f.HasRatio && f.Denominator != 0, f.Value, int(f.Numerator), int(f.Denominator), notes.counts) {
		notes.counts = ""
	}
	return f, notes, true
}

// checkCounts compares a value with the counts published beside it (when
// both is true): counts that do not give the value at the KPI's precision
// are a warning, unless the author recorded why with counts_note, in which
// case it is known and not repeated. A counts_note where the counts give
// the value, or with nothing to compare, is reported too, so that a note
// never explains a discrepancy that is not there. It reports whether the
// note stands.
func checkCounts(d *doc, line, noteLine int, what string, kpi *model.KPI, both bool, value float64, num, den int, note string) bool {
	if !both {
		if note != "" {
			d.diags.Errorf(d.file, noteLine, "remove counts_note: it explains a value published with counts that do not give it", "%s: counts_note is given, but there is no value and counts to compare", what)
		}
		return false
	}
	computed := float64(num) / float64(den) * 100
	agrees := round(computed, kpi.Decimals) == round(value, kpi.Decimals)
	switch {
	case !agrees && note == "":
		d.diags.Warnf(d.file, line, fmt.Sprintf("check the source and correct the value or the counts; if they were published like this, keep both and record it: counts_note = \"The report printed %s%%; the counts give %s%%.\"", formatFixed(value, kpi.Decimals), formatFixed(computed, kpi.Decimals)),
			"%s: the published value %s does not match %d/%d = %s", what, formatFixed(value, kpi.Decimals), num, den, formatFixed(computed, kpi.Decimals))
	case agrees && note != "":
		d.diags.Warnf(d.file, noteLine, "remove counts_note: it explains a discrepancy that is no longer there",
			"%s: counts_note says the counts do not give the value, but %d/%d = %s, the value published", what, num, den, formatFixed(computed, kpi.Decimals))
		return false
	}
	return note != ""
}

// setRatio sets a figure's counts, written at key of t, for the month key
// month.
func setRatio(t *table, key, month string, kpi *model.KPI, f *model.Figure, num, den int) bool {
	if !kpi.HasRatio() {
		t.errorf(key, `give the value only, or set unit = "percent" on the KPI`, "KPI %q is not a percentage, so it cannot be given as numerator/denominator", kpi.ID)
		return false
	}
	if num < 0 || den < 0 {
		t.errorf(key, "check the counts with whoever supplied them: each counts people or cases, so it is zero or more", "KPI %q, %s: the counts %d/%d have a negative number", kpi.ID, monthLong(month), num, den)
		return false
	}
	if den == 0 {
		t.errorf(key, "write the number the percentage is out of; if nothing was counted, leave the month out", "the denominator is zero (KPI %q)", kpi.ID)
		return false
	}
	if num > den {
		t.errorf(key, "check the counts: the numerator is part of the denominator", "numerator %d is larger than denominator %d (KPI %q)", num, den, kpi.ID)
		return false
	}
	if den > math.MaxInt32 {
		t.errorf(key, "check the counts: no count of people or cases is that large", "the denominator %d is too large (KPI %q)", den, kpi.ID)
		return false
	}
	f.HasRatio, f.Numerator, f.Denominator = true, int32(num), int32(den)
	if !f.HasValue {
		f.HasValue, f.Value = true, round(float64(num)/float64(den)*100, kpi.Decimals)
	}
	return true
}

func parseDirection(s string) (model.Direction, bool) {
	switch strings.TrimSpace(s) {
	case "up", "▲":
		return model.DirUp, true
	case "down", "▼":
		return model.DirDown, true
	case "same", "►", "=":
		return model.DirSame, true
	}
	return model.DirNone, false
}

// atoi reads a whole number matched by ratioPattern: digits, perhaps after
// a minus sign and spaces. Numbers too large for any count stop growing
// once past 2^40.
func atoi(s string) int {
	n, sign := 0, 1
	for _, c := range s {
		switch {
		case c == '-':
			sign = -1
		case c >= '0' && c <= '9':
			if n <= 1<<40 {
				n = n*10 + int(c-'0')
			}
		}
	}
	return sign * n
}

func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p+math.Copysign(1e-9, v)) / p
}

func formatFixed(v float64, decimals int) string {
	return fmt.Sprintf("%.*f", decimals, round(v, decimals))
}

func monthLong(key string) string {
	m, err := model.ParseMonth(key)
	if err != nil {
		return key
	}
	return m.Long()
}
