package load

import (
	"hash/maphash"
	"io/fs"
	"sync"
	"time"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// A Memo keeps the editions one load read, for the next load of the same
// site in this process (planpress serve, after an author saves one file):
// an edition is parsed again only when a file it was read from, or the
// folder listing it was found in, has changed, or a file the whole site is
// read against has. It is keyed on whole inputs, by construction: the load
// records every file it reads and every folder it lists for an edition,
// with a hash of what it found, and the next load reads them all again and
// compares. Nothing is kept on disk. The zero Memo is ready to use; loads
// that share one must not run at once.
type Memo struct {
	mu       sync.Mutex
	seed     maphash.Seed
	key      uint64 // the site-wide files and the options the editions were read with
	editions map[string]*memoEdition
}

// memoEdition is one edition as loaded, with what it was loaded from.
type memoEdition struct {
	reads   []memoRead
	edition *model.Edition
	diags   *diag.List
}

// memoRead is a file read, or a folder listed, and a hash of what was there.
type memoRead struct {
	name string
	dir  bool
	hash uint64
}

// recorder notes what one part of a load reads.
type recorder struct {
	seed  maphash.Seed
	reads []memoRead
}

func (r *recorder) file(name string, data []byte, err error) {
	r.reads = append(r.reads, memoRead{name: name, hash: r.hashOf(data, err)})
}

func (r *recorder) dir(name string, entries []fs.DirEntry, err error) {
	var h maphash.Hash
	h.SetSeed(r.seed)
	for _, e := range entries {
		h.WriteString(e.Name())
		if e.IsDir() {
			h.WriteByte('/')
		}
		h.WriteByte(0)
	}
	if err != nil {
		h.WriteString(err.Error())
	}
	r.reads = append(r.reads, memoRead{name: name, dir: true, hash: h.Sum64()})
}

func (r *recorder) hashOf(data []byte, err error) uint64 {
	var h maphash.Hash
	h.SetSeed(r.seed)
	h.Write(data)
	if err != nil {
		h.WriteString(err.Error())
	}
	return h.Sum64()
}

// unchanged reports whether every file and folder of reads holds what it
// held.
func (r *recorder) unchanged(fsys fs.FS, reads []memoRead) bool {
	for _, rd := range reads {
		var h uint64
		if rd.dir {
			entries, err := fs.ReadDir(fsys, rd.name)
			probe := &recorder{seed: r.seed}
			probe.dir(rd.name, entries, err)
			h = probe.reads[0].hash
		} else {
			data, err := fs.ReadFile(fsys, rd.name)
			h = r.hashOf(data, err)
		}
		if h != rd.hash {
			return false
		}
	}
	return true
}

// begin prepares the memo for a load whose site-wide reads and options are
// those given: editions read against other site files are forgotten.
func (m *Memo) begin(site *recorder, opts Options, now time.Time) {
	var h maphash.Hash
	h.SetSeed(m.seed)
	for _, rd := range site.reads {
		h.WriteString(rd.name)
		h.WriteByte(0)
		maphash.WriteComparable(&h, rd.hash)
	}
	maphash.WriteComparable(&h, opts.SkipNarrative)
	h.WriteString(now.Format(time.DateOnly))
	if key := h.Sum64(); key != m.key || m.editions == nil {
		m.key, m.editions = key, map[string]*memoEdition{}
	}
}

// edition returns the edition id as the last load read it, when its files
// are unchanged, its series pointed at the KPIs of site (the same
// definitions, as the site's files are unchanged, but of this load).
func (m *Memo) edition(fsys fs.FS, id string, site *model.Site) (*model.Edition, *diag.List, bool) {
	me := m.editions[id]
	if me == nil || !(&recorder{seed: m.seed}).unchanged(fsys, me.reads) {
		return nil, nil, false
	}
	e := *me.edition
	e.Series = make(map[string]*model.Series, len(me.edition.Series))
	for kid, s := range me.edition.Series {
		c := *s
		c.KPI = site.KPI(kid)
		e.Series[kid] = &c
	}
	return &e, me.diags, true
}
