package model

// Unit is the kind of number a KPI measures.
type Unit int

// The units.
const (
	UnitPercent Unit = iota
	UnitRate         // per N (KPI.Per) children
	UnitCount
	UnitNumber
)

// String is the word used in files.
func (u Unit) String() string {
	switch u {
	case UnitPercent:
		return "percent"
	case UnitRate:
		return "rate"
	case UnitCount:
		return "count"
	}
	return "number"
}

// ParseUnit reads a unit as files and open data write it ("percent").
func ParseUnit(s string) (Unit, bool) {
	for _, u := range []Unit{UnitPercent, UnitRate, UnitCount, UnitNumber} {
		if u.String() == s {
			return u, true
		}
	}
	return UnitNumber, false
}

// Polarity says which way is good for a KPI.
type Polarity int

// The polarities.
const (
	PolarityNone Polarity = iota
	PolarityHigher
	PolarityLower
)

// String is the word used in files.
func (p Polarity) String() string {
	switch p {
	case PolarityHigher:
		return "higher"
	case PolarityLower:
		return "lower"
	}
	return "none"
}

// KPI is the definition of a key performance indicator, shared by every edition.
type KPI struct {
	ID         string
	Title      string
	ShortTitle string
	// ReportLabel is the row label the paper report printed, where it
	// differs from Title.
	ReportLabel string
	Description string
	Unit        Unit
	Per         int // for UnitRate: per how many (10000)
	Decimals    int // decimals the figures are published to
	Polarity    Polarity
	Proxy       bool
	ProxyNote   string
	// CountTitle names the numerator/denominator row shown under the KPI's
	// own row ("Number of care leavers in EET").
	CountTitle  string
	Baseline    *Baseline
	Targets     map[FinancialYear]float64
	MonitorOnly bool
	// Band overrides the site's amber band when set.
	Band        *Band
	Comparators []Comparator
	Caveats     []string
	// YAxisFromZero is false when the chart's y-axis should fit the data.
	YAxisFromZero bool
	// YAxisSet says the definition sets YAxisFromZero; otherwise the chart
	// decides from the figures.
	YAxisSet bool
	// OwnPage gives a KPI published as directions only a page of its own
	// across reports (page = true); others with figures always have one.
	OwnPage bool
	Pos     Pos
}

// HasRatio reports whether the KPI is a percentage that can carry counts.
func (k *KPI) HasRatio() bool { return k.Unit == UnitPercent }

// Baseline is the figure a KPI is measured from, such as the 2017/18 actual.
type Baseline struct {
	Value       float64
	Numerator   int
	Denominator int
	HasRatio    bool
	Period      string // "2017/18"
	Source      string // "LAIT", "Local"
	// CountsNote, when set, records that the baseline was published with
	// counts that do not give its value, and says so for readers
	// (counts_note in data/kpis.toml).
	CountsNote string
}

// Comparator is a published figure to compare with: statistical neighbours, England.
type Comparator struct {
	Key    string // "sn", "england"
	Name   string // "Statistical neighbours"
	Value  float64
	Period string
	Source string
}

// Direction is a movement between two periods.
type Direction int8

// The movements.
const (
	DirNone Direction = iota // not known
	DirUp
	DirDown
	DirSame
)

// String is the word used in files and data: "up", "down", "same".
func (d Direction) String() string {
	switch d {
	case DirUp:
		return "up"
	case DirDown:
		return "down"
	case DirSame:
		return "same"
	}
	return ""
}

// Figure is one month's published figure for a KPI. An archive holds
// hundreds of thousands of them, so the fields are ordered to pack tightly
// and a figure's file is its Series's.
type Figure struct {
	Value float64
	Month Month
	// Numerator and Denominator are set when HasRatio is true.
	Numerator   int32
	Denominator int32
	// Line is where the figure is written in its series' file.
	Line int32
	// Direction is set for figures published as a direction only (▲/▼).
	Direction Direction
	// HasValue is false for a direction-only figure.
	HasValue bool
	// HasRatio is true when numerator and denominator were published.
	HasRatio bool
}

// Series is one edition's figures for one KPI, as that edition published them.
type Series struct {
	KPI     *KPI
	Figures []Figure // in month order
	// Target, when set, is the target this edition published, overriding
	// the definition's target for the edition's financial year.
	Target      *float64
	MonitorOnly *bool
	Pos         Pos
	// Notes holds the notes an edition published with some months' figures
	// (few have one, so they are kept apart from the figures); nil for none.
	Notes map[Month]string
	// CountsNotes holds, for the months published with counts that do not
	// give their value, what the author recorded about it (counts_note);
	// nil for none.
	CountsNotes map[Month]string
}

// Note returns the note published with a month's figure, if any.
func (s *Series) Note(m Month) string { return s.Notes[m] }

// CountsNote returns what the author recorded about a month whose counts do
// not give its value, if anything.
func (s *Series) CountsNote(m Month) string { return s.CountsNotes[m] }

// Rated reports whether the edition rates the series' months against targets:
// its KPI has a good direction (a polarity) and is not monitored only, by
// its definition or by the edition.
func (s *Series) Rated() bool {
	monitor := s.KPI.MonitorOnly
	if s.MonitorOnly != nil {
		monitor = *s.MonitorOnly
	}
	return s.KPI.Polarity != PolarityNone && !monitor
}

// TargetFor returns the target in force for month m in an edition whose
// figures run to asAt: the edition's own target for asAt's financial year,
// else the definition's target for m's financial year. A KPI monitored only
// has none.
func (s *Series) TargetFor(site *Site, asAt, m Month) (float64, bool) {
	monitor := s.KPI.MonitorOnly
	if s.MonitorOnly != nil {
		monitor = *s.MonitorOnly
	}
	if monitor {
		return 0, false
	}
	fy := site.FinancialYear(m)
	if s.Target != nil && fy == site.FinancialYear(asAt) {
		return *s.Target, true
	}
	v, ok := s.KPI.Targets[fy]
	return v, ok
}

// Figure returns the figure for a month, or nil.
func (s *Series) Figure(m Month) *Figure {
	for i := range s.Figures {
		if s.Figures[i].Month == m {
			return &s.Figures[i]
		}
	}
	return nil
}
