package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestHoldWindowInATerminal: run from a terminal (as tests are), planpress
// neither waits for Enter nor says anything more.
func TestHoldWindowInATerminal(t *testing.T) {
	var stderr bytes.Buffer
	HoldWindow(strings.NewReader(""), &stderr)
	if stderr.Len() != 0 {
		t.Errorf("HoldWindow in a terminal wrote %q", stderr.String())
	}
}
