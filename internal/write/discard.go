package write

import (
	"strings"
	"sync"
)

// Discard counts the files of a site and throws them away, for check, which
// renders everything to find errors but publishes nothing. The zero value is
// ready to use.
type Discard struct {
	mu    sync.Mutex
	stats Stats
}

// WriteFile counts the file and forgets it.
func (d *Discard) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stats.Files++
	if strings.HasSuffix(name, ".html") {
		d.stats.Pages++
	}
	d.stats.Bytes += int64(len(data))
	return nil
}

// Stats returns the totals of the files written so far; a name written twice
// counts twice, and Unchanged is always 0.
func (d *Discard) Stats() Stats {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.stats
}
