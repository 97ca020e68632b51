package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrLocked is wrapped by Lock's error when another run holds the lock.
var ErrLocked = errors.New("is being written by another evalkit run")

// A Locked output path is held by one run, so that two runs writing the same
// output (an allocation and its manifest, a report folder) cannot mix their
// files. The lock is the file .NAME.lock beside the path, created with
// O_EXCL and holding the holder's pid, start time and host:
//
//	pid 12345
//	started 2026-12-01T13:45:00Z
//	host build-7
//
// A lock whose pid is no longer running on this host is stale (its run was
// killed by SIGKILL or the machine stopped): it is removed and taken, under
// a second O_EXCL file .NAME.lock.break so that two runs cannot both take
// it. A lock that cannot be read, or that names another host, is taken to
// be held; one that names no pid is read again for 50 ms, while its run
// writes its pid. A pid reused by an unrelated process keeps the lock held; the
// error names the lock file to remove then.
type Locked struct {
	path string
}

// lockPath is the lock file of path: .NAME.lock in path's folder.
func lockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// Lock takes the lock on path for this run. When another run holds it, the
// error wraps ErrLocked and names that run's pid and start time. Release
// removes the lock; an interrupt removes it too (RemoveOnInterrupt). When
// path is a symbolic link, the lock is beside the file it points at.
func Lock(path string) (*Locked, error) {
	name := lockPath(path)
	if real, err := filepath.EvalSymlinks(path); err == nil {
		name = lockPath(real) // the file written, as Create writes it
	}
	broke := false
	for try := 0; try < 100; try++ {
		err := pending.make(func() (string, error) { return name, createLock(name) })
		if err == nil {
			return &Locked{path: name}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
		}
		holder, stale, there := readLock(name)
		for wait := 0; there && holder == noPid && wait < 50; wait++ {
			time.Sleep(time.Millisecond) // the holder is writing its pid
			holder, stale, there = readLock(name)
		}
		switch {
		case !there: // released meanwhile: try again
		case stale && !broke:
			broke = true
			if !breakLock(name, holder) {
				return nil, fmt.Errorf("%s %w (%s; another run is removing the stale lock %s)", path, ErrLocked, holder, name)
			}
		default:
			return nil, fmt.Errorf("%s %w (%s; if no evalkit run is writing it, remove %s)", path, ErrLocked, holder, name)
		}
	}
	return nil, fmt.Errorf("%s %w (runs keep taking and releasing %s; try again)", path, ErrLocked, name)
}

// Release removes the lock. It is safe to call twice.
func (l *Locked) Release() {
	if l != nil && l.path != "" {
		os.Remove(l.path)
		pending.done(l.path)
		l.path = ""
	}
}

// createLock makes the lock file name with O_EXCL and writes this run's
// pid, start time and host in it.
func createLock(name string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	host, _ := os.Hostname()
	_, err = fmt.Fprintf(f, "pid %d\nstarted %s\nhost %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339), host)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// noPid describes a lock file that names no pid: one just made, or one
// whose run stopped before it could write in it.
const noPid = "its lock names no pid"

// readLock describes the lock file name's holder ("pid 12345, started
// ...") and reports whether it is stale (it names this host and a pid that
// is not running) and whether it is there at all.
func readLock(name string) (holder string, stale, there bool) {
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, false
	} else if err != nil {
		return "its lock cannot be read: " + unwrapPath(err).Error(), false, true
	}
	fields := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, " "); ok {
			fields[k] = v
		}
	}
	pid, err := strconv.Atoi(fields["pid"])
	if err != nil || pid <= 0 {
		return noPid, false, true
	}
	holder = fmt.Sprintf("pid %d, started %s", pid, fields["started"])
	host, _ := os.Hostname()
	if fields["host"] != host {
		return holder + " on " + fields["host"], false, true
	}
	return holder, !processRunning(pid), true
}

// breakLock removes the stale lock name, held by holder, unless another run
// is breaking it or has taken it meanwhile; it reports whether it did.
func breakLock(name, holder string) bool {
	brk := name + ".break"
	if err := createLock(brk); err != nil {
		return false
	}
	defer os.Remove(brk)
	now, stale, _ := readLock(name)
	if !stale || now != holder {
		return false
	}
	return os.Remove(name) == nil
}

// unwrapPath returns a *fs.PathError's cause, so that an error names the
// path the user gave rather than a lock or temporary file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
