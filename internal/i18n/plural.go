package i18n

import "strings"

// Category is a CLDR plural category: which form of an entry a count takes.
// English needs one and other; Welsh all six.
type Category int

// The CLDR plural categories, in CLDR's order.
const (
	Zero Category = iota
	One
	Two
	Few
	Many
	Other
	numCategories
)

var categoryNames = [numCategories]string{"zero", "one", "two", "few", "many", "other"}

func (c Category) String() string { return categoryNames[c] }

// parseCategory reads a category's name.
func parseCategory(s string) (Category, bool) {
	for i, n := range categoryNames {
		if n == s {
			return Category(i), true
		}
	}
	return 0, false
}

// pluralRule is a language's rule for whole-number counts (CLDR's cardinal
// rules with the operand n), and the categories it uses.
type pluralRule struct {
	categories []Category
	of         func(n int) Category
}

// pluralRules are the languages whose rules planpress knows, by primary
// language subtag. A language not listed has one form, other.
var pluralRules = map[string]pluralRule{
	"en": {[]Category{One, Other}, func(n int) Category {
		if n == 1 {
			return One
		}
		return Other
	}},
	"cy": {[]Category{Zero, One, Two, Few, Many, Other}, func(n int) Category {
		switch n {
		case 0:
			return Zero
		case 1:
			return One
		case 2:
			return Two
		case 3:
			return Few
		case 6:
			return Many
		}
		return Other
	}},
}

var otherOnly = pluralRule{[]Category{Other}, func(int) Category { return Other }}

// ruleFor finds the plural rule of a language tag ("en-GB", "cy").
func ruleFor(lang string) pluralRule {
	if r, ok := pluralRules[primary(lang)]; ok {
		return r
	}
	return otherOnly
}

// primary is a language tag's primary subtag, lower-cased: "en" for "en-GB".
func primary(lang string) string {
	p, _, _ := strings.Cut(lang, "-")
	p, _, _ = strings.Cut(p, "_")
	return strings.ToLower(p)
}

func (r pluralRule) uses(c Category) bool {
	for _, x := range r.categories {
		if x == c {
			return true
		}
	}
	return false
}

func (r pluralRule) names() string {
	var s []string
	for _, c := range r.categories {
		s = append(s, c.String())
	}
	return strings.Join(s, ", ")
}

// category is the form a count takes.
func (r pluralRule) category(n int) Category {
	if n < 0 {
		n = -n
	}
	return r.of(n)
}
