package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// LinkRef is a link or image written in the narrative, kept so that the
// build can check that it leads somewhere once every page is known.
type LinkRef struct {
	Dest string
	File string
	Line int
}

// linkChecks records the narrative's internal links and reports images
// without a text alternative.
type linkChecks struct{}

func (linkChecks) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	env := envOf(pc)
	source := reader.Source()
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *gast.Link:
			env.recordLink(string(x.Destination), source, x)
		case *gast.Image:
			env.recordLink(string(x.Destination), source, x)
			if strings.TrimSpace(altText(x, source)) == "" {
				env.errorAt(source, offsetOf(x, source), "describe the image in the brackets: ![A bar chart of re-referrals by month](chart.png)", "the image %s has no text alternative", string(x.Destination))
			}
		}
		return gast.WalkContinue, nil
	})
}

func (e *Env) recordLink(dest string, source []byte, n gast.Node) {
	if e.Links == nil || dest == "" || isExternal(dest) {
		return
	}
	*e.Links = append(*e.Links, LinkRef{Dest: dest, File: e.File, Line: e.lineAt(source, offsetOf(n, source))})
}

func isExternal(dest string) bool {
	d := strings.ToLower(dest)
	for _, p := range []string{"http:", "https:", "mailto:", "tel:", "//"} {
		if strings.HasPrefix(d, p) {
			return true
		}
	}
	return false
}

func altText(n gast.Node, source []byte) string {
	var b strings.Builder
	_ = gast.Walk(n, func(c gast.Node, entering bool) (gast.WalkStatus, error) {
		if t, ok := c.(*gast.Text); ok && entering {
			b.Write(t.Segment.Value(source))
		}
		return gast.WalkContinue, nil
	})
	return b.String()
}

// offsetOf finds a byte offset for an inline node: its first text, else the
// first line of the block it sits in.
func offsetOf(n gast.Node, _ []byte) int {
	if t, ok := n.FirstChild().(*gast.Text); ok {
		return t.Segment.Start
	}
	for c := n; c != nil; c = c.Parent() {
		if c.Type() == gast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return 0
}

type linkExtension struct{}

// LinkChecks is the goldmark extension that records internal links for the
// build to check and reports images without alt text.
var LinkChecks goldmark.Extender = linkExtension{}

func (linkExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(linkChecks{}, 300)))
}
