package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// repoRoot is the repository: its internal/ holds the Go code and its
// layouts/ the built-in layouts.
const repoRoot = "../.."

// layoutKey finds what a layout asks the catalogue for: {{t "kpi.about"}},
// {{t "summary.on_track" "count" .OnTrack}}, (t "x").
var layoutKey = regexp.MustCompile(`(?:\{\{-?|\(|\|)\s*t\s+("[^"]*"|\S+)`)

// TestKeys: the entries of the reference catalogue are exactly the keys the
// Go code (the constants of keys.go) and the built-in layouts use, so that a
// missing entry and an unused one both fail.
func TestKeys(t *testing.T) {
	ref := builtin(t)
	entries := map[string]bool{}
	for _, k := range ref.Keys() {
		entries[k] = true
	}
	used := map[string]string{} // key -> where it is used

	// The Go code: each constant of keys.go that some Go file outside its
	// declaration refers to.
	consts := keyConstants(t)
	refs := constantRefs(t, consts)
	for name, key := range consts {
		if refs[name] == "" {
			t.Errorf("%s (%q) is declared in keys.go but no Go code uses it", name, key)
			continue
		}
		used[key] = refs[name]
	}

	// The layouts.
	err := filepath.WalkDir(filepath.Join(repoRoot, "layouts"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range layoutKey.FindAllStringSubmatch(string(src), -1) {
			key, err := strconv.Unquote(m[1])
			if err != nil {
				t.Errorf("%s: {{t %s}}: name the entry with a string, so that this test can check it", p, m[1])
				continue
			}
			used[key] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) == 0 {
		t.Fatal("found no use of the catalogue: has the layouts' function been renamed?")
	}

	var missing, unused []string
	for k, where := range used {
		if !entries[k] {
			missing = append(missing, k+" (used in "+where+")")
		}
	}
	for k := range entries {
		if _, ok := used[k]; !ok {
			unused = append(unused, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(unused)
	for _, k := range missing {
		t.Errorf("i18n/%s.toml has no entry %s", Reference, k)
	}
	for _, k := range unused {
		t.Errorf("i18n/%s.toml has entry %q, which no Go code or layout uses", Reference, k)
	}
}

// keyConstants reads keys.go: each constant's name and key.
func keyConstants(t *testing.T) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "keys.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	seen := map[string]string{}
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok {
					t.Fatalf("keys.go: %s is not a string", name.Name)
				}
				key, _ := strconv.Unquote(lit.Value)
				if other, dup := seen[key]; dup {
					t.Errorf("keys.go: %s and %s are both %q", other, name.Name, key)
				}
				seen[key] = name.Name
				out[name.Name] = key
			}
		}
	}
	return out
}

// constantRefs finds, for each constant, a Go file (not a test) that refers
// to it: i18n.Name outside this package, Name inside it.
func constantRefs(t *testing.T, consts map[string]string) map[string]string {
	t.Helper()
	refs := map[string]string{}
	err := filepath.WalkDir(filepath.Join(repoRoot, "internal"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, 0)
		if err != nil {
			return err
		}
		own := f.Name.Name == "i18n"
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.ValueSpec:
				if own && filepath.Base(p) == "keys.go" {
					return false // the declarations themselves
				}
			case *ast.SelectorExpr:
				if id, ok := x.X.(*ast.Ident); ok && id.Name == "i18n" {
					if _, ok := consts[x.Sel.Name]; ok {
						refs[x.Sel.Name] = p
					}
				}
			case *ast.Ident:
				if _, ok := consts[x.Name]; ok && own {
					refs[x.Name] = p
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return refs
}
