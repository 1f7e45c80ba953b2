package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// searched is what the search page shows for a query: the number of results
// announced, and where each result is from.
type searched struct {
	Status string   `json:"status"`
	Meta   []string `json:"meta"`
}

// search loads a search page with a query and reads what it says, once the
// script has searched.
func search(ctx context.Context, b *Browser, page, query string) (*searched, error) {
	var out searched
	err := b.use(ctx, "", func(ctx context.Context, col *collector) error {
		if err := chromedp.Do(ctx, chromedp.Navigate(page+"?q="+url.QueryEscape(query))); err != nil {
			return err
		}
		if err := settle(ctx, col); err != nil {
			return err
		}
		// The status is announced a moment after the results are listed.
		deadline := time.Now().Add(10 * time.Second)
		for {
			s, err := chromedp.Run(ctx, chromedp.Evaluate[searched](`({status: document.getElementById('search-status').textContent,
				meta: Array.from(document.querySelectorAll('.search-results__meta')).map(function (e) { return e.textContent; })})`))
			if err != nil {
				return err
			}
			if s.Status != "" || time.Now().After(deadline) {
				out = s
				return nil
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("searching %s for %q: %w", page, query, err)
	}
	return &out, nil
}

// TestSearchSpeaksThePageLanguage: the search script says what it found in
// the words the search page gives it, in the page's language, with the
// language's plural forms: the Welsh search page in Welsh, the English in
// English.
func TestSearchSpeaksThePageLanguage(t *testing.T) {
	var dir string
	for _, s := range sites(t) {
		if s.name == "bilingual" {
			dir = s.dir
		}
	}
	if dir == "" {
		t.Skip("the bilingual example is not among the sites")
	}
	b := browser(t)
	srv := serve(t, dir)
	for _, tc := range []struct {
		page, query string
		status      []string
		meta        string
	}{
		{"search/", "re-referrals", []string{"results for “re-referrals”."}, " report ("},
		{"cy/search/", "ail-atgyfeiriadau", []string{"ar gyfer “ail-atgyfeiriadau”."}, "Adroddiad "},
		{"cy/search/", "xyzzy", []string{"Dim canlyniadau ar gyfer “xyzzy”.", "Gwiriwch y sillafu"}, ""},
		{"search/", "xyzzy", []string{"No results for “xyzzy”.", "Check the spelling"}, ""},
	} {
		got, err := search(context.Background(), b, srv.URL+tc.page, tc.query)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("/%s?q=%s: %s %q", tc.page, tc.query, got.Status, got.Meta)
		for _, w := range tc.status {
			if !strings.Contains(got.Status, w) {
				t.Errorf("/%s?q=%s says %q, want %q", tc.page, tc.query, got.Status, w)
			}
		}
		if strings.HasPrefix(tc.page, "cy/") && (strings.Contains(got.Status, "result") || strings.Contains(strings.Join(got.Meta, " "), "report")) {
			t.Errorf("/%s?q=%s speaks English: %q, %q", tc.page, tc.query, got.Status, got.Meta)
		}
		if tc.meta != "" && !strings.Contains(strings.Join(got.Meta, "|"), tc.meta) {
			t.Errorf("/%s?q=%s: results from %q, want one saying %q", tc.page, tc.query, got.Meta, tc.meta)
		}
	}
}
