package importer

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/planpress/planpress/internal/model"
)

// figuresEdit is one month to write into a KPI's table of a figures file.
type figuresEdit struct {
	kpi   string
	month model.Month
	value string // the TOML value: 29.7, "64/282", "down", { value = 22.7, numerator = 64, denominator = 282 }
}

// newTable is the comment that goes above the table of a KPI the file has
// no table for yet (its report label, as the example site writes them).
type newTable struct {
	kpi, comment string
}

// kpiTable is where a KPI's [id] table is in a figures file.
type kpiTable struct {
	header  int
	lastKey int // the table's last key/value line, or its header
	months  map[model.Month]int
	// toAdd is the line of the "# To add: ..." note planpress new edition
	// leaves in the table, or -1; it names the months from toAddFrom to toAddTo.
	toAdd              int
	toAddFrom, toAddTo model.Month
}

// figuresFile is a figures file read line by line, for editing in place.
type figuresFile struct {
	name   string // relative to the site folder, for messages
	lines  []tomlLine
	eol    string
	tables map[string]*kpiTable
	// awkward holds each month written in a way that cannot be edited as
	// one line (as a table of its own, or with dotted keys), with its line.
	awkward map[entryKey]int
	// elsewhere holds each KPI whose figures are not (only) in an [id]
	// table, with the line they are on.
	elsewhere map[string]int
}

// toAddNote is the note planpress new edition writes under each KPI.
var toAddNote = regexp.MustCompile(`^\s*# To add: (?:figures for ([0-9]{4}-[0-9]{2}) to ([0-9]{4}-[0-9]{2})|the figure for ([0-9]{4}-[0-9]{2}))\.\s*$`)

// readFiguresFile indexes a figures file's KPI tables and month lines.
func readFiguresFile(name, src string) *figuresFile {
	ff := &figuresFile{name: name, eol: "\n", tables: map[string]*kpiTable{}, awkward: map[entryKey]int{}, elsewhere: map[string]int{}}
	if strings.Contains(src, "\r\n") {
		ff.eol = "\r\n"
	}
	ff.lines = scanTOML(src)
	var cur *kpiTable
	inRoot := true
	for i, l := range ff.lines {
		switch l.kind {
		case lineTable:
			cur, inRoot = nil, false
			if len(l.path) == 1 {
				cur = &kpiTable{header: i, lastKey: i, months: map[model.Month]int{}, toAdd: -1}
				ff.tables[l.path[0]] = cur
			} else if m, ok := exactMonth(l.path[1]); ok {
				ff.awkward[entryKey{l.path[0], m}] = i
			}
		case lineArrayTable, lineUnreadable:
			cur, inRoot = nil, false
		case lineKeyValue:
			switch {
			case inRoot:
				ff.elsewhere[l.path[0]] = i
			case cur == nil:
			case len(l.path) == 1:
				cur.lastKey = i
				if m, ok := exactMonth(l.path[0]); ok {
					if l.multiline {
						ff.awkward[entryKey{ff.lines[cur.header].path[0], m}] = i
					} else {
						cur.months[m] = i
					}
				}
			default:
				cur.lastKey = i
				if m, ok := exactMonth(l.path[0]); ok {
					ff.awkward[entryKey{ff.lines[cur.header].path[0], m}] = i
				}
			}
		case lineOther:
			if cur == nil {
				continue
			}
			if m := toAddNote.FindStringSubmatch(l.text); m != nil {
				from, to := m[1], m[2]
				if m[3] != "" {
					from, to = m[3], m[3]
				}
				a, errA := model.ParseMonth(from)
				b, errB := model.ParseMonth(to)
				if errA == nil && errB == nil {
					cur.toAdd, cur.toAddFrom, cur.toAddTo = i, a, b
				}
			}
		}
	}
	return ff
}

// exactMonth reads a key that is a month written as YYYY-MM.
func exactMonth(key string) (model.Month, bool) {
	m, err := model.ParseMonth(key)
	if err != nil || m.String() != key {
		return 0, false
	}
	return m, true
}

// EditError is a figures file that cannot be edited safely as it is written.
type EditError struct {
	File    string
	Line    int
	Message string
	Fix     string
}

func (e *EditError) Error() string {
	return fmt.Sprintf("%s:%d: error: %s; %s", e.File, e.Line, e.Message, e.Fix)
}

// check reports a month or KPI the edits would need to change but that is
// written in a way the editor does not change in place.
func (ff *figuresFile) check(edits []figuresEdit) error {
	for _, e := range edits {
		if line, ok := ff.awkward[entryKey{e.kpi, e.month}]; ok {
			return &EditError{ff.name, line + 1,
				fmt.Sprintf("KPI %q, %s is not written on one line, so planpress import cannot change it in place", e.kpi, e.month.Long()),
				fmt.Sprintf(`write it on one line, such as "%s" = 32.4 or "%s" = { value = 22.7, numerator = 64, denominator = 282 }, and import again`, e.month, e.month)}
		}
		if line, ok := ff.elsewhere[e.kpi]; ok {
			return &EditError{ff.name, line + 1,
				fmt.Sprintf("the figures of KPI %q are written outside a [%s] table, so planpress import cannot change them in place", e.kpi, e.kpi),
				fmt.Sprintf(`write them under [%s], one month a line, as docs/format.md shows, and import again`, e.kpi)}
		}
	}
	return nil
}

// apply writes the edits into the file's text: a month already in its KPI's
// table has its value replaced on its own line (the key, the spacing and a
// comment after the value stay); a new month goes in month order among the
// table's months; a KPI with no table gets one at the end of the file. The
// "# To add" notes of the KPIs in done are removed. Everything else stays as
// it was, byte for byte.
func (ff *figuresFile) apply(edits []figuresEdit, tables []newTable, done map[string]bool) string {
	replace := map[int]string{}
	before := map[int][]string{}
	after := map[int][]string{}
	drop := map[int]bool{}
	added := map[string][]figuresEdit{}
	var newKPIs []string // KPIs with no table yet, in the order of the edits
	for _, e := range edits {
		t := ff.tables[e.kpi]
		if t == nil {
			if added[e.kpi] == nil {
				newKPIs = append(newKPIs, e.kpi)
			}
			added[e.kpi] = append(added[e.kpi], e)
			continue
		}
		if line, ok := t.months[e.month]; ok {
			l := ff.lines[line]
			replace[line] = l.text[:l.valueStart] + e.value + l.text[l.valueEnd:]
			continue
		}
		anchor, below, indent := ff.anchor(t, e.month)
		text := fmt.Sprintf(`%s"%s" = %s`, indent, e.month, e.value)
		if below {
			after[anchor] = append(after[anchor], text)
		} else {
			before[anchor] = append(before[anchor], text)
		}
	}
	for id := range done {
		if t := ff.tables[id]; t != nil && t.toAdd >= 0 {
			drop[t.toAdd] = true
		}
	}
	var b strings.Builder
	last := len(ff.lines) - 1
	empty := true
	put := func(text, eol string) {
		b.WriteString(text)
		b.WriteString(eol)
		empty = strings.TrimSpace(text) == ""
	}
	for i, l := range ff.lines {
		if i == last && l.text == "" {
			break // after the file's final line ending
		}
		eol := "\n"
		if l.cr {
			eol = "\r\n"
		}
		if i == last {
			eol = ff.eol // the file did not end with a line ending; now it does
		}
		for _, t := range before[i] {
			put(t, ff.eol)
		}
		switch {
		case drop[i]:
		case replace[i] != "":
			put(replace[i], eol)
		default:
			put(l.text, eol)
		}
		for _, t := range after[i] {
			put(t, ff.eol)
		}
	}
	comments := map[string]string{}
	for _, t := range tables {
		comments[t.kpi] = t.comment
	}
	for _, id := range newKPIs {
		if b.Len() > 0 && !empty {
			put("", ff.eol)
		}
		if c := comments[id]; c != "" {
			put("# "+c, ff.eol)
		}
		put("["+tomlKey(id)+"]", ff.eol)
		for _, e := range added[id] {
			put(fmt.Sprintf(`"%s" = %s`, e.month, e.value), ff.eol)
		}
	}
	return b.String()
}

// anchor finds where a new month goes in a table: after the latest month
// before it, else before the earliest month after it, else after the
// table's last key. It returns the line, whether the month goes below it,
// and the indentation of the table's month lines.
func (ff *figuresFile) anchor(t *kpiTable, m model.Month) (line int, below bool, indent string) {
	var months []model.Month
	for mo := range t.months {
		months = append(months, mo)
	}
	sort.Slice(months, func(i, j int) bool { return months[i] < months[j] })
	line, below = t.lastKey, true
	if len(months) > 0 {
		l := ff.lines[t.months[months[0]]].text
		indent = l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		line, below = t.months[months[0]], false
		for _, mo := range months {
			if mo < m {
				line, below = t.months[mo], true
			}
		}
	}
	return line, below, indent
}

// tomlKey writes a table name, quoted when it is not a bare key.
func tomlKey(k string) string {
	for i := 0; i < len(k); i++ {
		if !isBareKeyChar(k[i]) {
			return tomlString(k)
		}
	}
	return k
}

// tomlString writes a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlFigure writes a figure as the value of its month's key, in the forms
// docs/format.md gives: 29.7, "64/282", "down", or an inline table when it
// has both a value and counts, or keeps a note.
func tomlFigure(f figure, k *model.KPI, note string) string {
	var parts []string
	if f.hasValue {
		parts = append(parts, "value = "+formatFixed(f.value, k.Decimals))
	}
	if f.hasRatio {
		parts = append(parts, fmt.Sprintf("numerator = %d, denominator = %d", f.num, f.den))
	}
	if f.dir != model.DirNone {
		parts = append(parts, "direction = "+tomlString(f.dir.String()))
	}
	if len(parts) == 1 && note == "" {
		switch {
		case f.hasValue:
			return formatFixed(f.value, k.Decimals)
		case f.hasRatio:
			return fmt.Sprintf(`"%d/%d"`, f.num, f.den)
		default:
			return tomlString(f.dir.String())
		}
	}
	if note != "" {
		parts = append(parts, "note = "+tomlString(note))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// verifyEdit decodes the file before and after an edit and checks that the
// only difference is the months written, each with the value intended: a
// guard against an edit that would lose or change anything else.
func verifyEdit(before, after string, edits []figuresEdit) error {
	var old, got map[string]any
	if _, err := toml.Decode(before, &old); err != nil {
		return fmt.Errorf("the file does not parse as it is: %v", err)
	}
	if _, err := toml.Decode(after, &got); err != nil {
		return fmt.Errorf("the edited file would not parse: %v", err)
	}
	if old == nil {
		old = map[string]any{}
	}
	for _, e := range edits {
		var v map[string]any
		if _, err := toml.Decode("v = "+e.value, &v); err != nil {
			return fmt.Errorf("the value written for %s, %s would not parse: %v", e.kpi, e.month, err)
		}
		t, _ := old[e.kpi].(map[string]any)
		if t == nil {
			if _, exists := old[e.kpi]; exists {
				return fmt.Errorf("%s is not a table", e.kpi)
			}
			t = map[string]any{}
			old[e.kpi] = t
		}
		t[e.month.String()] = v["v"]
	}
	if !reflect.DeepEqual(numbersAsFloats(old), numbersAsFloats(got)) {
		return fmt.Errorf("the edited file would differ from the original in more than the months imported")
	}
	return nil
}

// numbersAsFloats makes 30 and 30.0 compare equal.
func numbersAsFloats(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = numbersAsFloats(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = numbersAsFloats(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = numbersAsFloats(e)
		}
		return out
	case int64:
		return float64(x)
	}
	return v
}

// notesDone returns the KPIs the edits add months to whose "# To add" note
// is now done: every month it names has a figure, in the file already (has)
// or added.
func (ff *figuresFile) notesDone(edits []figuresEdit, has func(kpi string, m model.Month) bool) map[string]bool {
	adding := map[entryKey]bool{}
	for _, e := range edits {
		adding[entryKey{e.kpi, e.month}] = true
	}
	done := map[string]bool{}
	for _, e := range edits {
		t := ff.tables[e.kpi]
		if t == nil || t.toAdd < 0 || done[e.kpi] {
			continue
		}
		all := true
		for m := t.toAddFrom; m <= t.toAddTo; m++ {
			if !adding[entryKey{e.kpi, m}] && !has(e.kpi, m) {
				all = false
				break
			}
		}
		if all {
			done[e.kpi] = true
		}
	}
	return done
}
