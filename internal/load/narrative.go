package load

import (
	"fmt"
	"io/fs"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// Narrative returns a copy of an edition loaded with Options.SkipNarrative
// with its narrative read: the introduction and each priority's body. The
// edition passed in is not changed, so the copy can be dropped as soon as the
// edition's pages are made. A file that can no longer be read, or that no
// longer has its front matter where the load found it, is an error: the site
// changed during the build, and building again gives a consistent site.
func Narrative(fsys fs.FS, e *model.Edition) (*model.Edition, *diag.List) {
	diags := &diag.List{}
	body := func(pos model.Pos) string {
		b, err := fs.ReadFile(fsys, pos.File)
		if err != nil {
			diags.Errorf(pos.File, 0, "build again", "cannot read the narrative: %v", cleanErr(err))
			return ""
		}
		_, text, line, ok := SplitFrontMatter(pos.File, string(b), diags)
		if ok && line != pos.Line {
			diags.Errorf(pos.File, 0, "build again", "%s", fmt.Sprintf("the file changed while the site was being built (its narrative now starts on line %d, not %d)", line, pos.Line))
		}
		return text
	}
	out := *e
	out.Intro = body(e.IntroPos)
	out.Priorities = make([]*model.Priority, len(e.Priorities))
	for i, p := range e.Priorities {
		cp := *p
		cp.Body = body(p.BodyPos)
		out.Priorities[i] = &cp
	}
	return &out, diags
}
