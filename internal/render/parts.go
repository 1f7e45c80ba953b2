package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"maps"
	"runtime"
	"sort"
	"strconv"
	"sync"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// A render is split into parts: each edition, each KPI page, the milestone
// tracker, the priority histories, the site's own pages. Parts run in
// parallel, each into its own output, and the outputs are merged in a fixed
// order afterwards, so a render reports its problems in the same order every
// time. A part with a key can be reused from a Cache: when the key (a hash of
// everything the part reads) is unchanged, its files, problems, links and
// search entries are replayed instead of rendered again.

// output is what one part produced.
type output struct {
	mu     sync.Mutex
	diags  diag.List
	links  []pageLink
	paths  []string
	sizes  []int64      // of each file in paths
	files  []cachedFile // the files themselves, kept only for a cache
	keep   bool
	search []searchEntry
	kpi    *KPISummaryView // a KPI's part: its row in the list of KPIs
}

type cachedFile struct {
	path string
	data []byte
}

func (o *output) wrote(p string, data []byte) {
	o.mu.Lock()
	o.paths = append(o.paths, p)
	o.sizes = append(o.sizes, int64(len(data)))
	if o.keep {
		o.files = append(o.files, cachedFile{p, data})
	}
	o.mu.Unlock()
}

// merge adds o's problems, links, paths and search entries to into.
func (into *output) merge(o *output) {
	into.mu.Lock()
	into.diags.Merge(&o.diags)
	into.links = append(into.links, o.links...)
	into.paths = append(into.paths, o.paths...)
	into.mu.Unlock()
}

// part is one piece of a render.
type part struct {
	key string // "" when the part is never cached
	run func(r *renderer)
	out *output
}

// Cache keeps the output of the parts of earlier renders, for planpress
// serve: after one edited file, only the parts that read it render again.
// It is used by one render at a time. Entries not used by the latest render
// are dropped, so it holds one site's worth of files at most.
type Cache struct {
	mu      sync.Mutex
	entries map[string]*output
	used    map[string]bool
	// Earlier, when set, vouches for the files of a part that an earlier
	// build wrote and that the cache does not hold (a cache read by
	// ReadCache): planpress build checks the previous output still has them,
	// at these sizes. When it fails the part is rendered again; it must then
	// have written nothing.
	Earlier func(paths []string, sizes []int64) error
	// PathsOnly keeps the paths of a part's files but not the files: the
	// next build takes them from this one's output through Earlier.
	PathsOnly bool
	// Written lists every file of the latest render.
	Written []string
	// tpl is the layouts parsed for overrides (a hash of the site's own
	// layouts and assets), kept in memory only.
	tpl       *templates
	overrides string
	// Hits and Misses count the parts of the latest render that were reused
	// and rendered.
	Hits, Misses int
}

func (c *Cache) get(key string) *output {
	c.mu.Lock()
	defer c.mu.Unlock()
	o := c.entries[key]
	if o != nil {
		c.used[key] = true
		c.Hits++
	} else {
		c.Misses++
	}
	return o
}

func (c *Cache) put(key string, o *output) {
	c.mu.Lock()
	c.entries[key] = o
	c.used[key] = true
	c.mu.Unlock()
}

func (c *Cache) begin() {
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[string]*output{}
	}
	c.used = map[string]bool{}
	c.Hits, c.Misses = 0, 0
	c.mu.Unlock()
}

// end forgets the entries the render did not use.
func (c *Cache) end() {
	c.mu.Lock()
	maps.DeleteFunc(c.entries, func(k string, _ *output) bool { return !c.used[k] })
	c.mu.Unlock()
}

// templates returns the layouts parsed when the site's own layouts hashed to
// overrides, parsing them (with load) when they have changed. Layouts that
// failed to parse are not kept. A nil Cache always parses.
func (c *Cache) templates(overrides string, load func() *templates) *templates {
	if c == nil || c.PathsOnly {
		return load()
	}
	if c.tpl != nil && c.overrides == overrides {
		return c.tpl
	}
	c.tpl, c.overrides = load(), overrides
	return c.tpl
}

// fork returns a renderer for one part, writing into out.
func (r *renderer) fork(out *output) *renderer {
	c := *r
	c.out = out
	return &c
}

// runParts renders parts on the workers, reusing cached parts, then merges
// their outputs into r's in the order given.
func (r *renderer) runParts(parts []*part) {
	cache := r.opts.Cache
	work := make(chan *part)
	var wg sync.WaitGroup
	workers := r.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				if cache != nil && p.key != "" {
					if o := cache.get(p.key); o != nil && r.replay(cache, o) {
						p.out = o
						continue
					}
				}
				record := cache != nil && p.key != ""
				p.out = &output{keep: record && !cache.PathsOnly}
				p.run(r.fork(p.out))
				if record {
					cache.put(p.key, p.out)
				}
			}
		}()
	}
	for _, p := range parts {
		work <- p
	}
	close(work)
	wg.Wait()
	for _, p := range parts {
		r.out.merge(p.out)
	}
}

// replay puts a cached part's files into the sink, from memory or from an
// earlier build. It reports false, and counts a miss, when the files are not
// to be had.
func (r *renderer) replay(c *Cache, o *output) bool {
	switch {
	case o.keep:
		for _, f := range o.files {
			r.sendToSink(f.path, f.data)
		}
		return true
	case len(o.paths) == 0:
		return true
	case c.Earlier != nil && c.Earlier(o.paths, o.sizes) == nil:
		return true
	}
	c.mu.Lock()
	c.Hits--
	c.Misses++
	c.mu.Unlock()
	return false
}

// sendToSink writes a file to the sink only, reporting a failure.
func (r *renderer) sendToSink(p string, data []byte) {
	if err := r.sink.WriteFile(p, data); err != nil {
		r.errorf(p, 0, "check the output folder can be written", "cannot write: %v", err)
	}
}

// hasher builds a part's cache key.
type hasher struct{ b []byte }

func (h *hasher) add(parts ...string) *hasher {
	for _, p := range parts {
		h.b = append(h.b, p...)
		h.b = append(h.b, 0)
	}
	return h
}

// series adds a series as an edition published it: every field but the
// shared definition (TestSeriesKeyCoversEveryField keeps this list whole).
func (h *hasher) series(s *model.Series) *hasher {
	b := h.b
	b = append(b, "series"...)
	if s.Target != nil {
		b = strconv.AppendFloat(append(b, 't'), *s.Target, 'g', -1, 64)
	}
	if s.MonitorOnly != nil {
		b = strconv.AppendBool(append(b, 'm'), *s.MonitorOnly)
	}
	b = appendPos(b, s.Pos)
	for _, f := range s.Figures {
		b = strconv.AppendInt(append(b, 0, 'M'), int64(f.Month), 10)
		b = strconv.AppendBool(b, f.HasValue)
		b = strconv.AppendFloat(append(b, ' '), f.Value, 'g', -1, 64)
		b = strconv.AppendBool(append(b, ' '), f.HasRatio)
		b = strconv.AppendInt(append(b, ' '), int64(f.Numerator), 10)
		b = strconv.AppendInt(append(b, '/'), int64(f.Denominator), 10)
		b = strconv.AppendInt(append(b, ' '), int64(f.Direction), 10)
		b = append(append(b, ' '), f.Note...)
		b = appendPos(b, f.Pos)
	}
	h.b = append(b, 0)
	return h
}

func appendPos(b []byte, p model.Pos) []byte {
	return strconv.AppendInt(append(append(b, ' '), p.File...), int64(p.Line), 10)
}

func (h *hasher) sum() string {
	s := sha256.Sum256(h.b)
	return hex.EncodeToString(s[:])
}

// overridesKey hashes a site's own layouts and assets, which every part reads.
func overridesKey(fsys fs.FS) string {
	h := &hasher{}
	if fsys == nil {
		return h.sum()
	}
	var names []string
	for _, dir := range []string{"layouts", "assets"} {
		_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				names = append(names, p)
			}
			return nil
		})
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			h.add(n, "unreadable")
			continue
		}
		h.add(n, string(b))
	}
	return h.sum()
}
