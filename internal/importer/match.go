package importer

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// matcher finds the KPI a row names: by id, title, short title or report
// label, ignoring case, spaces and a trailing "*" (the report's proxy mark).
type matcher struct {
	kpis   []*model.KPI
	byName map[string][]*model.KPI // more than one KPI: the name is ambiguous
	counts map[string]*model.KPI   // a KPI's count title
	names  []string                // every name, as written, for suggestions
	owner  map[string]*model.KPI   // name as written -> its KPI
}

// genericCounts are the labels of a counts row that does not name its KPI.
var genericCounts = map[string]bool{
	"numerator/denominator": true, "numerator/denominators": true, "numeratoranddenominator": true,
	"numerator&denominator": true, "num/den": true, "n/d": true, "counts": true, "count": true,
	"numbers": true, "number": true,
}

func newMatcher(kpis []*model.KPI) *matcher {
	m := &matcher{kpis: kpis, byName: map[string][]*model.KPI{}, counts: map[string]*model.KPI{}, owner: map[string]*model.KPI{}}
	for _, k := range kpis {
		seen := map[string]bool{}
		for _, name := range []string{k.ID, k.Title, k.ShortTitle, k.ReportLabel} {
			n := normalise(name)
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			m.byName[n] = append(m.byName[n], k)
			m.names = append(m.names, name)
			m.owner[name] = k
		}
		if n := normalise(k.CountTitle); n != "" {
			m.counts[n] = k
		}
	}
	return m
}

// normalise folds a label for matching: lower case, no spaces, no trailing
// "*", one kind of dash and quote.
func normalise(s string) string {
	s = strings.TrimSpace(s)
	for strings.HasSuffix(s, "*") {
		s = strings.TrimSpace(strings.TrimSuffix(s, "*"))
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsSpace(r):
			continue
		case r == '–' || r == '—' || r == '‐' || r == '−':
			r = '-'
		case r == '‘' || r == '’':
			r = '\''
		case r == '“' || r == '”':
			r = '"'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// kpi returns the KPI a label names; ambiguous lists the KPIs when it names
// more than one.
func (m *matcher) kpi(label string) (k *model.KPI, ambiguous []*model.KPI) {
	found := m.byName[normalise(label)]
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
		return found[0], nil
	}
	return nil, found
}

// countsOf reports whether a label names a counts row: a KPI's count title
// (that KPI is returned) or a generic label such as "Numerator/denominator".
func (m *matcher) countsOf(label string) (k *model.KPI, ok bool) {
	n := normalise(label)
	if k := m.counts[n]; k != nil {
		return k, true
	}
	return nil, genericCounts[n]
}

// unknownFix says what to write for a label that names no KPI.
func (m *matcher) unknownFix(label string) string {
	if s := diag.Suggest(strings.TrimSpace(label), m.names); s != "" {
		if k := m.owner[s]; k != nil && k.ID != s {
			return fmt.Sprintf("did you mean %q (KPI %q)?", s, k.ID)
		}
		return fmt.Sprintf("did you mean %q?", s)
	}
	ids := make([]string, len(m.kpis))
	for i, k := range m.kpis {
		ids[i] = k.ID
	}
	return fmt.Sprintf("write the KPI's id, title, short title or report label as data/kpis.toml gives it (the ids are %s), or delete the row", strings.Join(ids, ", "))
}

// ids lists KPIs' ids for a message.
func ids(ks []*model.KPI) string {
	var out []string
	for _, k := range ks {
		out = append(out, fmt.Sprintf("%q", k.ID))
	}
	return strings.Join(out, " and ")
}
