package atomicfile

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestInterruptChild is the child process of TestSignalsRemoveTemporaries:
// it starts writing a file, a report folder's lock and a Set, says
// "ready", and waits to be signalled.
func TestInterruptChild(t *testing.T) {
	dir := os.Getenv("ATOMICFILE_CHILD_DIR")
	if dir == "" {
		t.Skip("run by TestSignalsRemoveTemporaries")
	}
	defer RemoveOnInterrupt(os.Stderr)()
	f, err := Create(filepath.Join(dir, "allocation.csv"), false)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(make([]byte, 1<<20))
	s, err := NewSet(true, filepath.Join(dir, "other.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(filepath.Join(dir, "other.csv")); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("ready\n")
	time.Sleep(20 * time.Second)
	t.Fatal("not signalled")
}

// startChild runs TestInterruptChild in a child process writing in dir,
// through sh when trap is set (a shell trap such as `trap "" HUP`, as
// nohup does), and waits until it is ready.
func startChild(t *testing.T, dir, trap string) *exec.Cmd {
	t.Helper()
	args := []string{"-test.run=^TestInterruptChild$"}
	cmd := exec.Command(os.Args[0], args...)
	if trap != "" {
		cmd = exec.Command("sh", append([]string{"-c", trap + `; exec "$0" "$@"`, os.Args[0]}, args...)...)
	}
	cmd.Env = append(os.Environ(), "ATOMICFILE_CHILD_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "ready\n" {
		cmd.Process.Kill()
		t.Fatalf("child said %q (%v)", line, err)
	}
	return cmd
}

// TestSignalsRemoveTemporaries sends each caught signal to a child that is
// writing, and checks that it exits 130 leaving no temporary file and no
// lock (issue 21, E12: SIGHUP left a 45 MB temporary file).
func TestSignalsRemoveTemporaries(t *testing.T) {
	for _, s := range interrupts {
		t.Run(s.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := startChild(t, dir, "")
			if entries, _ := os.ReadDir(dir); len(entries) != 3 {
				t.Fatalf("the child holds %d temporary files and locks, want 3", len(entries))
			}
			cmd.Process.Signal(s)
			var exit *exec.ExitError
			if err := cmd.Wait(); !errors.As(err, &exit) || exit.ExitCode() != 130 {
				t.Errorf("child ended with %v, want exit status 130", err)
			}
			assertOnlyFiles(t, dir)
		})
	}
}

// TestSignalIgnoredStaysIgnored checks that under nohup (SIGHUP ignored) a
// hangup does not stop evalkit, and a later SIGTERM still cleans up.
func TestSignalIgnoredStaysIgnored(t *testing.T) {
	dir := t.TempDir()
	cmd := startChild(t, dir, `trap "" HUP`)
	cmd.Process.Signal(syscall.SIGHUP)
	time.Sleep(300 * time.Millisecond)
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("after SIGHUP under nohup the child holds %d files, want 3 (it stopped)", len(entries))
	}
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	assertOnlyFiles(t, dir)
}

// TestInterruptWaitsForASetsCommit: the removal an interrupt makes waits
// while a Set commits, so that a pair is never left half in place.
func TestInterruptWaitsForASetsCommit(t *testing.T) {
	pending.whole.Lock() // as Set.Commit holds it
	done := make(chan struct{})
	go func() {
		pending.removeAll()
		close(done)
	}()
	select {
	case <-done:
		t.Fatal("removeAll ran while a set was being committed")
	case <-time.After(50 * time.Millisecond):
	}
	pending.whole.Unlock()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("removeAll did not run once the commit ended")
	}
}
