package importer

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
)

// Options say what to import into which edition.
type Options struct {
	// Source is the site folder (it holds planpress.toml).
	Source string
	// File is the spreadsheet: .xlsx (or .xlsm), or .csv (or .tsv, .txt).
	File string
	// Edition is the edition to import into; empty means the one with the
	// latest as_at, drafts included (after planpress new edition, the new
	// draft). A published edition is changed only when named here.
	Edition string
	// Sheet reads one sheet of a workbook; empty reads every visible sheet
	// that holds figures.
	Sheet string
	// DryRun reports what would be done, and checks it, without writing.
	DryRun bool
}

// UsageError is a mistake in what was asked for: a file that is not there or
// not a spreadsheet, an edition or sheet that does not exist.
type UsageError struct{ Message string }

func (e *UsageError) Error() string { return e.Message }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// Refused is an import that was not done: nothing was written. It carries
// every problem found, in the spreadsheet and in the site's files.
type Refused struct {
	Reason   string
	Problems []Problem         // in the spreadsheet, errors and warnings
	Site     []diag.Diagnostic // in the site's files
}

func (e *Refused) Error() string { return e.Reason }

// Import reads the spreadsheet and writes the figures for the edition's
// period into data/editions/ID/kpis.toml, then loads the site again to
// check it; if the site does not load the file, the file is put back as it
// was. A refused import (a *Refused or *UsageError) writes nothing.
func Import(opts Options) (*Result, error) {
	kind, err := spreadsheetKind(opts.File)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(opts.File)
	if err != nil {
		return nil, usagef("cannot read %s: %v", opts.File, cleanErr(err))
	}
	root, site, diags, ed, err := openSite(opts)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	file := load.FiguresFile(ed.ID)

	res := &Result{Spreadsheet: opts.File, Edition: ed.ID, From: ed.From, To: ed.To, File: file, DryRun: opts.DryRun, Published: !ed.Draft}
	res.OtherErrors = len(errorsIn(diags, func(string) bool { return true }))
	c := newCollector(site.KPIs, ed.From, ed.To)
	if err := readSpreadsheet(c, res, kind, opts, data); err != nil {
		return res, err
	}
	entries, figs, rounded := c.finish()
	res.Rounded = rounded
	res.Warnings = c.probs.only(diag.Warning)
	res.leftOut(c.leftOut)
	if c.probs.count(diag.Error) > 0 {
		return res, &Refused{Reason: fmt.Sprintf("%d problem(s) in %s", c.probs.count(diag.Error), opts.File), Problems: c.probs.items}
	}
	if len(figs) == 0 {
		return res, noFigures(res, c)
	}

	old, err := root.ReadFile(file)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return res, &Refused{Reason: fmt.Sprintf("cannot read %s: %v", file, cleanErr(err))}
	}
	src := string(old)
	if !exists {
		src = fmt.Sprintf("# The figures as edition %s publishes them: one table per KPI, one key per month\n# (see docs/format.md). Started by planpress import from %s.\n", ed.ID, filepath.Base(opts.File))
	}
	prev := previousEdition(site, ed)
	if prev != nil {
		res.Previous = prev.ID
	}
	p := plan(site, ed, prev, entries, figs)
	res.Added, res.Changed, res.Revised, res.Unchanged = p.added, p.changed, p.revised, p.unchanged
	ff := readFiguresFile(file, src)
	if err := ff.check(p.edits); err != nil {
		var ee *EditError
		errors.As(err, &ee)
		return res, &Refused{Reason: "planpress import cannot change the figures file as it is written", Site: []diag.Diagnostic{{File: ee.File, Line: ee.Line, Message: ee.Message, Fix: ee.Fix}}}
	}
	done := ff.notesDone(p.edits, func(kpi string, m model.Month) bool {
		s := ed.Series[kpi]
		return s != nil && s.Figure(m) != nil
	})
	out := ff.apply(p.edits, p.tables, done)
	if err := verifyEdit(src, out, p.edits); err != nil {
		return res, &Refused{Reason: fmt.Sprintf("planpress import could not edit %s safely (%v); please report this, with the file", file, err)}
	}
	res.NotesRemoved = len(done)
	if exists && out == src {
		return res, nil
	}
	// Load the site with the new file in memory before writing anything.
	if bad := loadErrors(newOverlay(root.FS(), file, []byte(out)), file); len(bad) > 0 {
		return res, &Refused{Reason: "the site would not load the figures as they would be written", Site: bad}
	}
	if opts.DryRun {
		return res, nil
	}
	if err := commit(root, file, old, exists, out); err != nil {
		return res, err
	}
	res.Written = true
	return res, nil
}

// openSite opens and loads the site folder and finds the edition to import
// into; it refuses when the files the import depends on have errors.
func openSite(opts Options) (*os.Root, *model.Site, *diag.List, *model.Edition, error) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, nil, nil, nil, usagef("cannot open the site folder %s: %v", opts.Source, cleanErr(err))
	}
	fail := func(err error) (*os.Root, *model.Site, *diag.List, *model.Edition, error) {
		root.Close()
		return nil, nil, nil, nil, err
	}
	if _, err := root.Stat("planpress.toml"); err != nil {
		return fail(usagef("%s is not a planpress site (it has no planpress.toml); give the site folder with -source", opts.Source))
	}
	site, diags := load.Site(root.FS(), load.Options{Drafts: true, Future: true})
	ed, err := chooseEdition(site, diags, opts.Edition)
	if err != nil {
		return fail(err)
	}
	file := load.FiguresFile(ed.ID)
	if bad := errorsIn(diags, func(f string) bool {
		return f == load.KPIFile || f == "planpress.toml" || f == file || f == path.Join("content/editions", ed.ID, "_index.md")
	}); len(bad) > 0 {
		return fail(&Refused{Reason: "the site's files have errors the import depends on; fix them first (planpress check lists them), then import again", Site: bad})
	}
	if ed.From.IsZero() || ed.To.IsZero() || ed.From > ed.To {
		return fail(&Refused{Reason: fmt.Sprintf("edition %s has no period to import into: set as_at (and from, to) in content/editions/%s/_index.md", ed.ID, ed.ID)})
	}
	return root, site, diags, ed, nil
}

// commit writes the figures file and loads the site to check it. If the
// site does not load the file as written, the file is put back as it was
// (or removed, with any folder made for it, if it was not there).
func commit(root *os.Root, file string, old []byte, exists bool, out string) error {
	now, err := root.ReadFile(file)
	if exists && (err != nil || !bytes.Equal(now, old)) || !exists && err == nil {
		return &Refused{Reason: fmt.Sprintf("%s changed while the import was running: import again", file)}
	}
	dir := path.Dir(file)
	_, err = root.Stat(dir)
	madeDir := errors.Is(err, fs.ErrNotExist)
	if err := writeAtomically(root, file, []byte(out)); err != nil {
		return &Refused{Reason: fmt.Sprintf("cannot write %s: %v", file, err)}
	}
	if testHookAfterWrite != nil {
		testHookAfterWrite(root, file)
	}
	bad := loadErrors(root.FS(), file)
	if len(bad) == 0 {
		return nil
	}
	var restore error
	if exists {
		restore = writeAtomically(root, file, old)
	} else {
		restore = root.Remove(file)
		if restore == nil && madeDir {
			restore = root.Remove(dir)
		}
	}
	reason := fmt.Sprintf("the site does not load %s as written, so it was put back as it was", file)
	if restore != nil {
		reason = fmt.Sprintf("the site does not load %s as written, and putting it back failed (%v): restore it from your copy", file, restore)
	}
	return &Refused{Reason: reason, Site: bad}
}

// testHookAfterWrite, when set by a test, runs between writing the figures
// file and loading the site to check it.
var testHookAfterWrite func(root *os.Root, file string)

// spreadsheetKind says how to read a file by its extension.
func spreadsheetKind(file string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(file)); ext {
	case ".xlsx", ".xlsm":
		return "xlsx", nil
	case ".csv", ".tsv", ".txt":
		return "csv", nil
	case ".xls", ".ods", ".numbers":
		return "", usagef("%s is a %s file; open it and save it as an Excel workbook (.xlsx) or as CSV (.csv), then import that", file, ext)
	case "":
		return "", usagef("%s has no extension; planpress import reads .xlsx and .csv files", file)
	default:
		return "", usagef("planpress import reads .xlsx and .csv files, not %s", ext)
	}
}

func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// chooseEdition finds the edition asked for, or the one with the latest as_at.
func chooseEdition(site *model.Site, diags *diag.List, id string) (*model.Edition, error) {
	if site == nil || len(site.Editions) == 0 {
		return nil, &Refused{Reason: "the site has no edition to import into: start one with planpress new edition", Site: errorsIn(diags, func(string) bool { return true })}
	}
	if id == "" {
		e := site.Editions[len(site.Editions)-1] // sorted by as_at, then id
		if !e.Draft {
			return nil, usagef("the newest edition, %s, is published (it is not a draft), and an import changes a published edition's figures only when you name it: "+
				"start the next edition with planpress new edition, or give -edition %s to correct what it published", e.ID, e.ID)
		}
		return e, nil
	}
	var idsList []string
	for _, e := range site.Editions {
		if e.ID == id {
			return e, nil
		}
		idsList = append(idsList, e.ID)
	}
	if s := diag.Suggest(id, idsList); s != "" {
		return nil, usagef("there is no edition %q; did you mean %q?", id, s)
	}
	return nil, usagef("there is no edition %q; the editions are %s", id, strings.Join(idsList, ", "))
}

// previousEdition is the last published (not draft) edition before ed, whose
// figures the import's are compared with.
func previousEdition(site *model.Site, ed *model.Edition) *model.Edition {
	var prev *model.Edition
	for _, e := range site.Editions {
		if e != ed && !e.Draft && e.AsAt < ed.AsAt {
			prev = e
		}
	}
	return prev
}

// errorsIn returns the errors of a load in the files keep accepts.
func errorsIn(diags *diag.List, keep func(file string) bool) []diag.Diagnostic {
	var out []diag.Diagnostic
	if diags == nil {
		return nil
	}
	for _, d := range diags.Items() {
		if d.Severity == diag.Error && keep(d.File) {
			out = append(out, d)
		}
	}
	return out
}

// loadErrors loads the site and returns its errors in one file.
func loadErrors(fsys fs.FS, file string) []diag.Diagnostic {
	_, diags := load.Site(fsys, load.Options{Drafts: true, Future: true})
	return errorsIn(diags, func(f string) bool { return f == file })
}

// writeAtomically writes a file through a temporary file in the same folder,
// renamed over it, so that the file is either as it was or as it is now.
func writeAtomically(root *os.Root, name string, data []byte) error {
	dir := path.Dir(name)
	if err := root.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if fi, err := root.Stat(name); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp := path.Join(dir, ".kpis.toml.import-"+rand.Text()[:12])
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		root.Remove(tmp)
	}
	return err
}

// readSpreadsheet reads the sheets asked for into the collector.
func readSpreadsheet(c *collector, res *Result, kind string, opts Options, data []byte) error {
	var sheets []*grid
	hidden := map[string]bool{}
	switch kind {
	case "csv":
		if opts.Sheet != "" {
			return usagef("%s is a CSV file, which has no sheets: leave out -sheet", opts.File)
		}
		g, err := readCSV(opts.File, data)
		if err != nil {
			return &Refused{Reason: err.Error()}
		}
		sheets = []*grid{g}
	default:
		wb, err := readXLSX(opts.File, data)
		if err != nil {
			return &Refused{Reason: err.Error()}
		}
		defer wb.Close()
		sheets, hidden = wb.sheets, wb.hidden
		if opts.Sheet != "" {
			g, err := pickSheet(opts, sheets)
			if err != nil {
				return err
			}
			sheets, hidden = []*grid{g}, nil
		}
	}
	read := 0
	for _, g := range sheets {
		if hidden[g.sheet] {
			res.Sheets = append(res.Sheets, SheetReport{Name: g.sheet, Skipped: "hidden (name it with -sheet to read it)"})
			continue
		}
		h, ok := findHeader(g)
		if !ok {
			res.Sheets = append(res.Sheets, SheetReport{Name: g.sheet, Skipped: "no row of month headings, nor columns headed KPI, Month and Value"})
			continue
		}
		read++
		if h.shape == Long {
			res.Sheets = append(res.Sheets, c.readLong(g, h))
		} else {
			res.Sheets = append(res.Sheets, c.readWide(g, h))
		}
	}
	if read == 0 {
		at := Location{File: opts.File}
		if len(sheets) == 1 {
			at.Sheet = sheets[0].sheet
		}
		c.probs.errorf(at, "give the months as headings in one row (Apr-19, May-19, ...) with a column of KPI names, or columns headed KPI, Month and Value (see docs/import.md)",
			"cannot find the figures: no sheet has a row of month headings, nor columns headed KPI, Month and Value")
	}
	return nil
}

func pickSheet(opts Options, sheets []*grid) (*grid, error) {
	var names []string
	for _, g := range sheets {
		if g.sheet == opts.Sheet {
			return g, nil
		}
		names = append(names, g.sheet)
	}
	for _, g := range sheets {
		if strings.EqualFold(strings.TrimSpace(g.sheet), strings.TrimSpace(opts.Sheet)) {
			return g, nil
		}
	}
	if s := diag.Suggest(opts.Sheet, names); s != "" {
		return nil, usagef("%s has no sheet %q; did you mean %q?", opts.File, opts.Sheet, s)
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	return nil, usagef("%s has no sheet %q; its sheets are %s", opts.File, opts.Sheet, strings.Join(quoted, ", "))
}

// noFigures refuses an import that found nothing for the edition's period.
func noFigures(res *Result, c *collector) error {
	reason := fmt.Sprintf("%s has no figures for edition %s's period, %s to %s", res.Spreadsheet, res.Edition, res.From.Long(), res.To.Long())
	if len(c.leftOut) > 0 {
		var months []model.Month
		for m := range c.leftOut {
			months = append(months, m)
		}
		sort.Slice(months, func(i, j int) bool { return months[i] < months[j] })
		reason += fmt.Sprintf(" (it has figures for %s to %s): choose the edition with -edition", months[0].Long(), months[len(months)-1].Long())
	}
	return &Refused{Reason: reason}
}
