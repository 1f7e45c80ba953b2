package importer

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// Kind says what a spreadsheet cell holds for a month.
type Kind int

// The kinds of cell.
const (
	// Blank is an empty cell: no figure for that month.
	Blank Kind = iota
	// NoFigure is a cell that says there is no figure: n/d, N/A, -.
	NoFigure
	// Number is a value: 32.4, 32.4%, 1,363.
	Number
	// Ratio is a numerator and denominator, 64/282: the value is computed.
	Ratio
	// Direction is a direction of travel only: up, down, same, ▲, ▼.
	Direction
)

// Cell is what one cell says about one month's figure.
type Cell struct {
	Kind  Kind
	Value float64 // for Number
	// Percent is true when the number was written with a % sign (or, in a
	// workbook, formatted as a percentage).
	Percent                bool
	Numerator, Denominator int // for Ratio
	Direction              model.Direction
}

// CellError is a cell that cannot be read, with what to write instead.
type CellError struct {
	Message string
	Fix     string
}

func (e *CellError) Error() string { return e.Message + "; " + e.Fix }

// maxCount bounds numerators and denominators, so that sums and products of
// them stay exact in a float64.
const maxCount = 1_000_000_000

const cellFix = "write a number such as 32.4 or 32.4%, counts such as 64/282, a direction (up, down or same), or n/d for no figure"

var (
	// 1363, 1,363, 32.4, .5, 1e3; the sign is taken off first.
	numberPattern = regexp.MustCompile(`^(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$`)
	// 64/282, 1,363 / 2,000, and signed counts, which are refused by name.
	ratioPattern = regexp.MustCompile(`^([+-]?[0-9][0-9,]*)\s*/\s*([+-]?[0-9][0-9,]*)$`)
	countPattern = regexp.MustCompile(`^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)$`)
)

// noFigure are the words a team writes for "no figure this month".
var noFigure = map[string]bool{
	"n/d": true, "nd": true, "n/a": true, "na": true, "#n/a": true, "n.a.": true, "n/k": true,
	"-": true, "–": true, "—": true, "..": true, "no data": true, "not available": true,
	"tbc": true, "tba": true,
}

// directions are the words and arrows for a direction-only figure.
var directions = map[string]model.Direction{
	"up": model.DirUp, "▲": model.DirUp, "↑": model.DirUp, "⬆": model.DirUp,
	"down": model.DirDown, "▼": model.DirDown, "↓": model.DirDown, "⬇": model.DirDown,
	"same": model.DirSame, "►": model.DirSame, "▶": model.DirSame, "→": model.DirSame, "↔": model.DirSame,
	"=": model.DirSame, "no change": model.DirSame,
}

// ParseCell reads the text of a cell holding one month's figure. Spaces
// around it are ignored. It returns a *CellError for text it cannot read, for
// NaN and infinities, and for counts that cannot be a percentage's (negative,
// a zero denominator, a numerator above its denominator).
func ParseCell(text string) (Cell, error) {
	s := cleanSpace(text)
	if s == "" {
		return Cell{Kind: Blank}, nil
	}
	lower := strings.ToLower(s)
	if noFigure[lower] {
		return Cell{Kind: NoFigure}, nil
	}
	if d, ok := directions[lower]; ok {
		return Cell{Kind: Direction, Direction: d}, nil
	}
	if m := ratioPattern.FindStringSubmatch(s); m != nil {
		return parseRatio(s, m[1], m[2])
	}
	return parseNumber(s)
}

// cleanSpace trims spaces, including the no-break spaces a spreadsheet pastes.
func cleanSpace(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2007", " ").Replace(s))
}

func parseRatio(s, num, den string) (Cell, error) {
	if strings.HasPrefix(num, "-") || strings.HasPrefix(den, "-") {
		return Cell{}, &CellError{fmt.Sprintf("%q has a negative count", s), "counts are zero or more: write them as numerator/denominator, such as 64/282"}
	}
	n, okN := parseCount(strings.TrimPrefix(num, "+"))
	d, okD := parseCount(strings.TrimPrefix(den, "+"))
	if !okN || !okD {
		return Cell{}, &CellError{fmt.Sprintf("%q is not numerator/denominator", s), "write two whole numbers, such as 64/282 (commas only between thousands: 1,363/2,000)"}
	}
	if d == 0 {
		return Cell{}, &CellError{fmt.Sprintf("%q has a denominator of 0", s), "write the number the percentage is out of; if nothing was counted, write n/d"}
	}
	if n > d {
		return Cell{}, &CellError{fmt.Sprintf("%q has a numerator above its denominator", s), "check the counts: the numerator is part of the denominator, as in 64/282"}
	}
	return Cell{Kind: Ratio, Numerator: n, Denominator: d}, nil
}

func parseCount(s string) (int, bool) {
	if !countPattern.MatchString(s) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil || n > maxCount {
		return 0, false
	}
	return n, true
}

func parseNumber(s string) (Cell, error) {
	c := Cell{Kind: Number}
	t := strings.ReplaceAll(s, "−", "-") // a typographic minus
	if strings.HasSuffix(t, "%") {
		c.Percent = true
		t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	}
	neg := false
	if t != "" && (t[0] == '-' || t[0] == '+') {
		neg = t[0] == '-'
		t = t[1:]
	}
	switch strings.ToLower(t) {
	case "nan", "inf", "infinity":
		return Cell{}, &CellError{fmt.Sprintf("%q is not a number a report can show", s), "write the month's figure, or n/d if there is none"}
	}
	if strings.HasPrefix(t, "#") && strings.HasSuffix(t, "!") || t == "#NAME?" {
		return Cell{}, &CellError{fmt.Sprintf("the cell shows the spreadsheet error %s", s), "correct the formula in the spreadsheet, or write n/d if there is no figure"}
	}
	if !numberPattern.MatchString(t) {
		return Cell{}, &CellError{fmt.Sprintf("%q is not a figure", s), cellFix}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return Cell{}, &CellError{fmt.Sprintf("%q is too large to be a figure", s), cellFix}
	}
	if err != nil {
		return Cell{}, &CellError{fmt.Sprintf("%q is not a figure", s), cellFix}
	}
	if neg && v != 0 {
		v = -v
	}
	c.Value = v
	return c, nil
}

// String writes the cell back as text that ParseCell reads as the same cell.
func (c Cell) String() string {
	switch c.Kind {
	case NoFigure:
		return "n/d"
	case Number:
		s := strconv.FormatFloat(c.Value, 'g', -1, 64)
		if c.Percent {
			s += "%"
		}
		return s
	case Ratio:
		return fmt.Sprintf("%d/%d", c.Numerator, c.Denominator)
	case Direction:
		return c.Direction.String()
	}
	return ""
}
