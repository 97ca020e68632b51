package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// deadPid returns the pid of a process that has ended.
func deadPid(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	return cmd.Process.Pid
}

func TestLock(t *testing.T) {
	host, _ := os.Hostname()
	cases := []struct {
		name string
		// lock is the lock file's content before Lock; "" for none.
		lock string
		// held is a fragment of the error; "" when Lock takes the lock.
		held string
	}{
		{name: "no lock"},
		{name: "a running run's", lock: fmt.Sprintf("pid %d\nstarted 2026-12-01T13:00:00Z\nhost %s\n", os.Getpid(), host),
			held: fmt.Sprintf("is being written by another evalkit run (pid %d, started 2026-12-01T13:00:00Z; if no evalkit run is writing it, remove ", os.Getpid())},
		{name: "a stale one", lock: fmt.Sprintf("pid %d\nstarted 2026-12-01T13:00:00Z\nhost %s\n", deadPid(t), host)},
		{name: "another host's", lock: fmt.Sprintf("pid %d\nstarted 2026-12-01T13:00:00Z\nhost elsewhere\n", deadPid(t)), held: "on elsewhere;"},
		{name: "no pid", lock: "garbage", held: "its lock names no pid"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "allocation.csv")
			if c.lock != "" {
				os.WriteFile(lockPath(out), []byte(c.lock), 0o644)
			}
			l, err := Lock(out)
			if c.held != "" {
				if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), c.held) || !strings.Contains(err.Error(), lockPath(out)) {
					t.Errorf("err = %v, want ErrLocked with %q and the lock's name", err, c.held)
				}
				if b, _ := os.ReadFile(lockPath(out)); string(b) != c.lock {
					t.Errorf("the held lock became %q", b)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(lockPath(out))
			if want := fmt.Sprintf("pid %d\nstarted ", os.Getpid()); !strings.HasPrefix(string(b), want) || !strings.HasSuffix(string(b), "host "+host+"\n") {
				t.Errorf("lock holds %q", b)
			}
			if _, err := Lock(out); !errors.Is(err, ErrLocked) {
				t.Errorf("a second Lock: %v, want ErrLocked", err)
			}
			l.Release()
			l.Release()
			assertOnlyFiles(t, dir)
		})
	}
}

func TestLockStaleBeingBroken(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "allocation.csv")
	host, _ := os.Hostname()
	stale := fmt.Sprintf("pid %d\nstarted 2026-12-01T13:00:00Z\nhost %s\n", deadPid(t), host)
	os.WriteFile(lockPath(out), []byte(stale), 0o644)
	os.WriteFile(lockPath(out)+".break", []byte(stale), 0o644)
	if _, err := Lock(out); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another run is removing the stale lock") {
		t.Errorf("err = %v, want ErrLocked while another run breaks the lock", err)
	}
}

func TestLockInMissingFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "no", "allocation.csv")
	if _, err := Lock(out); err == nil || !strings.Contains(err.Error(), "cannot write "+out) {
		t.Errorf("err = %v, want one naming %s", err, out)
	}
}

func TestSetCommitsTogether(t *testing.T) {
	dir := t.TempDir()
	out, man := filepath.Join(dir, "a.csv"), filepath.Join(dir, "a.csv.manifest.json")
	os.WriteFile(out, []byte("old"), 0o644)
	if _, err := NewSet(false, out, man); !errors.Is(err, ErrExists) {
		t.Errorf("an existing output without force: %v", err)
	}
	s, err := NewSet(true, out, man)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewSet(true, out, man); !errors.Is(err, ErrLocked) {
		t.Errorf("a second set while the first is held: %v", err)
	}
	for _, p := range []string{out, man} {
		f, err := s.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("new " + filepath.Base(p))
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	assertFile(t, out, "new a.csv")
	assertFile(t, man, "new a.csv.manifest.json")
	assertOnlyFiles(t, dir, "a.csv", "a.csv.manifest.json")
}

func TestLockFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.csv")
	os.WriteFile(real, []byte("x"), 0o644)
	link := filepath.Join(t.TempDir(), "link.csv")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here")
	}
	l, err := Lock(real)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	if _, err := Lock(link); !errors.Is(err, ErrLocked) {
		t.Errorf("locking a link to a locked file: %v, want ErrLocked", err)
	}
}
