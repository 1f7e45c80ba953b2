package render

// pageBuffer holds a page as its layout writes it: a first chunk of the size
// the page is expected to have, then, for a page that outgrows it, more
// chunks, joined once at the end. A bytes.Buffer doubles as it grows, so a
// page larger than expected held its old and its new copy at once and then
// a buffer up to twice its size until it was written: for the milestone
// tracker of a 3000-edition archive, a 17 MB page, that was 48 MB at the
// build's busiest moment.
type pageBuffer struct {
	full [][]byte // chunks filled, in order
	cur  []byte
	size int
}

// maxChunk bounds the chunks after the first, so that the space a chunk
// leaves unused stays small beside the page.
const maxChunk = 1 << 20

func newPageBuffer(hint int) *pageBuffer {
	return &pageBuffer{cur: make([]byte, 0, hint)}
}

func (b *pageBuffer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(b.cur) == cap(b.cur) {
			b.full = append(b.full, b.cur)
			b.cur = make([]byte, 0, min(max(b.size, 64<<10), maxChunk))
		}
		k := copy(b.cur[len(b.cur):cap(b.cur)], p)
		b.cur = b.cur[:len(b.cur)+k]
		p = p[k:]
		b.size += k
	}
	return n, nil
}

// Len is the size of the page so far.
func (b *pageBuffer) Len() int { return b.size }

// Bytes returns the page. A page that fitted its first chunk is that
// chunk, as it is; any other is copied once into a slice of its exact size.
func (b *pageBuffer) Bytes() []byte {
	if len(b.full) == 0 {
		return b.cur
	}
	out := make([]byte, 0, b.size)
	for _, c := range b.full {
		out = append(out, c...)
	}
	out = append(out, b.cur...)
	b.full, b.cur = nil, out
	return out
}
