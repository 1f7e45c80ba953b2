package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/planpress/planpress/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "[-addr HOST:PORT] [-source DIR] [-poll DURATION]", stderr)
	addr := fs.String("addr", "127.0.0.1:1313", "the address to listen on; 127.0.0.1 keeps drafts on this computer")
	source := fs.String("source", ".", "the site folder")
	poll := fs.Duration("poll", 0, "look at the files this often, such as 500ms, for a folder whose changes the system does not report (a network drive, a Windows drive under WSL); 0 has changes reported")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *poll < 0 {
		fmt.Fprintf(stderr, "planpress serve: -poll must be a duration such as 500ms, or 0, not %s\n", *poll)
		return ExitUsage
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "planpress serve: -addr must be HOST:PORT, such as 127.0.0.1:1313, not %q\n", *addr)
		return ExitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "planpress serve: %v; choose another port with -addr 127.0.0.1:PORT\n", err)
		return ExitContent
	}
	// The user chose the name in -addr for the server, so requests may
	// address it by that name; see serve.Options.Hosts.
	srv, err := serve.New(serve.Options{Source: *source, Log: stderr, Poll: *poll, Hosts: []string{host}})
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "planpress serve: %v\n", err)
		return ExitContent
	}
	abs, _ := filepath.Abs(*source)
	fmt.Fprintf(stdout, "planpress: serving %s, with drafts and future editions, at %s (Ctrl+C to stop)\n", abs, openURL(ln.Addr(), srv.Base()))
	if !chartsBuiltIn() {
		fmt.Fprintln(stderr, "planpress serve: this planpress has no chart library, so the pages show their tables without charts, and `planpress build` will not publish them without -allow-no-charts; a release download has it (https://github.com/planpress/planpress/releases), or run `make build`")
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "planpress serve: listening on %s, so other computers can see the drafts too\n", *addr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "planpress serve: %v\n", err)
		return ExitContent
	}
	return ExitOK
}

// openURL is the address to open in a browser for a listener: an unspecified
// host (0.0.0.0, ::) is reached as localhost.
func openURL(a net.Addr, base string) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + base
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + base
}
