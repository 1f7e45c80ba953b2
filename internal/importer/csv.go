package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// readCSV reads a CSV (or tab-separated) file: UTF-8 with or without a byte
// order mark, UTF-16 with one (Excel's "Unicode text"), or Windows-1252
// (what older Excel writes) when the bytes are not valid UTF-8. The
// delimiter (comma, semicolon or tab) is detected, or taken from an Excel
// "sep=;" first line.
func readCSV(name string, data []byte) (*grid, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the file's text: %v", name, err)
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n") // old Mac Excel ends lines with CR alone
	var delim rune
	if first, rest, ok := strings.Cut(text, "\n"); ok || first != "" {
		if s := strings.TrimSpace(first); len(s) == 5 && strings.HasPrefix(strings.ToLower(s), "sep=") {
			delim, _ = utf8.DecodeRuneInString(s[4:])
			text = rest
		}
	}
	if delim == 0 {
		delim = detectDelimiter(text)
	}
	g := &grid{file: name}
	r := newCSVReader(text, delim)
	extra := 0 // lines taken by line breaks inside quoted cells so far
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: cannot read as CSV: %v", name, err)
		}
		line, _ := r.FieldPos(0)
		row := line - 1 - extra // Excel shows blank lines as rows; csv skips them
		for len(g.rows) < row {
			g.rows = append(g.rows, nil)
		}
		cells := make([]gridCell, len(rec))
		for i, f := range rec {
			cells[i] = gridCell{text: f}
			extra += strings.Count(f, "\n")
		}
		g.rows = append(g.rows, cells)
	}
	return g, nil
}

func newCSVReader(text string, delim rune) *csv.Reader {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return r
}

// decodeText turns a file's bytes into text.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:]), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		return string(b), err
	case utf8.Valid(data):
		return string(data), nil
	}
	b, err := charmap.Windows1252.NewDecoder().Bytes(data)
	return string(b), err
}

// detectDelimiter picks the delimiter that splits the most of the first
// lines into the same number of cells (two or more).
func detectDelimiter(text string) rune {
	best, bestRows, bestCells := ',', 0, 0
	for _, d := range []rune{',', ';', '\t'} {
		r := newCSVReader(text, d)
		counts := map[int]int{}
		for i := 0; i < 50; i++ {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
				continue
			}
			counts[len(rec)]++
		}
		cells, rows := 0, 0
		for n, c := range counts {
			if n >= 2 && (c > rows || c == rows && n > cells) {
				cells, rows = n, c
			}
		}
		if rows > bestRows || rows == bestRows && cells > bestCells {
			best, bestRows, bestCells = d, rows, cells
		}
	}
	return best
}
