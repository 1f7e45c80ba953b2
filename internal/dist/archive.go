package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

// An entry is one file of an archive.
type entry struct {
	Name string      // slash path inside the archive, such as "LICENSES/go/LICENSE"
	Mode fs.FileMode // 0o755 for the program, 0o644 for the rest
	Data []byte
}

// entryName turns a path relative to the archive's root, as the system
// writes it, into an archive name: slashes, even where the path came from
// Windows, and nothing that could land outside the folder it is unpacked in.
func entryName(rel string) (string, error) {
	name := strings.ReplaceAll(rel, `\`, "/")
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, ":") {
		return "", fmt.Errorf("%q cannot be a file in an archive: give a relative path below the archive's root", rel)
	}
	return name, nil
}

// sorted returns the entries in name order, with an entry for each folder
// that holds one (mode 0o755, no data), so that an archive's order, and its
// folders' modes, depend on nothing but its files. A name given twice is an
// error.
func sorted(entries []entry) ([]entry, error) {
	out := make([]entry, 0, len(entries))
	seen := map[string]bool{}
	for _, e := range entries {
		name, err := entryName(e.Name)
		if err != nil {
			return nil, err
		}
		if seen[name] {
			return nil, fmt.Errorf("%s is in the archive twice", name)
		}
		seen[name] = true
		e.Name = name
		out = append(out, e)
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			if seen[dir+"/"] {
				break
			}
			seen[dir+"/"] = true
			out = append(out, entry{Name: dir + "/", Mode: fs.ModeDir | 0o755})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// writeZip writes the entries as a zip archive, every file dated modified,
// owned by no one and compressed the same way, so that the same entries give
// the same bytes.
func writeZip(w io.Writer, entries []entry, modified time.Time) error {
	list, err := sorted(entries)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, e := range list {
		h := &zip.FileHeader{Name: e.Name, Method: zip.Deflate, Modified: modified.UTC()}
		if e.Mode.IsDir() {
			h.Method = zip.Store
		}
		h.SetMode(e.Mode)
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := f.Write(e.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeTarGz writes the entries as a gzip-compressed tar archive, every file
// dated modified and owned by user and group 0 without names, and the gzip
// header without a name or a time, so that the same entries give the same
// bytes.
func writeTarGz(w io.Writer, entries []entry, modified time.Time) error {
	list, err := sorted(entries)
	if err != nil {
		return err
	}
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	for _, e := range list {
		h := &tar.Header{
			Name:    e.Name,
			Mode:    int64(e.Mode.Perm()),
			Size:    int64(len(e.Data)),
			ModTime: modified.UTC().Truncate(time.Second),
			Format:  tar.FormatPAX,
		}
		h.Typeflag = tar.TypeReg
		if e.Mode.IsDir() {
			h.Typeflag, h.Size = tar.TypeDir, 0
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

// archive writes the entries in the format a platform's users open without
// installing anything: zip for Windows, whose Explorer opens it, and tar.gz
// for macOS and Linux, which keeps the program's executable bit everywhere.
// It returns the archive and its file extension.
func archive(goos string, entries []entry, modified time.Time) ([]byte, string, error) {
	var buf bytes.Buffer
	if goos == "windows" {
		err := writeZip(&buf, entries, modified)
		return buf.Bytes(), ".zip", err
	}
	err := writeTarGz(&buf, entries, modified)
	return buf.Bytes(), ".tar.gz", err
}
