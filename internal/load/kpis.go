package load

import (
	"fmt"
	"regexp"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// KPIFile and GlossaryFile are the data files shared by every edition.
const (
	KPIFile      = "data/kpis.toml"
	GlossaryFile = "data/glossary.toml"
)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// loadKPIs reads data/kpis.toml; it reports false when the file could not be
// parsed. badTargets holds the ids of the KPIs whose targets could not all be
// read, so that their months are not also reported as having no target.
func loadKPIs(src string, site *model.Site, diags *diag.List) (ok bool, badTargets map[string]bool) {
	site.KPIByID = map[string]*model.KPI{}
	badTargets = map[string]bool{}
	t, _ := parseTOML(KPIFile, src, 0, diags)
	if t == nil {
		return false, badTargets
	}
	for _, k := range t.list("kpi") {
		kpi, targetsOK := readKPI(k, site)
		if kpi.ID == "" {
			continue
		}
		if !targetsOK {
			badTargets[kpi.ID] = true
		}
		if prev, dup := site.KPIByID[kpi.ID]; dup {
			k.errorf("id", fmt.Sprintf("give each KPI its own id (the first %q is on line %d)", kpi.ID, prev.Pos.Line), "duplicate KPI id %q", kpi.ID)
			continue
		}
		site.KPIByID[kpi.ID] = kpi
		site.KPIs = append(site.KPIs, kpi)
	}
	t.done()
	return true, badTargets
}

// readKPI reads one [[kpi]]; targetsOK is false when its targets had a problem.
func readKPI(k *table, site *model.Site) (kpi *model.KPI, targetsOK bool) {
	kpi = &model.KPI{
		ID:          k.str("id", true, `"re-referrals"`),
		Title:       k.str("title", true, `"Re-referrals within 12 months"`),
		ShortTitle:  k.str("short_title", false, ""),
		ReportLabel: k.str("report_label", false, ""),
		Description: k.str("description", false, ""),
		Proxy:       k.boolean("proxy"),
		ProxyNote:   k.str("proxy_note", false, ""),
		CountTitle:  k.str("count_title", false, ""),
		Caveats:     k.strs("caveats"),
		MonitorOnly: k.boolean("monitor_only"),
		Pos:         k.pos("id"),
	}
	if kpi.ID != "" && !idPattern.MatchString(kpi.ID) {
		k.errorf("id", fmt.Sprintf("write it in lower case with hyphens, such as id = %q", Slug(kpi.ID)), "KPI id %q has characters that cannot go in an address", kpi.ID)
	}
	if kpi.ShortTitle == "" {
		kpi.ShortTitle = kpi.Title
	}
	if u := k.str("unit", true, `"percent"`); u != "" {
		// An unknown unit is reported and the KPI read as a percentage,
		// the default, so that it gives no further errors of its own.
		unit, ok := model.ParseUnit(u)
		if ok {
			kpi.Unit = unit
		} else {
			fix := `write unit = "percent", "rate", "count" or "number"`
			if s := diag.Suggest(u, []string{"percent", "rate", "count", "number"}); s != "" {
				fix = fmt.Sprintf("did you mean unit = %q?", s)
			}
			k.errorf("unit", fix, "unknown unit %q for KPI %q", u, kpi.ID)
		}
	}
	if kpi.Unit == model.UnitRate && !k.has("per") {
		k.errorf("unit", "add per = 10000 to the KPI (the number the rate is counted per)", "KPI %q is a rate, so it needs per", kpi.ID)
	}
	if n, ok := k.integer("per", false, "10000"); ok {
		if kpi.Unit != model.UnitRate {
			k.errorf("per", `remove per, or write unit = "rate"`, "per only applies to a rate")
		} else if n <= 0 {
			k.errorf("per", "write per = 10000 (or the base the rate is per)", "per must be above zero")
		}
		kpi.Per = n
	}
	kpi.Decimals = 1
	if kpi.Unit == model.UnitCount {
		kpi.Decimals = 0
	}
	if n, ok := k.integer("decimals", false, "1"); ok {
		if n < 0 || n > 6 {
			k.errorf("decimals", "write decimals = 0 to 6", "decimals %d is out of range", n)
		} else {
			kpi.Decimals = n
		}
	}
	switch p := k.str("polarity", true, `"lower"`); p {
	case "higher":
		kpi.Polarity = model.PolarityHigher
	case "lower":
		kpi.Polarity = model.PolarityLower
	case "none":
		kpi.Polarity = model.PolarityNone
	case "":
	default:
		k.errorf("polarity", `write polarity = "higher" (higher is better), "lower" (lower is better) or "none"`, "unknown polarity %q for KPI %q", p, kpi.ID)
	}
	kpi.YAxisFromZero = true
	if k.has("y_axis_from_zero") {
		kpi.YAxisFromZero = k.boolean("y_axis_from_zero")
		kpi.YAxisSet = true
	}
	kpi.OwnPage = k.boolean("page")
	if b, ok := readBand(k); ok {
		kpi.Band = &b
	}
	if b := k.sub("baseline"); b != nil {
		kpi.Baseline = readBaseline(b, kpi)
		b.done()
	}
	kpi.Targets = map[model.FinancialYear]float64{}
	errorsBefore := k.doc.diags.Count(diag.Error)
	if tg := k.sub("targets"); tg != nil {
		for _, key := range tg.keys() {
			fy, err := model.ParseFinancialYear(key)
			if err != nil {
				tg.errorf(key, `name the financial year in quotes, such as "2018/19" = 25`, "%q is not a financial year", key)
				tg.asked[key] = true
				continue
			}
			if v, ok := tg.number(key, false, "25"); ok {
				kpi.Targets[fy] = v
				checkRange(tg, key, kpi, v)
			}
		}
		if kpi.MonitorOnly && len(kpi.Targets) > 0 {
			k.errorf("monitor_only", "remove monitor_only, or remove the targets", "KPI %q is monitor only but has targets", kpi.ID)
		}
		tg.done()
	}
	targetsOK = k.doc.diags.Count(diag.Error) == errorsBefore
	for _, c := range k.list("comparators") {
		cmp := model.Comparator{
			Key:    c.str("key", true, `"sn"`),
			Name:   c.str("name", true, `"Statistical neighbours"`),
			Period: c.str("period", false, ""),
			Source: c.str("source", false, ""),
		}
		if v, ok := c.number("value", true, "23.9"); ok {
			cmp.Value = v
			checkRange(c, "value", kpi, v)
		}
		for _, o := range kpi.Comparators {
			if o.Key == cmp.Key {
				c.errorf("key", "give each comparator of a KPI its own key", "comparator key %q is used twice in KPI %q", cmp.Key, kpi.ID)
			}
		}
		c.done()
		kpi.Comparators = append(kpi.Comparators, cmp)
	}
	k.done()
	return kpi, targetsOK
}

func readBaseline(b *table, kpi *model.KPI) *model.Baseline {
	bl := &model.Baseline{
		Period: b.str("period", true, `"2017/18"`),
		Source: b.str("source", false, ""),
	}
	num, hasNum := b.integer("numerator", false, "112")
	den, hasDen := b.integer("denominator", false, "418")
	v, hasValue := b.number("value", !(hasNum && hasDen), "26.8")
	note := b.str("counts_note", false, `"The report printed 53.0%; the counts give 53.3%."`)
	countsOK := hasNum && hasDen
	if hasNum != hasDen {
		b.errorf("", "give both numerator and denominator, or neither", "the baseline of KPI %q has only one of numerator and denominator", kpi.ID)
	}
	if countsOK {
		bl.HasRatio, bl.Numerator, bl.Denominator = true, num, den
		switch {
		case num < 0 || den < 0:
			b.errorf("numerator", "check the counts with whoever supplied them: each counts people or cases, so it is zero or more", "the baseline of KPI %q has counts %d/%d with a negative number", kpi.ID, num, den)
			countsOK = false
		case den == 0:
			b.errorf("denominator", "write the number the percentage is out of", "the baseline denominator of KPI %q is zero", kpi.ID)
			countsOK = false
		case num > den:
			b.errorf("numerator", "check the counts: the numerator is part of the denominator", "the baseline numerator %d of KPI %q is larger than its denominator %d", num, kpi.ID, den)
			countsOK = false
		case !hasValue:
			v = float64(num) / float64(den) * 100
		}
	}
	bl.Value = v
	if hasValue {
		checkRange(b, "value", kpi, v)
	}
	what := fmt.Sprintf("KPI %q, baseline %s", kpi.ID, bl.Period)
	if checkCounts(b.doc, b.line("value"), b.line("counts_note"), what, kpi, hasValue && countsOK, v, num, den, note) {
		bl.CountsNote = note
	}
	return bl
}

// checkRange reports a percentage outside 0-100 or a negative count.
func checkRange(t *table, key string, kpi *model.KPI, v float64) {
	if kpi.Unit == model.UnitPercent && (v < 0 || v > 100) {
		t.errorf(key, "write a percentage from 0 to 100, without the % sign", "%v is not a percentage (KPI %q)", v, kpi.ID)
	}
	if (kpi.Unit == model.UnitCount || kpi.Unit == model.UnitRate) && v < 0 {
		t.errorf(key, "write a figure of zero or more", "%v is negative (KPI %q)", v, kpi.ID)
	}
}

func loadGlossary(src string, site *model.Site, diags *diag.List) {
	t, _ := parseTOML(GlossaryFile, src, 0, diags)
	if t == nil {
		return
	}
	seen := map[string]int{}
	for _, e := range t.list("term") {
		term := model.Term{
			Abbr:    e.str("abbr", true, `"MASH"`),
			Meaning: e.str("meaning", true, `"Multi-Agency Safeguarding Hub"`),
			Note:    e.str("note", false, ""),
			Pos:     e.pos("abbr"),
		}
		if line, dup := seen[term.Abbr]; dup {
			e.errorf("abbr", fmt.Sprintf("keep one entry for %q (the other is on line %d)", term.Abbr, line), "the glossary lists %q twice", term.Abbr)
		}
		seen[term.Abbr] = e.line("abbr")
		e.done()
		site.Glossary = append(site.Glossary, term)
	}
	t.done()
}
