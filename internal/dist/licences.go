package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// A component is a piece of someone else's work inside the planpress
// program, with the files that grant the right to pass it on.
type component struct {
	Name    string // "github.com/yuin/goldmark", "Go", "Apache ECharts"
	Version string
	Folder  string  // its folder under LICENSES/ in the archive
	Files   []entry // its licence and notice files, named as in its source
	What    string  // what planpress uses it for, for LICENSES/README.txt
}

// licenceName matches the files a module or package keeps its terms in.
var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|patents)([.-].*)?$`)

// licenceFiles reads the licence files at the top of a module's folder. A
// module without a licence or copying file is an error: without one, it may
// not be passed on.
func licenceFiles(dir string) ([]entry, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []entry
	granted := false
	for _, e := range entries {
		if e.IsDir() || !licenceName.MatchString(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, entry{Name: e.Name(), Mode: 0o644, Data: b})
		lower := strings.ToLower(e.Name())
		granted = granted || strings.HasPrefix(lower, "licen") || strings.HasPrefix(lower, "copying")
	}
	if !granted {
		return nil, fmt.Errorf("%s has no LICENSE or COPYING file", dir)
	}
	return out, nil
}

// goModules lists the modules whose packages the planpress program links
// for a platform (the standard library aside), as `go list -deps` sees
// them, with their folders in the module cache.
func goModules(goCmd, root string, env []string) ([]component, error) {
	cmd := exec.Command(goCmd, "list", "-deps", "-f",
		`{{with .Module}}{{if not .Main}}{{.Path}}{{"\t"}}{{.Version}}{{"\t"}}{{if .Replace}}{{.Replace.Dir}}{{else}}{{.Dir}}{{end}}{{end}}{{end}}`,
		"./cmd/planpress")
	cmd.Dir, cmd.Env = root, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v\n%s", err, stderr.String())
	}
	modCache, err := goEnv(goCmd, root, env, "GOMODCACHE")
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var mods []component
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line == "" || seen[line] {
			continue
		}
		seen[line] = true
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("go list wrote %q", line)
		}
		modPath, version, dir := f[0], f[1], f[2]
		if dir == "" {
			// A module listed without its folder (as with -mod=vendor) is
			// read from the module cache, where go build found it.
			dir = filepath.Join(modCache, filepath.FromSlash(escapeModulePath(modPath)+"@"+version))
		}
		files, err := licenceFiles(dir)
		if err != nil {
			return nil, fmt.Errorf("module %s %s: %w", modPath, version, err)
		}
		mods = append(mods, component{Name: modPath, Version: version, Folder: modPath, Files: files, What: "Go module"})
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Name < mods[j].Name })
	return mods, nil
}

// escapeModulePath writes a module path as the module cache names its
// folder: each capital letter as "!" and the letter in lower case.
func escapeModulePath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if unicode.IsUpper(r) {
			b.WriteByte('!')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// goEnv reads one of go env's settings.
func goEnv(goCmd, root string, env []string, key string) (string, error) {
	cmd := exec.Command(goCmd, "env", key)
	cmd.Dir, cmd.Env = root, env
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w", key, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// goStandardLibrary is Go's runtime and standard library, linked into every
// Go program, with the licence of the Go release that built it.
func goStandardLibrary(goCmd, root string, env []string) (component, error) {
	goroot, err := goEnv(goCmd, root, env, "GOROOT")
	if err != nil {
		return component{}, err
	}
	version, err := goEnv(goCmd, root, env, "GOVERSION")
	if err != nil {
		return component{}, err
	}
	files, err := licenceFiles(goroot)
	if err != nil {
		return component{}, err
	}
	return component{Name: "Go", Version: version, Folder: "go", Files: files, What: "runtime and standard library"}, nil
}

// npmComponents are the npm packages whose code the ECharts bundle holds:
// ECharts itself (Apache-2.0, with its NOTICE and the licence of the d3 code
// it embeds) and ZRender, its renderer (BSD-3-Clause), read from
// node_modules, where the bundle was made from.
func npmComponents(root string) ([]component, error) {
	modules := filepath.Join(root, "node_modules")
	var out []component
	for _, pkg := range []struct {
		name, title, what string
		extra             []string
	}{
		{"echarts", "Apache ECharts", "the charts, inside the program (and the sites it builds)", []string{"licenses/LICENSE-d3"}},
		{"zrender", "ZRender", "ECharts' renderer, inside the program (and the sites it builds)", nil},
	} {
		dir := filepath.Join(modules, pkg.name)
		version, err := npmVersion(dir)
		if err != nil {
			return nil, err
		}
		files, err := licenceFiles(dir)
		if err != nil {
			return nil, err
		}
		for _, rel := range pkg.extra {
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
			if err != nil {
				return nil, err
			}
			files = append(files, entry{Name: path.Base(rel), Mode: 0o644, Data: b})
		}
		out = append(out, component{Name: pkg.title, Version: version, Folder: pkg.name, Files: files, What: pkg.what})
	}
	return out, nil
}

// npmVersion reads the version of the npm package installed in dir.
func npmVersion(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return "", fmt.Errorf("%w (run `npm ci`, as `make dist` does)", err)
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &pkg); err != nil || pkg.Version == "" {
		return "", fmt.Errorf("%s: no version (%v)", filepath.Join(dir, "package.json"), err)
	}
	return pkg.Version, nil
}

// licenceEntries lays the components' files out under LICENSES/, one folder
// each, with LICENSES/README.txt saying what each is and where its terms
// are.
func licenceEntries(comps []component) []entry {
	var out []entry
	var b strings.Builder
	b.WriteString("The planpress program holds the work of others, passed on under the terms in this folder.\n")
	b.WriteString("Each has a folder of its own here, with its licence and notice files as its authors wrote them.\n\n")
	for _, c := range comps {
		var names []string
		for _, f := range c.Files {
			name := "LICENSES/" + c.Folder + "/" + f.Name
			out = append(out, entry{Name: name, Mode: 0o644, Data: f.Data})
			names = append(names, name)
		}
		fmt.Fprintf(&b, "%s %s (%s)\n", c.Name, c.Version, c.What)
		for _, n := range names {
			fmt.Fprintf(&b, "    %s\n", n)
		}
	}
	out = append(out, entry{Name: "LICENSES/README.txt", Mode: 0o644, Data: []byte(b.String())})
	return out
}
