// Package scaffold starts the next edition of a report from the last one: its
// plan (priorities, milestones and their statuses) and figures copied, its
// narrative left as headed prompts, marked as a draft, with its dates moved on
// a quarter.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
)

// Options say which edition to make.
type Options struct {
	// Source is the site folder (it holds planpress.toml).
	Source string
	// ID is the new edition's id: its folder name and permanent address.
	ID string
	// From is the edition to start from; empty means the one with the latest
	// as-at month.
	From string
	// AsAt is the month the new edition's figures run to; zero means three
	// months after From's.
	AsAt model.Month
}

// Result says what was made.
type Result struct {
	From      string      // the edition copied
	AsAt      model.Month // the new edition's as-at month
	Period    [2]model.Month
	Published string   // the publication date written, "2019-08"
	Files     []string // the files written, relative to the site folder
	// NewMonths are the months the new edition needs figures for.
	NewMonths [2]model.Month
	// TargetYear is the new edition's financial year when it starts a year
	// the previous edition did not reach, and TargetKPIs the rated KPIs
	// with no target for it yet: their tables in the new figures file have
	// a target line to fill in.
	TargetYear model.FinancialYear
	TargetKPIs []string
}

// QuarterMonths is how far a new edition moves on by default.
const QuarterMonths = 3

var monthID = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)

// ErrExists is returned when the new edition's folders are already there.
var ErrExists = errors.New("the edition already exists")

// Edition writes content/editions/ID/ and data/editions/ID/kpis.toml from the
// previous edition. It reads the site through load, which knows the format;
// it writes text only, keeping the files' comments and layout, and then
// loads what it wrote to check it. It refuses to overwrite anything, and
// leaves nothing behind if any file cannot be made or what it made does not
// load.
func Edition(opts Options) (*Result, error) {
	if !load.ValidID(opts.ID) {
		return nil, fmt.Errorf("%q cannot be an edition id: use lower-case letters, digits and hyphens, such as \"2019-08\" (it becomes the edition's permanent address)", opts.ID)
	}
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("cannot open the site folder: %w", err)
	}
	defer root.Close()
	fsys := root.FS()
	if _, err := fs.Stat(fsys, load.SiteFile); err != nil {
		return nil, fmt.Errorf("%s is not a planpress site (it has no %s); pass the site folder with -source", opts.Source, load.SiteFile)
	}
	newContent, newData := load.EditionFolders(opts.ID)
	for _, p := range []string{newContent, newData} {
		if _, err := fs.Stat(fsys, p); err == nil {
			return nil, fmt.Errorf("%s: %w; choose another id, or delete the folder first if you mean to start again", p, ErrExists)
		}
	}
	site, diags := load.Site(fsys, load.Options{Drafts: true, Future: true})
	if diags.HasErrors() {
		return nil, fmt.Errorf("the site has problems to fix before a new edition can start from it (planpress check lists them all); the first: %s", firstError(diags))
	}
	prev, err := startingEdition(site, opts)
	if err != nil {
		return nil, err
	}
	oldContent, _ := load.EditionFolders(prev.ID)

	files := map[string][]byte{}
	res := &Result{From: prev.ID}
	indexFile := path.Join(oldContent, "_index.md")
	src, err := fs.ReadFile(fsys, indexFile)
	if err != nil {
		return nil, err
	}
	dates, err := nextDates(prev, string(src), site.FinancialYearStart, opts)
	if err != nil {
		return nil, err
	}
	index, err := editionIndex(indexFile, string(src), prev, dates)
	if err != nil {
		return nil, err
	}
	files[path.Join(newContent, "_index.md")] = []byte(index)
	res.AsAt, res.Period, res.Published = dates.asAt, [2]model.Month{dates.from, dates.to}, dates.published

	entries, err := fs.ReadDir(fsys, oldContent)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name == "_index.md" || !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, ".") {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(oldContent, name))
		if err != nil {
			return nil, err
		}
		if base, code, ok := load.TranslationOf(site, name); ok && base == "_index.md" {
			files[path.Join(newContent, name)] = []byte(translatedIndex(path.Join(oldContent, name), string(b), dates, monthWords(fsys, site, code)))
			continue
		}
		files[path.Join(newContent, name)] = []byte(priorityFile(string(b), dates))
	}
	for _, tr := range site.Translations {
		notes := load.TranslationFile(load.FiguresFile(prev.ID), tr.Code)
		if b, err := fs.ReadFile(fsys, notes); err == nil {
			files[load.TranslationFile(load.FiguresFile(opts.ID), tr.Code)] = []byte(copyNotes(string(b), prev.ID, dates))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}

	targets := newYearTargets(site, prev, dates)
	figures := load.FiguresFile(prev.ID)
	if b, err := fs.ReadFile(fsys, figures); err == nil {
		files[load.FiguresFile(opts.ID)] = []byte(copyFigures(string(b), prev.ID, dates, targets))
		for id, t := range targets {
			res.TargetYear = t.year
			res.TargetKPIs = append(res.TargetKPIs, id)
		}
		sort.Strings(res.TargetKPIs)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	first := dates.oldAsAt + 1
	if first < dates.from {
		first = dates.from
	}
	res.NewMonths = [2]model.Month{first, dates.to}

	dirs := []string{newContent, newData}
	if err := writeAll(root, files, dirs); err != nil {
		return nil, err
	}
	if err := checkWritten(root, opts.ID, dirs); err != nil {
		return nil, err
	}
	for p := range files {
		res.Files = append(res.Files, p)
	}
	sort.Strings(res.Files)
	return res, nil
}

// newYearTargets are the rated KPIs the previous edition gives figures for
// that have no target for the new edition's financial year, when it starts a
// year the previous edition did not reach, each with the target in force
// at the previous edition's as-at month as a reminder.
func newYearTargets(site *model.Site, prev *model.Edition, d dates) map[string]newYearTarget {
	year := model.FinancialYearOf(d.asAt, d.yearStart)
	if year == model.FinancialYearOf(d.oldAsAt, d.yearStart) {
		return nil
	}
	out := map[string]newYearTarget{}
	for id, s := range prev.Series {
		if !s.Rated() {
			continue
		}
		if _, ok := s.KPI.Targets[year]; ok {
			continue
		}
		t := newYearTarget{year: year}
		t.last, t.hasLast = s.TargetFor(site, prev.AsAt, prev.AsAt)
		out[id] = t
	}
	return out
}

// startingEdition is the edition the new one starts from: the one named, or
// the one with the latest as-at month (then the greatest id), the one a new
// edition normally follows.
func startingEdition(site *model.Site, opts Options) (*model.Edition, error) {
	if opts.From == opts.ID && opts.From != "" {
		return nil, fmt.Errorf("the new edition %q cannot be made from itself", opts.ID)
	}
	if len(site.Editions) == 0 {
		return nil, fmt.Errorf("there is no edition to start from in content/editions; write the first one by hand (see docs/format.md)")
	}
	if opts.From == "" {
		return site.Editions[len(site.Editions)-1], nil
	}
	var ids []string
	for _, e := range site.Editions {
		if e.ID == opts.From {
			return e, nil
		}
		ids = append(ids, e.ID)
	}
	return nil, fmt.Errorf("there is no edition %q to start from; editions: %s", opts.From, strings.Join(ids, ", "))
}

// checkWritten loads the site with the new edition and, if the edition does
// not load cleanly, removes what was written and says why.
func checkWritten(root *os.Root, id string, dirs []string) error {
	_, diags := load.Site(root.FS(), load.Options{Drafts: true, Future: true})
	if !diags.HasErrors() {
		return nil
	}
	for _, d := range dirs {
		_ = root.RemoveAll(d)
	}
	return fmt.Errorf("the new edition %s did not load, so nothing was kept (please report this as a planpress bug, with the edition you started from); the first problem: %s", id, firstError(diags))
}

// firstError is the first error of a load, as planpress check writes it.
func firstError(diags *diag.List) string {
	for _, d := range diags.Items() {
		if d.Severity == diag.Error {
			return d.String()
		}
	}
	return ""
}

// writeAll writes every file, or none: on a failure it removes the folders
// it made.
func writeAll(root *os.Root, files map[string][]byte, dirs []string) error {
	var made []string
	undo := func() {
		for _, d := range made {
			_ = root.RemoveAll(d)
		}
	}
	for _, d := range dirs {
		if err := root.MkdirAll(d, 0o755); err != nil {
			undo()
			return fmt.Errorf("cannot create %s: %w", d, err)
		}
		made = append(made, d)
	}
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		f, err := root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = f.Write(files[p])
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			undo()
			return fmt.Errorf("cannot write %s: %w", p, err)
		}
	}
	return nil
}

// splitFront separates front matter from the body of a Markdown file the
// load has read without problems.
func splitFront(file, src string) (front, body string, ok bool) {
	front, body, _, ok = load.SplitFrontMatter(file, src, &diag.List{})
	if front != "" {
		front += "\n"
	}
	return front, body, ok && strings.HasPrefix(strings.TrimPrefix(src, "\ufeff"), "+++")
}

func joinFront(front, body string) string {
	return "+++\n" + front + "+++\n" + body
}
