package build

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// The shape of data.json as a reader of the open data sees it.
type openData struct {
	Edition struct {
		AsAt string `json:"as_at"`
	} `json:"edition"`
	Summary struct {
		Milestones     int            `json:"milestones"`
		ByStatus       map[string]int `json:"by_status"`
		OnTrack        int            `json:"on_track"`
		OnTrackPercent float64        `json:"on_track_percent"`
	} `json:"summary"`
	KPIs []openKPI `json:"kpis"`
}

type openKPI struct {
	ID     string      `json:"id"`
	Values []openValue `json:"values"`
}

type openValue struct {
	Period      string   `json:"period"`
	Value       *float64 `json:"value"`
	Numerator   *int     `json:"numerator"`
	Denominator *int     `json:"denominator"`
	RAG         *string  `json:"rag"`
	Direction   *string  `json:"direction"`
	Travel      *string  `json:"travel"`
	Target      *float64 `json:"target"`
}

func exampleData(t *testing.T) openData {
	t.Helper()
	sink := renderExample(t)
	var d openData
	if err := json.Unmarshal(sink.Files["editions/2019-05/data.json"], &d); err != nil {
		t.Fatalf("data.json: %v", err)
	}
	return d
}

// readTOML decodes a file of the example site, or the front matter of a
// Markdown file, without planpress's loader.
func readTOML(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.ReplaceAll(string(b), "\r\n", "\n")
	if strings.HasSuffix(name, ".md") {
		parts := strings.SplitN(src, "+++\n", 3)
		if len(parts) != 3 || parts[0] != "" {
			t.Fatalf("%s: no +++ front matter", name)
		}
		src = parts[1]
	}
	if _, err := toml.Decode(src, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// TestDataSummary checks the edition's milestone counts against the seed
// report (22 milestones, 15 on track, 68.2%) and against a count of the
// priority files made here.
func TestDataSummary(t *testing.T) {
	d := exampleData(t)
	s := d.Summary
	if s.Milestones != 22 || s.OnTrack != 15 || s.OnTrackPercent != 68.2 {
		t.Errorf("summary: %d milestones, %d on track (%v%%); the seed report has 22, 15 (68.2%%)", s.Milestones, s.OnTrack, s.OnTrackPercent)
	}

	var settings struct {
		Statuses []struct {
			Name    string `toml:"name"`
			OnTrack bool   `toml:"on_track"`
		} `toml:"statuses"`
	}
	readTOML(t, "planpress.toml", &settings)
	want := map[string]int{}
	onTrackWord := map[string]bool{}
	for _, st := range settings.Statuses {
		want[st.Name] = 0
		onTrackWord[st.Name] = st.OnTrack
	}
	files, _ := filepath.Glob(filepath.Join(repoRoot, "content/editions/2019-05/priority-*.md"))
	total, onTrack := 0, 0
	for _, f := range files {
		var p struct {
			Milestones []struct {
				Ref    string `toml:"ref"`
				Status string `toml:"status"`
			} `toml:"milestones"`
		}
		readTOML(t, "content/editions/2019-05/"+filepath.Base(f), &p)
		for _, m := range p.Milestones {
			if _, ok := want[m.Status]; !ok {
				t.Errorf("%s: milestone %s has status %q, which planpress.toml does not list", f, m.Ref, m.Status)
			}
			want[m.Status]++
			total++
			if onTrackWord[m.Status] {
				onTrack++
			}
		}
	}
	if fmt.Sprint(s.ByStatus) != fmt.Sprint(want) {
		t.Errorf("by_status = %v; the priority files give %v", s.ByStatus, want)
	}
	if s.Milestones != total || s.OnTrack != onTrack {
		t.Errorf("data.json counts %d milestones, %d on track; the priority files hold %d, %d on track", s.Milestones, s.OnTrack, total, onTrack)
	}
	if pct := math.Round(float64(onTrack)/float64(total)*1000) / 10; s.OnTrackPercent != pct {
		t.Errorf("on_track_percent = %v, want %d/%d = %v", s.OnTrackPercent, onTrack, total, pct)
	}
}

// TestDataSeedExamples spot-checks the ratings the seed report gives for March 2019.
func TestDataSeedExamples(t *testing.T) {
	d := exampleData(t)
	cases := []struct {
		kpi    string
		value  float64
		target float64
		rag    string
	}{
		{"re-referrals", 32.4, 25, "red"},                 // lower is better: 32.4 is past 25 + 15% = 28.75
		{"long-term-stability", 66.1, 70, "amber"},        // higher is better: within 70 - 15% = 59.5
		{"care-leavers-accommodation", 94.3, 90, "green"}, // meets 90
	}
	for _, c := range cases {
		found := false
		for _, k := range d.KPIs {
			if k.ID != c.kpi {
				continue
			}
			for _, v := range k.Values {
				if v.Period != "2019-03" {
					continue
				}
				found = true
				if v.Value == nil || *v.Value != c.value || v.Target == nil || *v.Target != c.target || v.RAG == nil || *v.RAG != c.rag {
					t.Errorf("%s March 2019: value %v, target %v, rag %v; want %v against %v, %s", c.kpi, deref(v.Value), deref(v.Target), derefs(v.RAG), c.value, c.target, c.rag)
				}
			}
		}
		if !found {
			t.Errorf("data.json has no March 2019 figure for %s", c.kpi)
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func derefs(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

// exampleKPI is a KPI definition as data/kpis.toml states it.
type exampleKPI struct {
	ID          string         `toml:"id"`
	Unit        string         `toml:"unit"`
	Polarity    string         `toml:"polarity"`
	Decimals    *int           `toml:"decimals"`
	MonitorOnly bool           `toml:"monitor_only"`
	Targets     map[string]any `toml:"targets"`
	AmberBand   *float64       `toml:"amber_band"`
	AmberMode   string         `toml:"amber_mode"`
}

// expected is one month of a KPI as the seed's rules make it.
type expected struct {
	value     *float64
	num, den  *int
	target    *float64
	rag       string
	direction string
	travel    string
}

// TestDataEveryMonth recomputes every month of every KPI from the example
// site's files, with the seed report's rules, and compares with data.json:
// Green when a value meets its target, Amber when it misses by no more than
// 15% of the target, Red beyond; Improving or Worsening against the month
// before, by the KPI's polarity (Increasing or Decreasing without one).
func TestDataEveryMonth(t *testing.T) {
	d := exampleData(t)

	var site struct {
		FinancialYearStart int `toml:"financial_year_start"`
		RAG                struct {
			AmberBand *float64 `toml:"amber_band"`
			AmberMode string   `toml:"amber_mode"`
		} `toml:"rag"`
	}
	readTOML(t, "planpress.toml", &site)
	if site.FinancialYearStart == 0 {
		site.FinancialYearStart = 4
	}
	var defs struct {
		KPI []exampleKPI `toml:"kpi"`
	}
	readTOML(t, "data/kpis.toml", &defs)
	var figures map[string]map[string]any
	readTOML(t, "data/editions/2019-05/kpis.toml", &figures)
	var front struct {
		AsAt string `toml:"as_at"`
	}
	readTOML(t, "content/editions/2019-05/_index.md", &front)

	fy := func(month string) string {
		y, _ := strconv.Atoi(month[:4])
		m, _ := strconv.Atoi(month[5:])
		if m < site.FinancialYearStart {
			y--
		}
		return fmt.Sprintf("%d/%02d", y, (y+1)%100)
	}
	prevMonth := func(month string) string {
		y, _ := strconv.Atoi(month[:4])
		m, _ := strconv.Atoi(month[5:])
		if m == 1 {
			return fmt.Sprintf("%04d-12", y-1)
		}
		return fmt.Sprintf("%04d-%02d", y, m-1)
	}

	checked := 0
	for _, k := range defs.KPI {
		figs, ok := figures[k.ID]
		if !ok {
			continue
		}
		decimals := 1
		if k.Unit == "count" {
			decimals = 0
		}
		if k.Decimals != nil {
			decimals = *k.Decimals
		}
		band, mode := 15.0, "relative"
		if site.RAG.AmberBand != nil {
			band = *site.RAG.AmberBand
		}
		if site.RAG.AmberMode != "" {
			mode = site.RAG.AmberMode
		}
		if k.AmberBand != nil {
			band = *k.AmberBand
		}
		if k.AmberMode != "" {
			mode = k.AmberMode
		}
		monitor := k.MonitorOnly
		if m, ok := figs["monitor_only"].(bool); ok {
			monitor = m
		}
		editionTarget, hasEditionTarget := number(figs["target"])

		value := func(month string) (*float64, *int, *int, string) {
			switch f := figs[month].(type) {
			case int64, float64:
				v, _ := number(f)
				return &v, nil, nil, ""
			case string:
				if n, dd, ok := strings.Cut(f, "/"); ok {
					num, _ := strconv.Atoi(strings.TrimSpace(n))
					den, _ := strconv.Atoi(strings.TrimSpace(dd))
					v := roundTo(float64(num)/float64(den)*100, decimals)
					return &v, &num, &den, ""
				}
				return nil, nil, nil, f
			case map[string]any:
				var vp *float64
				var np, dp *int
				if v, ok := number(f["value"]); ok {
					vp = &v
				}
				if n, ok := number(f["numerator"]); ok {
					num, den := int(n), 0
					if dd, ok := number(f["denominator"]); ok {
						den = int(dd)
					}
					np, dp = &num, &den
					if vp == nil {
						v := roundTo(float64(num)/float64(den)*100, decimals)
						vp = &v
					}
				}
				dir, _ := f["direction"].(string)
				return vp, np, dp, dir
			}
			return nil, nil, nil, ""
		}

		var result *openKPI
		for i := range d.KPIs {
			if d.KPIs[i].ID == k.ID {
				result = &d.KPIs[i]
			}
		}
		if result == nil {
			t.Errorf("data.json has no KPI %s, which has figures", k.ID)
			continue
		}
		months := 0
		for key := range figs {
			if key != "target" && key != "monitor_only" {
				months++
			}
		}
		if len(result.Values) != months {
			t.Errorf("%s: data.json has %d months, the figures file %d", k.ID, len(result.Values), months)
		}

		for _, got := range result.Values {
			month := got.Period
			var want expected
			var published string
			want.value, want.num, want.den, published = value(month)
			if !monitor {
				if hasEditionTarget && fy(month) == fy(front.AsAt) {
					tv := editionTarget
					want.target = &tv
				} else if tv, ok := number(k.Targets[fy(month)]); ok {
					want.target = &tv
				}
			}
			if want.value != nil && want.target != nil && k.Polarity != "none" {
				v, tg := *want.value, *want.target
				width := band
				if mode == "relative" {
					width = math.Abs(tg) * band / 100
				}
				miss := v - tg
				if k.Polarity == "higher" {
					miss = tg - v
				}
				switch {
				case miss <= 1e-9:
					want.rag = "green"
				case miss <= width+1e-9:
					want.rag = "amber"
				default:
					want.rag = "red"
				}
			}
			if want.value != nil {
				if pv, _, _, _ := value(prevMonth(month)); pv != nil {
					switch c, p := roundTo(*want.value, decimals), roundTo(*pv, decimals); {
					case c > p:
						want.direction = "up"
					case c < p:
						want.direction = "down"
					default:
						want.direction = "same"
					}
				}
			} else {
				want.direction = published
			}
			switch {
			case want.direction == "same":
				want.travel = "No change"
			case want.direction == "":
			case k.Polarity == "none" && want.direction == "up":
				want.travel = "Increasing"
			case k.Polarity == "none":
				want.travel = "Decreasing"
			case (want.direction == "up") == (k.Polarity == "higher"):
				want.travel = "Improving"
			default:
				want.travel = "Worsening"
			}

			where := k.ID + " " + month
			if !sameFloat(got.Value, want.value) {
				t.Errorf("%s: value %v, want %v", where, deref(got.Value), deref(want.value))
			}
			if !sameInt(got.Numerator, want.num) || !sameInt(got.Denominator, want.den) {
				t.Errorf("%s: counts %v/%v, want %v/%v", where, derefi(got.Numerator), derefi(got.Denominator), derefi(want.num), derefi(want.den))
			}
			if !sameFloat(got.Target, want.target) {
				t.Errorf("%s: target %v, want %v", where, deref(got.Target), deref(want.target))
			}
			if str(got.RAG) != want.rag {
				t.Errorf("%s: rag %q, want %q", where, str(got.RAG), want.rag)
			}
			if str(got.Direction) != want.direction || str(got.Travel) != want.travel {
				t.Errorf("%s: direction %q (%q), want %q (%q)", where, str(got.Direction), str(got.Travel), want.direction, want.travel)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d months were checked; the example edition has 12 months of 13 KPIs", checked)
	}
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// roundTo rounds half away from zero at the published precision.
func roundTo(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	r, _ := strconv.ParseFloat(strconv.FormatFloat(math.Round(v*p+math.Copysign(1e-6, v))/p, 'f', decimals, 64), 64)
	return r
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) < 1e-9
}

func sameInt(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func derefi(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
