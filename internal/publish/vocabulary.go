package publish

import "github.com/planpress/planpress/internal/compute"

// The data vocabulary: the words the open data files (an edition's data.csv
// and data.json, each KPI's data.csv and data.json) write for what is not a
// number. They are data, not interface: they are fixed here, documented in
// docs/archive.md, and never follow the site's language or its i18n/ files,
// so that a program reading the files reads the same words from every site.
// The other coded columns are model's own codes: rag (red, amber, green, or
// empty) and direction (up, down, same).

// Direction of travel, in the travel and year_on_year columns.
const (
	termImproving  = "Improving"
	termWorsening  = "Worsening"
	termIncreasing = "Increasing"
	termDecreasing = "Decreasing"
	termNoChange   = "No change"
)

// travelTerm is a direction of travel in the data vocabulary, "" when it is
// not known.
func travelTerm(t compute.Travel) string {
	switch t.Verdict {
	case compute.Improving:
		return termImproving
	case compute.Worsening:
		return termWorsening
	case compute.Increasing:
		return termIncreasing
	case compute.Decreasing:
		return termDecreasing
	case compute.NoChange:
		return termNoChange
	}
	return ""
}
