package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/planpress/planpress/internal/load"
)

// Looking at the files is the fallback for a system, or a file system, that
// cannot report changes (a network drive, an exhausted inotify limit), and
// what -poll asks for.

// stamp is what the poller knows of a file. Comparing size and modification
// time finds an edit on every platform without a notification API; an edit
// that keeps both the same within the file system's clock resolution is
// missed, which a second save fixes.
type stamp struct {
	size    int64
	modTime time.Time
	mode    fs.FileMode
}

func (x stamp) equal(y stamp) bool {
	return x.size == y.size && x.mode == y.mode && x.modTime.Equal(y.modTime)
}

// files maps a file's slash-separated path below the site folder to its
// stamp.
type files map[string]stamp

// changed lists, sorted, the files added, removed or changed between a and b.
func (a files) changed(b files) []string {
	var out []string
	for name, x := range a {
		if y, ok := b[name]; !ok || !x.equal(y) {
			out = append(out, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// scan stamps every file a build may read, leaving out what watched leaves
// out.
func scan(source string) files {
	out := files{}
	for _, name := range append([]string{load.SiteFile}, sources...) {
		root := filepath.Join(source, name)
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				// Gone or unreadable: the build will say so if it matters.
				return nil
			}
			rel, ok := slashRel(source, p)
			if !ok || !watched(rel) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			var info fs.FileInfo
			if d.Type()&fs.ModeSymlink != 0 {
				info, err = os.Stat(p)
			} else {
				info, err = d.Info()
			}
			if err != nil {
				return nil
			}
			out[rel] = stamp{size: info.Size(), modTime: info.ModTime(), mode: info.Mode()}
			return nil
		})
	}
	return out
}

// polled looks at the site's files every poll interval until Close, and
// rebuilds once the files have changed and then stayed the same for the
// settle interval. seen is how the files looked when the served build began.
func (s *Server) polled(seen files) {
	wait := time.NewTimer(s.poll)
	defer wait.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-wait.C:
		}
		start := time.Now()
		now := scan(s.source)
		// Looking over a large archive takes a while; looking less often
		// then keeps the poller to about a fifth of one CPU.
		pause := max(s.poll, 4*time.Since(start))
		if len(seen.changed(now)) > 0 {
			var ok bool
			if now, ok = s.settled(now); !ok {
				return
			}
			s.rebuild(seen.changed(now), start)
			seen = now
		}
		wait.Reset(pause)
	}
}

// settled waits until two looks at the files a settle interval apart agree,
// or maxSettle has passed, and returns the last look; false means Close was
// called meanwhile.
func (s *Server) settled(last files) (files, bool) {
	wait := time.NewTimer(s.settle)
	defer wait.Stop()
	give := time.Now().Add(maxSettle)
	for {
		select {
		case <-s.done:
			return nil, false
		case <-wait.C:
		}
		now := scan(s.source)
		if len(now.changed(last)) == 0 || time.Now().After(give) {
			return now, true
		}
		last = now
		wait.Reset(s.settle)
	}
}
