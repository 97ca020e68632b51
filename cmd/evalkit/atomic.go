package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"sync"
	"syscall"
)

// errExists is returned when an output exists and --force was not given.
var errExists = errors.New("already exists; give --force to overwrite it")

// atomicFile is an output file written under a temporary name in the same
// directory and renamed into place by Commit, so that a reader never sees a
// half-written file and a failure leaves the old file untouched. A new file
// gets mode 0644; a file replaced (with force) keeps its mode, and when path
// is a symbolic link the file it points at is replaced, not the link.
type atomicFile struct {
	*os.File
	path string
	done bool
}

// createAtomic starts writing path. Unless force is set, an existing path is
// an error, checked now and again at Commit. Even with force, only a regular
// file is ever replaced: never a directory, a device such as /dev/null, or a
// pipe.
func createAtomic(path string, force bool) (*atomicFile, error) {
	if !force {
		if err := checkAbsent(path); err != nil {
			return nil, err
		}
	}
	given := path
	mode := fs.FileMode(0o644)
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
		if fi, err := os.Stat(real); err == nil {
			if !fi.Mode().IsRegular() {
				return nil, fmt.Errorf("%s is not a regular file; evalkit replaces only files", given)
			}
			mode = fi.Mode().Perm()
		}
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("cannot write %s: %w", given, pe.Err)
		}
		return nil, err
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	pending.add(f.Name())
	return &atomicFile{File: f, path: path}, nil
}

// pending holds the temporary files being written, which an interrupt
// removes (see removeOnInterrupt).
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

// removeOnInterrupt makes an interrupt (Ctrl-C) or termination remove the
// temporary files being written before the process exits with status 130,
// so that an interrupted command leaves nothing behind. The returned
// function stops it.
func removeOnInterrupt(stderr io.Writer) (stop func()) {
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

// checkAbsent returns errExists, naming path, when something is there.
func checkAbsent(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s %w", path, errExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Commit flushes the file to disk and renames it into place. With force
// unset, a file that appeared at path in the meantime is not replaced.
func (a *atomicFile) Commit(force bool) error {
	if a.done {
		return errors.New("atomic file committed twice")
	}
	a.done = true
	defer pending.done(a.File.Name())
	if err := a.File.Sync(); err != nil {
		a.abort()
		return err
	}
	if err := a.File.Close(); err != nil {
		os.Remove(a.File.Name())
		return err
	}
	if !force {
		// Link fails if path exists, so a file made meanwhile survives.
		if err := os.Link(a.File.Name(), a.path); err != nil {
			os.Remove(a.File.Name())
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s %w", a.path, errExists)
			}
			return err
		}
		return os.Remove(a.File.Name())
	}
	if err := os.Rename(a.File.Name(), a.path); err != nil {
		os.Remove(a.File.Name())
		return err
	}
	return nil
}

// Abort removes the temporary file; after Commit it does nothing, so it can
// be deferred.
func (a *atomicFile) Abort() {
	if !a.done {
		a.done = true
		a.abort()
	}
}

func (a *atomicFile) abort() {
	a.File.Close()
	os.Remove(a.File.Name())
	pending.done(a.File.Name())
}

// writeFileAtomic writes data to path atomically, refusing to replace an
// existing file unless force is set.
func writeFileAtomic(path string, data []byte, force bool) error {
	f, err := createAtomic(path, force)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit(force)
}

// writeDirAtomic writes files (name to content) into the folder dir, as a
// report is written. A new folder is filled under a temporary name and
// renamed into place, so that it appears whole or not at all. An existing
// folder is an error unless force is set; then each file is replaced
// atomically, and the files named in stale that are not among files (plots
// a new run does not draw) are removed.
func writeDirAtomic(dir string, files map[string][]byte, stale []string, force bool) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	if fi, err := os.Lstat(dir); err == nil {
		if !force {
			return fmt.Errorf("%s %w", dir, errExists)
		}
		if !fi.IsDir() {
			return fmt.Errorf("%s is not a folder", dir)
		}
		for _, n := range names {
			if err := writeFileAtomic(filepath.Join(dir, n), files[n], true); err != nil {
				return err
			}
		}
		for _, n := range stale {
			if _, ok := files[n]; !ok {
				if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
		}
		return nil
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dir, err)
	}
	pending.add(tmp)
	defer pending.done(tmp)
	fail := func(err error) error {
		os.RemoveAll(tmp)
		return err
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(tmp, n), files[n], 0o644); err != nil {
			return fail(err)
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		fail(err)
		if _, serr := os.Lstat(dir); serr == nil && !force {
			return fmt.Errorf("%s %w", dir, errExists)
		}
		return err
	}
	return nil
}
