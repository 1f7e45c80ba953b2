package markdown

import (
	"bufio"
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/planpress/planpress/internal/diag"
)

// Env is what one conversion may refer to: the shortcodes it can call, the
// milestones it can link to, the page's glossary state, and where to report
// problems. The zero Env converts plain Markdown.
type Env struct {
	File string // the file the Markdown comes from, for diagnostics
	Line int    // the file line on which the Markdown starts (1 when 0)
	// Shortcodes maps a shortcode name to its handler.
	Shortcodes map[string]Handler
	// MilestoneHref returns the link for a milestone ref, if the ref exists.
	MilestoneHref func(ref string) (string, bool)
	// Glossary marks the first use of each term on a page; shared by every
	// conversion for that page. Nil turns the feature off.
	Glossary *Glossary
	Diags    *diag.List
	// WarnUnknownTerms warns of capitalised abbreviations the glossary lacks.
	WarnUnknownTerms bool
	// UnknownTermFix, when set, says how to add an abbreviation the
	// glossary lacks (a page in another language than the site's default
	// has its glossary's words in a file of that language).
	UnknownTermFix func(abbr string) string
	// Links, when set, collects the internal links the Markdown makes.
	Links *[]LinkRef
}

var envKey = parser.NewContextKey()

func envOf(pc parser.Context) *Env {
	if e, ok := pc.Get(envKey).(*Env); ok && e != nil {
		return e
	}
	return &Env{}
}

// errorAt reports a problem at a byte offset of the converted source.
func (e *Env) errorAt(source []byte, offset int, fix, format string, args ...any) {
	if e.Diags == nil {
		return
	}
	e.Diags.Errorf(e.File, e.lineAt(source, offset), fix, format, args...)
}

func (e *Env) lineAt(source []byte, offset int) int {
	start := e.Line
	if start == 0 {
		start = 1
	}
	if offset > len(source) {
		offset = len(source)
	}
	return start + bytes.Count(source[:offset], []byte("\n"))
}

// Converter turns narrative Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// Option configures a Converter.
type Option func(*config)

type config struct{ rawHTML bool }

// WithRawHTML lets raw HTML in Markdown through to the page. It is off by
// default, so that an author's HTML is shown as text, not run.
func WithRawHTML() Option { return func(c *config) { c.rawHTML = true } }

// New makes a Converter with GitHub-style tables and every planpress feature.
func New(opts ...Option) *Converter {
	var c config
	for _, o := range opts {
		o(&c)
	}
	var rendererOpts []renderer.Option
	if c.rawHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, Shortcodes, MilestoneRefs, GlossaryTerms, LinkChecks),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Converter{md: md}
}

// Convert renders src to HTML, reporting problems to env.Diags.
func (c *Converter) Convert(src string, env *Env) template.HTML {
	if env == nil {
		env = &Env{}
	}
	pc := parser.NewContext()
	pc.Set(envKey, env)
	source := []byte(src)
	doc := c.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
	b := outBufs.Get().(*outBuf)
	defer outBufs.Put(b)
	b.out.Reset()
	b.w.Reset(&b.out)
	if err := c.md.Renderer().Render(b.w, source, doc); err != nil && env.Diags != nil {
		env.Diags.Errorf(env.File, env.Line, "", "cannot render Markdown: %v", err)
	}
	return template.HTML(b.out.String())
}

// outBuf is the output of one conversion: goldmark writes through w, of the
// size goldmark would make itself, into out. They are recycled, so that a
// build does not allocate and grow fresh ones for every piece of Markdown.
type outBuf struct {
	out bytes.Buffer
	w   *bufio.Writer
}

var outBufs = sync.Pool{New: func() any {
	b := &outBuf{}
	b.w = bufio.NewWriter(&b.out)
	return b
}}

// ConvertInline renders a short piece of Markdown (a table cell, a title)
// without the surrounding paragraph.
func (c *Converter) ConvertInline(src string, env *Env) template.HTML {
	out := string(c.Convert(src, env))
	out = strings.TrimSpace(out)
	if strings.HasPrefix(out, "<p>") && strings.HasSuffix(out, "</p>") && strings.Count(out, "<p>") == 1 {
		out = out[3 : len(out)-4]
	}
	return template.HTML(out)
}

// headingShift steps headings down a level.
var headingShift = strings.NewReplacer("<h5", "<h6", "</h5>", "</h6>", "<h4", "<h5", "</h4>", "</h5>", "<h3", "<h4", "</h3>", "</h4>", "<h2", "<h3", "</h2>", "</h3>", "<h1", "<h2", "</h1>", "</h2>")

// ShiftHeadings steps the headings of converted Markdown down one level (an
// h2 becomes an h3), for a page that shows a narrative as a section under a
// heading of its own (the print edition). Only one level is supported.
func ShiftHeadings(h template.HTML, levels int) template.HTML {
	if levels != 1 {
		panic("markdown: ShiftHeadings shifts by one level only")
	}
	return template.HTML(headingShift.Replace(string(h)))
}

// ContainsAttr reports whether converted HTML holds an element with the
// attribute name (such as "data-chart", which a chart's canvas carries).
func ContainsAttr(h template.HTML, name string) bool {
	return strings.Contains(string(h), " "+name+"=")
}
