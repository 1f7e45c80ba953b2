package scaffold

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/planpress/planpress/internal/i18n"
	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/theme"
)

// A site in more than one language has the edition's words in each other
// language beside its files (_index.cy.md, priority-1.cy.md, the notes of
// kpis.cy.toml): the new edition gets them too, as the default language's
// are made, so that it is a draft in every language.

// monthWords is how the language of code writes a month ("Mai 2024"), from
// its interface words; nil when they cannot be read (the title's month is
// then left for the author to change).
func monthWords(fsys fs.FS, site *model.Site, code string) func(model.Month) string {
	for _, tr := range site.Translations {
		if tr.Code != code {
			continue
		}
		if c, _ := i18n.Load(theme.Files{Site: fsys}, tr.Language); c != nil {
			return c.Month
		}
	}
	return nil
}

// translatedIndex makes an edition's _index.CODE.md for the new edition from
// the previous one's: the publication month in the title moved on, the
// summary a prompt and the introduction's paragraphs prompts. The dates and
// draft are the default language's alone.
func translatedIndex(file, src string, d dates, month func(model.Month) string) string {
	front, body, ok := splitFront(file, src)
	if !ok {
		return priorityFile(src, d)
	}
	var doc struct {
		Title   string  `toml:"title"`
		Summary *string `toml:"summary"`
	}
	var set []keyValue
	if _, err := toml.Decode(front, &doc); err == nil {
		title := doc.Title
		newMonth, _ := model.ParseMonth(d.published)
		if month != nil && !d.oldPublished.IsZero() && !newMonth.IsZero() {
			old := model.MonthOf(d.oldPublished.Year(), d.oldPublished.Month())
			title = strings.ReplaceAll(title, month(old), month(newMonth))
		}
		if title != "" {
			set = append(set, keyValue{"title", quote(title)})
		}
		if doc.Summary != nil {
			set = append(set, keyValue{"summary", quote(load.FrontPrompt(fmt.Sprintf("Write one line, in this language, on progress to %s: it is shown in the list of reports and in search results.", d.asAt.Long())))})
		}
	}
	return joinFront(setKeys(front, set), promptify(body, d))
}

// monthLine is a month's line of a KPI's table: `"2019-03" = ...`.
var monthLine = regexp.MustCompile(`^\s*"([0-9]{4}-[0-9]{2})"\s*=`)

// copyNotes copies the notes published with the previous edition's figures
// in another language (data/editions/ID/kpis.CODE.toml) for the months the
// new edition's period still covers.
func copyNotes(src, from string, d dates) string {
	var out []string
	out = append(out, fmt.Sprintf("# Started by planpress new edition from %s: the notes of the months this\n# edition still covers.", from))
	for _, l := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		if m := monthLine.FindStringSubmatch(l); m != nil {
			if month, err := model.ParseMonth(m[1]); err == nil && month < d.from {
				continue
			}
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
