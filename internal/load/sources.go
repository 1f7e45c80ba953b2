package load

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash"
	"io/fs"
	"path"
	"strings"

	"github.com/planpress/planpress/internal/diag"
)

// sources are the files one part of a load reads (the site's own files, or
// one edition's), read up front so that their fingerprint is known before the
// load decides whether the previous load's result can be kept. The loader then
// reads them from here, never from the folder, so that what it parses is
// exactly what was fingerprinted.
type sources struct {
	names []string            // every file asked for, in the order the loader reads them
	files map[string]source   // by name
	lists map[string][]string // the files of each folder listed, by folder
}

// source is one file's bytes, or why it could not be read.
type source struct {
	data []byte
	err  error
}

// readSiteSources reads the files the site's settings, KPIs, glossary and
// pages are loaded from.
func readSiteSources(fsys fs.FS) *sources {
	s := newSources()
	s.read(fsys, SiteFile)
	s.read(fsys, KPIFile)
	s.read(fsys, GlossaryFile)
	s.read(fsys, "content/_index.md")
	for _, name := range s.list(fsys, "content/pages") {
		if strings.HasSuffix(name, ".md") {
			s.read(fsys, path.Join("content/pages", name))
		}
	}
	return s
}

// readEditionSources reads the files loadEdition reads for edition id.
func readEditionSources(fsys fs.FS, id string) *sources {
	s := newSources()
	dir := path.Join("content/editions", id)
	s.read(fsys, path.Join(dir, "_index.md"))
	for _, name := range s.list(fsys, dir) {
		if name != "_index.md" && strings.HasSuffix(name, ".md") {
			s.read(fsys, path.Join(dir, name))
		}
	}
	s.read(fsys, figuresFile(id))
	return s
}

func newSources() *sources {
	return &sources{files: map[string]source{}, lists: map[string][]string{}}
}

func (s *sources) read(fsys fs.FS, name string) {
	b, err := fs.ReadFile(fsys, name)
	s.names = append(s.names, name)
	s.files[name] = source{data: b, err: err}
}

func (s *sources) list(fsys fs.FS, dir string) []string {
	names := listFiles(fsys, dir)
	s.lists[dir] = names
	return names
}

// fingerprint hashes every file as its name, its length and its bytes, in
// the order they were read. A missing file adds nothing, so adding or
// removing one changes the hash; a file that could not be read adds its
// error instead, so that fixing it does too.
func (s *sources) fingerprint() string { return s.hash(true, true) }

// dataFingerprint is fingerprint with each Markdown file's body left out:
// it hashes the front matter and the line the body starts on (which tells
// no front matter from an empty one). A Markdown file whose front matter
// cannot be told from its body counts whole.
func (s *sources) dataFingerprint() string { return s.hash(false, true) }

// frontFingerprint is dataFingerprint without the files that are not
// Markdown (the figures).
func (s *sources) frontFingerprint() string { return s.hash(false, false) }

func (s *sources) hash(bodies, data bool) string {
	h := sha256.New()
	for _, name := range s.names {
		f := s.files[name]
		if !f.present() {
			continue
		}
		if f.err != nil {
			writeRecord(h, name, 'e', []byte(cleanErr(f.err)))
			continue
		}
		if !strings.HasSuffix(name, ".md") {
			if data {
				writeRecord(h, name, 'f', f.data)
			}
			continue
		}
		if bodies {
			writeRecord(h, name, 'f', f.data)
			continue
		}
		front, _, bodyLine, ok := splitFrontMatter(name, string(f.data), &diag.List{})
		if !ok {
			writeRecord(h, name, 'f', f.data)
			continue
		}
		writeRecord(h, name, 'm', binary.BigEndian.AppendUint64([]byte(front), uint64(bodyLine)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// present reports whether the file is there to be read, or to fail to be
// read; a missing file is not.
func (f source) present() bool { return !errors.Is(f.err, fs.ErrNotExist) }

// writeRecord writes one length-prefixed record, so that no two different
// sequences of records hash the same bytes.
func writeRecord(h hash.Hash, name string, kind byte, data []byte) {
	var n [8]byte
	h.Write([]byte(name))
	h.Write([]byte{0, kind})
	binary.BigEndian.PutUint64(n[:], uint64(len(data)))
	h.Write(n[:])
	h.Write(data)
}
