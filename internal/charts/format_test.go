package charts

import "testing"

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		d    int
		want string
	}{
		{1363, 0, "1,363"},
		{32.4, 1, "32.4"},
		{30, 1, "30.0"},
		{0.05, 1, "0.1"}, // half away from zero, as published
		{-0.04, 1, "0.0"},
		{-1234567.891, 2, "-1,234,567.89"},
		{999.95, 1, "1,000.0"},
		{100, 0, "100"},
	} {
		if got := formatNumber(tc.v, tc.d); got != tc.want {
			t.Errorf("formatNumber(%v, %d) = %q, want %q", tc.v, tc.d, got, tc.want)
		}
	}
	for _, tc := range []struct {
		v    float64
		d    int
		want string
	}{
		{25, 1, "25"},
		{23.9, 1, "23.9"},
		{12.50, 2, "12.50"}, // as the tables print it
		{25.04, 1, "25"},    // whole at its published precision
		{1000, 1, "1,000"},
	} {
		if got := formatTarget(tc.v, tc.d); got != tc.want {
			t.Errorf("formatTarget(%v, %d) = %q, want %q", tc.v, tc.d, got, tc.want)
		}
	}
}

func TestID(t *testing.T) {
	for _, tc := range []struct {
		parts []string
		want  string
	}{
		{[]string{"2019-05", "priority-2", "re-referrals"}, "2019-05-priority-2-re-referrals"},
		{[]string{"2019-05", "Priority 2", "Re Referrals!"}, "2019-05-priority-2-re-referrals"},
		{[]string{"--a--", "", "b"}, "a-b"},
		{[]string{"é"}, ""},
	} {
		got := ID(tc.parts...)
		if got != tc.want {
			t.Errorf("ID(%q) = %q, want %q", tc.parts, got, tc.want)
		}
		if got != "" && !validID(got) {
			t.Errorf("ID(%q) = %q, which validID refuses", tc.parts, got)
		}
	}
	for _, bad := range []string{"", "-a", "a-", "A", "a_b", "a/b", "a b"} {
		if validID(bad) {
			t.Errorf("validID(%q) = true", bad)
		}
	}
}

func TestPlain(t *testing.T) {
	if got := plain("Target {a} {b|x}"); got != "Target (a) (b|x)" {
		t.Errorf("plain = %q", got)
	}
}
