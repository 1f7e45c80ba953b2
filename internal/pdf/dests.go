package pdf

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// A Layout is where a printed PDF put things: how many pages it has, and
// the page (from 1) of each named destination. Chromium names a destination
// after the id of each element that a link of the page points to, so the
// contents list's links give the page of each part of the pack.
type Layout struct {
	Pages int
	Dests map[string]int
}

// pdfcpuConfig is pdfcpu's configuration, made once: without ConfigPath
// "disable", pdfcpu would write a configuration folder of its own into the
// user's.
var pdfcpuConfig = sync.OnceValue(func() *model.Configuration {
	model.ConfigPath = "disable"
	return model.NewDefaultConfiguration()
})

// ReadLayout reads the page count and the named destinations of a PDF. It
// reads them with pdfcpu (github.com/pdfcpu/pdfcpu): the destinations are
// page references in the document catalogue, which takes a real PDF reader
// (cross-reference tables, object streams, the page tree) to resolve.
func ReadLayout(pdf []byte) (*Layout, error) {
	ctx, err := pdfcpu.Read(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("reading the PDF: %w", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("reading the PDF's pages: %w", err)
	}
	out := &Layout{Pages: ctx.PageCount, Dests: map[string]int{}}
	cat, err := ctx.Catalog()
	if err != nil {
		return nil, fmt.Errorf("reading the PDF's catalogue: %w", err)
	}
	obj, ok := cat.Find("Dests")
	if !ok {
		return out, nil
	}
	dests, err := ctx.DereferenceDict(obj)
	if err != nil {
		return nil, fmt.Errorf("reading the PDF's destinations: %w", err)
	}
	for name, d := range dests {
		arr, err := ctx.DereferenceArray(d)
		if err != nil || len(arr) == 0 {
			// A destination may also be a dictionary whose D is the
			// array; Chromium writes arrays.
			if dd, derr := ctx.DereferenceDict(d); derr == nil {
				arr, err = ctx.DereferenceArray(dd["D"])
			}
		}
		if err != nil || len(arr) == 0 {
			return nil, fmt.Errorf("reading the PDF's destination %q: not a destination", name)
		}
		ref, ok := arr[0].(types.IndirectRef)
		if !ok {
			return nil, fmt.Errorf("reading the PDF's destination %q: no page", name)
		}
		page, err := ctx.PageNumber(ref.ObjectNumber.Value())
		if err != nil || page == 0 {
			return nil, fmt.Errorf("reading the PDF's destination %q: its page is not in the document", name)
		}
		out.Dests[name] = page
	}
	return out, nil
}
