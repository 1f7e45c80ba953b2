//go:build race

package serve

// raceDetector says the tests run with -race, which makes a build several
// times slower; time limits that stand for a user's patience allow for it.
const raceDetector = true
