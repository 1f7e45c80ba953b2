package write

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// generatorTag starts the meta element the renderer puts on every page. Its
// presence in the home page is how a build recognises a folder it may
// replace, since no marker file persists between builds.
const generatorTag = `<meta name="generator" content="planpress`

// legacyMarker is the file older versions left in their output, accepted so
// that their folders can be replaced by this version.
const legacyMarker = ".planpress-build"

// homePageLimit bounds how much of index.html is read looking for the tag,
// which sits in the head.
const homePageLimit = 1 << 20

// checkReplaceable refuses an output folder that holds something planpress
// did not write. It returns the folder's FileInfo, or nil when it does not
// exist yet.
func checkReplaceable(dest string) (fs.FileInfo, error) {
	info, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the output folder %s: %w", dest, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("the output path %s is not a folder; choose another folder with -dest, or remove it", dest)
	}
	empty, err := isEmpty(dest)
	if err != nil {
		return nil, fmt.Errorf("cannot read the output folder %s: %w", dest, err)
	}
	if empty || wrotePlanpress(dest) {
		return info, nil
	}
	return nil, fmt.Errorf("the output folder %s holds files planpress did not write, and a build replaces its output folder whole; choose another folder with -dest, or empty this one", dest)
}

// isEmpty reports whether dir has no entries, reading only the first.
func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if err == io.EOF {
		return true, nil
	}
	return false, err
}

// wrotePlanpress reports whether dir is a site planpress wrote: its home
// page names planpress as its generator, or it holds the legacy marker.
func wrotePlanpress(dir string) bool {
	if info, err := os.Lstat(filepath.Join(dir, legacyMarker)); err == nil && info.Mode().IsRegular() {
		return true
	}
	f, err := os.Open(filepath.Join(dir, "index.html"))
	if err != nil {
		return false
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, homePageLimit))
	return err == nil && bytes.Contains(head, []byte(generatorTag))
}
