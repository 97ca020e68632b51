package plan

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/evalkit/evalkit/rct/analysis"
)

// ErrChanged is wrapped by File.Check's error for a plan that differs from
// its lock.
var ErrChanged = errors.New("differs from its lock")

// File is a plan as read from its file, with its lock.
type File struct {
	// Path is the plan's path as given, Plan what it holds and SHA256 the
	// digest of its bytes in hexadecimal.
	Path   string
	Plan   *Plan
	SHA256 string
	// Lock is the plan's lock, read from LockPath(Path); nil when there
	// is none.
	Lock *Lock
}

// Read reads and parses the plan file at path and its lock, if there is
// one, with read (os.ReadFile will do). Errors name the file.
func Read(path string, read func(string) ([]byte, error)) (*File, error) {
	data, err := read(path)
	if err != nil {
		return nil, err
	}
	p, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f := &File{Path: path, Plan: p, SHA256: digest(data)}
	lock, err := read(LockPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err == nil {
		f.Lock, err = ParseLock(lock)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", LockPath(path), err)
	}
	return f, nil
}

// Changed reports whether the plan differs from its lock (false without
// a lock).
func (f *File) Changed() bool { return f.Lock != nil && f.Lock.SHA256 != f.SHA256 }

// Check returns an error wrapping ErrChanged, naming the plan and its
// lock, when the plan differs from its lock, unless allowChanged.
func (f *File) Check(allowChanged bool) error {
	if !f.Changed() || allowChanged {
		return nil
	}
	return fmt.Errorf("%s %w %s (locked %s with sha256 %s; it now has %s); --allow-changed-plan analyses it as it is now, recording the change",
		f.Path, ErrChanged, LockPath(f.Path), f.Lock.LockedAt.Format(time.RFC3339), f.Lock.SHA256, f.SHA256)
}

// Manifest returns the path of the plan's design manifest as the
// operating system takes it: the plan's record, relative to the plan's
// folder.
func (f *File) Manifest() string { return resolve(filepath.Dir(f.Path), f.Plan.Design.Manifest) }

// Info returns what an analysis records of the plan.
func (f *File) Info() *analysis.PlanInfo {
	info := &analysis.PlanInfo{File: f.Path, SHA256: f.SHA256, Changed: f.Changed()}
	if f.Lock != nil {
		t := f.Lock.LockedAt
		info.LockedAt = &t
	}
	return info
}

// warnings returns the warnings of an analysis under the plan:
// plan_changed for a plan that differs from its lock, plan_unlocked for
// one without a lock.
func (f *File) warnings() []string {
	switch {
	case f.Lock == nil:
		return []string{fmt.Sprintf("plan_unlocked: %s has no lock (%s); lock it with evalkit plan lock before the outcomes are seen, so that the analysis is shown to be pre-specified", f.Path, filepath.Base(LockPath(f.Path)))}
	case f.Changed():
		return []string{fmt.Sprintf("plan_changed: %s differs from its lock %s of %s (sha256 %s, now %s); it was analysed as it is now",
			f.Path, filepath.Base(LockPath(f.Path)), f.Lock.LockedAt.Format(time.RFC3339), f.Lock.SHA256, f.SHA256)}
	}
	return nil
}

// Flags returns the flags of evalkit analyse that ask for the plan's
// primary analysis: --design (Manifest), --outcome, and the settings the
// plan gives, each only where analyse takes it (--model for a count or the
// multilevel model, --exposure for a count).
func (f *File) Flags() []string {
	p, o := f.Plan, f.Plan.Primary
	args := []string{"--design", f.Manifest(), "--outcome", o.Outcome}
	add := func(flag, v string, ok bool) {
		if v != "" && ok {
			args = append(args, "--"+flag, v)
		}
	}
	count := o.Type == "count"
	add("type", o.Type, o.Type != "auto")
	add("covariates", strings.Join(p.Covariates, ","), true)
	add("model", p.Model, count || p.Model == "multilevel")
	add("exposure", p.Exposure, count)
	add("level", strconv.FormatFloat(p.Level, 'g', -1, 64), p.Level != 0)
	add("adjust", p.Adjust, true)
	add("se", p.SE, true)
	add("permutations", string(p.Permutations), true)
	if p.Seed != nil {
		add("seed", strconv.FormatUint(*p.Seed, 10), true)
	}
	add("subgroup", p.Subgroup, true)
	add("received", p.Received, true)
	return args
}
