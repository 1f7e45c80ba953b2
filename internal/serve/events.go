package serve

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// EventsPath is the address of the server-sent event stream that
// assets/js/live.js listens to.
const EventsPath = "/_planpress/events"

// keepAlive is how often an idle event stream sends a comment, so that a
// proxy or a sleeping laptop's network stack does not drop it silently.
const keepAlive = 30 * time.Second

// broker hands each finished build's id to every open event stream.
type broker struct {
	mu   sync.Mutex
	subs map[chan string]struct{}
}

func (b *broker) subscribe() chan string {
	// One slot is enough: a stream that has not sent its last reload yet
	// only needs to send one.
	ch := make(chan string, 1)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	return ch
}

func (b *broker) unsubscribe(ch chan string) {
	b.mu.Lock()
	delete(b.subs, ch)
	b.mu.Unlock()
}

func (b *broker) publish(id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- id:
		default:
		}
	}
}

// streamEvents sends a "hello" event with the served build's id, then a
// "reload" event after every build, until the page goes away or the server
// closes.
func (s *Server) streamEvents(w http.ResponseWriter, r *http.Request) {
	select {
	case <-s.done:
		http.Error(w, "planpress serve is stopping", http.StatusServiceUnavailable)
		return
	default:
	}
	if r.Method == http.MethodHead {
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		return
	}
	// Subscribe before reading the build id, so that a build finishing in
	// between is announced rather than lost.
	ch := s.events.subscribe()
	defer s.events.unsubscribe(ch)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	rc := http.NewResponseController(w)
	w.WriteHeader(http.StatusOK)
	// retry asks the browser to reconnect quickly after serve restarts.
	fmt.Fprintf(w, "retry: 500\nevent: hello\ndata: %s\n\n", s.current.Load().id)
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case id := <-ch:
			_, err = fmt.Fprintf(w, "event: reload\ndata: %s\n\n", id)
		case <-tick.C:
			_, err = fmt.Fprint(w, ": still here\n\n")
		}
		if err == nil {
			err = rc.Flush()
		}
		if err != nil {
			return
		}
	}
}
