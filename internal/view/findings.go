package view

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/markdown"
	"github.com/planpress/planpress/internal/model"
)

// Findings collects what building views finds besides the views: the
// problems in the narrative, and its links, to be checked once every page of
// the site is written. One Findings serves one goroutine.
type Findings struct {
	Diags diag.List
	Links []PageLink
}

// PageLink is a narrative link and the page it appears on.
type PageLink struct {
	markdown.LinkRef
	// Page is the address of the page below the site root, such as
	// "/editions/2019-05/", against which a relative link is resolved.
	Page string
}

// convert renders one piece of narrative for one page. pagePath is the page's
// address below the site root, against which its relative links are checked;
// "" skips the link check (the same narrative checked on another page).
func (s *Site) convert(src string, pos model.Pos, ctx *narrative, glossary *markdown.Glossary, pagePath string, f *Findings) template.HTML {
	var links []markdown.LinkRef
	env := &markdown.Env{File: pos.File, Line: pos.Line, Diags: &f.Diags, Glossary: glossary}
	if pagePath != "" {
		env.Links = &links
		env.WarnUnknownTerms = true
		if code := s.Model.Code; code != "" {
			env.UnknownTermFix = func(abbr string) string {
				return fmt.Sprintf("add the term to data/glossary.toml, and its words in this language to data/glossary.%s.toml, with abbr = %q", code, abbr)
			}
		}
	}
	if ctx != nil {
		env.Shortcodes = ctx.shortcodes(glossary, f)
		env.MilestoneHref = ctx.milestoneHref
	}
	out := s.md.Convert(src, env)
	for _, l := range links {
		f.Links = append(f.Links, PageLink{LinkRef: l, Page: "/" + s.Prefix + strings.TrimPrefix(pagePath, "/")})
	}
	return out
}
