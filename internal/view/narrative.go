package view

import (
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/format"
	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/model"
)

// narrative is what the narrative of one edition can quote: its figures,
// milestones and charts, and which of them a page has used.
type narrative struct {
	view     *Site
	site     *model.Site
	edition  *model.Edition
	results  map[string]*compute.KPIResult
	priority *model.Priority // the priority whose narrative is converted, if any
	placed   map[string]bool // KPIs placed by {{< kpi-table >}} on this page
	quoted   map[string]bool // KPIs whose figures the narrative quotes
	anchors  map[string]string
}

func (c *narrative) milestoneHref(ref string) (string, bool) {
	a, ok := c.anchors[ref]
	return a, ok
}

// shortcodes returns the handlers the narrative may call.
func (c *narrative) shortcodes(g *markdown.Glossary, f *Findings) map[string]markdown.Handler {
	return map[string]markdown.Handler{
		"value":            c.value,
		"ratio":            c.ratio,
		"target":           c.target,
		"baseline":         c.baseline,
		"comparator":       c.comparator,
		"rag":              c.rag,
		"direction":        c.direction,
		"milestones":       c.milestones,
		"on-track-percent": c.onTrackPercent,
		"kpi-table":        func(a markdown.Args) (markdown.Output, error) { return c.kpiTable(g, a, f) },
		"chart":            func(a markdown.Args) (markdown.Output, error) { return c.authorChart(a, f) },
		"todo":             c.todo, // a writing prompt: load.PromptShortcode
	}
}

// todo shows a writing prompt that planpress new edition left: marked "To
// be written" in a draft, so that a preview shows what is still to do. An
// edition that is not a draft never has one (load reports it as an error),
// so there it shows nothing.
func (c *narrative) todo(a markdown.Args) (markdown.Output, error) {
	if !c.edition.Draft {
		return markdown.Output{}, nil
	}
	words := c.view.t(i18n.NoticeToBeWritten, "prompt", strings.Join(a.Positional, " "))
	return markdown.Output{HTML: `<mark class="todo">` + html.EscapeString(words) + `</mark>`}, nil
}

func text(s string) markdown.Output {
	return markdown.Output{HTML: html.EscapeString(s)}
}

// kpiArg finds the KPI named by the first argument.
func (c *narrative) kpiArg(a markdown.Args, usage string) (*compute.KPIResult, error) {
	if len(a.Positional) == 0 {
		return nil, markdown.Fixf("write "+usage, "a KPI id is needed")
	}
	id := a.Positional[0]
	if c.site.KPI(id) == nil {
		return nil, markdown.Fixf(kpiFix(c.site, id), "unknown KPI %q", id)
	}
	c.quoted[id] = true
	res, ok := c.results[id]
	if !ok {
		return nil, markdown.Fixf(fmt.Sprintf("add its figures to data/editions/%s/kpis.toml", c.edition.ID), "edition %s has no figures for KPI %q", c.edition.ID, id)
	}
	return res, nil
}

func kpiFix(site *model.Site, id string) string {
	ids := make([]string, 0, len(site.KPIs))
	for _, k := range site.KPIs {
		ids = append(ids, k.ID)
	}
	if s := diag.Suggest(id, ids); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return "use an id from data/kpis.toml: " + strings.Join(ids, ", ")
}

// pointArg finds the month named by the second argument ("latest" or YYYY-MM).
func (c *narrative) pointArg(res *compute.KPIResult, a markdown.Args, usage string) (*compute.Point, error) {
	which := "latest"
	if len(a.Positional) > 1 {
		which = a.Positional[1]
	}
	if which == "latest" {
		if p := res.Latest(); p != nil {
			return p, nil
		}
		return nil, markdown.Fixf("add figures for it", "KPI %q has no figures in this edition", res.KPI.ID)
	}
	m, err := model.ParseMonth(which)
	if err != nil {
		return nil, markdown.Fixf("write "+usage+` with a month as YYYY-MM, or "latest"`, "%q is not a month", which)
	}
	p := res.Point(m)
	if p == nil {
		return nil, markdown.Fixf(fmt.Sprintf("quote a month the edition has figures for (%s)", monthsOf(res)), "KPI %q has no figure for %s in this edition", res.KPI.ID, m.Long())
	}
	return p, nil
}

// kpiPoint finds the KPI and month a figure shortcode names.
func (c *narrative) kpiPoint(a markdown.Args, usage string) (*compute.KPIResult, *compute.Point, error) {
	res, err := c.kpiArg(a, usage)
	if err != nil {
		return nil, nil, err
	}
	p, err := c.pointArg(res, a, usage)
	return res, p, err
}

func monthsOf(res *compute.KPIResult) string {
	if len(res.Points) == 0 {
		return "none"
	}
	return res.Points[0].Month.String() + " to " + res.Points[len(res.Points)-1].Month.String()
}

func (c *narrative) value(a markdown.Args) (markdown.Output, error) {
	const usage = "{{< value ID 2019-03 >}}"
	res, p, err := c.kpiPoint(a, usage)
	if err != nil {
		return markdown.Output{}, err
	}
	if !p.HasValue {
		return markdown.Output{}, markdown.Fixf("quote its direction with {{< direction ID MONTH >}}", "KPI %q published only a direction for %s", res.KPI.ID, p.Month.Long())
	}
	return text(format.Number(p.Value, res.KPI.Unit, res.KPI.Decimals)), nil
}

func (c *narrative) ratio(a markdown.Args) (markdown.Output, error) {
	const usage = "{{< ratio ID 2019-03 >}}"
	res, p, err := c.kpiPoint(a, usage)
	if err != nil {
		return markdown.Output{}, err
	}
	if !p.HasRatio {
		return markdown.Output{}, markdown.Fixf("quote the value with {{< value ID MONTH >}}", "KPI %q has no counts for %s", res.KPI.ID, p.Month.Long())
	}
	return text(fmt.Sprintf("%s/%s", format.Number(float64(p.Numerator), model.UnitCount, 0), format.Number(float64(p.Denominator), model.UnitCount, 0))), nil
}

func (c *narrative) target(a markdown.Args) (markdown.Output, error) {
	const usage = "{{< target ID >}}"
	if len(a.Positional) == 0 {
		return markdown.Output{}, markdown.Fixf("write "+usage, "a KPI id is needed")
	}
	kpi := c.site.KPI(a.Positional[0])
	c.quoted[a.Positional[0]] = true
	if kpi == nil {
		return markdown.Output{}, markdown.Fixf(kpiFix(c.site, a.Positional[0]), "unknown KPI %q", a.Positional[0])
	}
	fy := c.site.FinancialYear(c.edition.AsAt)
	if len(a.Positional) > 1 {
		y, err := model.ParseFinancialYear(a.Positional[1])
		if err != nil {
			return markdown.Output{}, markdown.Fixf(`write the financial year as "2018/19"`, "%q is not a financial year", a.Positional[1])
		}
		fy = y
	}
	s := c.edition.Series[kpi.ID]
	if s == nil {
		s = &model.Series{KPI: kpi}
	}
	v, ok := compute.TargetFor(c.site, c.edition, s, fy.First(c.site.FinancialYearStart))
	if !ok {
		return markdown.Output{}, markdown.Fixf("set a target in data/kpis.toml, or do not quote one", "KPI %q has no target for %s", kpi.ID, fy)
	}
	return text(format.Target(v, kpi.Unit, kpi.Decimals)), nil
}

func (c *narrative) baseline(a markdown.Args) (markdown.Output, error) {
	if len(a.Positional) == 0 {
		return markdown.Output{}, markdown.Fixf("write {{< baseline ID >}}", "a KPI id is needed")
	}
	kpi := c.site.KPI(a.Positional[0])
	c.quoted[a.Positional[0]] = true
	if kpi == nil {
		return markdown.Output{}, markdown.Fixf(kpiFix(c.site, a.Positional[0]), "unknown KPI %q", a.Positional[0])
	}
	if kpi.Baseline == nil {
		return markdown.Output{}, markdown.Fixf("add [kpi.baseline] to its definition", "KPI %q has no baseline", kpi.ID)
	}
	return text(format.Number(kpi.Baseline.Value, kpi.Unit, kpi.Decimals)), nil
}

func (c *narrative) comparator(a markdown.Args) (markdown.Output, error) {
	if len(a.Positional) < 2 {
		return markdown.Output{}, markdown.Fixf("write {{< comparator ID sn >}}", "a KPI id and a comparator key are needed")
	}
	kpi := c.site.KPI(a.Positional[0])
	c.quoted[a.Positional[0]] = true
	if kpi == nil {
		return markdown.Output{}, markdown.Fixf(kpiFix(c.site, a.Positional[0]), "unknown KPI %q", a.Positional[0])
	}
	var keys []string
	for _, cmp := range kpi.Comparators {
		if cmp.Key == a.Positional[1] {
			return text(format.Target(cmp.Value, kpi.Unit, kpi.Decimals)), nil
		}
		keys = append(keys, cmp.Key)
	}
	return markdown.Output{}, markdown.Fixf("use one of: "+strings.Join(keys, ", "), "KPI %q has no comparator %q", kpi.ID, a.Positional[1])
}

func (c *narrative) rag(a markdown.Args) (markdown.Output, error) {
	const usage = "{{< rag ID 2019-03 >}}"
	res, p, err := c.kpiPoint(a, usage)
	if err != nil {
		return markdown.Output{}, err
	}
	if p.RAG == model.RAGNone {
		return markdown.Output{}, markdown.Fixf("quote its value instead", "KPI %q has no rating for %s (no target)", res.KPI.ID, p.Month.Long())
	}
	return text(c.view.ragWord(p.RAG)), nil
}

func (c *narrative) direction(a markdown.Args) (markdown.Output, error) {
	const usage = "{{< direction ID 2019-03 >}}"
	res, p, err := c.kpiPoint(a, usage)
	if err != nil {
		return markdown.Output{}, err
	}
	if !p.Travel.Known() {
		return markdown.Output{}, markdown.Fixf("quote a later month", "KPI %q has no previous month to compare %s with", res.KPI.ID, p.Month.Long())
	}
	return text(c.view.travelWord(p.Travel)), nil
}

// milestoneSet picks the milestones named by priority= and status= arguments.
func (c *narrative) milestoneSet(a markdown.Args) ([]*model.Milestone, []model.Status, error) {
	ms := c.edition.Milestones()
	if p, ok := a.Get("priority"); ok {
		n, err := strconv.Atoi(p)
		var found *model.Priority
		for _, pr := range c.edition.Priorities {
			if err == nil && pr.Number == n {
				found = pr
			}
		}
		if found == nil {
			var nums []string
			for _, pr := range c.edition.Priorities {
				nums = append(nums, strconv.Itoa(pr.Number))
			}
			return nil, nil, markdown.Fixf("use one of the edition's priority numbers: "+strings.Join(nums, ", "), "there is no priority %q in this edition", p)
		}
		ms = found.Milestones
	}
	return ms, c.site.Statuses, nil
}

func (c *narrative) milestones(a markdown.Args) (markdown.Output, error) {
	ms, statuses, err := c.milestoneSet(a)
	if err != nil {
		return markdown.Output{}, err
	}
	for k := range a.Named {
		switch k {
		case "priority", "status", "words":
		default:
			return markdown.Output{}, markdown.Fixf(`use priority=N, status="WORD" or words=true`, "unknown argument %q", k)
		}
	}
	n := len(ms)
	if st, ok := a.Get("status"); ok {
		sum := compute.Summarise(ms, statuses)
		switch {
		case st == "on-track":
			n = sum.OnTrack
		default:
			found := false
			var names []string
			for _, s := range statuses {
				names = append(names, fmt.Sprintf("%q", s.Name))
				if s.Name == st || s.Key == st {
					n, found = sum.Count(s.Name), true
				}
			}
			if !found {
				sort.Strings(names)
				return markdown.Output{}, markdown.Fixf("write status=on-track or one of: "+strings.Join(names, ", "), "unknown status %q", st)
			}
		}
	}
	if w, _ := a.Get("words"); w == "true" {
		return text(c.view.Words.NumberWords(n)), nil
	}
	return text(strconv.Itoa(n)), nil
}

func (c *narrative) onTrackPercent(a markdown.Args) (markdown.Output, error) {
	ms, statuses, err := c.milestoneSet(a)
	if err != nil {
		return markdown.Output{}, err
	}
	sum := compute.Summarise(ms, statuses)
	return text(format.Number(sum.OnTrackPercent, model.UnitPercent, 1)), nil
}
