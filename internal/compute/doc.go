// Package compute derives what a report states from what its files record:
// RAG ratings, direction of travel, milestone summaries and percentages. Its
// functions are pure, so each rule is tested at its boundaries.
package compute
