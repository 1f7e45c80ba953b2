package publish

import (
	"fmt"
	"path"

	"github.com/evanw/esbuild/pkg/api"
)

// minify shrinks the site's own stylesheet and scripts with esbuild (which
// also bundles the chart library): white space, comments and long local
// names go, so that a reader on a phone downloads less. The code runs the
// same; esbuild targets the browsers the site supports. A file esbuild cannot
// read is an error at its line, since the site would break with it.
func minify(name string, data []byte) ([]byte, error) {
	var loader api.Loader
	switch path.Ext(name) {
	case ".css":
		loader = api.LoaderCSS
	case ".js":
		loader = api.LoaderJS
	default:
		return data, nil
	}
	res := api.Transform(string(data), api.TransformOptions{
		Loader:            loader,
		Sourcefile:        name,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: true,
		Target:            api.ES2015,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsInline,
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		e := res.Errors[0]
		if e.Location != nil {
			return nil, &syntaxError{line: e.Location.Line, msg: e.Text}
		}
		return nil, &syntaxError{msg: e.Text}
	}
	return res.Code, nil
}

// syntaxError is a stylesheet or script that cannot be read.
type syntaxError struct {
	line int
	msg  string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }
