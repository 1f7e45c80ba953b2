package charts

import (
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// Summary is what the one-sentence summary of a KPI chart says: the latest
// figure, its target and rating, and how it moved since the figure before.
// It is the chart's aria description and the visible summary beside it.
type Summary struct {
	// Subject names the KPI: "Re-referrals".
	Subject string
	// Verb joins subject and figure: "were", "was". Empty means "stood at",
	// which suits any subject.
	Verb     string
	Month    model.Month
	Value    float64
	Decimals int
	Suffix   string   // "%" or ""
	Target   *float64 // nil when the month has no target
	RAG      model.RAG
	// Direction is the movement from Previous to Month; Polarity turns it
	// into "improving" or "worsening" (or "up", "down" for a KPI with none).
	Direction model.Direction
	Polarity  model.Polarity
	Previous  model.Month // zero: no comparison
}

// Sentence writes a Summary as one sentence, such as "Re-referrals were 32.4%
// in March 2019 against a target of 25%: Red, improving on February." The
// figure is written to its published precision, the target without trailing
// zeros; a previous month in another year is written with its year.
func Sentence(s Summary) string {
	var b strings.Builder
	subject := strings.TrimSpace(s.Subject)
	if subject == "" {
		subject = "The figure"
	}
	verb := s.Verb
	if verb == "" {
		verb = "stood at"
	}
	b.WriteString(subject)
	b.WriteString(" ")
	b.WriteString(verb)
	b.WriteString(" ")
	b.WriteString(formatNumber(s.Value, s.Decimals))
	b.WriteString(s.Suffix)
	if !s.Month.IsZero() {
		b.WriteString(" in ")
		b.WriteString(s.Month.Long())
	}
	if s.Target != nil {
		b.WriteString(" against a target of ")
		b.WriteString(formatTarget(*s.Target, s.Decimals))
		b.WriteString(s.Suffix)
	}
	sep := ", "
	if w := s.RAG.Word(); w != "" {
		b.WriteString(": ")
		b.WriteString(w)
	}
	if phrase := movement(s); phrase != "" {
		b.WriteString(sep)
		b.WriteString(phrase)
	}
	b.WriteString(".")
	return b.String()
}

// movement words the direction of travel: "improving on February".
func movement(s Summary) string {
	if s.Previous.IsZero() {
		return ""
	}
	when := s.Previous.Calendar().String()
	if s.Month.IsZero() || s.Previous.Year() != s.Month.Year() {
		when = s.Previous.Long()
	}
	better := map[model.Polarity]model.Direction{model.PolarityHigher: model.DirUp, model.PolarityLower: model.DirDown}
	switch s.Direction {
	case model.DirSame:
		return "unchanged from " + when
	case model.DirUp, model.DirDown:
		good, ok := better[s.Polarity]
		switch {
		case !ok:
			return s.Direction.String() + " on " + when
		case s.Direction == good:
			return "improving on " + when
		default:
			return "worsening on " + when
		}
	}
	return ""
}

// SummaryOf reads a KPI chart's summary from its points: the latest month with
// a figure, the target that holds for it, its rating, and its movement from
// the month with a figure before it, compared at the published precision.
// It reports false when no point has a figure. Set Verb on the result to
// suit the KPI's title.
func SummaryOf(c KPIChart, p model.Polarity) (Summary, bool) {
	var latest, previous *Point
	for i := range c.Points {
		pt := &c.Points[i]
		if !pt.HasValue {
			continue
		}
		switch {
		case latest == nil || pt.Month > latest.Month:
			previous, latest = latest, pt
		case previous == nil || pt.Month > previous.Month:
			if pt.Month != latest.Month {
				previous = pt
			}
		}
	}
	if latest == nil {
		return Summary{}, false
	}
	s := Summary{
		Subject:  c.Title,
		Month:    latest.Month,
		Value:    latest.Value,
		Decimals: c.Decimals,
		Suffix:   c.Suffix,
		RAG:      latest.RAG,
		Polarity: p,
	}
	for _, t := range c.Targets {
		if t.From <= latest.Month && latest.Month <= t.To {
			s.Target = ptr(t.Value)
		}
	}
	if previous != nil {
		s.Previous = previous.Month
		now, before := round(latest.Value, c.Decimals), round(previous.Value, c.Decimals)
		switch {
		case now > before:
			s.Direction = model.DirUp
		case now < before:
			s.Direction = model.DirDown
		default:
			s.Direction = model.DirSame
		}
	}
	return s, true
}
