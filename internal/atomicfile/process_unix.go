//go:build unix

package atomicfile

import (
	"errors"
	"syscall"
)

// processRunning reports whether the process pid is running: signal 0
// reaches it, or it belongs to another user (EPERM).
func processRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
