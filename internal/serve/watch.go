package serve

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/planpress/planpress/internal/build"
	"github.com/planpress/planpress/internal/load"
)

// sources are the folders below the site folder whose files a build may
// read: the build's own list, and i18n/ for the translations a site may
// keep there.
var sources = func() []string {
	out := slices.Clone(build.Sources)
	if !slices.Contains(out, "i18n") {
		out = append(out, "i18n")
	}
	return out
}()

// maxSettle bounds the wait for quiet, so that a file written without pause
// (a log someone keeps under content/) still lets the site rebuild.
const maxSettle = time.Second

// watched reports whether a change to rel, a slash-separated path below the
// site folder, may change the build: the settings file, or anything below one
// of the sources. Files and folders whose names start with a dot (editor
// swap files, .git) are left out, as the loader leaves them out.
func watched(rel string) bool {
	if rel == load.SiteFile {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(sources, top) {
		return false
	}
	for part := range strings.SplitSeq(rel, "/") {
		if strings.HasPrefix(part, ".") {
			return false
		}
	}
	return true
}

// watch keeps the served build up to date until Close: by the system's
// notifications when n is set, by looking at the files every poll interval
// otherwise (seen is how they looked when the served build began). When the
// notifications fail for good, it says so once and looks instead.
func (s *Server) watch(n *notifier, seen files) {
	defer s.wg.Done()
	if n != nil {
		err := s.notified(n)
		n.close()
		if err == nil {
			return
		}
		s.poll = DefaultPoll
		fmt.Fprintf(s.log, "planpress serve: %v; looking at the files every %s instead\n", err, s.poll)
		// Changes made since the last build may have gone unreported.
		seen = scan(s.source)
		s.rebuild(nil, time.Now())
	}
	s.polled(seen)
}

// describe names the changed files for the log: the first, and how many
// more.
func describe(changed []string) string {
	switch len(changed) {
	case 0:
		return ""
	case 1:
		return changed[0] + " changed; "
	}
	return fmt.Sprintf("%s and %d more changed; ", changed[0], len(changed)-1)
}

// slashRel is name, a path below dir, relative to dir with forward slashes;
// false when name is not below dir.
func slashRel(dir, name string) (string, bool) {
	rel, err := filepath.Rel(dir, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
