// Package diag collects the problems found in a site's files, each with the
// file, line and column where it was written and what to write instead, so
// that a build can report every problem at once, as a compiler does.
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Severity says whether a problem stops a build.
type Severity int

// The severities.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem in one place.
type Diagnostic struct {
	File     string // relative to the site folder, with forward slashes
	Line     int    // 1-based; 0 when only the file is known
	Col      int    // 1-based; 0 when not known
	Severity Severity
	Message  string // what is wrong
	Fix      string // what to write instead; may be empty
}

// String formats the diagnostic as file:line:col: severity: message; fix.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	fmt.Fprintf(&b, ": %s: %s", d.Severity, d.Message)
	if d.Fix != "" {
		b.WriteString("; ")
		b.WriteString(d.Fix)
	}
	return b.String()
}

// List is an ordered collection of diagnostics. The zero List is ready to use.
type List struct {
	items []Diagnostic
}

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { l.items = append(l.items, d) }

// Errorf adds an error at file:line with a fix.
func (l *List) Errorf(file string, line int, fix string, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Severity: Error, Message: fmt.Sprintf(format, args...), Fix: fix})
}

// Warnf adds a warning at file:line with a fix.
func (l *List) Warnf(file string, line int, fix string, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Severity: Warning, Message: fmt.Sprintf(format, args...), Fix: fix})
}

// Merge appends every diagnostic of another list.
func (l *List) Merge(o *List) {
	if o != nil {
		l.items = append(l.items, o.items...)
	}
}

// Items returns the diagnostics sorted by file, line, column and message.
func (l *List) Items() []Diagnostic {
	out := append([]Diagnostic(nil), l.items...)
	slices.SortStableFunc(out, Compare)
	// The same problem found twice (by two passes over one file) is said once.
	dedup := out[:0]
	for i, d := range out {
		if i > 0 && d == out[i-1] {
			continue
		}
		dedup = append(dedup, d)
	}
	return dedup
}

// Compare orders diagnostics by file, line, column and message, then
// severity and fix, so that any two different diagnostics have one order
// whatever order they were found in.
func Compare(a, b Diagnostic) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), strings.Compare(a.Message, b.Message),
		cmp.Compare(a.Severity, b.Severity), strings.Compare(a.Fix, b.Fix))
}

// Raw returns the diagnostics as they were added, unsorted and with any
// repeats, so that a list can be stored and rebuilt exactly.
func (l *List) Raw() []Diagnostic { return append([]Diagnostic(nil), l.items...) }

// Len is the number of diagnostics.
func (l *List) Len() int { return len(l.items) }

// Count returns how many diagnostics have the severity.
func (l *List) Count(s Severity) int {
	n := 0
	for _, d := range l.items {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool { return l.Count(Error) > 0 }

// Err returns an error summarising the list when it holds errors, else nil.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &Errors{List: l}
}

// Errors is the error a failed load or build returns; it carries every diagnostic.
type Errors struct{ List *List }

func (e *Errors) Error() string {
	items := e.List.Items()
	var b strings.Builder
	n := e.List.Count(Error)
	fmt.Fprintf(&b, "%d error(s) in the site's files", n)
	for _, d := range items {
		if d.Severity == Error {
			b.WriteString("\n")
			b.WriteString(d.String())
		}
	}
	return b.String()
}

// WriteText writes one line per diagnostic and a closing count.
func (l *List) WriteText(w io.Writer) {
	for _, d := range l.Items() {
		fmt.Fprintln(w, d.String())
	}
}

// jsonDiagnostic is the shape of one diagnostic in `check -format json`.
type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Fix      string `json:"fix,omitempty"`
}

// WriteJSON writes the diagnostics as a JSON array.
func (l *List) WriteJSON(w io.Writer) error {
	out := []jsonDiagnostic{}
	for _, d := range l.Items() {
		out = append(out, jsonDiagnostic{d.File, d.Line, d.Col, d.Severity.String(), d.Message, d.Fix})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// Suggest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a likely typo.
func Suggest(word string, candidates []string) string {
	best, bestD := "", 1<<30
	lw := strings.ToLower(word)
	for _, c := range candidates {
		d := distance(lw, strings.ToLower(c))
		if d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	limit := len(word)/3 + 1
	if limit > 3 {
		limit = 3
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// distance is the Levenshtein edit distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
