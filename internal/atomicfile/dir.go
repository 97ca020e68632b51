package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// WriteDir writes files (name to content) as the folder dir, as a report
// is written, so that dir holds either the old files or all the new ones,
// never a mixture, whatever fails part-way (a full disk, an interrupt).
//
// The new folder is filled under a temporary name beside dir
// (.NAME.tmp-*), with the list ListName of the files written, and renamed
// into place. An existing dir is an error unless force is set; then the
// folders are swapped with plain renames (Linux's renameat2 exchange is not
// portable), while the process holds dir's Lock:
//
//  1. move the files evalkit did not write (not in the old folder's list)
//     from dir into the new folder, so that they are kept;
//  2. rename dir aside to .NAME.tmp-*.old;
//  3. rename the new folder to dir;
//  4. remove the old folder.
//
// When step 1, 2 or 3 fails, the steps done are undone, so that dir is the
// old folder as it was. Between steps 2 and 3 dir does not exist for a
// moment: a reader then finds no folder, never a mixed one.
//
// With force, a file is replaced or removed only when the old folder's
// list names it: a file that evalkit did not write and that has the name of
// a new file is an error, and nothing is written; one with another name is
// kept. A folder written before the list existed holds no list, so its
// report files count as not written by evalkit. The folder's mode is kept.
func WriteDir(dir string, files map[string][]byte, force bool) error {
	names := make([]string, 0, len(files))
	for n := range files {
		if n == ListName || n != filepath.Base(n) || n == "." || n == ".." {
			panic("atomicfile: WriteDir file name " + n)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	lock, err := Lock(abs)
	if err != nil {
		return err
	}
	defer lock.Release()
	var kept []string
	mode := fs.FileMode(0o755)
	old, err := os.Lstat(abs)
	if err == nil {
		if !force {
			return fmt.Errorf("%s %w", dir, ErrExists)
		}
		if kept, err = keptFiles(dir, abs, old, files); err != nil {
			return err
		}
		mode = old.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	var tmp string
	if err := pending.make(func() (name string, err error) {
		tmp, err = os.MkdirTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".tmp-*")
		return tmp, err
	}); err != nil {
		return fmt.Errorf("cannot write %s: %w", dir, unwrapPath(err))
	}
	defer pending.done(tmp)
	if err := fillDir(tmp, names, files); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("cannot write %s: %w", dir, unwrapPath(err))
	}
	if old == nil {
		if err := os.Chmod(tmp, mode); err != nil {
			os.RemoveAll(tmp)
			return err
		}
		if err := rename(tmp, abs); err != nil {
			os.RemoveAll(tmp)
			if _, serr := os.Lstat(abs); serr == nil {
				return fmt.Errorf("%s %w", dir, ErrExists)
			}
			return err
		}
		return nil
	}
	return swapDir(dir, abs, tmp, kept, mode)
}

// fillDir writes files, and their list ListName, into the new folder tmp,
// and syncs them.
func fillDir(tmp string, names []string, files map[string][]byte) error {
	for _, n := range names {
		if err := writeSynced(filepath.Join(tmp, n), files[n]); err != nil {
			return err
		}
	}
	if err := writeSynced(filepath.Join(tmp, ListName), formatList(names)); err != nil {
		return err
	}
	return nil
}

// swapDir puts the filled folder tmp in the place of the folder abs (dir as
// given), moving the entries kept across first and giving it the old
// folder's mode; see WriteDir's steps. It
// holds pending's lock, so that an interrupt waits until the folders are
// back in a whole state.
func swapDir(dir, abs, tmp string, kept []string, mode fs.FileMode) error {
	pending.mu.Lock()
	aside := tmp + ".old"
	moved := 0
	undo := func(err error) error {
		for _, k := range kept[:moved] {
			rename(filepath.Join(tmp, k), filepath.Join(abs, k))
		}
		os.RemoveAll(tmp)
		pending.mu.Unlock()
		return fmt.Errorf("cannot replace %s (it is as it was): %w", dir, unwrapPath(err))
	}
	for _, k := range kept {
		if err := rename(filepath.Join(abs, k), filepath.Join(tmp, k)); err != nil {
			return undo(err)
		}
		moved++
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return undo(err)
	}
	if err := rename(abs, aside); err != nil {
		return undo(err)
	}
	if err := rename(tmp, abs); err != nil {
		if rerr := rename(aside, abs); rerr != nil {
			pending.mu.Unlock()
			return fmt.Errorf("cannot replace %s: %w; the old folder is %s and the new one %s", dir, unwrapPath(err), aside, tmp)
		}
		return undo(err)
	}
	pending.names[aside] = true
	pending.mu.Unlock()
	defer pending.done(aside)
	if err := os.RemoveAll(aside); err != nil {
		return fmt.Errorf("%s written, but its old files in %s could not be removed: %w", dir, aside, unwrapPath(err))
	}
	return nil
}

// writeSynced writes data to the new file path and flushes it to disk.
func writeSynced(path string, data []byte) error {
	f, err := createFile(path)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// createFile and rename are os.Create's and os.Rename's uses here, which
// the tests replace to make a disk fill or a rename fail part-way.
var (
	createFile = func(path string) (writer, error) {
		return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	rename = os.Rename
)

// writer is the part of *os.File that writeSynced uses.
type writer interface {
	Write([]byte) (int, error)
	Sync() error
	Close() error
}
