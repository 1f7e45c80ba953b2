package browsertest

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// A FocusStop is one element that a press of Tab moved the focus to.
type FocusStop struct {
	Element        string `json:"element"` // tag#id.class "text"
	Tag            string `json:"tag"`
	Href           string `json:"href"`
	OutlineChanged bool   `json:"outlineChanged"`
	ShadowChanged  bool   `json:"shadowChanged"`
	OutlineShown   bool   `json:"outlineShown"`
	ShadowShown    bool   `json:"shadowShown"`
	FocusStyle     string `json:"focusStyle"`
	Shown          bool   `json:"shown"`
	InViewport     bool   `json:"inViewport"`
	TargetExists   bool   `json:"targetExists"` // for an in-page link: its target is in the page

	None   bool `json:"none"`   // nothing in the page had the focus
	Repeat bool `json:"repeat"` // the element had the focus before
}

// Indicated reports whether the focus shows: the element's outline or
// box-shadow changed from its unfocused look to one that can be seen.
func (s FocusStop) Indicated() bool {
	return (s.OutlineChanged && s.OutlineShown) || (s.ShadowChanged && s.ShadowShown)
}

// IsSkipLink reports whether the stop is an in-page link whose target exists.
func (s FocusStop) IsSkipLink() bool {
	return s.Tag == "a" && strings.HasPrefix(s.Href, "#") && len(s.Href) > 1 && s.TargetExists
}

// A KeyboardReport is what tabbing through a page found.
type KeyboardReport struct {
	URL      string
	Tabbable int         // visible elements with a tabindex of 0 or more
	Stops    []FocusStop // in Tab order, each element once
	Trapped  bool        // the focus never left the page or came back round
}

// Problems lists what is wrong with keyboard use of the page.
func (r *KeyboardReport) Problems() []string {
	var out []string
	if len(r.Stops) == 0 {
		return []string{"no element receives the focus from the keyboard"}
	}
	first := r.Stops[0]
	switch {
	case first.Tag != "a" || !strings.HasPrefix(first.Href, "#") || len(first.Href) < 2:
		out = append(out, fmt.Sprintf("the first Tab goes to %s, not to a skip link", first.Element))
	case !first.TargetExists:
		out = append(out, fmt.Sprintf("the skip link %s points to %s, which is not in the page", first.Element, first.Href))
	}
	for _, s := range r.Stops {
		if !s.Indicated() {
			out = append(out, fmt.Sprintf("no visible focus indicator on %s (focused: %s)", s.Element, s.FocusStyle))
		}
		if !s.Shown {
			out = append(out, fmt.Sprintf("the focus goes to %s, which has no size on screen", s.Element))
		} else if !s.InViewport {
			out = append(out, fmt.Sprintf("the focus goes to %s, which is outside the viewport", s.Element))
		}
	}
	if r.Trapped {
		out = append(out, fmt.Sprintf("after %d Tabs the focus had neither left the page nor come back round: a keyboard trap?", len(r.Stops)))
	}
	return out
}

// CheckKeyboard loads pageURL at the desktop width and presses Tab from the
// top until the focus leaves the page or comes back to an element it has
// visited, recording each element it reaches.
func (b *Browser) CheckKeyboard(ctx context.Context, pageURL string) (*KeyboardReport, error) {
	rep := &KeyboardReport{URL: pageURL}
	err := b.use(ctx, "", func(ctx context.Context, col *collector) error {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(WideWidth, WideHeight), chromedp.Navigate(pageURL)); err != nil {
			return fmt.Errorf("loading: %w", err)
		}
		if err := settle(ctx, col); err != nil {
			return err
		}
		var err error
		if rep.Tabbable, err = chromedp.Run(ctx, chromedp.Evaluate[int](focusScript)); err != nil {
			return fmt.Errorf("recording the unfocused styles: %w", err)
		}
		for range rep.Tabbable + 5 {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
				return fmt.Errorf("pressing Tab: %w", err)
			}
			stop, err := chromedp.Run(ctx, chromedp.Evaluate[FocusStop](`window.__planpressFocus.inspect()`))
			if err != nil {
				return fmt.Errorf("reading the focus: %w", err)
			}
			if stop.Repeat || (stop.None && len(rep.Stops) > 0) {
				return nil
			}
			if !stop.None {
				rep.Stops = append(rep.Stops, stop)
			}
		}
		rep.Trapped = len(rep.Stops) > 0
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("browsertest: %s: %w", pageURL, err)
	}
	return rep, nil
}
