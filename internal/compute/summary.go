package compute

import "github.com/planpress/planpress/internal/model"

// StatusCount is how many milestones have one status.
type StatusCount struct {
	Status  model.Status
	Count   int
	Percent float64 // of all milestones, to one decimal
}

// Summary counts milestones by status.
type Summary struct {
	Total          int
	ByStatus       []StatusCount // in the site's status order, zero counts included
	OnTrack        int           // milestones whose status counts as on track
	OnTrackPercent float64       // to one decimal; 0 when there are no milestones
}

// Count returns the count for a status name (0 when absent).
func (s Summary) Count(name string) int {
	for _, c := range s.ByStatus {
		if c.Status.Name == name {
			return c.Count
		}
	}
	return 0
}

// Summarise counts milestones by the site's statuses. A milestone whose status
// is not in the list counts towards the total only (load reports it).
func Summarise(milestones []*model.Milestone, statuses []model.Status) Summary {
	s := Summary{Total: len(milestones)}
	counts := map[string]int{}
	for _, m := range milestones {
		counts[m.Status]++
	}
	for _, st := range statuses {
		n := counts[st.Name]
		c := StatusCount{Status: st, Count: n}
		if s.Total > 0 {
			c.Percent = Round(float64(n)/float64(s.Total)*100, 1)
		}
		s.ByStatus = append(s.ByStatus, c)
		if st.OnTrack {
			s.OnTrack += n
		}
	}
	if s.Total > 0 {
		s.OnTrackPercent = Round(float64(s.OnTrack)/float64(s.Total)*100, 1)
	}
	return s
}
