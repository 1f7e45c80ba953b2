package importer

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
)

// The test site (testdata/site) has four KPIs and two editions: 2019-05,
// published, with figures from October 2018 to March 2019, and 2019-08, a
// draft covering January to June 2019 whose figures file is shaped as
// planpress new edition writes it, with a target, a note and comments.
const draftFile = "data/editions/2019-08/kpis.toml"

// copySite copies the test site into a temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := os.CopyFS(dir, os.DirFS("testdata/site"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// snapshot reads every file of a site folder, to show that a refused
// import changed nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[strings.TrimPrefix(p, dir)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	if len(before) != len(after) {
		t.Errorf("the site had %d files and now has %d", len(before), len(after))
	}
	for name, b := range before {
		if after[name] != b {
			t.Errorf("%s changed", name)
		}
	}
}

// loadEdition loads the site and returns an edition, failing on any error.
func loadEdition(t *testing.T, dir, id string) *model.Edition {
	t.Helper()
	site, diags := load.Site(os.DirFS(dir), load.Options{Drafts: true, Future: true})
	if diags.HasErrors() {
		t.Fatalf("the site does not load: %v", diags.Err())
	}
	for _, e := range site.Editions {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no edition %s", id)
	return nil
}

// figureOf returns an edition's figure for a KPI and month, or nil.
func figureOf(e *model.Edition, kpi, m string) *model.Figure {
	s := e.Series[kpi]
	if s == nil {
		return nil
	}
	return s.Figure(month(m))
}

// refused asserts that an import was refused and returns every problem it
// gave, one a line.
func refused(t *testing.T, err error) string {
	t.Helper()
	var r *Refused
	if !errors.As(err, &r) {
		t.Fatalf("got %v, want a refused import", err)
	}
	var lines []string
	for _, p := range r.Problems {
		lines = append(lines, p.String())
	}
	for _, d := range r.Site {
		lines = append(lines, d.String())
	}
	lines = append(lines, r.Reason)
	return strings.Join(lines, "\n")
}

// xsheet is a sheet of a workbook a test writes.
type xsheet struct {
	name   string
	rows   [][]any // from row 1; nil cells are left empty
	styles map[string]*excelize.Style
	merges [][2]string
	hidden bool
	// formulas are cells given a formula and no saved result.
	formulas map[string]string
}

// writeXLSX writes a workbook with excelize, as a spreadsheet program would.
func writeXLSX(t *testing.T, name string, sheets ...xsheet) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.name, axis, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		for axis, st := range s.styles {
			id, err := f.NewStyle(st)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle(s.name, axis, axis, id); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range s.merges {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		for axis, fx := range s.formulas {
			if err := f.SetCellFormula(s.name, axis, fx); err != nil {
				t.Fatal(err)
			}
		}
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
	return name
}

func numFmt(id int) *excelize.Style { return &excelize.Style{NumFmt: id} }

func customFmt(code string) *excelize.Style { return &excelize.Style{CustomNumFmt: &code} }
