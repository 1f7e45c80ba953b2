package importer

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/planpress/planpress/internal/model"
)

// grid is one sheet's cells, as the spreadsheet shows them.
type grid struct {
	file  string // the spreadsheet's name, as given on the command line
	sheet string // "" for a CSV file
	rows  [][]gridCell
	// date1904 is set for a workbook whose dates count from 1904.
	date1904 bool
	// formula returns the formula of a cell (0-based row and column), or "".
	// It is nil for a CSV file.
	formula func(row, col int) string
}

// gridCell is one cell: the text it shows and, for a workbook's number cell
// whose format changes what it shows (a date, a percentage, 1,363), the
// number it holds.
type gridCell struct {
	text     string
	number   float64
	isNumber bool
}

func (g *grid) cell(row, col int) gridCell {
	if row < 0 || row >= len(g.rows) || col < 0 || col >= len(g.rows[row]) {
		return gridCell{}
	}
	return g.rows[row][col]
}

func (g *grid) width() int {
	w := 0
	for _, r := range g.rows {
		w = max(w, len(r))
	}
	return w
}

// at is the place of a cell (0-based row and column) for a message.
func (g *grid) at(row, col int) Location {
	return Location{File: g.file, Sheet: g.sheet, Row: row + 1, Col: col + 1}
}

// blank reports whether a cell shows nothing.
func (c gridCell) blank() bool { return !c.isNumber && cleanSpace(c.text) == "" }

// month reads a cell as a month: a date cell, a date serial, or a month
// written as text. Plain numbers are read as serials only when serials is
// set (in a header row, where a number in the range of dates is a date).
func (c gridCell) month(date1904, serials bool) (model.Month, bool) {
	if c.isNumber {
		if pc, err := ParseCell(c.text); err == nil && pc.Kind == Number && !serials {
			return 0, false
		}
		return monthFromSerial(c.number, date1904)
	}
	if m, ok := ParseMonthText(c.text); ok {
		return m, true
	}
	if serials {
		if v, err := strconv.ParseFloat(cleanSpace(c.text), 64); err == nil && v == float64(int(v)) {
			return monthFromSerial(v, date1904)
		}
	}
	return 0, false
}

// figure reads a cell as a month's figure. A workbook's number cell gives
// the number it holds, not the rounded one it shows; one formatted as a
// percentage (0.265 showing 26.5%) gives the percentage.
func (c gridCell) figure() (Cell, error) {
	if !c.isNumber {
		return ParseCell(c.text)
	}
	shown, err := ParseCell(c.text)
	if err == nil && shown.Kind == Number {
		v := c.number
		if shown.Percent {
			v *= 100
		}
		return Cell{Kind: Number, Value: v, Percent: shown.Percent}, nil
	}
	if _, ok := ParseMonthText(c.text); ok {
		return Cell{}, &CellError{fmt.Sprintf("the cell holds a date (%s), not a figure", c.text), "format the cell as a number (Format Cells > Number) and check its figure"}
	}
	return ParseCell(c.text)
}

// columnName is a spreadsheet column's letters: 1 is A, 27 is AA.
func columnName(col int) string {
	s, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return strconv.Itoa(col)
	}
	return s
}
