package pdf

import (
	"os"
	"path/filepath"
)

// WriteFile writes data to name whole or not at all: into a temporary file
// beside it, which then takes its name. A reader never sees half a pack,
// and a failure leaves an earlier file of that name as it was.
func WriteFile(name string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	// CreateTemp makes the file readable by its owner alone; a pack is a
	// public paper, as readable as any file the user writes.
	if err = os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
