package write

import (
	"sort"
	"sync"
)

// Memory keeps a built site in memory, for serve and for tests. The zero
// value is ready to use.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory makes an empty Memory.
func NewMemory() *Memory { return &Memory{} }

// WriteFile stores data under name, replacing any earlier file of that
// name. Memory keeps data itself, not a copy: the caller must not change it
// afterwards.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = data
	return nil
}

// File returns one stored file, shared with Memory like Files' slices.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.files[name]
	return data, ok
}

// Files returns a new map of every stored file by name. The map is the
// caller's; the byte slices are shared with Memory and must not be changed.
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string][]byte, len(m.files))
	for name, data := range m.files {
		out[name] = data
	}
	return out
}

// Paths returns the names of the stored files, sorted.
func (m *Memory) Paths() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.files))
	for name := range m.files {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
