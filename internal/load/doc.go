// Package load reads a planpress site folder (planpress.toml, content/ and
// data/) into a validated model.Site, collecting every problem it finds with
// its file and line instead of stopping at the first.
package load
