package render

import (
	"sort"
	"sync"
)

// Sink receives the files of a site as they are rendered. Implementations
// must be safe for concurrent use: editions render in parallel.
type Sink interface {
	WriteFile(path string, data []byte) error
}

// MemorySink keeps every file in memory (for serve and for tests).
type MemorySink struct {
	mu    sync.Mutex
	Files map[string][]byte
}

// NewMemorySink makes an empty MemorySink.
func NewMemorySink() *MemorySink { return &MemorySink{Files: map[string][]byte{}} }

// WriteFile implements Sink.
func (m *MemorySink) WriteFile(path string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.Files[path] = data
	return nil
}

// Paths returns the stored paths, sorted.
func (m *MemorySink) Paths() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.Files))
	for p := range m.Files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// DiscardSink counts files and throws them away (for check).
type DiscardSink struct {
	mu    sync.Mutex
	Count int
}

// WriteFile implements Sink.
func (d *DiscardSink) WriteFile(string, []byte) error {
	d.mu.Lock()
	d.Count++
	d.mu.Unlock()
	return nil
}
