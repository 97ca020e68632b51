// Package atomicfile writes output files so that nothing is lost, mixed or
// overwritten: a file (or a report folder) is written under a temporary
// name beside its destination and renamed into place whole, an existing
// output is replaced only when the caller forces it, a report folder is
// swapped whole and keeps the files evalkit did not write (ListName), files
// that belong together are written under one Lock (Set), and every signal
// that stops the process removes the temporary files and locks being held
// (RemoveOnInterrupt).
package atomicfile
