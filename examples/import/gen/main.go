// Command gen writes the sample spreadsheets in examples/import: the
// figures the example site's August 2019 edition needs (April to June 2019
// for its 13 KPIs), as a workbook shaped like the report's own tables and as
// a CSV with one row per figure. The figures from April 2019 are invented:
// both files say so.
//
//	go run ./examples/import/gen [-out examples/import]
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// kpi is one row of the report's table, as the performance team labels it.
type kpi struct {
	id, label  string
	countLabel string  // the counts row's label, for a KPI published with counts
	actual     string  // the 2017/18 actual, as the report prints it
	target     float64 // 0: none
	// figures are January to June 2019: numbers, directions ("up", "down")
	// or counts ([2]int). January to March are as the May 2019 edition
	// published them; April to June are invented.
	figures [6]any
}

const note = "ILLUSTRATIVE FIGURES: April to June 2019 are invented for the planpress example site, and March 2019's re-referrals figure is changed from 32.4 to 32.5 to show how a revision is reported. They are not Plymouth City Council's figures."

var kpis = []kpi{
	{id: "strategy-to-s47", label: "% Strategy discussions that lead to S47*", actual: "69.4",
		figures: [6]any{45.1, 42.3, 57.3, 55.2, 58.9, 61.4}},
	{id: "s47-rate", label: "Section 47 enquiries per 10,000", actual: "357.3",
		figures: [6]any{"down", "down", "up", "down", "up", "up"}},
	{id: "s47-to-icpc", label: "% S47 leading to ICPC*", actual: "22.5",
		figures: [6]any{48.3, 51.7, 23.5, 25.1, 22.8, 27.3}},
	{id: "icpc-rate", label: "ICPCs per 10,000", actual: "87.8",
		figures: [6]any{"up", "up", "down", "up", "down", "up"}},
	{id: "icpc-within-15-days", label: "% Initial Case Conference within 15 working days of Strategy Discussion YTD", actual: "91.3", target: 75,
		figures: [6]any{78.4, 80.3, 80.6, 84.6, 82.1, 81.7}},
	{id: "icpc-to-cp-plan", label: "% ICPC leading to CP Plans*", actual: "94.7",
		figures: [6]any{73.8, 83.9, 100.0, 88.5, 91.7, 86.2}},
	{id: "unlabelled-direction-row", label: "Unlabelled row",
		figures: [6]any{"down", "up", "up", "down", "up", "down"}},
	{id: "re-referrals", label: "Re-referrals within 12 months (YTD)", actual: "28.0", target: 25,
		figures: [6]any{33.0, 32.6, 32.5, 26.3, 27.4, 28.1}},
	{id: "multiple-cp-plans", label: "% of children subject to multiple child protection plans", actual: "26.8", target: 23,
		countLabel: "Number of children subject to multiple child protection plans",
		figures:    [6]any{[2]int{52, 232}, [2]int{64, 258}, [2]int{64, 282}, [2]int{5, 24}, [2]int{11, 51}, [2]int{17, 79}}},
	{id: "short-term-stability", label: "Short Term Placement Stability of Looked After Children (three placements within year)", actual: "12.0", target: 12,
		countLabel: "Number of children who are not yet in a stable placement",
		figures:    [6]any{[2]int{50, 412}, [2]int{47, 408}, [2]int{44, 410}, [2]int{45, 412}, [2]int{43, 415}, [2]int{44, 418}}},
	{id: "long-term-stability", label: "Long Term Stability of Looked After Children continuously for at least 2.5 years", actual: "63.0", target: 70,
		countLabel: "Number of children who are in a stable placement",
		figures:    [6]any{[2]int{75, 112}, [2]int{75, 111}, [2]int{74, 112}, [2]int{75, 111}, [2]int{76, 112}, [2]int{77, 113}}},
	{id: "care-leavers-eet", label: "% of Care Leavers in EET", actual: "53.0", target: 65,
		countLabel: "Number of Care Leavers in EET",
		figures:    [6]any{[2]int{128, 219}, [2]int{127, 221}, [2]int{129, 228}, [2]int{131, 230}, [2]int{133, 231}, [2]int{136, 233}}},
	{id: "care-leavers-accommodation", label: "% Care Leavers in Suitable Accommodation", actual: "86.0", target: 90,
		countLabel: "Number of Care Leavers in Suitable Accommodation",
		figures:    [6]any{[2]int{210, 219}, [2]int{212, 221}, [2]int{215, 228}, [2]int{217, 230}, [2]int{219, 231}, [2]int{222, 233}}},
}

// sections head the workbook's rows, as the report's tables are grouped.
var sections = map[string]string{
	"strategy-to-s47":      "Priority 1: Children at risk of significant harm",
	"re-referrals":         "Priority 2: Written plans",
	"short-term-stability": "Priority 3: Placement stability",
	"care-leavers-eet":     "Priority 5: Care leavers",
}

func main() {
	out := flag.String("out", "examples/import", "the folder to write the samples into")
	flag.Parse()
	if err := writeWorkbook(filepath.Join(*out, "figures-2019-q1-illustrative.xlsx")); err != nil {
		log.Fatal(err)
	}
	if err := writeCSV(filepath.Join(*out, "figures-2019-q1-illustrative.csv")); err != nil {
		log.Fatal(err)
	}
}

func month(i int) time.Time { return time.Date(2019, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC) }

// percent is a count's percentage at one decimal place, as the report publishes it.
func percent(c [2]int) float64 {
	return math.Round(float64(c[0])/float64(c[1])*1000) / 10
}

func writeWorkbook(name string) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Q1 2019-20"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	set := func(col, row int, v any) {
		axis, _ := excelize.CoordinatesToCellName(col, row)
		if err := f.SetCellValue(sheet, axis, v); err != nil {
			log.Fatal(err)
		}
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	noteStyle, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C0006"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	monthFmt := "mmm-yy"
	monthStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &monthFmt, Font: &excelize.Font{Bold: true}})
	one := "0.0"
	oneDecimal, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &one})

	set(1, 1, "Children's services performance: January to June 2019")
	set(1, 2, note)
	f.MergeCell(sheet, "A1", "J1")
	f.MergeCell(sheet, "A2", "J2")
	f.SetRowHeight(sheet, 2, 48)
	f.SetCellStyle(sheet, "A1", "A1", bold)
	f.SetCellStyle(sheet, "A2", "A2", noteStyle)
	// A group row over the months, as the report heads its tables.
	set(4, 4, "2018/19 (as published in May 2019)")
	set(7, 4, "2019/20")
	f.MergeCell(sheet, "D4", "F4")
	f.MergeCell(sheet, "G4", "I4")
	set(1, 5, "Measure")
	set(2, 5, "2017/18 actual")
	set(3, 5, "Target")
	for i := range 6 {
		set(4+i, 5, month(i))
	}
	set(10, 5, "Source")
	f.SetCellStyle(sheet, "A4", "J5", bold)
	f.SetCellStyle(sheet, "D5", "I5", monthStyle)
	f.SetColWidth(sheet, "A", "A", 70)
	f.SetColWidth(sheet, "B", "J", 12)

	row := 6
	for _, k := range kpis {
		if s := sections[k.id]; s != "" {
			row++ // a blank row between sections
			set(1, row, s)
			f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), bold)
			row++
		}
		set(1, row, k.label)
		if k.actual != "" {
			set(2, row, k.actual)
		}
		if k.target != 0 {
			set(3, row, k.target)
		}
		for i, v := range k.figures {
			switch x := v.(type) {
			case [2]int:
				set(4+i, row, percent(x))
				set(4+i, row+1, fmt.Sprintf("%d/%d", x[0], x[1]))
			case float64:
				set(4+i, row, x)
			default:
				set(4+i, row, x)
			}
		}
		f.SetCellStyle(sheet, fmt.Sprintf("D%d", row), fmt.Sprintf("I%d", row), oneDecimal)
		set(10, row, "Local")
		if k.countLabel != "" {
			row++
			set(1, row, k.countLabel)
		}
		row++
	}

	readme, _ := f.NewSheet("Read me")
	_ = readme
	for i, line := range []string{
		"Sample spreadsheet for planpress import (see docs/import.md).",
		note,
		"",
		"The sheet Q1 2019-20 is shaped like the report's own tables: one row per KPI, one column per month,",
		"a counts row (numerator/denominator) under each KPI that has one. planpress import reads the months",
		"in the edition's period and leaves the columns 2017/18 actual, Target and Source alone.",
		"",
		"Regenerate with: go run ./examples/import/gen",
	} {
		f.SetCellValue("Read me", fmt.Sprintf("A%d", i+1), line)
	}
	f.SetColWidth("Read me", "A", "A", 110)
	f.SetActiveSheet(0)
	if err := f.SaveAs(name); err != nil {
		return err
	}
	return os.Chmod(name, 0o644) // excelize creates the file executable
}

func writeCSV(name string) error {
	file, err := os.Create(name)
	if err != nil {
		return err
	}
	w := csv.NewWriter(file)
	w.Write([]string{note})
	w.Write([]string{"kpi", "month", "value", "numerator", "denominator"})
	for _, k := range kpis {
		for i := 3; i < 6; i++ {
			m := month(i).Format("2006-01")
			switch x := k.figures[i].(type) {
			case [2]int:
				w.Write([]string{k.id, m, strconv.FormatFloat(percent(x), 'f', 1, 64), strconv.Itoa(x[0]), strconv.Itoa(x[1])})
			case float64:
				w.Write([]string{k.id, m, strconv.FormatFloat(x, 'f', 1, 64), "", ""})
			default:
				w.Write([]string{k.id, m, fmt.Sprint(x), "", ""})
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}
