package browsertest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
)

// A ConsoleError is an error that a page wrote to its console: a
// console.error call, an uncaught exception, or an error of the browser's own
// log, such as a resource that failed to load or a Content-Security-Policy
// violation.
type ConsoleError struct {
	Source string // "console", "exception", or the browser log's source: "network", "security", ...
	Text   string
	URL    string // where it came from, if known
	Line   int64  // from 1; 0 if unknown
}

func (e ConsoleError) String() string {
	s := e.Source + ": " + e.Text
	if e.URL != "" {
		s += " (" + e.URL
		if e.Line > 0 {
			s += fmt.Sprintf(":%d", e.Line)
		}
		s += ")"
	}
	return s
}

// A FailedLoad is a request of the page that got no usable answer.
type FailedLoad struct {
	URL    string
	Reason string // "HTTP 404", "blocked: csp", "net::ERR_NAME_NOT_RESOLVED", ...
}

func (f FailedLoad) String() string { return f.URL + ": " + f.Reason }

// collector gathers the events of one tab. Its handle method runs on the
// tab's reading goroutine, so it only records.
type collector struct {
	mu       sync.Mutex
	own      string // host:port of the site
	doc      string // the URL of the page under check, whose own status is reported apart
	console  []ConsoleError
	requests []string
	foreign  []string
	failed   []FailedLoad
	urls     map[network.RequestID]string
	inflight map[network.RequestID]bool
	lastNet  time.Time
}

func newCollector() *collector {
	c := &collector{}
	c.reset("")
	return c
}

// reset forgets all that was collected, for the check of a page on own.
func (c *collector) reset(own string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.own, c.doc = own, ""
	c.console, c.requests, c.foreign, c.failed = nil, nil, nil, nil
	c.urls = map[network.RequestID]string{}
	c.inflight = map[network.RequestID]bool{}
	c.lastNet = time.Now()
}

// expect names the URL of the page about to load.
func (c *collector) expect(doc string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.doc = doc
}

// ignored reports whether a failure to load u is reported apart: the page's
// own status is. Everything else counts, /favicon.ico too (a browser asks
// for it by itself, so every site has one).
func (c *collector) ignored(u string) bool {
	return u == c.doc
}

func (c *collector) handle(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
			return
		}
		e := ConsoleError{Source: "console", Text: argsText(ev.Args)}
		if st := ev.StackTrace; st != nil && len(st.CallFrames) > 0 {
			e.URL, e.Line = st.CallFrames[0].URL, st.CallFrames[0].LineNumber+1
		}
		c.console = append(c.console, e)
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			desc, _, _ := strings.Cut(remoteText(d.Exception), "\n")
			text += " " + desc
		}
		c.console = append(c.console, ConsoleError{Source: "exception", Text: text, URL: d.URL, Line: d.LineNumber + 1})
	case *log.EventEntryAdded:
		en := ev.Entry
		if en.Level != log.EntryLevelError {
			return
		}
		if en.Source == log.EntrySourceNetwork && c.ignored(en.URL) {
			return
		}
		e := ConsoleError{Source: string(en.Source), Text: en.Text, URL: en.URL}
		if en.LineNumber > 0 {
			e.Line = en.LineNumber + 1
		}
		c.console = append(c.console, e)
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		c.urls[ev.RequestID] = u
		c.inflight[ev.RequestID] = true
		c.lastNet = time.Now()
		if ev.RedirectResponse != nil {
			return // the same request again, to the redirect's target
		}
		c.requests = append(c.requests, u)
		if c.isForeign(u) {
			c.foreign = append(c.foreign, u)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 && !c.ignored(ev.Response.URL) {
			c.failed = append(c.failed, FailedLoad{URL: ev.Response.URL, Reason: fmt.Sprintf("HTTP %d", ev.Response.Status)})
		}
	case *network.EventLoadingFinished:
		delete(c.inflight, ev.RequestID)
		c.lastNet = time.Now()
	case *network.EventLoadingFailed:
		delete(c.inflight, ev.RequestID)
		c.lastNet = time.Now()
		reason := ev.ErrorText
		if ev.BlockedReason != "" {
			reason = "blocked: " + string(ev.BlockedReason)
		}
		u := c.urls[ev.RequestID]
		if (ev.Canceled && ev.BlockedReason == "") || c.ignored(u) {
			return // a request the page itself stopped is no failure
		}
		c.failed = append(c.failed, FailedLoad{URL: u, Reason: reason})
	}
}

// isForeign reports whether a request goes anywhere but the site's own host.
// data: and blob: URLs stay inside the page.
func (c *collector) isForeign(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return true
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return false
	case "http", "https", "ws", "wss":
		return !strings.EqualFold(u.Host, c.own)
	}
	return true
}

// quietFor reports whether no request has been open for at least d.
func (c *collector) quietFor(d time.Duration) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.inflight) == 0 && time.Since(c.lastNet) >= d
}

// argsText renders the arguments of a console call much as DevTools shows
// them: strings as they are, other values by their description.
func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		parts = append(parts, remoteText(a))
	}
	return strings.Join(parts, " ")
}

func remoteText(o *runtime.RemoteObject) string {
	if o == nil {
		return "null"
	}
	if o.Type == runtime.RemoteObjectTypeString {
		var s string
		if json.Unmarshal(o.Value, &s) == nil {
			return s
		}
	}
	switch {
	case o.UnserializableValue != "":
		return string(o.UnserializableValue)
	case o.Description != "":
		return o.Description
	case len(o.Value) > 0:
		return string(o.Value)
	}
	return string(o.Type)
}
