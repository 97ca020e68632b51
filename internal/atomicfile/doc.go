// Package atomicfile writes output files so that nothing is lost or
// overwritten: a file (or a report folder) is written under a temporary
// name beside its destination and renamed into place whole, an existing
// output is replaced only when the caller forces it, and an interrupt
// removes the temporary files being written.
package atomicfile
