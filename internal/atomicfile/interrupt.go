package atomicfile

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// pending holds the temporary files and locks being held, which an
// interrupt removes (see RemoveOnInterrupt).
var pending = &tempFiles{names: map[string]bool{}}

type tempFiles struct {
	// whole is held while a Set commits its files, so that an interrupt
	// waits until all of them are in place (and none is left alone).
	whole sync.Mutex
	mu    sync.Mutex
	names map[string]bool
}

// make runs create, which makes a temporary file, folder or lock and
// returns its name, with t locked, and adds the name to t: an interrupt
// removes either nothing or what create made, never leaving it behind.
func (t *tempFiles) make(create func() (string, error)) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	name, err := create()
	if err == nil {
		t.names[name] = true
	}
	return err
}

func (t *tempFiles) done(name string) {
	t.mu.Lock()
	delete(t.names, name)
	t.mu.Unlock()
}

// removeAll removes every pending temporary file (hold), then lets files
// be made again.
func (t *tempFiles) removeAll() {
	t.hold()
	t.mu.Unlock()
	t.whole.Unlock()
}

// hold removes every pending temporary file and keeps t locked, so that
// nothing new is made before the process exits. It waits for a Set being
// committed, which holds t.whole meanwhile, and for a folder being swapped
// into place (WriteDir), which holds t.mu.
func (t *tempFiles) hold() {
	t.whole.Lock()
	t.mu.Lock()
	for name := range t.names {
		os.RemoveAll(name) // a file, a report folder being filled, or a lock
		delete(t.names, name)
	}
}

// interrupts are the signals that stop evalkit, whose default action would
// end the process: SIGINT (Ctrl-C), SIGTERM, SIGHUP (the terminal closed),
// SIGQUIT (Ctrl-\), SIGABRT and SIGTRAP, and on Unix SIGSYS (moreSignals).
//
// SIGPIPE is not among them: Go ignores a SIGPIPE sent by kill, and dies of
// one only on a write to a closed standard output or error, which evalkit
// writes after its files are renamed into place; catching it would turn
// `evalkit ... | head` into an error message. SIGKILL cannot be caught: it
// may leave hidden .NAME.tmp-* files and a .NAME.lock beside an output
// (a later run takes over the stale lock).
var interrupts = append([]os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP,
	syscall.SIGQUIT, syscall.SIGABRT, syscall.SIGTRAP}, moreSignals...)

// RemoveOnInterrupt makes each signal of interrupts remove the temporary
// files being written and the locks held, before the process exits with
// status 130, so that an interrupted command leaves nothing behind. A
// signal that the process was started ignoring (nohup ignores SIGHUP)
// stays ignored. The returned function stops it.
func RemoveOnInterrupt(stderr io.Writer) (stop func()) {
	sig := make(chan os.Signal, 1)
	for _, s := range interrupts {
		if !signal.Ignored(s) {
			signal.Notify(sig, s)
		}
	}
	quit := make(chan struct{})
	go func() {
		select {
		case <-sig:
			pending.hold()
			fmt.Fprintln(stderr, "\nevalkit: interrupted; what was being written was removed")
			os.Exit(130)
		case <-quit:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(quit)
	}
}
