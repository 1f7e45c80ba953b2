package cli

import (
	"syscall"
	"unsafe"
)

var getConsoleProcessList = syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// ownConsole reports whether planpress is the only process attached to its
// console: a console Windows made for it, which closes when it exits. A
// terminal's console also has the shell attached.
func ownConsole() bool {
	var list [2]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&list[0])), uintptr(len(list)))
	return n == 1
}
