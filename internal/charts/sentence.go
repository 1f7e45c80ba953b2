package charts

import (
	"strings"

	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
)

// Summary is what the one-sentence summary of a KPI chart says: the latest
// figure, its target and rating, and how it moved since the figure before.
// It is the chart's aria description and the visible summary beside it.
type Summary struct {
	// Subject names the KPI: "Re-referrals"; empty means "The figure".
	Subject  string
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

// Sentence writes a Summary as one sentence in the words of w (the entries
// under [chart_summary]), such as "Re-referrals stood at 32.4% in March 2019
// against a target of 25%: Red, improving on February." The figure is
// written to its published precision, the target without trailing zeros; a
// previous month in another year is written with its year.
func Sentence(s Summary, w *i18n.Catalogue) string {
	subject := strings.TrimSpace(s.Subject)
	if subject == "" {
		subject = w.Text(i18n.ChartSummarySubject)
	}
	var month, target, rating, move string
	if !s.Month.IsZero() {
		month = w.Text(i18n.ChartSummaryMonth, "month", w.Month(s.Month), "in_month", w.InMonth(s.Month))
	}
	if s.Target != nil {
		target = w.Text(i18n.ChartSummaryTarget, "target", formatTarget(*s.Target, s.Decimals)+s.Suffix)
	}
	if word := w.Rating(s.RAG); word != "" {
		rating = w.Text(i18n.ChartSummaryRating, "rating", word)
	}
	if phrase := movement(s, w); phrase != "" {
		move = w.Text(i18n.ChartSummaryMovement, "movement", phrase)
	}
	return w.Text(i18n.ChartSummarySentence, "subject", subject, "value", formatNumber(s.Value, s.Decimals)+s.Suffix,
		"month", month, "target", target, "rating", rating, "movement", move)
}

// movement words the direction of travel: "improving on February".
func movement(s Summary, w *i18n.Catalogue) string {
	if s.Previous.IsZero() {
		return ""
	}
	when := w.MonthName(s.Previous.Calendar())
	if s.Month.IsZero() || s.Previous.Year() != s.Month.Year() {
		when = w.Month(s.Previous)
	}
	better := map[model.Polarity]model.Direction{model.PolarityHigher: model.DirUp, model.PolarityLower: model.DirDown}
	var key i18n.Key
	switch s.Direction {
	case model.DirSame:
		key = i18n.ChartSummaryUnchanged
	case model.DirUp, model.DirDown:
		good, ok := better[s.Polarity]
		switch {
		case !ok && s.Direction == model.DirUp:
			key = i18n.ChartSummaryUp
		case !ok:
			key = i18n.ChartSummaryDown
		case s.Direction == good:
			key = i18n.ChartSummaryImproving
		default:
			key = i18n.ChartSummaryWorsening
		}
	default:
		return ""
	}
	return w.Text(key, "month", when)
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
