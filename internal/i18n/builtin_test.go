package i18n

import (
	"strings"
	"testing"
	"time"

	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/theme"
)

func month(y, m int) model.Month { return model.MonthOf(y, time.Month(m)) }

// TestBuiltinCataloguesAreComplete: every built-in catalogue (the Welsh
// beside the reference) loads with no problem at all: it has every entry of
// the reference, no entry the reference lacks, the plural forms of its
// language and only placeholders the entries may use. A new entry of the
// reference fails here until each built-in language has it.
func TestBuiltinCataloguesAreComplete(t *testing.T) {
	langs := 0
	for _, n := range (theme.Files{}).Names(Dir) {
		lang, ok := strings.CutSuffix(n, ".toml")
		if !ok {
			continue
		}
		langs++
		c, diags := Load(theme.Files{}, lang)
		if c == nil || len(diags.Items()) > 0 {
			t.Errorf("the built-in %s catalogue has problems:\n%s", lang, text(diags))
			continue
		}
		if got, want := len(c.Keys()), len(builtin(t).Keys()); got != want {
			t.Errorf("%s has %d entries, the reference %d", lang, got, want)
		}
	}
	if langs < 2 {
		t.Errorf("%d built-in catalogues, want en-GB and cy at least", langs)
	}
}

// TestWelshMonthsAfterYn: a month after "yn" (in) takes the nasal mutation,
// as Welsh writes it, and the year follows.
func TestWelshMonthsAfterYn(t *testing.T) {
	c, diags := Load(theme.Files{}, "cy")
	if c == nil {
		t.Fatal(text(diags))
	}
	for m, want := range map[int]string{
		1: "yn Ionawr 2019", 2: "yn Chwefror 2019", 3: "ym Mawrth 2019", 4: "yn Ebrill 2019",
		5: "ym Mai 2019", 6: "ym Mehefin 2019", 7: "yng Ngorffennaf 2019", 8: "yn Awst 2019",
		9: "ym Medi 2019", 10: "yn Hydref 2019", 11: "yn Nhachwedd 2019", 12: "yn Rhagfyr 2019",
	} {
		if got := c.InMonth(month(2019, m)); got != want {
			t.Errorf("month %d: %q, want %q", m, got, want)
		}
	}
	if got := c.Month(month(2019, 3)); got != "Mawrth 2019" {
		t.Errorf("March 2019 in Welsh: %q", got)
	}
	if got := c.Text(SummaryMilestones, "count", 2); got != "2 garreg filltir" {
		t.Errorf("two milestones: %q", got)
	}
	if got := c.Text(SummaryMilestones, "count", 6); got != "6 charreg filltir" {
		t.Errorf("six milestones: %q", got)
	}
	en := builtin(t)
	if got := en.InMonth(month(2019, 3)); got != "in March 2019" {
		t.Errorf("March 2019 after in, in English: %q", got)
	}
}
