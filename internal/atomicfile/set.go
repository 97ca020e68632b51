package atomicfile

import "fmt"

// A Set is output files that belong together, such as an allocation and its
// manifest, written by one run while it holds the Lock of the first path,
// so that two runs writing the same outputs cannot leave one run's
// allocation beside the other's manifest: the second run fails at once
// (ErrLocked, naming the first run's pid) instead.
//
//	s, err := NewSet(force, out, manifest)
//	defer s.Close()
//	f, err := s.Create(out) ... g, err := s.Create(manifest) ...
//	err = s.Commit()
type Set struct {
	force bool
	lock  *Locked
	files []*File
	paths []string // as given to Create
}

// NewSet takes the lock of paths[0] for the run. Unless force is set, an
// existing path is an error (ErrExists), checked before the lock is taken
// and again once it is held.
func NewSet(force bool, paths ...string) (*Set, error) {
	check := func() error {
		for _, p := range paths {
			if err := CheckAbsent(p); err != nil && !force {
				return err
			}
		}
		return nil
	}
	if err := check(); err != nil {
		return nil, err
	}
	lock, err := Lock(paths[0])
	if err != nil {
		return nil, err
	}
	s := &Set{force: force, lock: lock}
	if err := check(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Create starts writing path, one of the set's files (Create).
func (s *Set) Create(path string) (*File, error) {
	f, err := Create(path, s.force)
	if err != nil {
		return nil, err
	}
	s.files, s.paths = append(s.files, f), append(s.paths, path)
	return f, nil
}

// Commit renames the files created into place, in the order they were
// created. When one fails, those after it are not committed, and the error
// names the file before it, already in place.
func (s *Set) Commit() error {
	// An interrupt waits until every file is in place: the files of a
	// set are written all or none, whatever signal comes.
	pending.whole.Lock()
	defer pending.whole.Unlock()
	for i, f := range s.files {
		if err := f.Commit(s.force); err != nil {
			if i > 0 {
				return fmt.Errorf("%s written, but not %s: %w", s.paths[i-1], s.paths[i], err)
			}
			return err
		}
	}
	return nil
}

// Close removes the files not committed and releases the lock; it can be
// deferred.
func (s *Set) Close() {
	for _, f := range s.files {
		f.Abort()
	}
	s.lock.Release()
}
