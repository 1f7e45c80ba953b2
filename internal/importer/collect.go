package importer

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// collector gathers the figures of one or more sheets for one edition's
// period, and the problems found on the way.
type collector struct {
	from, to model.Month
	match    *matcher
	probs    problems
	entries  map[entryKey]*entry
	order    []*entry
	// leftOut counts the figures given for each month outside the period.
	leftOut map[model.Month]int
}

type entryKey struct {
	kpi   string
	month model.Month
}

// entry is one KPI's figure for one month, as the spreadsheet gives it: a
// value (or direction, or counts) and, from a counts row or columns, counts.
type entry struct {
	kpi               *model.KPI
	month             model.Month
	value, counts     Cell
	valueAt, countsAt Location
}

func newCollector(kpis []*model.KPI, from, to model.Month) *collector {
	return &collector{from: from, to: to, match: newMatcher(kpis), entries: map[entryKey]*entry{}, leftOut: map[model.Month]int{}}
}

func (c *collector) inPeriod(m model.Month) bool { return m >= c.from && m <= c.to }

func (c *collector) entry(k *model.KPI, m model.Month) *entry {
	key := entryKey{k.ID, m}
	e := c.entries[key]
	if e == nil {
		e = &entry{kpi: k, month: m}
		c.entries[key] = e
		c.order = append(c.order, e)
	}
	return e
}

// addValue records the figure a KPI's own cell gives for a month.
func (c *collector) addValue(k *model.KPI, m model.Month, v Cell, at Location) {
	e := c.entry(k, m)
	if e.value.Kind != Blank {
		c.probs.errorf(at, fmt.Sprintf("keep one of them: clear this cell or %s", e.valueAt.relativeTo(at)),
			"%s, %s is given twice: here and in %s", k.ID, m.Long(), e.valueAt.relativeTo(at))
		return
	}
	e.value, e.valueAt = v, at
}

// addCounts records the counts a counts row (or columns) gives for a month.
func (c *collector) addCounts(k *model.KPI, m model.Month, v Cell, at Location) {
	e := c.entry(k, m)
	if e.counts.Kind != Blank {
		c.probs.errorf(at, fmt.Sprintf("keep one of them: clear this cell or %s", e.countsAt.relativeTo(at)),
			"the counts for %s, %s are given twice: here and in %s", k.ID, m.Long(), e.countsAt.relativeTo(at))
		return
	}
	e.counts, e.countsAt = v, at
}

// hasFigure reports whether a cell gives anything to import or to refuse:
// blank cells and "n/d" do not.
func hasFigure(g *grid, row, col int) bool {
	cell := g.cell(row, col)
	if cell.blank() {
		return false
	}
	v, err := cell.figure()
	return err != nil || v.Kind != Blank && v.Kind != NoFigure
}

// SheetReport says how a sheet was read.
type SheetReport struct {
	Name  string // "" for a CSV file
	Shape Shape
	// HeaderRow is the 1-based row of the headings; 0 when none was found.
	HeaderRow int
	// Skipped says why the sheet was not read, when it was not.
	Skipped string
	// NotRead lists the headed columns that hold neither months nor KPI
	// names, such as `B "2017/18 actual"`.
	NotRead []string
}

// readWide reads a sheet with one row per KPI and one column per month.
// Under a KPI's row, a row labelled with the KPI's count title or
// "Numerator/denominator" gives the month's counts (64/282).
func (c *collector) readWide(g *grid, h header) SheetReport {
	rep := SheetReport{Name: g.sheet, Shape: Wide, HeaderRow: h.row + 1}
	cols := h.cols
	label := c.labelColumn(g, h.row, cols)
	for col, cell := range g.rows[h.row] {
		if _, month := cols[col]; !month && col != label && !cell.blank() {
			rep.NotRead = append(rep.NotRead, fmt.Sprintf("%s %q", columnName(col+1), cleanSpace(cell.text)))
		}
	}
	var last *model.KPI // the KPI of the nearest KPI row above
	for r := h.row + 1; r < len(g.rows); r++ {
		// A second table further down may head its own months.
		if again := monthColumns(g, r, false); len(again) >= 2 {
			cols, last = again, nil
			continue
		}
		name := cleanSpace(g.cell(r, label).text)
		k, ambiguous := c.match.kpi(name)
		var inPeriod []int
		figures := false
		for col, m := range cols {
			if !hasFigure(g, r, col) {
				if g.cell(r, col).blank() && c.inPeriod(m) {
					inPeriod = append(inPeriod, col) // a formula without a saved result shows blank
				}
				continue
			}
			if !c.inPeriod(m) {
				if k != nil {
					c.leftOut[m]++
				}
				continue
			}
			figures = true
			inPeriod = append(inPeriod, col)
		}
		sort.Ints(inPeriod)
		switch {
		case k != nil:
			last = k
			for _, col := range inPeriod {
				c.wideCell(g, r, col, k, cols[col], false)
			}
		case len(ambiguous) > 0:
			c.probs.errorf(g.at(r, label), "write the KPI's id instead", "%q names more than one KPI (%s)", name, ids(ambiguous))
		default:
			ck, isCounts := c.match.countsOf(name)
			switch {
			case isCounts && ck != nil && last != nil && ck != last:
				c.probs.errorf(g.at(r, label), fmt.Sprintf("move the row to just under the row of %q", ck.ID),
					"%q is the count title of KPI %q, but the row is under KPI %q", name, ck.ID, last.ID)
			case isCounts && last == nil:
				if figures {
					c.probs.errorf(g.at(r, label), "put the counts row just under its KPI's row", "a counts row (%q) with no KPI row above it", name)
				}
			case isCounts:
				for _, col := range inPeriod {
					c.wideCell(g, r, col, last, cols[col], true)
				}
			case !figures:
				// A title, a section heading, a note or a blank row.
				if name != "" {
					last = nil
				}
			case name == "":
				c.probs.errorf(g.at(r, label), fmt.Sprintf("write the KPI's id, title or report label in column %s, or delete the row", columnName(label+1)),
					"this row has figures but does not say which KPI they are for")
			default:
				c.probs.errorf(g.at(r, label), c.match.unknownFix(name), "%q is not a KPI of this site", name)
			}
		}
	}
	return rep
}

// wideCell reads one month's cell of a KPI row or its counts row.
func (c *collector) wideCell(g *grid, r, col int, k *model.KPI, m model.Month, counts bool) {
	at := g.at(r, col)
	cell := g.cell(r, col)
	if cell.blank() {
		if g.formula != nil {
			if fx := g.formula(r, col); fx != "" {
				c.probs.errorf(at, "open the workbook in Excel (or another spreadsheet program), let it calculate, save it and import again",
					"the cell has a formula (=%s) but no saved result", fx)
			}
		}
		return
	}
	v, err := cell.figure()
	if err != nil {
		c.probs.cellError(at, err)
		return
	}
	switch {
	case v.Kind == Blank || v.Kind == NoFigure:
	case counts && v.Kind != Ratio:
		c.probs.errorf(at, "write the counts as numerator/denominator, such as 64/282", "%q in the counts row of %s is not numerator/denominator", cleanSpace(cell.text), k.ID)
	case counts:
		c.addCounts(k, m, v, at)
	default:
		c.addValue(k, m, v, at)
	}
}

// labelColumn picks the column that names the KPIs: of the columns that are
// not months, the one where most rows name a KPI (the leftmost on a tie),
// else the leftmost with text below the headings.
func (c *collector) labelColumn(g *grid, headRow int, months map[int]model.Month) int {
	hits := map[int]int{}
	for r := headRow + 1; r < len(g.rows); r++ {
		for col, cell := range g.rows[r] {
			if _, ok := months[col]; ok || cell.blank() {
				continue
			}
			if k, amb := c.match.kpi(cell.text); k != nil || len(amb) > 0 {
				hits[col]++
			}
		}
	}
	best, bestHits := -1, 0
	for col, n := range hits {
		if n > bestHits || n == bestHits && col < best {
			best, bestHits = col, n
		}
	}
	if best >= 0 {
		return best
	}
	for col := 0; col < g.width(); col++ {
		if _, ok := months[col]; ok {
			continue
		}
		for r := headRow + 1; r < len(g.rows); r++ {
			if cell := g.cell(r, col); !cell.blank() && !cell.isNumber {
				if _, err := strconv.ParseFloat(cleanSpace(cell.text), 64); err != nil {
					return col
				}
			}
		}
	}
	return 0
}

// readLong reads a sheet with one row per figure.
func (c *collector) readLong(g *grid, h header) SheetReport {
	rep := SheetReport{Name: g.sheet, Shape: Long, HeaderRow: h.row + 1}
	used := map[int]bool{}
	for _, col := range h.roles {
		used[col] = true
	}
	for col, cell := range g.rows[h.row] {
		if !used[col] && !cell.blank() {
			rep.NotRead = append(rep.NotRead, fmt.Sprintf("%s %q", columnName(col+1), cleanSpace(cell.text)))
		}
	}
	col := func(ro role) (int, bool) {
		n, ok := h.roles[ro]
		return n, ok
	}
	kpiCol, _ := col(roleKPI)
	monthCol, _ := col(roleMonth)
	for r := h.row + 1; r < len(g.rows); r++ {
		empty := true
		for _, cell := range g.rows[r] {
			if !cell.blank() {
				empty = false
				break
			}
		}
		if empty {
			continue
		}
		mc := g.cell(r, monthCol)
		if mc.blank() {
			c.probs.errorf(g.at(r, monthCol), "write the month, such as 2019-04 or Apr-19", "the row has no month")
			continue
		}
		m, ok := mc.month(g.date1904, true)
		if !ok {
			c.probs.errorf(g.at(r, monthCol), "write the month as 2019-04, Apr-19 or April 2019, or use a date cell",
				"%q is not a month", cleanSpace(mc.text))
			continue
		}
		if !c.inPeriod(m) {
			c.leftOut[m]++
			continue
		}
		name := cleanSpace(g.cell(r, kpiCol).text)
		k, ambiguous := c.match.kpi(name)
		switch {
		case name == "":
			c.probs.errorf(g.at(r, kpiCol), "write the KPI's id, title or report label", "the row has no KPI")
			continue
		case len(ambiguous) > 0:
			c.probs.errorf(g.at(r, kpiCol), "write the KPI's id instead", "%q names more than one KPI (%s)", name, ids(ambiguous))
			continue
		case k == nil:
			c.probs.errorf(g.at(r, kpiCol), c.match.unknownFix(name), "%q is not a KPI of this site", name)
			continue
		}
		if vc, ok := col(roleValue); ok {
			c.wideCell(g, r, vc, k, m, false)
		}
		nc, hasN := col(roleNumerator)
		dc, hasD := col(roleDenominator)
		if hasN && hasD {
			c.longCounts(g, r, nc, dc, k, m)
		}
	}
	return rep
}

// longCounts reads the numerator and denominator columns of a long row.
func (c *collector) longCounts(g *grid, r, nc, dc int, k *model.KPI, m model.Month) {
	num, numOK := c.count(g, r, nc, "numerator")
	den, denOK := c.count(g, r, dc, "denominator")
	if !numOK || !denOK {
		return
	}
	switch {
	case num == nil && den == nil:
		return
	case num == nil:
		c.probs.errorf(g.at(r, nc), "give both the numerator and the denominator, or neither", "%s, %s has a denominator but no numerator", k.ID, m.Long())
		return
	case den == nil:
		c.probs.errorf(g.at(r, dc), "give both the numerator and the denominator, or neither", "%s, %s has a numerator but no denominator", k.ID, m.Long())
		return
	}
	v, err := ParseCell(fmt.Sprintf("%d/%d", *num, *den))
	if err != nil {
		c.probs.cellError(g.at(r, nc), err)
		return
	}
	c.addCounts(k, m, v, g.at(r, nc))
}

// count reads a numerator or denominator cell: a whole number of zero or
// more, or blank.
func (c *collector) count(g *grid, r, col int, what string) (*int, bool) {
	cell := g.cell(r, col)
	v, err := cell.figure()
	if err != nil {
		c.probs.cellError(g.at(r, col), err)
		return nil, false
	}
	switch v.Kind {
	case Blank, NoFigure:
		return nil, true
	case Number:
		switch {
		case v.Value < 0:
			c.probs.errorf(g.at(r, col), "counts are zero or more", "the %s %s is negative", what, cleanSpace(cell.text))
		case v.Value != math.Trunc(v.Value) || v.Percent || v.Value > maxCount:
			c.probs.errorf(g.at(r, col), "write a whole number, such as 64", "the %s %q is not a count", what, cleanSpace(cell.text))
		default:
			n := int(v.Value)
			return &n, true
		}
		return nil, false
	}
	c.probs.errorf(g.at(r, col), "write a whole number, such as 64", "the %s %q is not a count", what, cleanSpace(cell.text))
	return nil, false
}

// figure is a month's figure, ready to write.
type figure struct {
	hasValue bool
	value    float64
	hasRatio bool
	num, den int
	dir      model.Direction
}

// Rounding is a value given with more decimal places than its KPI publishes.
type Rounding struct {
	At       Location
	KPI      string
	Month    model.Month
	From, To string
}

// finish turns each entry into a figure, checking it against its KPI.
func (c *collector) finish() ([]*entry, map[*entry]figure, []Rounding) {
	figs := map[*entry]figure{}
	var rounded []Rounding
	for _, e := range c.order {
		f, r, ok := c.check(e)
		if !ok {
			continue
		}
		figs[e] = f
		if r != nil {
			rounded = append(rounded, *r)
		}
	}
	return c.order, figs, rounded
}

func (c *collector) check(e *entry) (figure, *Rounding, bool) {
	k := e.kpi
	v, counts := e.value, e.counts
	vAt, cAt := e.valueAt, e.countsAt
	if v.Kind == Ratio {
		if counts.Kind == Ratio && (counts.Numerator != v.Numerator || counts.Denominator != v.Denominator) {
			c.probs.errorf(cAt, fmt.Sprintf("keep one of them: clear this cell or %s", vAt.relativeTo(cAt)),
				"%s, %s has counts %s here but %s in %s", k.ID, e.month.Long(), counts, v, vAt.relativeTo(cAt))
			return figure{}, nil, false
		}
		counts, cAt, v = v, vAt, Cell{}
	}
	var f figure
	var round *Rounding
	ok := true
	if counts.Kind == Ratio {
		if !k.HasRatio() {
			c.probs.errorf(cAt, "give the value only", "KPI %q is a %s, not a percentage, so it has no numerator/denominator", k.ID, k.Unit)
			ok = false
		}
		f.hasRatio, f.num, f.den = true, counts.Numerator, counts.Denominator
	}
	switch v.Kind {
	case Direction:
		f.dir = v.Direction
	case Number:
		if v.Percent && k.Unit != model.UnitPercent {
			c.probs.errorf(vAt, "write the figure without %", "KPI %q is a %s, not a percentage, but %s is written as one", k.ID, k.Unit, v)
			return f, nil, false
		}
		if k.Unit == model.UnitPercent && (v.Value < 0 || v.Value > 100) {
			c.probs.errorf(vAt, "write a percentage from 0 to 100, such as 32.4 or 32.4%", "%s is not a percentage (KPI %q, %s)", formatValue(v.Value), k.ID, e.month.Long())
			return f, nil, false
		}
		if (k.Unit == model.UnitCount || k.Unit == model.UnitRate) && v.Value < 0 {
			c.probs.errorf(vAt, "write a figure of zero or more", "%s is negative (KPI %q, %s)", formatValue(v.Value), k.ID, e.month.Long())
			return f, nil, false
		}
		if k.Unit == model.UnitPercent && !v.Percent && v.Value > 0 && v.Value < 1 {
			c.probs.warnf(vAt, "if the spreadsheet holds fractions (0.265 for 26.5%), write percentages or format the cells as percentages",
				"%s, %s: %s is imported as %s%%", k.ID, e.month.Long(), formatValue(v.Value), formatFixed(v.Value, k.Decimals))
		}
		f.hasValue, f.value = true, roundTo(v.Value, k.Decimals)
		if math.Abs(f.value-v.Value) > 1e-9 {
			round = &Rounding{At: vAt, KPI: k.ID, Month: e.month, From: formatValue(v.Value), To: formatFixed(f.value, k.Decimals)}
		}
		if f.hasRatio {
			computed := roundTo(float64(f.num)/float64(f.den)*100, k.Decimals)
			if computed != f.value {
				c.probs.warnf(vAt, "check the source, and correct the value or the counts in the spreadsheet",
					"%s, %s: the value %s does not match the counts %d/%d (= %s); both are imported as given",
					k.ID, e.month.Long(), formatFixed(f.value, k.Decimals), f.num, f.den, formatFixed(computed, k.Decimals))
			}
		}
	}
	return f, round, ok
}

// roundTo rounds as the loader does: half away from zero, at the KPI's decimals.
func roundTo(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p+math.Copysign(1e-9, v)) / p
}

func formatFixed(v float64, decimals int) string {
	return strconv.FormatFloat(roundTo(v, decimals), 'f', decimals, 64)
}

// formatValue writes a number as given, without float noise.
func formatValue(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if len(s) > 12 {
		s = strconv.FormatFloat(v, 'g', 12, 64)
	}
	return strings.TrimSuffix(s, ".0")
}
