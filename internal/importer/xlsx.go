package importer

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// workbook is an open .xlsx file and its sheets.
type workbook struct {
	f      *excelize.File
	sheets []*grid
	hidden map[string]bool
}

// readXLSX opens a workbook and reads every sheet's cells. Close it when the
// sheets have been read: a cell's formula is looked up only when needed.
func readXLSX(name string, data []byte) (*workbook, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot open the workbook: %v (save it from Excel as an .xlsx workbook, without a password)", name, err)
	}
	wb := &workbook{f: f, hidden: map[string]bool{}}
	props, _ := f.GetWorkbookProps()
	date1904 := props.Date1904 != nil && *props.Date1904
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err == nil && !visible {
			wb.hidden[sheet] = true
		}
		g, err := readSheet(f, name, sheet, date1904)
		if err != nil {
			f.Close()
			return nil, err
		}
		wb.sheets = append(wb.sheets, g)
	}
	return wb, nil
}

func (wb *workbook) Close() error { return wb.f.Close() }

func readSheet(f *excelize.File, name, sheet string, date1904 bool) (*grid, error) {
	shown, err := f.GetRows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: cannot read it: %v", name, sheet, err)
	}
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: cannot read it: %v", name, sheet, err)
	}
	g := &grid{file: name, sheet: sheet, date1904: date1904}
	for r := range max(len(shown), len(raw)) {
		var s, v []string
		if r < len(shown) {
			s = shown[r]
		}
		if r < len(raw) {
			v = raw[r]
		}
		cells := make([]gridCell, max(len(s), len(v)))
		for c := range cells {
			var text, stored string
			if c < len(s) {
				text = s[c]
			}
			if c < len(v) {
				stored = v[c]
			}
			cells[c] = gridCell{text: text}
			if text == "" {
				cells[c].text = stored
			}
			// A number cell whose format changes how it shows (a date, a
			// percentage, thousands) keeps the number it holds.
			if text != "" && stored != text {
				if n, err := strconv.ParseFloat(stored, 64); err == nil {
					cells[c].number, cells[c].isNumber = n, true
				}
			}
		}
		g.rows = append(g.rows, cells)
	}
	g.formula = func(row, col int) string {
		axis, err := excelize.CoordinatesToCellName(col+1, row+1)
		if err != nil {
			return ""
		}
		fx, _ := f.GetCellFormula(sheet, axis)
		return fx
	}
	return g, nil
}
