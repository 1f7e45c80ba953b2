// Package synth writes a synthetic planpress site for benchmarks: N quarterly
// editions of an invented council's improvement plan, the same shape as the
// Hugo corpus in shared/bench/hugo-corpus.py (per edition an introduction and
// six priorities; per priority four milestones, three KPIs of twelve months
// and five narrative sections).
//
// Everything it writes is SYNTHETIC: the council, the people, the plan and
// every figure are made up from a seeded random source, and each file says
// so. The same options always give the same bytes.
package synth

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options say how big a site to write.
type Options struct {
	// Editions is how many quarterly editions to write (at least 1).
	Editions int
	// Seed picks the random source; 0 means DefaultSeed.
	Seed uint64
}

// DefaultSeed is the seed used when Options.Seed is 0.
const DefaultSeed = 7

// Last is the publication month of the newest edition, fixed so that output
// never depends on the day it is made and every edition is in the past:
// November 2025. Earlier editions are published every three months before it.
var Last = month(2025*12 + 10) // 2025-11

// Marker is the file that says a folder holds a site written by this package,
// so that Write may replace it.
const Marker = ".planpress-synthetic"

// Banner opens every file this package writes.
const Banner = "SYNTHETIC benchmark data written by planpress bench/gen: the council, the people and every figure are invented."

// Stats describe a written site.
type Stats struct {
	Editions      int
	Files         int
	MarkdownBytes int64 // content/**/*.md
	DataBytes     int64 // planpress.toml and data/**/*.toml
}

// Write writes the site into dir, which must not exist, be empty, or hold a
// site this package wrote before (it is then replaced).
func Write(dir string, o Options) (Stats, error) {
	if o.Editions < 1 {
		return Stats{}, errors.New("synth: at least one edition is needed")
	}
	if o.Editions > 3000 {
		return Stats{}, errors.New("synth: at most 3000 editions (quarters back to the year 1000)")
	}
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if err := prepare(dir); err != nil {
		return Stats{}, err
	}
	w := &writer{dir: dir}
	w.stats.Editions = o.Editions
	g := newGenerator(o)
	g.site(w)
	for i := range g.eds {
		g.edition(w, i)
	}
	if w.err == nil {
		w.put(Marker, []byte(Banner+"\n"))
	}
	return w.stats, w.err
}

func prepare(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
		return fmt.Errorf("synth: %s is not empty and was not written by bench/gen; choose another folder", dir)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// writer writes files and counts them.
type writer struct {
	dir   string
	stats Stats
	err   error
	made  map[string]bool
}

func (w *writer) put(name string, data []byte) {
	if w.err != nil {
		return
	}
	full := filepath.Join(w.dir, filepath.FromSlash(name))
	d := filepath.Dir(full)
	if w.made == nil {
		w.made = map[string]bool{}
	}
	if !w.made[d] {
		if err := os.MkdirAll(d, 0o755); err != nil {
			w.err = err
			return
		}
		w.made[d] = true
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		w.err = err
		return
	}
	w.stats.Files++
	switch {
	case strings.HasSuffix(name, ".md"):
		w.stats.MarkdownBytes += int64(len(data))
	case strings.HasSuffix(name, ".toml"):
		w.stats.DataBytes += int64(len(data))
	}
}

// month counts months from January of year 0 (0 = January 0000), so that
// month arithmetic is integer arithmetic.
type month int

func (m month) year() int  { return int(m) / 12 }
func (m month) mon() int   { return int(m)%12 + 1 }
func (m month) ym() string { return fmt.Sprintf("%04d-%02d", m.year(), m.mon()) }

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func (m month) long() string { return monthNames[m.mon()-1] + " " + fmt.Sprint(m.year()) }

// fy is the first calendar year of the financial year (April to March) m is in.
func (m month) fy() int {
	if m.mon() >= 4 {
		return m.year()
	}
	return m.year() - 1
}

func fyName(y int) string { return fmt.Sprintf("%04d/%02d", y, (y+1)%100) }

// edition is one quarter's report.
type edition struct {
	id        string
	published month
	asAt      month
	from      month
}

type generator struct {
	seed  uint64
	eds   []edition
	first month // the first month any edition shows
	last  month // the last month any edition shows
	// series[k][m-first] is KPI k's figure for month m, the same in every
	// edition that shows the month: series continue across editions.
	series [][]figure
}

type figure struct {
	value     float64
	num, den  int
	direction string
}

func newGenerator(o Options) *generator {
	g := &generator{seed: o.Seed}
	for i := range o.Editions {
		p := Last - month(3*(o.Editions-1-i))
		asAt := p - 2
		g.eds = append(g.eds, edition{id: p.ym(), published: p, asAt: asAt, from: asAt - 11})
	}
	g.first, g.last = g.eds[0].from, g.eds[len(g.eds)-1].asAt
	r := g.rand(0xC0FFEE)
	for _, k := range kpis {
		n := int(g.last-g.first) + 1
		s := make([]figure, n)
		v := k.lo + (k.hi-k.lo)*(0.3+0.4*r.Float64())
		for i := range s {
			step := (k.hi - k.lo) * 0.04 * r.NormFloat64()
			// Drift gently back towards the middle, and bounce off the ends,
			// so the walk stays in range.
			v += step + ((k.lo+k.hi)/2-v)*0.03
			if v < k.lo {
				v = 2*k.lo - v
			}
			if v > k.hi {
				v = 2*k.hi - v
			}
			v = math.Max(k.lo, math.Min(k.hi, v))
			f := figure{value: round(v, k.decimals)}
			if k.counts {
				f.den = 150 + r.IntN(300)
				f.num = int(math.Round(v / 100 * float64(f.den)))
				f.value = round(float64(f.num)/float64(f.den)*100, k.decimals)
			}
			if k.directionOnly && i > 0 {
				switch {
				case step > (k.hi-k.lo)*0.01:
					f.direction = "up"
				case step < -(k.hi-k.lo)*0.01:
					f.direction = "down"
				default:
					f.direction = "same"
				}
			}
			s[i] = f
		}
		if k.directionOnly && n > 0 {
			s[0].direction = "same"
		}
		g.series = append(g.series, s)
	}
	return g
}

// rand returns a random source for one part of the site, so that each part
// is the same whatever else is written.
func (g *generator) rand(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, stream))
}

func (g *generator) fig(k int, m month) figure { return g.series[k][m-g.first] }

// round rounds half away from zero at the given decimals, exactly as
// planpress compares published figures with their counts.
func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p+math.Copysign(1e-9, v)) / p
}

func fixed(v float64, decimals int) string { return fmt.Sprintf("%.*f", decimals, round(v, decimals)) }

// kpi is one synthetic indicator.
type kpi struct {
	id, title, short, unit  string
	per, decimals           int
	polarity                string
	lo, hi                  float64 // the range its figures wander in
	target                  float64 // the first year's target; 0 for none
	counts                  bool    // published with numerator/denominator
	directionOnly           bool    // the edition publishes "up"/"down" only
	monitorOnly, proxy      bool
	comparator, countsTitle string
	description             string
}

// kpis are three per priority, in priority order.
var kpis = []kpi{
	{id: "contacts-to-referral", title: "Contacts to the MASH that became a referral", short: "Contacts becoming referrals", unit: "percent", decimals: 1, polarity: "none", lo: 18, hi: 42, monitorOnly: true, proxy: true, description: "Of the contacts the MASH received in the month, the share that went on to a referral to children's social care."},
	{id: "s47-rate", title: "Section 47 enquiries per 10,000 children", short: "s47 enquiries per 10,000", unit: "rate", per: 10000, decimals: 1, polarity: "none", lo: 120, hi: 260, directionOnly: true, description: "How many s47 enquiries were started for every 10,000 children. The monthly report publishes only whether the rate went up or down."},
	{id: "assessments-in-45-days", title: "Single assessments completed within 45 working days (year to date)", short: "Assessments within 45 days", unit: "percent", decimals: 1, polarity: "higher", lo: 62, hi: 97, target: 85, counts: true, countsTitle: "Assessments on time / all assessments", comparator: "83.1", description: "Of the single assessments completed so far in the financial year, the share completed within 45 working days of the referral."},
	{id: "re-referrals", title: "Referrals within 12 months of a previous referral (year to date)", short: "Re-referrals", unit: "percent", decimals: 1, polarity: "lower", lo: 14, hi: 34, target: 23, comparator: "22.0", description: "Of the referrals received so far in the financial year, the share about a child referred in the 12 months before."},
	{id: "multiple-cp-plans", title: "Children subject to a CP plan for a second or later time", short: "Repeat CP plans", unit: "percent", decimals: 1, polarity: "lower", lo: 12, hi: 34, target: 20, counts: true, countsTitle: "Repeat plans / all new plans", comparator: "21.4", description: "Of the children starting a child protection plan in the year to date, the share who had been on one before."},
	{id: "plans-with-contingency", title: "Care plans that record a contingency plan", short: "Plans with a contingency", unit: "percent", decimals: 1, polarity: "higher", lo: 40, hi: 96, target: 90, description: "Of the care plans audited in the month, the share that record what will happen if the plan does not work."},
	{id: "short-term-stability", title: "Children in care with three or more placements in the year", short: "Short-term stability", unit: "percent", decimals: 1, polarity: "lower", lo: 5, hi: 18, target: 10, counts: true, countsTitle: "Children with 3+ moves / children in care", comparator: "10.6", description: "Of the children in care at the end of the month, the share who had lived in three or more places in the previous 12 months."},
	{id: "long-term-stability", title: "Children in care for 2.5 years or more in the same placement for 2 years", short: "Long-term stability", unit: "percent", decimals: 1, polarity: "higher", lo: 50, hi: 82, target: 70, counts: true, countsTitle: "Children in a stable placement / children in care 2.5 years", comparator: "68.0", description: "Of the children under 16 who have been in care for two and a half years or more, the share who have lived in the same place for two years."},
	{id: "children-in-care-rate", title: "Children in care per 10,000 children", short: "Children in care per 10,000", unit: "rate", per: 10000, decimals: 1, polarity: "none", lo: 70, hi: 105, monitorOnly: true, description: "How many children were in the council's care for every 10,000 children living in the area."},
	{id: "care-leavers-eet", title: "Care leavers aged 19 to 21 in education, employment or training", short: "Care leavers in EET", unit: "percent", decimals: 1, polarity: "higher", lo: 35, hi: 75, target: 60, counts: true, countsTitle: "Care leavers in EET / care leavers aged 19 to 21", comparator: "52.5", description: "Of the care leavers the council is in touch with, the share in education, employment or training."},
	{id: "care-leavers-accommodation", title: "Care leavers aged 19 to 21 in suitable accommodation", short: "Care leavers suitably housed", unit: "percent", decimals: 1, polarity: "higher", lo: 70, hi: 98, target: 90, description: "Of the care leavers the council is in touch with, the share living somewhere suitable."},
	{id: "pathway-plans-in-date", title: "Care leavers with a pathway plan reviewed in the last six months", short: "Pathway plans in date", unit: "percent", decimals: 1, polarity: "higher", lo: 60, hi: 99, target: 95, description: "Of the care leavers who should have one, the share whose pathway plan has been reviewed in the last six months."},
	{id: "social-worker-vacancies", title: "Social worker posts vacant", short: "Vacancy rate", unit: "percent", decimals: 1, polarity: "lower", lo: 4, hi: 24, target: 10, description: "Of the funded social worker posts, the share with no permanent social worker in post at the end of the month."},
	{id: "agency-social-workers", title: "Social workers employed through an agency", short: "Agency social workers", unit: "percent", decimals: 1, polarity: "lower", lo: 5, hi: 28, target: 12, description: "Of the social workers in post at the end of the month, the share employed through an agency."},
	{id: "average-caseload", title: "Average number of children per social worker", short: "Average caseload", unit: "number", decimals: 1, polarity: "lower", lo: 12, hi: 26, target: 18, description: "The number of children allocated to social workers, divided by the number of full-time social workers."},
	{id: "audits-good-or-better", title: "Case audits rated good or outstanding", short: "Audits good or better", unit: "percent", decimals: 1, polarity: "higher", lo: 25, hi: 75, target: 60, description: "Of the case audits moderated in the month, the share rated good or outstanding."},
	{id: "audits-completed", title: "Case audits completed in the month", short: "Audits completed", unit: "count", decimals: 0, polarity: "higher", lo: 20, hi: 70, target: 40, description: "How many case audits were completed and moderated in the month."},
	{id: "supervision-in-timescale", title: "Social workers supervised within timescale", short: "Supervision on time", unit: "percent", decimals: 1, polarity: "higher", lo: 55, hi: 98, target: 85, description: "Of the social workers in post, the share whose last supervision was within the four weeks the policy sets."},
}

// priority is one of the plan's six priorities; its KPIs are kpis[3(n-1):3n].
type priority struct {
	title, commitment, want string
}

var priorities = []priority{
	{"The front door", "We will make sure that every contact is answered by the right service at the right time.", "Children and families get the right help at the first contact, and no child waits for a decision about their safety."},
	{"Written plans", "We will improve the quality of written plans.", "Written plans deal with risk and need, say who will do each action and by when, and are reviewed as circumstances change."},
	{"Stable homes for children in care", "We will find children in care homes that last.", "Children in care live in homes that meet their needs, with as few moves as possible, close to the people who matter to them."},
	{"Care leavers", "We will help care leavers into work, learning and a home of their own.", "Care leavers are in education, employment or training, live somewhere safe and suitable, and have a pathway plan that is up to date."},
	{"A stable, skilled workforce", "We will recruit and keep social workers, and keep caseloads manageable.", "Social workers are permanent, well supervised and carry caseloads that let them know every child well."},
	{"Learning from quality assurance", "We will use audits to find out what works, and act on what we learn.", "Audits are done on time, moderated, and lead to changes in practice that can be seen in children's records."},
}

var glossary = [][3]string{
	{"CIN", "Child in need", "A child who needs extra help from children's services to stay safe, healthy or to develop."},
	{"CP", "Child protection", "Work to protect a child who is suffering, or likely to suffer, significant harm."},
	{"CSC", "Children's social care", "The council's statutory social work service for children."},
	{"DfE", "Department for Education", "The government department that publishes national figures for children's services."},
	{"EET", "Education, employment or training", "Whether a young person is in learning or work."},
	{"ICPC", "Initial child protection conference", "The first meeting of professionals and family to decide whether a child needs a child protection plan."},
	{"IRO", "Independent Reviewing Officer", "A social worker, independent of the child's case, who chairs reviews for children in care."},
	{"KPI", "Key performance indicator", "A figure the plan uses to measure progress."},
	{"LADO", "Local Authority Designated Officer", "The officer who manages allegations against adults who work with children."},
	{"MASH", "Multi-Agency Safeguarding Hub", "Where police, health and social care look at contacts together."},
	{"PSW", "Principal Social Worker", "The senior social worker who leads on the quality of practice."},
	{"QA", "Quality assurance", "Checking the quality of work, for example by auditing case records."},
	{"RAG", "Red, amber, green", "A traffic-light rating of performance, always shown with its word."},
	{"s47", "Section 47 enquiry", "An enquiry made when there is reason to think a child is suffering, or likely to suffer, significant harm."},
	{"SAM", "Safeguarding Assurance Meeting", "A quarterly meeting that monitors progress on this plan."},
	{"SN", "Statistical neighbours", "A group of councils similar to this one, used for comparison."},
	{"YTD", "Year to date", "From the start of the financial year (April) to the month shown."},
}

// site writes the files that every edition shares.
func (g *generator) site(w *writer) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n# Seed %d, %d editions.\n\n", Banner, g.seed, len(g.eds))
	b.WriteString(`title = "Synthetic improvement plan progress report"
organisation = "Synthetic Borough Council (invented for benchmarks)"
service = "Children's Services (synthetic)"
description = "SYNTHETIC data for benchmarking planpress: quarterly progress against an invented improvement plan."
base_url = "https://synthetic.example.org/"
language = "en-GB"
financial_year_start = 4

[rag]
amber_band = 15
amber_mode = "relative"

[[statuses]]
name = "COMPLETE"
rag = "green"
on_track = true
description = "The milestone has been achieved."

[[statuses]]
name = "ON TRACK"
rag = "green"
on_track = true
description = "Work is going to plan."

[[statuses]]
name = "SLIGHT SLIPPAGE"
rag = "amber"
description = "Work has started but is a little behind plan."

[[statuses]]
name = "OFF TRACK"
rag = "red"
description = "Work is well behind plan."

[[statuses]]
name = "NOT YET DUE"
rag = "none"
description = "Work is not scheduled to have started yet."

`)
	insp := g.first + 5
	fmt.Fprintf(&b, "[[events]]\nname = \"Inspection\"\nfrom = %q\nto = %q\nsplit = %q\nbefore_label = \"Before the inspection\"\nafter_label = \"After the inspection\"\n\n", insp.ym(), (insp + 1).ym(), (insp + 1).ym())
	b.WriteString(`[contact]
name = "A. Synthetic"
role = "Head of Service (invented)"
team = "Children's Services"
organisation = "Synthetic Borough Council"
address = ["1 Example Street", "Exampletown", "EX1 1AA"]
email = "reports@synthetic.example.org"

[accessibility]
status = "partial"
tested = "2025-11-01"
prepared = "2025-11-01"
reviewed = "2025-11-01"
method = "Synthetic benchmark site: not tested."
issues = ["This is invented benchmark data, not a real report."]
response_days = 5
`)
	w.put("planpress.toml", b.Bytes())

	b.Reset()
	fmt.Fprintf(&b, "# %s\n\n", Banner)
	baseFY := g.first.fy() - 1
	for i, k := range kpis {
		fmt.Fprintf(&b, "[[kpi]]\nid = %q\ntitle = %q\nshort_title = %q\nunit = %q\n", k.id, k.title, k.short, k.unit)
		if k.per != 0 {
			fmt.Fprintf(&b, "per = %d\n", k.per)
		}
		fmt.Fprintf(&b, "decimals = %d\npolarity = %q\ndescription = %q\n", k.decimals, k.polarity, k.description)
		if k.countsTitle != "" {
			fmt.Fprintf(&b, "count_title = %q\n", k.countsTitle)
		}
		if k.proxy {
			b.WriteString("proxy = true\nproxy_note = \"A proxy measure: the two counts it divides are not linked child by child, so the result is only approximate.\"\n")
		}
		if k.monitorOnly {
			b.WriteString("monitor_only = true\n")
		}
		base := g.series[i][0]
		fmt.Fprintf(&b, "\n[kpi.baseline]\nvalue = %s\nperiod = %q\nsource = \"Synthetic\"\n", fixed(base.value, k.decimals), fyName(baseFY))
		if k.target != 0 {
			b.WriteString("\n[kpi.targets]\n")
			for y := g.first.fy(); y <= g.last.fy(); y++ {
				// Targets tighten a little each year, then hold.
				step := float64(min(y-g.first.fy(), 5)) * 0.01 * k.target
				t := k.target - step
				if k.polarity == "higher" {
					t = math.Min(k.target+step, k.hi)
				}
				fmt.Fprintf(&b, "%q = %s\n", fyName(y), fixed(t, k.decimals))
			}
		}
		if k.comparator != "" {
			fmt.Fprintf(&b, "\n[[kpi.comparators]]\nkey = \"sn\"\nname = \"Statistical neighbours\"\nvalue = %s\nperiod = %q\n", k.comparator, fyName(baseFY))
		}
		b.WriteString("\n")
	}
	w.put("data/kpis.toml", b.Bytes())

	b.Reset()
	fmt.Fprintf(&b, "# %s\n", Banner)
	for _, t := range glossary {
		fmt.Fprintf(&b, "\n[[term]]\nabbr = %q\nmeaning = %q\nnote = %q\n", t[0], t[1], t[2])
	}
	w.put("data/glossary.toml", b.Bytes())

	w.put("content/_index.md", []byte(`+++
title = "Synthetic improvement plan progress reports"
+++
**This site is synthetic.** It was written by planpress's benchmark generator (bench/gen) to measure how fast planpress builds a large archive. The council, the people, the plan and every figure in it are invented.

Each edition sets out progress against the plan: the milestones promised, whether each one is on track, and the KPI figures used to measure the difference for children and families.
`))
	w.put("content/pages/about.md", []byte(`+++
title = "About this synthetic report"
+++
## What this is

A benchmark site, not a report. Every edition, milestone and figure here was made up by a seeded random generator, so that planpress can be timed on an archive of any size. Nothing in it describes a real council.

## How it is made

`+"`go run ./bench/gen -editions N -out DIR`"+` writes N quarterly editions. Each has an introduction and six priorities; each priority has four milestones, three KPIs of twelve months and five narrative sections.
`))
}

// edition writes one edition's content and figures.
func (g *generator) edition(w *writer, i int) {
	e := g.eds[i]
	r := g.rand(uint64(i) + 1)
	dir := "content/editions/" + e.id + "/"
	t := &textGen{r: r}

	statuses := make([][]string, len(priorities))
	for p := range priorities {
		for range 4 {
			statuses[p] = append(statuses[p], pickStatus(r))
		}
	}

	// The introduction.
	var b bytes.Buffer
	fmt.Fprintf(&b, "+++\n# %s\ntitle = \"Synthetic improvement plan progress report, %s\"\npublished = %q\nas_at = %q\nfrom = %q\nto = %q\n",
		Banner, e.published.long(), e.published.ym(), e.asAt.ym(), e.from.ym(), e.asAt.ym())
	fmt.Fprintf(&b, "summary = \"Progress to the end of %s against the six priorities of the (synthetic) improvement plan.\"\n", e.asAt.long())
	b.WriteString("caveat = \"Synthetic figures, invented for benchmarking: they describe no real council.\"\ndraft = false\n\n[signatory]\nname = \"B. Synthetic\"\nrole = \"Director of Children's Services (invented)\"\n+++\n")
	b.WriteString("## Introduction\n\n")
	b.WriteString(t.para(420) + "\n\n")
	b.WriteString("## Headlines\n\n")
	for _, k := range []int{3, 6, 9} {
		b.WriteString("- " + g.headline(t, e, k) + "\n")
	}
	b.WriteString("\n## Summary of progress against milestones\n\n")
	b.WriteString("The six priorities have {{< milestones >}} milestones between them. We are on track with {{< milestones status=on-track >}} of them ({{< on-track-percent >}}), and {{< milestones status=\"NOT YET DUE\" words=true >}} are not yet due to start. ")
	b.WriteString(t.para(180) + "\n")
	w.put(dir+"_index.md", b.Bytes())

	for p := range priorities {
		w.put(fmt.Sprintf("%spriority-%d.md", dir, p+1), g.priority(t, e, p, statuses[p]))
	}

	// The figures, as this edition published them.
	b.Reset()
	fmt.Fprintf(&b, "# %s\n# The figures as the %s edition published them, %s to %s.\n", Banner, e.published.long(), e.from.long(), e.asAt.long())
	for k, def := range kpis {
		fmt.Fprintf(&b, "\n[%s]\n", def.id)
		for m := e.from; m <= e.asAt; m++ {
			f := g.fig(k, m)
			switch {
			case def.directionOnly:
				fmt.Fprintf(&b, "%q = %q\n", m.ym(), f.direction)
			case def.counts:
				fmt.Fprintf(&b, "%q = { value = %s, numerator = %d, denominator = %d }\n", m.ym(), fixed(f.value, def.decimals), f.num, f.den)
			default:
				fmt.Fprintf(&b, "%q = %s\n", m.ym(), fixed(f.value, def.decimals))
			}
		}
	}
	w.put("data/editions/"+e.id+"/kpis.toml", b.Bytes())
}

func pickStatus(r *rand.Rand) string {
	x := r.IntN(100)
	switch {
	case x < 15:
		return "COMPLETE"
	case x < 60:
		return "ON TRACK"
	case x < 78:
		return "SLIGHT SLIPPAGE"
	case x < 88:
		return "OFF TRACK"
	default:
		return "NOT YET DUE"
	}
}

// headline is one bullet of the introduction, quoting a KPI.
func (g *generator) headline(t *textGen, e edition, k int) string {
	def := kpis[k]
	return fmt.Sprintf("**%s.** The figure was {{< value %s %s >}} in %s and {{< value %s latest >}} in %s, against a target of {{< target %s >}} and a baseline of {{< baseline %s >}}. %s",
		def.short, def.id, (e.asAt - 6).ym(), (e.asAt - 6).long(), def.id, e.asAt.long(), def.id, def.id, t.sentence())
}

// priority writes one priority file: the plan in front matter, then the narrative.
func (g *generator) priority(t *textGen, e edition, p int, statuses []string) []byte {
	n := p + 1
	pr := priorities[p]
	ks := kpis[3*p : 3*p+3]
	var b bytes.Buffer
	fmt.Fprintf(&b, "+++\n# %s\nnumber = %d\nlabel = \"Priority %d\"\ntitle = %q\ncommitment = %q\nkpis = [%q, %q, %q]\n",
		Banner, n, n, pr.title, pr.commitment, ks[0].id, ks[1].id, ks[2].id)
	for m := range 4 {
		fmt.Fprintf(&b, "\n[[milestones]]\nref = \"%d.%d\"\nmilestone = %q\nimpact = [%q]\nqa = [%q]\n",
			n, m+1, t.milestone(), t.sentenceN(110), t.qa())
		switch statuses[m] {
		case "NOT YET DUE":
			fmt.Fprintf(&b, "commenced = %q\n", (e.asAt + month(1+t.r.IntN(5))).ym())
		case "COMPLETE":
			fmt.Fprintf(&b, "due = %q\n", (e.asAt - month(t.r.IntN(6))).ym())
		default:
			if t.r.IntN(2) == 0 {
				fmt.Fprintf(&b, "commenced = %q\n", (e.asAt - month(1+t.r.IntN(9))).ym())
			} else {
				b.WriteString("timing = \"Year long\"\n")
			}
		}
		fmt.Fprintf(&b, "status = %q\n", statuses[m])
	}
	if n == 2 {
		b.WriteString("\n[[charts]]\nid = \"audit-headlines\"\ntitle = \"Care plan audit: actions with dates and responsible people (synthetic)\"\nkind = \"bar\"\nunit = \"plans\"\n")
		b.WriteString("categories = [\"Some actions lack a date or a person\", \"Every action lacks both\", \"Every action has both\", \"Every action has a date\", \"Every action has a person\"]\n")
		fmt.Fprintf(&b, "values = [%d, %d, %d, %d, %d]\n", 200+t.r.IntN(400), 100+t.r.IntN(400), 20+t.r.IntN(80), 40+t.r.IntN(100), 60+t.r.IntN(120))
	}
	b.WriteString("+++\n")

	b.WriteString("## What we want to achieve\n\n" + pr.want + " " + t.para(100) + "\n\n")

	b.WriteString("## How are we doing?\n\n")
	fmt.Fprintf(&b, "There are {{< milestones priority=%d words=true >}} milestones in this priority, and we are on track with {{< milestones priority=%d status=on-track words=true >}} of them. %s\n\n", n, n, t.sentence())
	var quoted []string
	for _, k := range ks {
		if k.directionOnly {
			continue
		}
		s := fmt.Sprintf("%s was {{< value %s %s >}} in %s, against {{< value %s %s >}} three months before", k.short, k.id, e.asAt.ym(), e.asAt.long(), k.id, (e.asAt - 3).ym())
		if k.target != 0 {
			s += fmt.Sprintf(" and a target of {{< target %s >}}", k.id)
		}
		if k.comparator != "" {
			s += fmt.Sprintf("; our statistical neighbours' figure is {{< comparator %s sn >}}", k.id)
		}
		quoted = append(quoted, s+".")
	}
	b.WriteString(strings.Join(quoted, " ") + " " + t.para(120) + "\n\n")
	fmt.Fprintf(&b, "{{< kpi-table %s %s %s >}}\n\n", ks[0].id, ks[1].id, ks[2].id)

	b.WriteString("## What's working well?\n\n")
	refs := t.r.Perm(4)
	fmt.Fprintf(&b, "%d.%d: %s\n\n", n, refs[0]+1, t.para(300))
	fmt.Fprintf(&b, "%d.%d: %s\n\n", n, refs[1]+1, t.para(240))

	b.WriteString("## What are we worried about?\n\n")
	b.WriteString(t.para(320) + "\n\n")
	if n == 2 {
		b.WriteString("What the audit found, by number of plans:\n\n{{< chart audit-headlines >}}\n\n")
	}
	fmt.Fprintf(&b, "%d.%d: %s\n\n", n, refs[2]+1, t.para(260))

	b.WriteString("## What needs to happen?\n\n")
	for range 3 {
		b.WriteString("- " + t.para(150) + "\n")
	}
	b.WriteString("\n" + t.para(130) + "\n")
	return b.Bytes()
}

// textGen makes plausible report prose from a seeded source. Its only
// capitalised abbreviations are the glossary's.
type textGen struct{ r *rand.Rand }

func (t *textGen) pick(list []string) string { return list[t.r.IntN(len(list))] }

var (
	subjects       = []string{"The MASH", "The front door team", "The PSW", "Every team manager", "The QA service", "The IRO service", "The improvement board", "The workforce development team", "Each service manager", "The LADO", "The care leavers team", "The fostering service", "The multi-agency steering group", "The SAM"}
	verbs          = []string{"has completed", "has started", "is reviewing", "has repeated", "is piloting", "has agreed", "has published", "is rolling out", "has tested", "has strengthened"}
	objects        = []string{"a benchmark audit of written plans", "monthly dip samples of CP plans", "a new threshold document for partners", "the step-down process from CIN plans", "supervision templates for practitioners", "the quality assurance framework", "a recruitment campaign for experienced social workers", "training on contingency planning", "the tracker for children in care who move home", "the pathway planning toolkit", "the escalation process for IRO challenges", "its audit timetable for the year", "the KPI report to the board", "a workshop series on analysis in assessments"}
	tails          = []string{"and the findings went to the senior management team", "so that every child's plan says who will act and by when", "with the results reported to the SAM every quarter", "which should reduce drift and delay for children", "and early signs are that practice is improving", "though it is too soon to see the effect in the figures", "in line with the DfE's guidance", "as the inspection recommended", "and the learning has been shared with every team", "with a further review due in the next quarter"}
	openers        = []string{"Over the quarter,", "Since the last report,", "In the period to the as-at month,", "Following the inspection,", "As planned,", "Despite pressure on caseloads,", "Alongside this,", "In addition,"}
	milestoneVerbs = []string{"Review", "Introduce", "Strengthen", "Embed", "Audit", "Roll out", "Redesign", "Agree"}
	qaList         = []string{"Monthly review in the improvement board, with a quarterly report to the SAM.", "Quarterly dip sample by the QA service, moderated by the PSW.", "Reviewed every month against the KPI report.", "Audit findings reported to the board every two months."}
)

func (t *textGen) sentence() string {
	s := t.pick(subjects) + " " + t.pick(verbs) + " " + t.pick(objects) + ", " + t.pick(tails) + "."
	if t.r.IntN(3) == 0 {
		s = t.pick(openers) + " " + strings.ToLower(s[:1]) + s[1:]
		// Keep abbreviations in capitals after lower-casing the first letter.
		for _, a := range []string{"mASH", "pSW", "qA", "iRO", "lADO", "sAM"} {
			s = strings.Replace(s, " "+a+" ", " "+strings.ToUpper(a[:1])+a[1:]+" ", 1)
		}
	}
	return s
}

// sentenceN is one sentence cut to about n bytes at a word boundary.
func (t *textGen) sentenceN(n int) string {
	s := t.sentence()
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < 0 {
		return s
	}
	return strings.TrimRight(s[:cut], ",") + "."
}

// para is sentences adding up to at least n bytes.
func (t *textGen) para(n int) string {
	var parts []string
	size := 0
	for size < n {
		s := t.sentence()
		parts = append(parts, s)
		size += len(s) + 1
	}
	return strings.Join(parts, " ")
}

func (t *textGen) milestone() string {
	return t.pick(milestoneVerbs) + " " + t.pick(objects) + ", " + t.pick(tails) + ". " + t.sentenceN(90)
}

func (t *textGen) qa() string { return t.pick(qaList) }

// Sizes returns the bytes of Markdown (content/**/*.md) under a folder, for
// comparing a site with the Hugo corpus.
func Sizes(dir string) (markdown, other int64, err error) {
	err = filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".md") {
			markdown += info.Size()
		} else {
			other += info.Size()
		}
		return nil
	})
	return markdown, other, err
}
