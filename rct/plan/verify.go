package plan

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"time"
)

// ErrDigest is wrapped by Verify's errors for files whose SHA-256 digests
// disagree with their records, or that are not there to be checked.
var ErrDigest = errors.New("the digests disagree")

// Verify checks the plan file called name in fsys (a slash-separated
// fs.FS name): that its bytes have the SHA-256 want (when want is not ""),
// that they are the bytes its lock beside it records (when it has one),
// and that the manifest and the power result it records, relative to its
// folder, are the files it was made from. It returns the plan, nil when
// the file cannot be read or is not a plan (the error then says why), and
// an error wrapping ErrDigest that names the files when a digest
// disagrees or a recorded file is not there.
func Verify(fsys fs.FS, name, want string) (*Plan, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	p, err := Parse(data)
	if err != nil {
		return nil, err
	}
	if got := digest(data); want != "" && got != want {
		return p, digestErrorf("%s has changed (sha256 then %s, now %s)", name, want, got)
	}
	if lock, err := fs.ReadFile(fsys, LockPath(name)); err == nil {
		l, err := ParseLock(lock)
		if err != nil {
			return p, digestErrorf("%s: %v", LockPath(name), err)
		}
		if got := digest(data); l.SHA256 != got {
			return p, digestErrorf("%s %v %s (locked %s with sha256 %s, now %s)", name, ErrChanged, LockPath(name), l.LockedAt.Format(time.RFC3339), l.SHA256, got)
		}
	}
	files := [][2]string{{p.Design.Manifest, p.Design.SHA256}}
	if p.Power != nil {
		files = append(files, [2]string{p.Power.File, p.Power.SHA256})
	}
	for _, f := range files {
		got, err := fs.ReadFile(fsys, fsName(name, f[0]))
		switch {
		case err != nil:
			return p, digestErrorf("%s records %s, which is not there", name, f[0])
		case digest(got) != f[1]:
			return p, digestErrorf("%s has changed since %s recorded it (sha256 then %s, now %s)", f[0], name, f[1], digest(got))
		}
	}
	return p, nil
}

// digestError is an error of Verify that wraps ErrDigest.
type digestError struct{ msg string }

func (e *digestError) Error() string { return e.msg }
func (e *digestError) Unwrap() error { return ErrDigest }

func digestErrorf(format string, a ...any) error {
	return &digestError{msg: fmt.Sprintf(format, a...)}
}

// fsName is the fs.FS name of the file that the plan called name records
// as rec: relative to the plan's folder, or, when absolute, rec itself.
func fsName(name, rec string) string {
	if filepath.IsAbs(rec) || path.IsAbs(filepath.ToSlash(rec)) {
		return filepath.ToSlash(rec)
	}
	return path.Join(path.Dir(name), filepath.ToSlash(rec))
}
