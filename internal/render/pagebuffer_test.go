package render

import (
	"bytes"
	"testing"
)

func TestPageBufferKeepsEveryByteInOrder(t *testing.T) {
	for _, tc := range []struct {
		name   string
		hint   int
		writes []int // the sizes written, in turn
	}{
		{"fits its first chunk", 64, []int{10, 20, 30}},
		{"fills its first chunk exactly", 60, []int{10, 20, 30}},
		{"outgrows its first chunk", 16, []int{10, 20, 30}},
		{"one write larger than a chunk", 8, []int{3 << 20}},
		{"many chunks", 1, []int{100, 70 << 10, 5, 2 << 20, 1}},
		{"nothing written", 16, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newPageBuffer(tc.hint)
			var want []byte
			for i, n := range tc.writes {
				p := bytes.Repeat([]byte{byte('a' + i)}, n)
				if got, err := b.Write(p); got != n || err != nil {
					t.Fatalf("Write(%d bytes) = %d, %v", n, got, err)
				}
				want = append(want, p...)
			}
			if b.Len() != len(want) {
				t.Errorf("Len() = %d, want %d", b.Len(), len(want))
			}
			if got := b.Bytes(); !bytes.Equal(got, want) {
				t.Errorf("Bytes() has %d bytes, not the %d written", len(got), len(want))
			}
		})
	}
}
