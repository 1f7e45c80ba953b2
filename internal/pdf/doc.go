// Package pdf prints an edition's committee pack: the print edition as an
// accessible A4 PDF, printed by a Chrome or Chromium found on the computer
// from the site built into memory and served on the loopback address only
// while it prints (planpress pdf; see docs/pdf.md).
package pdf
