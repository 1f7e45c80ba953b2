package markdown

import (
	"regexp"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// refAtStart matches a milestone ref and colon opening a paragraph: "2.2: ".
var refAtStart = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)+[a-z]?):`)

// milestoneRefs turns the ref that opens a paragraph ("2.2: The audit ...")
// into a link to that milestone's row, and reports a ref that does not exist.
type milestoneRefs struct{}

func (milestoneRefs) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	env := envOf(pc)
	if env.MilestoneHref == nil {
		return
	}
	source := reader.Source()
	var blocks []gast.Node
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n.Kind() {
		case gast.KindParagraph, gast.KindTextBlock:
			blocks = append(blocks, n)
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	for _, b := range blocks {
		first, ok := b.FirstChild().(*gast.Text)
		if !ok {
			continue
		}
		value := first.Segment.Value(source)
		m := refAtStart.FindSubmatch(value)
		if m == nil {
			continue
		}
		ref := string(m[1])
		href, ok := env.MilestoneHref(ref)
		if !ok {
			env.errorAt(source, first.Segment.Start, "write the ref of a milestone in this edition (refs are set in the priorities' [[milestones]]), or reword the start of the paragraph", "the paragraph starts with milestone ref %s, which does not exist", ref)
			continue
		}
		link := gast.NewLink()
		link.Destination = []byte(href)
		link.SetAttributeString("class", []byte("ref"))
		refText := gast.NewTextSegment(text.NewSegment(first.Segment.Start, first.Segment.Start+len(ref)))
		link.AppendChild(link, refText)
		rest := first.Segment.WithStart(first.Segment.Start + len(ref))
		b.InsertBefore(b, first, link)
		first.Segment = rest
	}
}

type milestoneRefExtension struct{}

// MilestoneRefs is the goldmark extension that links paragraph-opening
// milestone refs to their rows.
var MilestoneRefs goldmark.Extender = milestoneRefExtension{}

func (milestoneRefExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(milestoneRefs{}, 100)))
}
