// Package cputime gives the CPU time of the process, for benchmarks that
// report CPU time per operation on a shared, loaded machine, where wall
// time misleads.
package cputime
