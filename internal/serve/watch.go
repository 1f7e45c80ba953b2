package serve

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// watched are the parts of a site folder that a build reads.
var watched = []string{"planpress.toml", "content", "data", "layouts", "assets"}

// stamp is what the watcher knows of a file. Comparing size and modification
// time finds an edit on every platform without a notification API; an edit
// that keeps both the same within the file system's clock resolution is
// missed, which a second save fixes.
type stamp struct {
	size    int64
	modTime time.Time
	mode    fs.FileMode
}

// files maps a file's path to its stamp.
type files map[string]stamp

func (a files) equal(b files) bool {
	return maps.EqualFunc(a, b, func(x, y stamp) bool {
		return x.size == y.size && x.mode == y.mode && x.modTime.Equal(y.modTime)
	})
}

// scan stamps every file a build may read. Files and folders whose names
// start with a dot (editor swap files, .git) are left out, as the loader
// leaves them out.
func scan(source string) files {
	out := files{}
	for _, name := range watched {
		root := filepath.Join(source, name)
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				// Gone or unreadable: the build will say so if it matters.
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
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
			out[p] = stamp{size: info.Size(), modTime: info.ModTime(), mode: info.Mode()}
			return nil
		})
	}
	return out
}

// watch looks at the site's files every poll interval until Close, and
// rebuilds once the files have changed and then stayed the same for the
// settle interval. seen is how the files looked when the served build began.
func (s *Server) watch(seen files) {
	defer s.wg.Done()
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
		// then keeps the watcher to about a fifth of one CPU.
		pause := max(s.poll, 4*time.Since(start))
		if !now.equal(seen) {
			var ok bool
			if now, ok = s.settled(now); !ok {
				return
			}
			seen = now
			s.rebuild()
		}
		wait.Reset(pause)
	}
}

// maxSettle bounds the wait for quiet, so a file that is written without
// pause (a log someone keeps under content/) still lets the site rebuild.
const maxSettle = time.Second

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
		if now.equal(last) || time.Now().After(give) {
			return now, true
		}
		last = now
		wait.Reset(s.settle)
	}
}
