package load

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/planpress/planpress/internal/model"
)

// duplicateKey matches the TOML decoder's message for a key or a table
// written twice: "Key 're-referrals.2019-05' has already been defined."
var duplicateKey = regexp.MustCompile(`^Key '(.*)' has already been defined\.?$`)

// reportDuplicate says in plain words that a key is written twice: at the
// second place (line, as the decoder counts it in src), naming the first.
// The decoder's own message names the key by its dotted path only, which an
// author has to decode.
func (d *doc) reportDuplicate(src, key string, line int) {
	first := d.index.Line(key)
	where := ""
	if first > 0 && first != line {
		where = fmt.Sprintf(" (first on line %d)", first+d.offset)
	}
	isTable := false
	if lines := strings.Split(src, "\n"); first > 0 && first <= len(lines) {
		isTable = strings.HasPrefix(strings.TrimSpace(lines[first-1]), "[")
	}
	at := line + d.offset
	parts := strings.Split(key, ".")
	last := parts[len(parts)-1]
	month, monthErr := model.ParseMonth(last)
	isFigures := path.Base(d.file) == "kpis.toml" && strings.HasPrefix(d.file, "data/editions/")
	switch {
	case isFigures && len(parts) == 2 && monthErr == nil:
		d.diags.Errorf(d.file, at, "keep one figure for the month and delete the other",
			"KPI %q gives %s twice%s", parts[0], month.Long(), where)
	case isFigures && len(parts) == 1 && isTable:
		d.diags.Errorf(d.file, at, fmt.Sprintf("write all of the KPI's figures under one [%s]", key),
			"the figures of KPI %q start twice, at two [%s] headers%s", key, key, where)
	case isTable:
		d.diags.Errorf(d.file, at, fmt.Sprintf("write all of its keys under one [%s]", key),
			"the table [%s] is written twice%s", key, where)
	default:
		d.diags.Errorf(d.file, at, "keep one and delete the other",
			"%s is written twice%s", key, where)
	}
}
