package publish

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"path"
	"strings"

	"github.com/planpress/planpress/internal/colour"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/view"
)

// Icons writes the site's favicon and returns the links every page gives to
// it. A site's own (brand.favicon, or favicon.ico and favicon.svg in static/)
// comes first; planpress's own, in the header's colour, fills in, so that a
// browser asking for /favicon.ico by itself never gets a 404.
func (s *Site) Icons(site *model.Site) []view.Icon {
	bg := "#1d4f6e"
	if c := site.Brand.HeaderColour; c != "" {
		bg = c
	}
	fg := "#ffffff"
	if c := site.Brand.HeaderText; c != "" {
		fg = c
	}
	hasICO, hasSVG := site.HasStatic("favicon.ico"), site.HasStatic("favicon.svg")
	if !hasICO {
		s.File("favicon.ico", faviconICO(bg, fg))
	}
	var icons []view.Icon
	switch own := site.Brand.Favicon; {
	case own != "":
		icons = append(icons, view.Icon{Href: s.base + own, Type: iconType(own)})
		if own != "favicon.ico" {
			icons = append([]view.Icon{{Href: s.base + "favicon.ico", Sizes: "32x32"}}, icons...)
		}
	case hasSVG || hasICO:
		icons = append(icons, view.Icon{Href: s.base + "favicon.ico", Sizes: "32x32"})
		if hasSVG {
			icons = append(icons, view.Icon{Href: s.base + "favicon.svg", Type: "image/svg+xml"})
		}
	default:
		s.File("favicon.svg", []byte(faviconSVG(bg, fg)))
		icons = append(icons, view.Icon{Href: s.base + "favicon.ico", Sizes: "32x32"}, view.Icon{Href: s.base + "favicon.svg", Type: "image/svg+xml"})
	}
	return icons
}

func iconType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	}
	return ""
}

// faviconSVG is planpress's own icon: three rising bars, a report's
// figures, on the header's colour.
func faviconSVG(bg, fg string) string {
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="5" fill="%s"/><path fill="%s" d="M6 20h5v6H6zM13.5 13h5v13h-5zM21 6h5v20h-5z"/></svg>`+"\n", bg, fg)
}

// faviconICO draws the same icon at 32 by 32 pixels, as a PNG inside an ICO
// file, which every browser reads.
func faviconICO(bg, fg string) []byte {
	b, _ := colour.Parse(bg)
	f, _ := colour.Parse(fg)
	back := color.NRGBA{b.R, b.G, b.B, 255}
	front := color.NRGBA{f.R, f.G, f.B, 255}
	img := image.NewNRGBA(image.Rect(0, 0, 32, 32))
	bars := []image.Rectangle{image.Rect(6, 20, 11, 26), image.Rect(13, 13, 19, 26), image.Rect(21, 6, 26, 26)}
	for y := 0; y < 32; y++ {
		for x := 0; x < 32; x++ {
			c := back
			if cornerOutside(x, y, 32, 5) {
				c = color.NRGBA{}
			}
			for _, r := range bars {
				if image.Pt(x, y).In(r) {
					c = front
				}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var pngData bytes.Buffer
	_ = png.Encode(&pngData, img)
	var out bytes.Buffer
	// ICONDIR, then one ICONDIRENTRY pointing at the PNG.
	_ = binary.Write(&out, binary.LittleEndian, [3]uint16{0, 1, 1})
	_ = binary.Write(&out, binary.LittleEndian, struct {
		W, H, Colours, Reserved uint8
		Planes, Bits            uint16
		Size, Offset            uint32
	}{32, 32, 0, 0, 1, 32, uint32(pngData.Len()), 6 + 16})
	out.Write(pngData.Bytes())
	return out.Bytes()
}

// cornerOutside reports whether pixel (x, y) of a size-wide square lies
// outside its corners rounded to radius r.
func cornerOutside(x, y, size, r int) bool {
	cx, cy := -1, -1
	switch {
	case x < r && y < r:
		cx, cy = r, r
	case x >= size-r && y < r:
		cx, cy = size-r-1, r
	case x < r && y >= size-r:
		cx, cy = r, size-r-1
	case x >= size-r && y >= size-r:
		cx, cy = size-r-1, size-r-1
	default:
		return false
	}
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy > r*r
}
