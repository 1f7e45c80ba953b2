package markdown

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/planpress/planpress/internal/diag"
)

// Args are a shortcode's arguments: {{< name a b key=value key="two words" >}}.
type Args struct {
	Positional []string
	Named      map[string]string
	Line       int // the file line the shortcode is written on
}

// Get returns a named argument.
func (a Args) Get(key string) (string, bool) {
	v, ok := a.Named[key]
	return v, ok
}

// Output is what a handler produces: HTML that is already escaped, and
// whether it is a block that must stand in a paragraph of its own.
type Output struct {
	HTML  string
	Block bool
}

// Handler resolves one shortcode.
type Handler func(args Args) (Output, error)

// FixError is a handler's error with what to write instead.
type FixError struct {
	Msg string
	Fix string
}

func (e *FixError) Error() string { return e.Msg }

// Fixf makes a FixError.
func Fixf(fix, format string, args ...any) error {
	return &FixError{Msg: fmt.Sprintf(format, args...), Fix: fix}
}

// KindShortcode is the AST kind of a resolved shortcode.
var KindShortcode = gast.NewNodeKind("Shortcode")

// ShortcodeNode holds a resolved shortcode's output.
type ShortcodeNode struct {
	gast.BaseInline
	Name   string
	Output Output
	Offset int
}

// Kind implements ast.Node.
func (n *ShortcodeNode) Kind() gast.NodeKind { return KindShortcode }

// Dump implements ast.Node.
func (n *ShortcodeNode) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// KindShortcodeBlock is the AST kind of a block shortcode standing alone.
var KindShortcodeBlock = gast.NewNodeKind("ShortcodeBlock")

// ShortcodeBlock is a paragraph that held only a block shortcode.
type ShortcodeBlock struct {
	gast.BaseBlock
	HTML string
}

// Kind implements ast.Node.
func (n *ShortcodeBlock) Kind() gast.NodeKind { return KindShortcodeBlock }

// Dump implements ast.Node.
func (n *ShortcodeBlock) Dump(source []byte, level int) { gast.DumpHelper(n, source, level, nil, nil) }

type shortcodeParser struct{}

func (shortcodeParser) Trigger() []byte { return []byte{'{'} }

func (shortcodeParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, seg := block.PeekLine()
	if !strings.HasPrefix(string(line), "{{<") {
		return nil
	}
	env := envOf(pc)
	source := block.Source()
	end := strings.Index(string(line), ">}}")
	if end < 0 {
		env.errorAt(source, seg.Start, "close it with >}} on the same line", "a shortcode opened with {{< is never closed")
		return nil
	}
	body := string(line[3:end])
	block.Advance(end + 3)
	args, name, err := parseArgs(body)
	node := &ShortcodeNode{Name: name, Offset: seg.Start}
	if err != nil {
		env.errorAt(source, seg.Start, `write {{< name arg key="value" >}}`, "%v", err)
		return node
	}
	args.Line = env.lineAt(source, seg.Start)
	h, ok := env.Shortcodes[name]
	if !ok {
		known := make([]string, 0, len(env.Shortcodes))
		for k := range env.Shortcodes {
			known = append(known, k)
		}
		sort.Strings(known)
		fix := "write one of: " + strings.Join(known, ", ")
		if len(known) == 0 {
			fix = "shortcodes work only in an edition's _index.md and its priority files; write the words out here"
		} else if s := diag.Suggest(name, known); s != "" {
			fix = fmt.Sprintf("did you mean %q?", s)
		}
		env.errorAt(source, seg.Start, fix, "unknown shortcode %q", name)
		return node
	}
	out, err := h(args)
	if err != nil {
		fix := ""
		if fe, ok := err.(*FixError); ok {
			fix = fe.Fix
		}
		quoted := strings.TrimSpace(body)
		if len(quoted) > 60 {
			cut := 60
			for cut > 0 && !utf8.RuneStart(quoted[cut]) {
				cut--
			}
			quoted = strings.TrimSpace(quoted[:cut]) + " ..."
		}
		env.errorAt(source, seg.Start, fix, "{{< %s >}}: %v", quoted, err)
		return node
	}
	node.Output = out
	return node
}

// parseArgs splits ` name a "b c" k=v k2="x y" ` into a name and arguments.
func parseArgs(s string) (Args, string, error) {
	args := Args{Named: map[string]string{}}
	name := ""
	i := 0
	value := func() (string, error) {
		if i < len(s) && s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return "", fmt.Errorf("a quote in the arguments is never closed")
			}
			v := s[i+1 : i+1+end]
			i += end + 2
			return v, nil
		}
		start := i
		for i < len(s) && s[i] != ' ' && s[i] != '\t' {
			i++
		}
		return s[start:i], nil
	}
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			break
		}
		start := i
		for i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '=' && s[i] != '"' {
			i++
		}
		word := s[start:i]
		if i < len(s) && s[i] == '=' && word != "" {
			i++
			v, err := value()
			if err != nil {
				return args, name, err
			}
			args.Named[word] = v
			continue
		}
		if word == "" {
			v, err := value()
			if err != nil {
				return args, name, err
			}
			word = v
		}
		if name == "" {
			name = word
			continue
		}
		args.Positional = append(args.Positional, word)
	}
	if name == "" {
		return args, "", fmt.Errorf("a shortcode needs a name")
	}
	return args, name, nil
}

// blockShortcodes lifts a paragraph that holds only a block shortcode into a
// block of its own, and reports a block shortcode mixed with other text.
type blockShortcodes struct{}

func (blockShortcodes) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	env := envOf(pc)
	var paras []*gast.Paragraph
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if p, ok := n.(*gast.Paragraph); ok && entering {
			paras = append(paras, p)
		}
		return gast.WalkContinue, nil
	})
	for _, p := range paras {
		var only *ShortcodeNode
		others := false
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			if sc, ok := c.(*ShortcodeNode); ok && only == nil {
				only = sc
				continue
			}
			if t, ok := c.(*gast.Text); ok && strings.TrimSpace(string(t.Value(reader.Source()))) == "" {
				continue
			}
			others = true
		}
		if only != nil && only.Output.Block && !others {
			b := &ShortcodeBlock{HTML: only.Output.HTML}
			p.Parent().ReplaceChild(p.Parent(), p, b)
			continue
		}
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			if sc, ok := c.(*ShortcodeNode); ok && sc.Output.Block {
				env.errorAt(reader.Source(), sc.Offset, fmt.Sprintf("put {{< %s ... >}} in a paragraph of its own, with a blank line before and after", sc.Name), "the %s shortcode places a table or chart, so it cannot sit inside a sentence", sc.Name)
				sc.Output = Output{}
			}
		}
	}
}

type shortcodeRenderer struct{}

func (shortcodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindShortcode, func(w util.BufWriter, source []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*ShortcodeNode).Output.HTML)
		}
		return gast.WalkSkipChildren, nil
	})
	reg.Register(KindShortcodeBlock, func(w util.BufWriter, source []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*ShortcodeBlock).HTML)
			_ = w.WriteByte('\n')
		}
		return gast.WalkSkipChildren, nil
	})
}

type shortcodeExtension struct{}

// Shortcodes is the goldmark extension for {{< name args >}}: each is
// resolved at parse time by the Env's handlers.
var Shortcodes goldmark.Extender = shortcodeExtension{}

func (shortcodeExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(shortcodeParser{}, 50)),
		parser.WithASTTransformers(util.Prioritized(blockShortcodes{}, 50)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(shortcodeRenderer{}, 50)))
}
