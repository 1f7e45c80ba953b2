package view

import (
	"strings"
	"time"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/model"
)

// This file words what the views show in the words of the site's language
// (Site.Words): directions, ratings, months, lists.

// t is an entry of the site's interface words, its placeholders filled from
// name and value pairs.
func (s *Site) t(key i18n.Key, args ...any) string { return s.Words.Text(key, args...) }

// month writes a month in full: "March 2019".
func (s *Site) month(m model.Month) string { return s.Words.Month(m) }

// dayWords writes a date given as "2026-11-20" as GOV.UK style writes it:
// "20 November 2026". Anything else is left as it is.
func (s *Site) dayWords(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return s.Words.Day(t)
}

// travelWord is a direction of travel as a reader sees it: "Improving",
// "Worsening" or "No change" for a KPI with a polarity, "Increasing" or
// "Decreasing" for one without.
func (s *Site) travelWord(t compute.Travel) string {
	switch t.Verdict {
	case compute.Improving:
		return s.t(i18n.TravelImproving)
	case compute.Worsening:
		return s.t(i18n.TravelWorsening)
	case compute.Increasing:
		return s.t(i18n.TravelIncreasing)
	case compute.Decreasing:
		return s.t(i18n.TravelDecreasing)
	case compute.NoChange:
		return s.t(i18n.TravelNoChange)
	}
	return ""
}

// ragWord is a rating as a reader sees it: "Red", "Amber", "Green", or ""
// for none.
func (s *Site) ragWord(r model.RAG) string { return s.Words.Rating(r) }

// directionWord is a figure published as a direction only: "Up", "Down",
// "No change".
func (s *Site) directionWord(d model.Direction) string {
	switch d {
	case model.DirUp:
		return s.t(i18n.DirectionUp)
	case model.DirDown:
		return s.t(i18n.DirectionDown)
	case model.DirSame:
		return s.t(i18n.DirectionSame)
	}
	return ""
}

// joinAnd joins a list as it is read: "a, b and c".
func (s *Site) joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], s.t(i18n.ListSeparator)) + s.t(i18n.ListLast) + parts[len(parts)-1]
}

// arrow is a direction as the tables draw it.
func arrow(d model.Direction) string {
	switch d {
	case model.DirUp:
		return "▲"
	case model.DirDown:
		return "▼"
	case model.DirSame:
		return "▶"
	}
	return ""
}

// TravelView is a direction of travel ready to show.
type TravelView struct {
	Arrow string
	Word  string
	RAG   string
}

func (s *Site) travelView(t compute.Travel) TravelView {
	return TravelView{Arrow: arrow(t.Direction), Word: s.travelWord(t), RAG: t.RAG.String()}
}
