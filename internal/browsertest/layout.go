package browsertest

import (
	"context"
	_ "embed"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

//go:embed js/layout.js
var layoutScript string

// Screens a reader reads the site on: a phone and a laptop. The first screen
// of a page is what they see before they scroll.
var (
	PhoneScreen  = Screen{Width: 390, Height: 844}
	LaptopScreen = Screen{Width: 1280, Height: 800}
)

// A Screen is a viewport, in CSS pixels.
type Screen struct{ Width, Height int }

func (s Screen) String() string { return fmt.Sprintf("%d×%d", s.Width, s.Height) }

// A Layout is what a page shows a reader at one screen size.
type Layout struct {
	Width  int `json:"width"`
	Height int `json:"height"`
	// FirstScreen is the page's words wholly inside the first screen, in
	// document order, separated by single spaces.
	FirstScreen string `json:"firstScreen"`
	// Tables are the page's KPI tables (table.kpis).
	Tables []TableLayout `json:"tables"`
	// Charts are the page's charts as drawn at this size (or for print).
	Charts []ChartLayout `json:"charts"`
}

// TableLayout is one KPI table: for each row of its body, the text of its
// heading cell and of the cells wholly inside the visible part of the table,
// before any sideways scrolling.
type TableLayout struct {
	ID   string `json:"id"`
	Rows []struct {
		Head    string   `json:"head"`
		Visible []string `json:"visible"`
	} `json:"rows"`
}

// VisibleText is a row's visible cells, joined by " | ".
func (t TableLayout) VisibleText(row int) string { return strings.Join(t.Rows[row].Visible, " | ") }

// ChartLayout is one drawn chart: how many words and marks (points, bars)
// it has, and each word that overlaps another word or a mark, is cut off by
// the chart's edge, or lies across the edge of its plot.
type ChartLayout struct {
	ID       string   `json:"id"`
	Width    int      `json:"width"`
	Texts    int      `json:"texts"`
	Marks    int      `json:"marks"`
	Problems []string `json:"problems"`
}

// CheckLayout loads pageURL at a screen size and measures what the reader
// sees (see Layout). With print, the charts are measured as the page draws
// them for printing.
func (b *Browser) CheckLayout(ctx context.Context, pageURL string, screen Screen, print bool) (*Layout, error) {
	var out *Layout
	err := b.use(ctx, "", func(ctx context.Context, col *collector) error {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(screen.Width), int64(screen.Height)), chromedp.Navigate(pageURL)); err != nil {
			return fmt.Errorf("loading: %w", err)
		}
		if err := settle(ctx, col); err != nil {
			return err
		}
		script := strings.Replace(layoutScript, "PRINT;", fmt.Sprintf("%t;", print), 1)
		l, err := chromedp.Run(ctx, chromedp.Evaluate[Layout](script))
		if err != nil {
			return fmt.Errorf("measuring the layout: %w", err)
		}
		out = &l
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("browsertest: %s at %s: %w", pageURL, screen, err)
	}
	return out, nil
}
