package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"os"
	"slices"
	"strings"
)

// A hostGuard answers only requests addressed to the server by its address or
// by a name that only this computer gives it. Any web page can make a
// browser send requests to 127.0.0.1, by pointing a name of its own there
// (DNS rebinding), and then read the answers as its own; such requests carry
// that name in their Host header, and are refused.
//
// The port is not compared: a page cannot choose the port its requests
// reach, and a forwarded port (ssh -L, a container's published port) names
// another.
type hostGuard struct {
	next  http.Handler
	names []string     // lower-case host names, such as "localhost"
	ips   []netip.Addr // addresses, such as 127.0.0.1
	anyIP bool         // any address: the server listens on every one
}

// guardHosts wraps next in a hostGuard for a listener on addr, which also
// accepts the host names and addresses in hosts. A listener on this
// computer's loopback address also answers to localhost, 127.0.0.1 and ::1;
// one on every address, to any address, localhost and the computer's name.
// A listener that is not TCP is out of a browser's reach and needs no guard.
func guardHosts(addr net.Addr, hosts []string, next http.Handler) http.Handler {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return next
	}
	g := &hostGuard{next: next}
	ip, _ := netip.AddrFromSlice(tcp.IP)
	ip = ip.Unmap()
	switch {
	case ip.IsUnspecified():
		g.anyIP = true
		g.names = append(g.names, "localhost")
		if name, err := os.Hostname(); err == nil && name != "" {
			g.names = append(g.names, strings.ToLower(name))
		}
	case ip.IsLoopback():
		g.names = append(g.names, "localhost")
		g.ips = append(g.ips, ip, netip.MustParseAddr("127.0.0.1"), netip.IPv6Loopback())
	default:
		g.ips = append(g.ips, ip)
	}
	for _, h := range hosts {
		if h = hostName(h); h == "" {
			continue
		}
		if ip, err := netip.ParseAddr(h); err == nil {
			g.ips = append(g.ips, ip.Unmap())
		} else {
			g.names = append(g.names, strings.ToLower(h))
		}
	}
	return g
}

// hostName is the host of a Host header's host[:port], without brackets.
func hostName(hostport string) string {
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		return host
	}
	return strings.TrimSuffix(strings.TrimPrefix(hostport, "["), "]")
}

// allows reports whether a request's Host header names this server.
func (g *hostGuard) allows(host string) bool {
	name := hostName(host)
	if ip, err := netip.ParseAddr(name); err == nil {
		return g.anyIP || slices.Contains(g.ips, ip.WithZone("").Unmap())
	}
	return name != "" && slices.Contains(g.names, strings.ToLower(name))
}

func (g *hostGuard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if g.allows(r.Host) {
		g.next.ServeHTTP(w, r)
		return
	}
	w.Header().Set("Connection", "close")
	msg := fmt.Sprintf("421 misdirected request: planpress serve answers only requests addressed to %s, not to %q", g.expected(), r.Host)
	http.Error(w, msg, http.StatusMisdirectedRequest)
}

// expected lists the names the guard allows, for the refusal.
func (g *hostGuard) expected() string {
	var all []string
	for _, ip := range g.ips {
		all = append(all, ip.String())
	}
	all = append(all, g.names...)
	if g.anyIP {
		all = append(all, "this computer's addresses")
	}
	slices.Sort(all)
	all = slices.Compact(all)
	if len(all) == 1 {
		return all[0]
	}
	return strings.Join(all[:len(all)-1], ", ") + " or " + all[len(all)-1]
}
