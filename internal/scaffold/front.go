package scaffold

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

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

// editionFront is what the scaffold reads of an edition's front matter.
type editionFront struct {
	Title     string `toml:"title"`
	Published any    `toml:"published"`
	AsAt      string `toml:"as_at"`
	From      string `toml:"from"`
	To        string `toml:"to"`
	Draft     bool   `toml:"draft"`
	Summary   string `toml:"summary"`
}

// nextDates works out the new edition's as-at month, period and publication.
func nextDates(file, src string, opts Options) (dates, error) {
	var d dates
	front, _, ok := splitFront(src)
	if !ok {
		return d, fmt.Errorf("%s: the edition has no front matter between +++ lines", file)
	}
	var fm editionFront
	if _, err := toml.Decode(front, &fm); err != nil {
		return d, fmt.Errorf("%s: the front matter does not parse (run planpress check): %v", file, err)
	}
	old, err := model.ParseMonth(fm.AsAt)
	if err != nil {
		return d, fmt.Errorf("%s: as_at: %v", file, err)
	}
	d.oldAsAt, d.asAt = old, old+QuarterMonths
	if !opts.AsAt.IsZero() {
		if opts.AsAt <= old {
			return d, fmt.Errorf("the new edition's as-at month %s must come after %s, the as-at month of the edition it starts from", opts.AsAt, old)
		}
		d.asAt = opts.AsAt
	}
	d.delta = int(d.asAt - old)
	d.to = d.asAt
	if fm.To != "" {
		to, err := model.ParseMonth(fm.To)
		if err != nil {
			return d, fmt.Errorf("%s: to: %v", file, err)
		}
		d.hasTo, d.to = true, to+model.Month(d.delta)
	}
	d.from = d.to - 11
	if fm.From != "" {
		from, err := model.ParseMonth(fm.From)
		if err != nil {
			return d, fmt.Errorf("%s: from: %v", file, err)
		}
		d.hasFrom, d.oldFrom, d.from = true, from, from+model.Month(d.delta)
	}
	d.oldPublished, d.oldPrecision = publishedOf(fm.Published)
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

// publishedOf reads a published value: a TOML date or a "YYYY-MM(-DD)" string.
func publishedOf(v any) (time.Time, string) {
	switch x := v.(type) {
	case time.Time:
		return x, "day"
	case string:
		if t, err := time.Parse("2006-01-02", x); err == nil {
			return t, "day"
		}
		if t, err := time.Parse("2006-01", x); err == nil {
			return t, "month"
		}
	}
	return time.Time{}, ""
}

// editionIndex makes the new _index.md: dates moved on, marked draft, the
// summary and introduction left as prompts.
func editionIndex(file, src, from string, d dates) (string, error) {
	front, body, _ := splitFront(src)
	var fm editionFront
	if _, err := toml.Decode(front, &fm); err != nil {
		return "", fmt.Errorf("%s: %v", file, err)
	}
	title := fm.Title
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
		keyValue{"summary", quote(fmt.Sprintf("Write one line on progress to %s: it is shown in the list of reports and in search results.", d.asAt.Long()))},
		keyValue{"draft", "true"},
	)
	out := setKeys(front, set)
	note := fmt.Sprintf("# Started by planpress new edition from %s. It stays a draft (left out of\n# planpress build unless -drafts) until you set draft = false.\n", from)
	out = note + out

	var check editionFront
	if _, err := toml.Decode(out, &check); err != nil || check.AsAt != d.asAt.String() || !check.Draft || check.Published != any(d.published) {
		return "", fmt.Errorf("%s: cannot update the front matter safely (is a value written over several lines?); copy the edition by hand", file)
	}
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
	front, body, ok := splitFront(src)
	if !ok {
		return promptify(src, d)
	}
	return joinFront(front, promptify(body, d))
}
