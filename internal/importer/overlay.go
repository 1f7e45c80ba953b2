package importer

import (
	"errors"
	"io/fs"
	"sort"
	"strings"
	"testing/fstest"
)

// overlayFS is a site folder with one file replaced (or added) in memory, so
// that what an import would write can be loaded before anything is written.
// The file and any folders it needs come from fstest.MapFS, the standard
// library's in-memory file system.
type overlayFS struct {
	base fs.FS
	name string // slash-separated, relative to the site folder
	mem  fstest.MapFS
}

func newOverlay(base fs.FS, name string, data []byte) *overlayFS {
	return &overlayFS{base: base, name: name, mem: fstest.MapFS{name: {Data: data, Mode: 0o644}}}
}

// covers reports whether name is the replaced file or a folder above it.
func (o *overlayFS) covers(name string) bool {
	return name == o.name || name == "." || strings.HasPrefix(o.name, name+"/")
}

func (o *overlayFS) Open(name string) (fs.File, error) {
	if name == o.name {
		return o.mem.Open(name)
	}
	f, err := o.base.Open(name)
	if err != nil && o.covers(name) && errors.Is(err, fs.ErrNotExist) {
		return o.mem.Open(name)
	}
	return f, err
}

func (o *overlayFS) ReadFile(name string) ([]byte, error) {
	if name == o.name {
		return o.mem.ReadFile(name)
	}
	return fs.ReadFile(o.base, name)
}

func (o *overlayFS) Stat(name string) (fs.FileInfo, error) {
	if name == o.name {
		return o.mem.Stat(name)
	}
	fi, err := fs.Stat(o.base, name)
	if err != nil && o.covers(name) && errors.Is(err, fs.ErrNotExist) {
		return o.mem.Stat(name)
	}
	return fi, err
}

func (o *overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if !o.covers(name) || name == o.name {
		return entries, err
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return entries, err
	}
	child := strings.TrimPrefix(o.name, name+"/")
	if name == "." {
		child = o.name
	}
	child, _, _ = strings.Cut(child, "/")
	mine, _ := o.mem.ReadDir(name)
	for _, m := range mine {
		if m.Name() != child {
			continue
		}
		kept := entries[:0]
		for _, e := range entries {
			if e.Name() != child || e.IsDir() && m.IsDir() {
				kept = append(kept, e)
			}
		}
		entries = kept
		if len(entries) == 0 || !hasEntry(entries, child) {
			entries = append(entries, m)
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, nil
}

func hasEntry(entries []fs.DirEntry, name string) bool {
	for _, e := range entries {
		if e.Name() == name {
			return true
		}
	}
	return false
}

var _ fs.ReadDirFS = (*overlayFS)(nil)
