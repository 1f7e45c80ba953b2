package view

import (
	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/model"
)

// TravelWord is a direction of travel as a reader sees it: "Improving",
// "Worsening" or "No change" for a KPI with a polarity, "Increasing" or
// "Decreasing" for one without.
func TravelWord(t compute.Travel) string {
	switch t.Verdict {
	case compute.Improving:
		return "Improving"
	case compute.Worsening:
		return "Worsening"
	case compute.Increasing:
		return "Increasing"
	case compute.Decreasing:
		return "Decreasing"
	case compute.NoChange:
		return "No change"
	}
	return ""
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

func travelView(t compute.Travel) TravelView {
	return TravelView{Arrow: arrow(t.Direction), Word: TravelWord(t), RAG: t.RAG.String()}
}
