package importer

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// Result says what an import did, or (with DryRun) would do.
type Result struct {
	Spreadsheet string // as given on the command line
	Edition     string
	From, To    model.Month // the edition's period
	File        string      // the figures file, relative to the site folder
	Sheets      []SheetReport
	Added       []Added
	Changed     []Change
	// Revised lists figures that differ from what the previous published
	// edition said for the same month.
	Revised   []Change
	Previous  string // that edition's id
	Unchanged int    // figures the file already had
	Rounded   []Rounding
	Warnings  []Problem
	// LeftOut lists the months outside the edition's period that the
	// spreadsheet gives figures for, and how many.
	LeftOut        []model.Month
	LeftOutFigures int
	// NotesRemoved counts the "# To add" notes removed because their months
	// are now all in the file.
	NotesRemoved int
	// OtherErrors counts the errors the site had before the import, in
	// files it does not touch.
	OtherErrors int
	// Published is set when the edition is not a draft: the import changes
	// what it published.
	Published bool
	DryRun    bool
	Written   bool
}

func (r *Result) leftOut(months map[model.Month]int) {
	r.LeftOut, r.LeftOutFigures = nil, 0
	for m, n := range months {
		r.LeftOut = append(r.LeftOut, m)
		r.LeftOutFigures += n
	}
	sort.Slice(r.LeftOut, func(i, j int) bool { return r.LeftOut[i] < r.LeftOut[j] })
}

// Figures counts the figures added and changed.
func (r *Result) Figures() (added, changed int) {
	for _, a := range r.Added {
		added += len(a.Months)
	}
	return added, len(r.Changed)
}

// WriteText writes the report an author reads: what was read, what was
// added and changed, what revises the previous edition, and what to check.
func (r *Result) WriteText(w io.Writer) {
	fmt.Fprintf(w, "planpress import: %s into edition %s (%s to %s), %s\n", r.Spreadsheet, r.Edition, r.From.Long(), r.To.Long(), r.File)
	for _, s := range r.Sheets {
		name := "the file"
		if s.Name != "" {
			name = fmt.Sprintf("sheet %q", s.Name)
		}
		if s.Skipped != "" {
			fmt.Fprintf(w, "  %s: not read: %s\n", name, s.Skipped)
			continue
		}
		fmt.Fprintf(w, "  %s: %s, headings in row %d\n", name, s.Shape, s.HeaderRow)
		if len(s.NotRead) > 0 {
			fmt.Fprintf(w, "    columns not read: %s\n", strings.Join(s.NotRead, ", "))
		}
	}
	added, _ := r.Figures()
	if added > 0 {
		fmt.Fprintf(w, "Added %d figure(s):\n", added)
		for _, a := range r.Added {
			fmt.Fprintf(w, "  %s: %s\n", a.KPI, monthRuns(a.Months))
		}
	}
	if len(r.Changed) > 0 {
		fmt.Fprintf(w, "Changed %d figure(s) the file already had (the spreadsheet's figure replaces it):\n", len(r.Changed))
		for _, c := range r.Changed {
			fmt.Fprintf(w, "  %s, %s: %s → %s\n", c.KPI, c.Month.Long(), c.Old, c.New)
		}
	}
	if len(r.Revised) > 0 {
		fmt.Fprintf(w, "Revises %d figure(s) edition %s published (its own pages keep what it said; this edition's overview lists the revision):\n", len(r.Revised), r.Previous)
		for _, c := range r.Revised {
			fmt.Fprintf(w, "  %s, %s: %s → %s\n", c.KPI, c.Month.Long(), c.Old, c.New)
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(w, "Warnings (%d):\n", len(r.Warnings))
		for _, p := range r.Warnings {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
	if len(r.Rounded) > 0 {
		fmt.Fprintf(w, "Rounded %d value(s) to the decimal places their KPI publishes (decimals in data/kpis.toml):\n", len(r.Rounded))
		for i, x := range r.Rounded {
			if i == 5 {
				fmt.Fprintf(w, "  and %d more\n", len(r.Rounded)-5)
				break
			}
			fmt.Fprintf(w, "  %s: %s, %s: %s → %s\n", x.At, x.KPI, x.Month.Long(), x.From, x.To)
		}
	}
	if len(r.LeftOut) > 0 {
		fmt.Fprintf(w, "Left out %d figure(s) for months outside the edition's period (%s to %s): %s.\n",
			r.LeftOutFigures, r.From.Long(), r.To.Long(), monthRuns(r.LeftOut))
	}
	if r.Unchanged > 0 {
		fmt.Fprintf(w, "Unchanged: %d figure(s) the file already had, the same.\n", r.Unchanged)
	}
	if r.NotesRemoved > 0 {
		fmt.Fprintf(w, "Removed the \"# To add\" note of %d KPI(s): every month it named is in the file now.\n", r.NotesRemoved)
	}
	if r.Published && (added > 0 || len(r.Changed) > 0) {
		fmt.Fprintf(w, "Note: edition %s is published (not a draft), so this changes the figures its pages show; every change is listed above.\n", r.Edition)
	}
	if r.OtherErrors > 0 {
		fmt.Fprintf(w, "Note: the site has %d error(s) in other files (planpress check lists them); the import did not touch them.\n", r.OtherErrors)
	}
	_, changed := r.Figures()
	switch {
	case added == 0 && changed == 0 && r.NotesRemoved == 0:
		fmt.Fprintf(w, "Nothing to change: %s already has these figures.\n", r.File)
	case r.DryRun:
		fmt.Fprintf(w, "Dry run: nothing was written. Without -dry-run, planpress import writes this to %s (checked: the site loads it without errors).\n", r.File)
	case r.Written:
		fmt.Fprintf(w, "Wrote %s; the site loads it without errors. Next: planpress build -drafts to see it.\n", r.File)
	}
}

// monthRuns writes months as runs: "April 2019 to June 2019, August 2019".
func monthRuns(months []model.Month) string {
	var parts []string
	for i := 0; i < len(months); {
		j := i
		for j+1 < len(months) && months[j+1] == months[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, months[i].Long())
		case j == i+1:
			parts = append(parts, months[i].Long(), months[j].Long())
		default:
			parts = append(parts, months[i].Long()+" to "+months[j].Long())
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
