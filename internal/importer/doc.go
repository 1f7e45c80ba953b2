// Package importer brings a quarter's KPI figures from the performance team's
// spreadsheet (.xlsx or .csv, one row per KPI or one row per figure) into an
// edition's data/editions/ID/kpis.toml, keeping the file's comments and every
// other key, and checking the result with the loader before it is kept.
package importer
