package scaffold

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
)

// dates are the old and new edition's months.
type dates struct {
	oldAsAt, asAt model.Month
	from, to      model.Month // the new period
	hasFrom       bool        // the old file wrote from
	hasTo         bool        // the old file wrote to
	oldFrom       model.Month
	delta         int // months moved on
	published     string
	oldPublished  time.Time
	oldPrecision  string
	yearStart     time.Month // the site's first month of a financial year
}

// nextDates works out the new edition's as-at month, period and publication
// from the edition it starts from, as loaded, and the text of its _index.md
// (which says whether from and to were written or left to their defaults).
func nextDates(prev *model.Edition, src string, yearStart time.Month, opts Options) (dates, error) {
	d := dates{yearStart: yearStart}
	front, _, _ := splitFront(prev.Pos.File, src)
	old := prev.AsAt
	d.oldAsAt, d.asAt = old, old+QuarterMonths
	if !opts.AsAt.IsZero() {
		if opts.AsAt <= old {
			return d, fmt.Errorf("the new edition's as-at month %s must come after %s, the as-at month of the edition it starts from", opts.AsAt, old)
		}
		d.asAt = opts.AsAt
	}
	d.delta = int(d.asAt - old)
	d.to = d.asAt
	if hasKey(front, "to") {
		d.hasTo, d.to = true, prev.To+model.Month(d.delta)
	}
	d.from = d.to - 11
	if hasKey(front, "from") {
		d.hasFrom, d.oldFrom, d.from = true, prev.From, prev.From+model.Month(d.delta)
	}
	d.oldPublished, d.oldPrecision = prev.Published, prev.PublishedPrecision
	switch {
	case monthID.MatchString(opts.ID):
		d.published = opts.ID
	case !d.oldPublished.IsZero():
		m := model.MonthOf(d.oldPublished.Year(), d.oldPublished.Month()) + model.Month(d.delta)
		d.published = m.String()
	default:
		d.published = (d.asAt + 2).String()
	}
	return d, nil
}

// hasKey reports whether a TOML document sets a top-level key (before its
// first table).
func hasKey(doc, key string) bool {
	re := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(key) + `\s*=`)
	for _, l := range strings.Split(doc, "\n") {
		if tableHeader.MatchString(l) {
			return false
		}
		if re.MatchString(l) {
			return true
		}
	}
	return false
}

// editionIndex makes the new _index.md: dates moved on, marked draft, the
// summary and introduction left as prompts.
func editionIndex(file, src string, prev *model.Edition, d dates) (string, error) {
	front, body, _ := splitFront(file, src)
	from := prev.ID
	title := prev.Title
	if !d.oldPublished.IsZero() {
		oldMonth := model.MonthOf(d.oldPublished.Year(), d.oldPublished.Month())
		newMonth, _ := model.ParseMonth(d.published)
		if !newMonth.IsZero() {
			title = strings.ReplaceAll(title, oldMonth.Long(), newMonth.Long())
		}
	}
	set := []keyValue{
		{"title", quote(title)},
		{"published", quote(d.published)},
		{"as_at", quote(d.asAt.String())},
	}
	if d.hasFrom {
		set = append(set, keyValue{"from", quote(d.from.String())})
	}
	if d.hasTo {
		set = append(set, keyValue{"to", quote(d.to.String())})
	}
	set = append(set,
		keyValue{"summary", quote(load.FrontPrompt(fmt.Sprintf("Write one line on progress to %s: it is shown in the list of reports and in search results.", d.asAt.Long())))},
		keyValue{"draft", "true"},
	)
	out := setKeys(front, set)
	note := fmt.Sprintf("# Started by planpress new edition from %s. It stays a draft (left out of\n# planpress build unless -drafts) until you set draft = false.\n", from)
	out = note + out
	return joinFront(out, promptify(body, d)), nil
}

type keyValue struct{ key, value string }

var tableHeader = regexp.MustCompile(`^\s*\[`)

// setKeys replaces top-level keys of a TOML document line by line, keeping
// its comments and layout, and adds keys it does not have before the first
// table.
func setKeys(doc string, set []keyValue) string {
	lines := strings.Split(strings.TrimSuffix(doc, "\n"), "\n")
	end := len(lines)
	for i, l := range lines {
		if tableHeader.MatchString(l) {
			end = i
			break
		}
	}
	top, rest := lines[:end], lines[end:]
	for _, kv := range set {
		re := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(kv.key) + `\s*=`)
		found := false
		for i := 0; i < len(top); i++ {
			if !re.MatchString(top[i]) {
				continue
			}
			drop := continuationLines(top[i:])
			top = append(top[:i+1], top[i+1+drop:]...)
			top[i] = kv.key + " = " + kv.value
			found = true
			break
		}
		if !found {
			at := len(top)
			for at > 0 && strings.TrimSpace(top[at-1]) == "" {
				at--
			}
			top = append(top[:at], append([]string{kv.key + " = " + kv.value}, top[at:]...)...)
		}
	}
	return strings.Join(append(top, rest...), "\n") + "\n"
}

// continuationLines counts the lines after lines[0] that belong to its value:
// a multi-line string or array.
func continuationLines(lines []string) int {
	first := lines[0]
	v := strings.TrimSpace(first[strings.Index(first, "=")+1:])
	for _, q := range []string{`"""`, `'''`} {
		if strings.HasPrefix(v, q) && strings.Count(v, q) == 1 {
			for i := 1; i < len(lines); i++ {
				if strings.Contains(lines[i], q) {
					return i
				}
			}
		}
	}
	if strings.HasPrefix(v, "[") && strings.Count(v, "[") > strings.Count(v, "]") {
		depth := strings.Count(v, "[") - strings.Count(v, "]")
		for i := 1; i < len(lines); i++ {
			depth += strings.Count(lines[i], "[") - strings.Count(lines[i], "]")
			if depth <= 0 {
				return i
			}
		}
	}
	return 0
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// priorityFile keeps a priority's plan (front matter) and turns its
// narrative into prompts.
func priorityFile(src string, d dates) string {
	front, body, ok := splitFront("", src)
	if !ok {
		return promptify(src, d)
	}
	return joinFront(front, promptify(body, d))
}
