package build

import (
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/publish"
)

// queue hands files to an Output from one goroutine. Pages render on every
// CPU, but creating files and folders from many goroutines at once made each
// creation several times slower (the file system's locks; measured in
// bench/RESULTS.md), so the disk gets them one at a time. The queue holds a
// few files at most, so a slow disk holds the renderers back instead of
// the site piling up in memory.
type queue struct {
	out   publish.Output
	files chan queuedFile
	done  chan struct{}
	diags diag.List // problems writing, read after close
}

type queuedFile struct {
	name string
	data []byte
}

// newQueue starts writing to out.
func newQueue(out publish.Output) *queue {
	q := &queue{out: out, files: make(chan queuedFile, 64), done: make(chan struct{})}
	go func() {
		defer close(q.done)
		for f := range q.files {
			if err := q.out.WriteFile(f.name, f.data); err != nil {
				q.diags.Errorf(f.name, 0, "check the output folder can be written, and that the disk has space", "cannot write: %v", err)
			}
		}
	}()
	return q
}

// WriteFile queues a file; a problem writing it is reported by close.
func (q *queue) WriteFile(name string, data []byte) error {
	q.files <- queuedFile{name, data}
	return nil
}

// close waits for every queued file to be written and returns the problems.
func (q *queue) close() *diag.List {
	close(q.files)
	<-q.done
	return &q.diags
}
