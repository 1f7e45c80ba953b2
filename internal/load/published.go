package load

import (
	"fmt"
	"math"
	"time"

	"github.com/planpress/planpress/internal/model"
)

// checkPublished warns of an edition that is not a draft but is dated after
// now. A build leaves it out until then: right for an edition set to appear
// on a day to come, but silent for a typo in the year, which would take the
// edition off the site. The warning says when it will appear, so that a
// typo shows, and suggests the date it was probably meant to be.
func checkPublished(t *table, e *model.Edition, now time.Time) {
	if e.Draft || e.Published.IsZero() || !e.Published.After(now) {
		return
	}
	written := e.Published.Format("2006-01-02")
	if e.PublishedPrecision == "month" {
		written = e.Published.Format("2006-01")
	}
	fix := "if that is a typo, correct it; if the edition is to appear on that date, nothing needs changing (planpress build -future includes it before then)"
	if guess, ok := likelyPublished(e, now); ok {
		fix = fmt.Sprintf("if that is a typo, correct it (did you mean published = %q, after the figures to %s?); if the edition is to appear on that date, nothing needs changing (planpress build -future includes it before then)", guess, e.AsAt.Long())
	}
	t.warnf("published", fix, "published = %s is %s from now: the edition is left out of the site until then", written, fromNow(now, e.Published))
}

// likelyPublished guesses the date a mistyped published date meant: the
// same month (and day) in the first year after the edition's as-at month,
// as a report is published soon after the month its figures run to. There
// is no guess when that is the date written, or is still to come.
func likelyPublished(e *model.Edition, now time.Time) (string, bool) {
	if e.AsAt.IsZero() {
		return "", false
	}
	after := (e.AsAt + 1).Time() // the first day after the as-at month
	for y := after.Year(); y <= after.Year()+1; y++ {
		d := time.Date(y, e.Published.Month(), e.Published.Day(), 0, 0, 0, 0, time.UTC)
		if d.Month() != e.Published.Month() || d.Before(after) {
			continue
		}
		if d.Equal(e.Published) || d.After(now) {
			return "", false
		}
		if e.PublishedPrecision == "month" {
			return d.Format("2006-01"), true
		}
		return d.Format("2006-01-02"), true
	}
	return "", false
}

// fromNow says how far ahead t is: "66 years", "3 months", "12 days".
func fromNow(now, t time.Time) string {
	months := (t.Year()-now.Year())*12 + int(t.Month()-now.Month())
	if t.Day() < now.Day() {
		months--
	}
	plural := func(n int, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	switch {
	case months >= 12:
		return plural(months/12, "year")
	case months >= 1:
		return plural(months, "month")
	}
	return plural(max(1, int(math.Ceil(t.Sub(now).Hours()/24))), "day")
}
