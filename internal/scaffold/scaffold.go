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
	"time"

	"github.com/BurntSushi/toml"

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
}

// QuarterMonths is how far a new edition moves on by default.
const QuarterMonths = 3

var (
	editionID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	monthID   = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)
)

// ErrExists is returned when the new edition's folders are already there.
var ErrExists = errors.New("the edition already exists")

// Edition writes content/editions/ID/ and data/editions/ID/kpis.toml from the
// previous edition. It refuses to overwrite anything, and writes nothing if
// any file cannot be made.
func Edition(opts Options) (*Result, error) {
	if !editionID.MatchString(opts.ID) {
		return nil, fmt.Errorf("%q cannot be an edition id: use lower-case letters, digits and hyphens, such as \"2019-08\" (it becomes the edition's permanent address)", opts.ID)
	}
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("cannot open the site folder: %w", err)
	}
	defer root.Close()
	fsys := root.FS()
	if _, err := fs.Stat(fsys, "planpress.toml"); err != nil {
		return nil, fmt.Errorf("%s is not a planpress site (it has no planpress.toml); pass the site folder with -source", opts.Source)
	}
	newContent := path.Join("content/editions", opts.ID)
	newData := path.Join("data/editions", opts.ID)
	for _, p := range []string{newContent, newData} {
		if _, err := fs.Stat(fsys, p); err == nil {
			return nil, fmt.Errorf("%s: %w; choose another id, or delete the folder first if you mean to start again", p, ErrExists)
		}
	}
	from := opts.From
	if from == "" {
		if from, err = newestEdition(fsys); err != nil {
			return nil, err
		}
	}
	if from == opts.ID {
		return nil, fmt.Errorf("the new edition %q cannot be made from itself", opts.ID)
	}
	oldContent := path.Join("content/editions", from)
	if _, err := fs.Stat(fsys, path.Join(oldContent, "_index.md")); err != nil {
		return nil, fmt.Errorf("there is no edition %q to start from (no %s/_index.md); editions: %s", from, oldContent, strings.Join(editionIDs(fsys), ", "))
	}

	files := map[string][]byte{}
	res := &Result{From: from}
	src, err := fs.ReadFile(fsys, path.Join(oldContent, "_index.md"))
	if err != nil {
		return nil, err
	}
	dates, err := nextDates(path.Join(oldContent, "_index.md"), string(src), opts)
	if err != nil {
		return nil, err
	}
	dates.yearStart = yearStart(fsys)
	index, err := editionIndex(path.Join(oldContent, "_index.md"), string(src), from, dates)
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
		files[path.Join(newContent, name)] = []byte(priorityFile(string(b), dates))
	}

	figures := path.Join("data/editions", from, "kpis.toml")
	if b, err := fs.ReadFile(fsys, figures); err == nil {
		out, err := copyFigures(figures, string(b), from, dates)
		if err != nil {
			return nil, err
		}
		files[path.Join(newData, "kpis.toml")] = []byte(out)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	first := dates.oldAsAt + 1
	if first < dates.from {
		first = dates.from
	}
	res.NewMonths = [2]model.Month{first, dates.to}

	if err := writeAll(root, files, []string{newContent, newData}); err != nil {
		return nil, err
	}
	for p := range files {
		res.Files = append(res.Files, p)
	}
	sort.Strings(res.Files)
	return res, nil
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

// editionIDs lists the edition folders, for messages.
func editionIDs(fsys fs.FS) []string {
	entries, _ := fs.ReadDir(fsys, "content/editions")
	var out []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "_") {
			out = append(out, e.Name())
		}
	}
	if len(out) == 0 {
		return []string{"none"}
	}
	return out
}

// newestEdition is the edition with the latest as-at month (then the
// greatest id), the one a new edition normally follows.
func newestEdition(fsys fs.FS) (string, error) {
	best, bestAt := "", model.Month(0)
	for _, id := range editionIDs(fsys) {
		b, err := fs.ReadFile(fsys, path.Join("content/editions", id, "_index.md"))
		if err != nil {
			continue
		}
		front, _, ok := splitFront(string(b))
		if !ok {
			continue
		}
		var fm struct {
			AsAt string `toml:"as_at"`
		}
		if _, err := toml.Decode(front, &fm); err != nil {
			continue
		}
		m, err := model.ParseMonth(fm.AsAt)
		if err != nil {
			continue
		}
		if m > bestAt || (m == bestAt && id > best) {
			best, bestAt = id, m
		}
	}
	if best == "" {
		return "", fmt.Errorf("there is no edition to start from in content/editions; write the first one by hand (see docs/format.md)")
	}
	return best, nil
}

// yearStart reads financial_year_start from planpress.toml (April when unset
// or unreadable: planpress check reports a bad value).
func yearStart(fsys fs.FS) time.Month {
	var site struct {
		Start int `toml:"financial_year_start"`
	}
	b, err := fs.ReadFile(fsys, "planpress.toml")
	if err == nil {
		_, err = toml.Decode(string(b), &site)
	}
	if err != nil || site.Start < 1 || site.Start > 12 {
		return time.April
	}
	return time.Month(site.Start)
}

// splitFront separates TOML front matter between "+++" lines from the body.
func splitFront(src string) (front, body string, ok bool) {
	src = strings.TrimPrefix(src, "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	if !strings.HasPrefix(src, "+++\n") {
		return "", src, false
	}
	rest := src[4:]
	if strings.HasPrefix(rest, "+++\n") {
		return "", rest[4:], true
	}
	end := strings.Index(rest, "\n+++\n")
	if end < 0 {
		if strings.HasSuffix(rest, "\n+++") {
			return rest[:len(rest)-4] + "\n", "", true
		}
		return "", src, false
	}
	return rest[:end+1], rest[end+5:], true
}

func joinFront(front, body string) string {
	return "+++\n" + front + "+++\n" + body
}
