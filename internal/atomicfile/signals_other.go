//go:build !unix

package atomicfile

import "os"

// moreSignals are the interrupts that only Unix has: none here.
var moreSignals []os.Signal
