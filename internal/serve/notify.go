package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/planpress/planpress/internal/load"
)

// A notifier has the system report changes to the site's files. The system
// watches one folder at a time, not a tree, so the notifier keeps a watch on
// the site folder (for planpress.toml and the sources coming and going) and
// on every folder below the sources, and follows the folders as they are
// made, moved in, moved out and removed.
//
// On Windows a folder holding a watched folder cannot be renamed while
// serve runs (fsnotify issue 356; the system's own recursive watch is not
// offered by fsnotify); -poll avoids that. On macOS every watched file
// takes an open file, so a very large archive may run out of them; the
// server then falls back to looking at the files.
type notifier struct {
	w    *fsnotify.Watcher
	root string // the site folder, absolute
	// watching holds the paths watched: folders, and links, whose targets
	// the system watches in their place (so that an edit to a linked file
	// is seen).
	watching map[string]bool
}

// startNotifier watches the site folder source with a watcher from
// newWatcher (fsnotify.NewWatcher but in tests).
func startNotifier(source string, newWatcher func() (*fsnotify.Watcher, error)) (*notifier, error) {
	root, err := filepath.Abs(source)
	if err != nil {
		return nil, err
	}
	w, err := newWatcher()
	if err != nil {
		return nil, err
	}
	n := &notifier{w: w, root: root, watching: map[string]bool{}}
	if err := n.sync(); err != nil {
		n.close()
		return nil, err
	}
	return n, nil
}

func (n *notifier) close() { n.w.Close() }

// wanted lists what should be watched, parents before children: the site
// folder, every folder below the sources that a build may read, and every
// link there or in planpress.toml's place.
func (n *notifier) wanted() []string {
	out := []string{n.root}
	if settings := filepath.Join(n.root, load.SiteFile); isLink(settings) {
		out = append(out, settings)
	}
	for _, name := range sources {
		root := filepath.Join(n.root, name)
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			rel, ok := slashRel(n.root, p)
			if !ok || !watched(rel) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
				out = append(out, p)
			}
			return nil
		})
	}
	return out
}

// sync makes the watches those of the site's folders as they are now. It
// forgets the folders that are gone or were moved, then watches every folder
// again: a folder removed and made again under the same name needs a new
// watch, and asking again for one that is watched costs one system call.
func (n *notifier) sync() error {
	want := n.wanted()
	keep := make(map[string]bool, len(want))
	for _, p := range want {
		keep[p] = true
	}
	for p := range n.watching {
		if !keep[p] {
			// Gone already, mostly; the system then has let the watch go.
			_ = n.w.Remove(p)
			delete(n.watching, p)
		}
	}
	for _, p := range want {
		err := n.w.Add(p)
		switch {
		case err == nil:
			n.watching[p] = true
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission), isLink(p):
			// Removed since the walk, unreadable, or a link to nothing
			// watchable: the build says so if it matters.
			delete(n.watching, p)
		default:
			// Out of watches (inotify's limit) or of open files (kqueue):
			// looking at the files is all that is left.
			return fmt.Errorf("cannot watch %s for changes: %w", p, err)
		}
	}
	return nil
}

func isLink(p string) bool {
	info, err := os.Lstat(p)
	return err == nil && info.Mode()&fs.ModeSymlink != 0
}

// relevant reports the path, slash-separated below the site folder, of a
// change that may change the build. A change of attributes alone is not
// one: indexers and virus scanners make them all day.
func (n *notifier) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op&^fsnotify.Chmod == 0 {
		return "", false
	}
	rel, ok := slashRel(n.root, ev.Name)
	if !ok {
		return "", false
	}
	// "." is the site folder itself, moved or removed: the build says so.
	return rel, rel == "." || watched(rel)
}

// reshapes reports whether ev changes which folders should be watched: a
// folder (or link) made or moved in, or a watched one removed or moved out.
func (n *notifier) reshapes(ev fsnotify.Event) bool {
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if n.watching[ev.Name] {
			return true
		}
	}
	if ev.Has(fsnotify.Create) {
		info, err := os.Lstat(ev.Name)
		return err == nil && (info.IsDir() || info.Mode()&fs.ModeSymlink != 0)
	}
	return false
}

// notified rebuilds after each burst of changes that the system reports,
// once the files have been quiet for the settle interval (or maxSettle after
// the first change). Changes reported during a build make the next one. It
// returns nil after Close, or why the notifications can no longer be
// trusted.
func (s *Server) notified(n *notifier) error {
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	defer quiet.Stop()
	var (
		changed map[string]bool // nil while nothing waits for a rebuild
		noticed time.Time       // the first change's
		resync  bool            // the folders to watch have changed
	)
	note := func(rel string) {
		now := time.Now()
		if changed == nil {
			changed, noticed = map[string]bool{}, now
		}
		if rel != "" {
			changed[rel] = true
		}
		quiet.Reset(min(s.settle, noticed.Add(maxSettle).Sub(now)))
	}
	for {
		select {
		case <-s.done:
			return nil
		case ev, ok := <-n.w.Events:
			if !ok {
				return errors.New("the file watcher stopped")
			}
			rel, ok := n.relevant(ev)
			if !ok {
				continue
			}
			if n.reshapes(ev) {
				resync = true
			}
			note(rel)
		case err, ok := <-n.w.Errors:
			if !ok {
				return errors.New("the file watcher stopped")
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				fmt.Fprintf(s.log, "planpress serve: watching the files: %v\n", err)
				continue
			}
			// More changes at once than the system could report: watch every
			// folder there is now, and build.
			resync = true
			note("")
		case <-quiet.C:
			if resync {
				// Watch new folders before the build reads them, so that an
				// edit made there meanwhile is either read or reported.
				if err := n.sync(); err != nil {
					return err
				}
				resync = false
			}
			list := make([]string, 0, len(changed))
			for rel := range changed {
				list = append(list, rel)
			}
			slices.Sort(list)
			s.rebuild(list, noticed)
			changed = nil
		}
	}
}
