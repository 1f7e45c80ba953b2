package compute

import (
	"sort"
	"strconv"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// MilestoneState says how a milestone stands in one edition compared with
// the edition before.
type MilestoneState int

// The states.
const (
	// MilestoneAbsent: the edition does not list the milestone, and neither
	// did the edition before (it is not yet in the plan, or closed earlier).
	MilestoneAbsent MilestoneState = iota
	// MilestoneFirst: listed in the first edition of the archive.
	MilestoneFirst
	// MilestoneNew: listed for the first time, or again after a gap.
	MilestoneNew
	// MilestoneSame: listed with the status it had before.
	MilestoneSame
	// MilestoneChanged: listed with a different status from before.
	MilestoneChanged
	// MilestoneClosed: listed before but not in this edition.
	MilestoneClosed
)

// MilestoneEntry is one milestone in one edition.
type MilestoneEntry struct {
	Edition   *model.Edition
	Milestone *model.Milestone // nil when the edition does not list it
	Priority  *model.Priority  // the priority the edition lists it under
	State     MilestoneState
	// Previous is the status in the edition before, when there was one.
	Previous string
}

// MilestoneHistory is one milestone, by ref, across every edition.
type MilestoneHistory struct {
	Ref string
	// Latest is the milestone as the newest edition that lists it gives it.
	Latest         *model.Milestone
	LatestPriority *model.Priority
	Entries        []MilestoneEntry // one per edition, oldest first
}

// Changes counts the editions in which the milestone's status changed.
func (h MilestoneHistory) Changes() int {
	n := 0
	for _, e := range h.Entries {
		if e.State == MilestoneChanged {
			n++
		}
	}
	return n
}

// MilestoneHistories follows every milestone through editions given oldest
// first, ordered by the priority the newest edition lists it under, then by ref.
func MilestoneHistories(editions []*model.Edition) []MilestoneHistory {
	byRef := map[string]*MilestoneHistory{}
	var refs []string
	for _, e := range editions {
		for _, p := range e.Priorities {
			for _, m := range p.Milestones {
				h, ok := byRef[m.Ref]
				if !ok {
					h = &MilestoneHistory{Ref: m.Ref}
					byRef[m.Ref] = h
					refs = append(refs, m.Ref)
				}
				h.Latest, h.LatestPriority = m, p
			}
		}
	}
	out := make([]MilestoneHistory, 0, len(refs))
	for _, ref := range refs {
		h := byRef[ref]
		var prev *model.Milestone
		for i, e := range editions {
			m, p := findMilestone(e, ref)
			entry := MilestoneEntry{Edition: e, Milestone: m, Priority: p}
			if prev != nil {
				entry.Previous = prev.Status
			}
			switch {
			case m == nil && prev != nil:
				entry.State = MilestoneClosed
			case m == nil:
				entry.State = MilestoneAbsent
			case i == 0:
				entry.State = MilestoneFirst
			case prev == nil:
				entry.State = MilestoneNew
			case prev.Status != m.Status:
				entry.State = MilestoneChanged
			default:
				entry.State = MilestoneSame
			}
			h.Entries = append(h.Entries, entry)
			prev = m
		}
		out = append(out, *h)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].LatestPriority.Number, out[j].LatestPriority.Number
		if a != b {
			return a < b
		}
		return CompareRefs(out[i].Ref, out[j].Ref) < 0
	})
	return out
}

func findMilestone(e *model.Edition, ref string) (*model.Milestone, *model.Priority) {
	for _, p := range e.Priorities {
		for _, m := range p.Milestones {
			if m.Ref == ref {
				return m, p
			}
		}
	}
	return nil, nil
}

// CompareRefs orders milestone refs as numbers part by part, so that 1.9
// comes before 1.10.
func CompareRefs(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, ea := leadingInt(pa[i])
		nb, eb := leadingInt(pb[i])
		if na != nb {
			if na < nb {
				return -1
			}
			return 1
		}
		if ea != eb {
			return strings.Compare(ea, eb)
		}
	}
	return len(pa) - len(pb)
}

// leadingInt splits "3a" into 3 and "a".
func leadingInt(s string) (int, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(s[:i])
	return n, s[i:]
}
