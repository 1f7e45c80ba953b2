package load

import (
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
)

// A Cache can be saved after a load and read before the next, in another
// process (planpress build keeps it with its output): the next load then
// parses only the editions whose files changed. What is saved is each
// edition as loaded, with the problems found in it, and the fingerprint of
// the site files it was loaded against; the site's own files are always
// loaded again, and a saved edition is used only when they are the same.

// cacheFormat changes whenever what is saved changes shape.
const cacheFormat = 2

// savedHeader comes first; then each edition, by id, as its own gob value, so
// that neither saving nor reading holds the whole file in memory (52 MB at
// 1000 editions).
type savedHeader struct {
	Format   int
	Site     string // the fingerprint of the site files
	Editions int
}

type savedEdition struct {
	ID          string
	Fingerprint string
	Diags       []diag.Diagnostic
	Edition     model.Edition // without its series, which point at the site's KPIs
	Series      []savedSeries // by KPI id
}

// savedSeries is a series without its KPI, and with its two pointers to
// values written out: gob drops a pointer to a zero value, and a target of 0
// or monitor_only = false means something.
type savedSeries struct {
	KPI                     string
	Series                  model.Series // KPI, Target and MonitorOnly left nil
	Target                  float64
	HasTarget               bool
	MonitorOnly, HasMonitor bool
}

// Save writes the editions of the latest load. The same load always saves the
// same bytes.
func (c *Cache) Save(w io.Writer) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.site == nil {
		return errors.New("load: nothing to save before a load")
	}
	enc := gob.NewEncoder(w)
	if err := enc.Encode(savedHeader{Format: cacheFormat, Site: c.site.fingerprint, Editions: len(c.editions)}); err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(c.editions)) {
		r := c.editions[id]
		se := savedEdition{ID: id, Fingerprint: r.fingerprint, Diags: r.diags.Raw(), Edition: *r.edition}
		se.Edition.Series = nil
		for _, kpi := range slices.Sorted(maps.Keys(r.edition.Series)) {
			ser := *r.edition.Series[kpi]
			ss := savedSeries{KPI: kpi}
			if ser.Target != nil {
				ss.Target, ss.HasTarget = *ser.Target, true
			}
			if ser.MonitorOnly != nil {
				ss.MonitorOnly, ss.HasMonitor = *ser.MonitorOnly, true
			}
			ser.KPI, ser.Target, ser.MonitorOnly = nil, nil, nil
			ss.Series = ser
			se.Series = append(se.Series, ss)
		}
		if err := enc.Encode(&se); err != nil {
			return err
		}
	}
	return nil
}

// ReadCache reads a cache written by Save, for a load of the same site.
func ReadCache(r io.Reader) (*Cache, error) {
	dec := gob.NewDecoder(r)
	var h savedHeader
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("cannot read the load cache: %w", err)
	}
	if h.Format != cacheFormat || h.Site == "" || h.Editions < 0 {
		return nil, errors.New("the load cache was written by another version of planpress")
	}
	c := &Cache{pending: h.Site, editions: make(map[string]*editionResult, min(h.Editions, 1<<16))}
	for range h.Editions {
		var se savedEdition
		if err := dec.Decode(&se); err != nil {
			return nil, fmt.Errorf("cannot read the load cache: %w", err)
		}
		e := se.Edition
		e.Series = make(map[string]*model.Series, len(se.Series))
		for _, ss := range se.Series {
			ser := ss.Series
			if ss.HasTarget {
				ser.Target = &ss.Target
			}
			if ss.HasMonitor {
				ser.MonitorOnly = &ss.MonitorOnly
			}
			e.Series[ss.KPI] = &ser
		}
		d := &diag.List{}
		for _, x := range se.Diags {
			d.Add(x)
		}
		c.editions[se.ID] = &editionResult{fingerprint: se.Fingerprint, edition: &e, diags: d}
	}
	return c, nil
}
