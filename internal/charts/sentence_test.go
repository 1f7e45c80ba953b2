package charts

import (
	"strings"
	"testing"
	"time"

	"github.com/planpress/planpress/internal/model"
)

func TestSentence(t *testing.T) {
	march := month(2019, time.March)
	feb := month(2019, time.February)
	dec := month(2018, time.December)
	target := func(v float64) *float64 { return &v }
	for name, tc := range map[string]struct {
		s    Summary
		want string
	}{
		"the issue's example": {
			Summary{Subject: "Re-referrals", Month: march, Value: 32.4, Decimals: 1, Suffix: "%",
				Target: target(25), RAG: model.RAGRed, Direction: model.DirDown, Polarity: model.PolarityLower, Previous: feb},
			"Re-referrals stood at 32.4% in March 2019 against a target of 25%: Red, improving on February.",
		},
		"worsening, higher is better": {
			Summary{Subject: "Care leavers in EET", Month: march, Value: 48, Decimals: 1, Suffix: "%",
				Target: target(55), RAG: model.RAGAmber, Direction: model.DirDown, Polarity: model.PolarityHigher, Previous: feb},
			"Care leavers in EET stood at 48.0% in March 2019 against a target of 55%: Amber, worsening on February.",
		},
		"previous month in another year": {
			Summary{Subject: "Re-referrals", Month: month(2019, time.January), Value: 30.1, Decimals: 1, Suffix: "%",
				Target: target(25), RAG: model.RAGRed, Direction: model.DirUp, Polarity: model.PolarityLower, Previous: dec},
			"Re-referrals stood at 30.1% in January 2019 against a target of 25%: Red, worsening on December 2018.",
		},
		"no target, no rating, no polarity": {
			Summary{Subject: "Section 47 enquiries per 10,000 children", Month: march, Value: 1221.3, Decimals: 1,
				Direction: model.DirUp, Previous: feb},
			"Section 47 enquiries per 10,000 children stood at 1,221.3 in March 2019, up on February.",
		},
		"unchanged": {
			Summary{Subject: "Timeliness", Month: march, Value: 80, Suffix: "%", Target: target(85.5), Decimals: 1,
				RAG: model.RAGGreen, Direction: model.DirSame, Polarity: model.PolarityHigher, Previous: feb},
			"Timeliness stood at 80.0% in March 2019 against a target of 85.5%: Green, unchanged from February.",
		},
		"first month": {
			Summary{Subject: "Re-referrals", Month: march, Value: 32.4, Decimals: 1, Suffix: "%", Target: target(25), RAG: model.RAGRed},
			"Re-referrals stood at 32.4% in March 2019 against a target of 25%: Red.",
		},
		"no subject": {
			Summary{Month: march, Value: 3, Decimals: 0},
			"The figure stood at 3 in March 2019.",
		},
	} {
		if got := Sentence(tc.s, words); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", name, got, tc.want)
		}
	}
}

func TestSummaryOf(t *testing.T) {
	c := reReferrals()
	s, ok := SummaryOf(c, model.PolarityLower)
	if !ok {
		t.Fatal("no summary")
	}
	if s.Month != month(2019, time.March) || s.Value != 32.4 || s.RAG != model.RAGRed {
		t.Errorf("latest = %s %v %v, want March 2019 32.4 Red", s.Month, s.Value, s.RAG)
	}
	if s.Target == nil || *s.Target != 25 {
		t.Errorf("target %v, want 25", s.Target)
	}
	if s.Previous != month(2019, time.February) || s.Direction != model.DirDown {
		t.Errorf("previous %s direction %v, want February, down", s.Previous, s.Direction)
	}
	if want := "Re-referrals stood at 32.4% in March 2019 against a target of 25%: Red, improving on February."; Sentence(s, words) != want {
		t.Errorf("got %q, want %q", Sentence(s, words), want)
	}

	// The month before a gap is compared with the last month with a figure;
	// figures equal at the published precision are unchanged.
	c.Points = c.Points[:10] // to January 2019; December has no figure
	c.Points[9].Value = 26.44
	c.Points[7].Value = 26.4
	s, _ = SummaryOf(c, model.PolarityLower)
	if s.Previous != month(2018, time.November) || s.Direction != model.DirSame {
		t.Errorf("previous %s direction %v, want November 2018, same", s.Previous, s.Direction)
	}

	// A month outside every target span has no target.
	c = reReferrals()
	c.Targets[0].To = month(2019, time.February)
	if s, _ := SummaryOf(c, model.PolarityLower); s.Target != nil {
		t.Errorf("target %v for a month no span covers", *s.Target)
	}

	if _, ok := SummaryOf(KPIChart{Points: []Point{{Month: month(2019, time.March)}}}, model.PolarityLower); ok {
		t.Errorf("a summary of a KPI with no figures")
	}
}

// TestWordsRequired: a chart draws no words of its own; without the site's
// interface words it is refused.
func TestWordsRequired(t *testing.T) {
	c := reReferrals()
	c.Words = nil
	if _, err := KPILine(c); err == nil || !strings.Contains(err.Error(), "Words") {
		t.Errorf("a KPI chart without words: %v", err)
	}
	b := statusBars()
	b.Words = nil
	if _, err := Bars(b); err == nil || !strings.Contains(err.Error(), "Words") {
		t.Errorf("a bar chart without words or description: %v", err)
	}
	b.Description = "Milestones by status."
	if _, err := Bars(b); err != nil {
		t.Errorf("a bar chart with its description: %v", err)
	}
}
