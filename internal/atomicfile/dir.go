package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// WriteDir writes files (name to content) into the folder dir, as a
// report is written. A new folder is filled under a temporary name and
// renamed into place, so that it appears whole or not at all. An existing
// folder is an error unless force is set; then each file is replaced
// atomically, and the files named in stale that are not among files (plots
// a new run does not draw) are removed.
func WriteDir(dir string, files map[string][]byte, stale []string, force bool) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	if fi, err := os.Lstat(dir); err == nil {
		if !force {
			return fmt.Errorf("%s %w", dir, ErrExists)
		}
		if !fi.IsDir() {
			return fmt.Errorf("%s is not a folder", dir)
		}
		for _, n := range names {
			if err := WriteFile(filepath.Join(dir, n), files[n], true); err != nil {
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
			return fmt.Errorf("%s %w", dir, ErrExists)
		}
		return err
	}
	return nil
}
