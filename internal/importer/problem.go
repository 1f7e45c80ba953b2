package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/planpress/planpress/internal/diag"
)

// Location is a place in a spreadsheet: a cell, a row, a column or a whole
// sheet, said as a spreadsheet says it (cell D7).
type Location struct {
	File  string
	Sheet string // "" for a CSV file
	Row   int    // 1-based; 0 when the place is not a row
	Col   int    // 1-based; 0 when the place is not a column
}

// String writes the place as `figures.xlsx: sheet "Q1": cell D7`.
func (l Location) String() string {
	var b strings.Builder
	b.WriteString(l.File)
	if l.Sheet != "" {
		fmt.Fprintf(&b, ": sheet %q", l.Sheet)
	}
	if r := l.cellName(); r != "" {
		b.WriteString(": ")
		b.WriteString(r)
	}
	return b.String()
}

// cellName is "cell D7", "row 7" or "column D", or "" for a whole sheet.
func (l Location) cellName() string {
	switch {
	case l.Row > 0 && l.Col > 0:
		return "cell " + columnName(l.Col) + strconv.Itoa(l.Row)
	case l.Row > 0:
		return "row " + strconv.Itoa(l.Row)
	case l.Col > 0:
		return "column " + columnName(l.Col)
	}
	return ""
}

// relativeTo says where l is as seen from another place: "cell D7" in the
// same sheet, or the whole location.
func (l Location) relativeTo(from Location) string {
	if l.File == from.File && l.Sheet == from.Sheet && l.cellName() != "" {
		return l.cellName()
	}
	return l.String()
}

// Problem is something wrong in the spreadsheet, where it is and what to
// write instead.
type Problem struct {
	Location
	Severity diag.Severity
	Message  string
	Fix      string
}

// String writes the problem as `figures.xlsx: sheet "Q1": cell D7: error: what is wrong; what to write instead`.
func (p Problem) String() string {
	s := fmt.Sprintf("%s: %s: %s", p.Location, p.Severity, p.Message)
	if p.Fix != "" {
		s += "; " + p.Fix
	}
	return s
}

// problems collects what is wrong, in the order found.
type problems struct{ items []Problem }

func (ps *problems) errorf(at Location, fix, format string, args ...any) {
	ps.items = append(ps.items, Problem{Location: at, Severity: diag.Error, Message: fmt.Sprintf(format, args...), Fix: fix})
}

func (ps *problems) warnf(at Location, fix, format string, args ...any) {
	ps.items = append(ps.items, Problem{Location: at, Severity: diag.Warning, Message: fmt.Sprintf(format, args...), Fix: fix})
}

func (ps *problems) cellError(at Location, err error) {
	if ce, ok := err.(*CellError); ok {
		ps.errorf(at, ce.Fix, "%s", ce.Message)
		return
	}
	ps.errorf(at, "", "%v", err)
}

func (ps *problems) count(s diag.Severity) int {
	n := 0
	for _, p := range ps.items {
		if p.Severity == s {
			n++
		}
	}
	return n
}

func (ps *problems) only(s diag.Severity) []Problem {
	var out []Problem
	for _, p := range ps.items {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}
