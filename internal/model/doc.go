// Package model holds the plain types of a planpress site: the site settings, its
// editions, their priorities and milestones, and the KPI definitions and figures.
// It does no I/O; the load package fills it and the compute package reads it.
package model
