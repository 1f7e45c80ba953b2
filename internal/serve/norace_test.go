//go:build !race

package serve

// raceDetector says the tests run with -race; see race_test.go.
const raceDetector = false
