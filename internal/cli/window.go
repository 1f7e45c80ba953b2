package cli

import (
	"bufio"
	"fmt"
	"io"
)

// HoldWindow keeps open a console window that Windows opened for planpress
// alone, as it does when planpress.exe is double-clicked in File Explorer:
// it says how planpress is used and waits for Enter, so that the window
// does not close before its words can be read. In a terminal, and on other
// systems, it does nothing.
func HoldWindow(stdin io.Reader, stderr io.Writer) {
	if !ownConsole() {
		return
	}
	fmt.Fprintln(stderr)
	fmt.Fprintln(stderr, "planpress is typed in PowerShell or Terminal: in File Explorer, right-click this folder,")
	fmt.Fprintln(stderr, "choose Open in Terminal, and type  .\\planpress.exe new site my-report  (README.txt says more).")
	fmt.Fprint(stderr, "Press Enter to close this window.")
	_, _ = bufio.NewReader(stdin).ReadString('\n')
}
