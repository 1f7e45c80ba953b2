package i18n

import (
	"fmt"
	"time"

	"github.com/planpress/planpress/internal/model"
)

// Months and days as a reader reads them: the month names and the patterns
// are entries of the catalogue, so that a site in another language has its
// own. (model.Month.Long stays for messages to authors, which are English.)

var monthNames = [12]Key{
	MonthsJanuary, MonthsFebruary, MonthsMarch, MonthsApril, MonthsMay, MonthsJune,
	MonthsJuly, MonthsAugust, MonthsSeptember, MonthsOctober, MonthsNovember, MonthsDecember,
}

var monthShortNames = [12]Key{
	MonthsShortJanuary, MonthsShortFebruary, MonthsShortMarch, MonthsShortApril, MonthsShortMay, MonthsShortJune,
	MonthsShortJuly, MonthsShortAugust, MonthsShortSeptember, MonthsShortOctober, MonthsShortNovember, MonthsShortDecember,
}

var monthInNames = [12]Key{
	MonthsInJanuary, MonthsInFebruary, MonthsInMarch, MonthsInApril, MonthsInMay, MonthsInJune,
	MonthsInJuly, MonthsInAugust, MonthsInSeptember, MonthsInOctober, MonthsInNovember, MonthsInDecember,
}

// InMonth writes a month after "in", the word and all: "in March 2019" (in
// Welsh "ym Mawrth 2019"); "" for the zero month.
func (c *Catalogue) InMonth(m model.Month) string {
	if m.IsZero() {
		return ""
	}
	return c.Text(DateInMonth, "month", c.Text(monthInNames[m.Calendar()-1]), "year", m.Year())
}

// MonthName is a calendar month's name: "March".
func (c *Catalogue) MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return c.Text(monthNames[m-1])
}

// Month writes a month in full: "March 2019"; "" for the zero month.
func (c *Catalogue) Month(m model.Month) string {
	if m.IsZero() {
		return ""
	}
	return c.Text(DateMonth, "month", c.MonthName(m.Calendar()), "year", m.Year())
}

// MonthShort writes a month for a column heading or a chart's axis:
// "Mar-19"; "" for the zero month.
func (c *Catalogue) MonthShort(m model.Month) string {
	if m.IsZero() {
		return ""
	}
	return c.Text(DateMonthShort, "month", c.Text(monthShortNames[m.Calendar()-1]), "yy", fmt.Sprintf("%02d", m.Year()%100), "year", m.Year())
}

// Day writes a date: "31 May 2019".
func (c *Catalogue) Day(t time.Time) string {
	return c.Text(DateDay, "day", t.Day(), "month", c.MonthName(t.Month()), "year", t.Year())
}

// Number words are the small counts a narrative may ask for in words
// ({{< milestones words=true >}}): "four".
var numberWords = [...]Key{
	NumbersZero, NumbersOne, NumbersTwo, NumbersThree, NumbersFour, NumbersFive, NumbersSix,
	NumbersSeven, NumbersEight, NumbersNine, NumbersTen, NumbersEleven, NumbersTwelve,
}

// NumberWords writes a small count in words, as reports do ("four of these
// seven"); a larger count stays in digits.
func (c *Catalogue) NumberWords(n int) string {
	if n >= 0 && n < len(numberWords) {
		return c.Text(numberWords[n])
	}
	return fmt.Sprint(n)
}

// Rating is a rating in words: "Red", "Amber", "Green", or "" for none
// (a figure without a rating says so in words of its own context).
func (c *Catalogue) Rating(r model.RAG) string {
	switch r {
	case model.RAGRed:
		return c.Text(RatingRed)
	case model.RAGAmber:
		return c.Text(RatingAmber)
	case model.RAGGreen:
		return c.Text(RatingGreen)
	}
	return ""
}
