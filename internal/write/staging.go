package write

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Staging is a build in progress: a folder beside the output that receives
// the whole new site and replaces the output at Commit. Make one with
// Begin; WriteFile may be called from many goroutines at once, Commit and
// Abort once every WriteFile has returned.
type Staging struct {
	dest string // the output folder, absolute and resolved
	dir  string // the staging folder beside it
	lock *dirLock

	mu    sync.Mutex
	state state
	files map[string]*stagedFile
	dirs  map[string]*stagedDir
}

// state is where a Staging is in its life.
type state int

const (
	open state = iota
	committing
	committed
	aborted
)

// stagedFile is one file of the new site. Its mutex orders two writes of
// one name, the later one winning, as in Memory.
type stagedFile struct {
	mu      sync.Mutex
	written bool
	size    int64
	kept    bool // holds the previous site's file, with its time
}

// stagedDir creates one folder of the new site, once however many files go
// into it.
type stagedDir struct {
	once sync.Once
	err  error
}

// Stats sums up a committed build.
type Stats struct {
	Files int   // files written
	Pages int   // of which HTML pages (names ending in ".html")
	Bytes int64 // their total size
	// Unchanged counts the files whose bytes were as in the previous site
	// and which kept its modification time.
	Unchanged int
}

// Dest returns the output folder, absolute and with symbolic links
// resolved, for messages such as "wrote 120 pages to ...".
func (s *Staging) Dest() string { return s.dest }

// WriteFile writes one file of the new site; name is a slash-separated path
// below the site root, such as "editions/2019-05/index.html". Folders are
// created as needed. A file whose bytes are as in the previous site keeps
// its modification time. Writing a name again replaces the file.
func (s *Staging) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	f, err := s.claim(name)
	if err != nil {
		return err
	}
	defer f.mu.Unlock()
	if err := s.mkdirFor(name); err != nil {
		return err
	}
	full := filepath.Join(s.dir, filepath.FromSlash(name))
	if f.written {
		if err := os.Remove(full); err != nil {
			return fmt.Errorf("cannot replace %s in the staging folder: %w", name, err)
		}
		f.written = false
	}
	kept, err := keepOld(filepath.Join(s.dest, filepath.FromSlash(name)), full, data)
	if err == nil && !kept {
		err = createFile(full, data)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s into the staging folder: %w", name, err)
	}
	f.written, f.size, f.kept = true, int64(len(data)), kept
	return nil
}

// claim returns the entry for name, locked.
func (s *Staging) claim(name string) (*stagedFile, error) {
	s.mu.Lock()
	if s.state != open {
		s.mu.Unlock()
		return nil, fmt.Errorf("cannot write %s: the build of %s is already finished", name, s.dest)
	}
	f := s.files[name]
	if f == nil {
		f = &stagedFile{}
		s.files[name] = f
	}
	s.mu.Unlock()
	f.mu.Lock()
	return f, nil
}

// mkdirFor creates the folder that name goes into, if no earlier file did.
func (s *Staging) mkdirFor(name string) error {
	dir := path.Dir(name)
	if dir == "." {
		return nil
	}
	s.mu.Lock()
	d := s.dirs[dir]
	if d == nil {
		d = &stagedDir{}
		s.dirs[dir] = d
	}
	s.mu.Unlock()
	d.once.Do(func() {
		if err := os.MkdirAll(filepath.Join(s.dir, filepath.FromSlash(dir)), 0o755); err != nil {
			d.err = fmt.Errorf("cannot create the folder %s in the staging folder: %w", dir, err)
		}
	})
	return d.err
}

// stats sums up the files written.
func (s *Staging) stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	var st Stats
	for name, f := range s.files {
		f.mu.Lock()
		if f.written {
			st.Files++
			st.Bytes += f.size
			if strings.HasSuffix(name, ".html") {
				st.Pages++
			}
			if f.kept {
				st.Unchanged++
			}
		}
		f.mu.Unlock()
	}
	return st
}

// Commit replaces the output folder with the new site and removes the
// previous one. After Commit returns nil, the output folder is the new
// site; after an error it is still the previous one (unless the error says
// otherwise), and Abort removes the staging folder.
//
// The previous site is removed after the swap; if that fails, Commit still
// returns nil, since the new site is in place, and the next Begin removes
// what is left.
func (s *Staging) Commit() (Stats, error) {
	s.mu.Lock()
	if s.state != open {
		s.mu.Unlock()
		return Stats{}, fmt.Errorf("cannot commit the build of %s: it is already finished", s.dest)
	}
	s.state = committing
	s.mu.Unlock()
	stats := s.stats()
	err := s.swapIn()
	s.mu.Lock()
	s.state = committed
	if err != nil {
		s.state = open
	}
	s.mu.Unlock()
	if err != nil {
		return Stats{}, err
	}
	return stats, nil
}

// Abort removes the staging folder and leaves the output folder as it was.
// It does nothing after a successful Commit or an earlier Abort, so it can
// be deferred right after Begin.
func (s *Staging) Abort() {
	s.mu.Lock()
	if s.state != open {
		s.mu.Unlock()
		return
	}
	s.state = aborted
	s.mu.Unlock()
	if !lockFollowsFolder {
		s.lock.unlock()
	}
	// An error leaves a folder the next Begin removes.
	_ = os.RemoveAll(s.dir)
	s.lock.unlock()
}
