package linkcheck

import "strings"

// srcsetURLs returns the URLs of the image candidates in a srcset attribute,
// such as "a.png 1x, b.png 2x". It follows the shape of the HTML parsing
// algorithm: a URL runs to whitespace, a URL that ends in commas ends its
// candidate, and descriptors run to the next comma outside parentheses.
func srcsetURLs(s string) []string {
	var urls []string
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	i := 0
	for i < len(s) {
		for i < len(s) && (isSpace(s[i]) || s[i] == ',') {
			i++
		}
		start := i
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		u := s[start:i]
		if u == "" {
			break
		}
		if strings.HasSuffix(u, ",") {
			urls = append(urls, strings.TrimRight(u, ","))
			continue
		}
		urls = append(urls, u)
		depth := 0
		for i < len(s) {
			c := s[i]
			i++
			if c == '(' {
				depth++
			} else if c == ')' && depth > 0 {
				depth--
			} else if c == ',' && depth == 0 {
				break
			}
		}
	}
	return urls
}
