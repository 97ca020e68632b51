//go:build unix

package atomicfile

import (
	"os"
	"syscall"
)

// moreSignals are the interrupts that only Unix has.
var moreSignals = []os.Signal{syscall.SIGSYS}
