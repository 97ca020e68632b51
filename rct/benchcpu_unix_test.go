//go:build unix

package rct

import (
	"syscall"
	"time"
)

// processCPUTime returns the user and system CPU time of the process, to
// report CPU time per operation on a shared, loaded machine.
func processCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
