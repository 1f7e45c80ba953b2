package write

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"
)

// linkFile is os.Link; tests replace it to take the path of systems or
// file systems without hard links.
var linkFile = os.Link

// compareChunk is how much of an old file is read at a time.
const compareChunk = 64 << 10

// keepOld places data at path when the previous site holds the same bytes
// at old, keeping the old modification time so that an upload tool that
// syncs by date leaves the file alone. It reports false, having written
// nothing, when the old file differs or is missing.
//
// It stats first and reads only when the sizes are equal, so a build
// mostly costs one stat per file. A hard link shares the old file, mode and
// time included, at no cost in space; where linking fails, the file is
// written and given the old time.
func keepOld(old, path string, data []byte) (bool, error) {
	info, err := os.Lstat(old)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false, nil
	}
	if !sameContent(old, data) {
		return false, nil
	}
	if linkFile(old, path) == nil {
		return true, nil
	}
	if err := createFile(path, data); err != nil {
		return false, err
	}
	if err := os.Chtimes(path, time.Time{}, info.ModTime()); err != nil {
		return false, err
	}
	return true, nil
}

// compareBufs recycles the buffers old files are read into: a rebuild
// compares every file of the site.
var compareBufs = sync.Pool{New: func() any { b := make([]byte, compareChunk+1); return &b }}

// sameContent reports whether the file at path holds exactly data.
func sameContent(path string, data []byte) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	b := compareBufs.Get().(*[]byte)
	defer compareBufs.Put(b)
	buf := *b
	for rest := data; ; {
		n, err := io.ReadFull(f, buf[:min(len(rest), compareChunk)+1])
		if n > len(rest) || !bytes.Equal(buf[:n], rest[:n]) {
			return false
		}
		rest = rest[n:]
		if err != nil {
			// A short read ends the file: it matches if data ends too.
			return len(rest) == 0 && (err == io.EOF || err == io.ErrUnexpectedEOF)
		}
	}
}

// createFile writes a new file at path. O_EXCL makes sure it never writes
// through an existing name, which could be a hard link into the previous
// site.
func createFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &fs.PathError{Op: "write", Path: path, Err: err}
	}
	return nil
}
