package format

import (
	"testing"

	"github.com/planpress/planpress/internal/model"
)

func TestFormat(t *testing.T) {
	cases := []struct {
		v    float64
		u    model.Unit
		d    int
		want string
	}{
		{32.4, model.UnitPercent, 1, "32.4%"},
		{100, model.UnitPercent, 1, "100.0%"},
		{357.3, model.UnitRate, 1, "357.3"},
		{1363, model.UnitCount, 0, "1,363"},
		{999, model.UnitCount, 0, "999"},
		{1234567.5, model.UnitNumber, 1, "1,234,567.5"},
	}
	for _, c := range cases {
		if got := Number(c.v, c.u, c.d); got != c.want {
			t.Errorf("Number(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	if got := Target(25.04, model.UnitPercent, 1); got != "25%" {
		t.Errorf("Target(25.04) = %q: whole at one decimal", got)
	}
	if got := Target(-0.04, model.UnitNumber, 1); got != "0" {
		t.Errorf("Target(-0.04) = %q, want no minus sign", got)
	}
	if got := Target(25, model.UnitPercent, 1); got != "25%" {
		t.Errorf("Target = %q", got)
	}
	if Words(4) != "four" || Words(15) != "15" || Words(0) != "none" {
		t.Error("Words wrong")
	}
}
