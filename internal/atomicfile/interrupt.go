package atomicfile

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// pending holds the temporary files being written, which an interrupt
// removes (see RemoveOnInterrupt).
var pending = &tempFiles{names: map[string]bool{}}

type tempFiles struct {
	mu    sync.Mutex
	names map[string]bool
}

func (t *tempFiles) add(name string) {
	t.mu.Lock()
	t.names[name] = true
	t.mu.Unlock()
}

func (t *tempFiles) done(name string) {
	t.mu.Lock()
	delete(t.names, name)
	t.mu.Unlock()
}

// removeAll removes every pending temporary file.
func (t *tempFiles) removeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for name := range t.names {
		os.RemoveAll(name) // a file, or a report folder being filled
		delete(t.names, name)
	}
}

// RemoveOnInterrupt makes an interrupt (Ctrl-C) or termination remove the
// temporary files being written before the process exits with status 130,
// so that an interrupted command leaves nothing behind. The returned
// function stops it.
func RemoveOnInterrupt(stderr io.Writer) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	quit := make(chan struct{})
	go func() {
		select {
		case <-sig:
			pending.removeAll()
			fmt.Fprintln(stderr, "\nevalkit: interrupted; no output was written")
			os.Exit(130)
		case <-quit:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(quit)
	}
}
