package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"github.com/evalkit/evalkit/rct"
)

// Lock is a plan's lock: the SHA-256 of the plan's bytes when it was
// locked, before the trial's outcomes were seen. It marshals to the JSON
// of plan.yaml.lock.json: plan (the plan's file name), sha256, locked_at
// (UTC, RFC 3339) and evalkit_version.
type Lock struct {
	Plan     string    `json:"plan"`
	SHA256   string    `json:"sha256"`
	LockedAt time.Time `json:"locked_at"`
	Version  string    `json:"evalkit_version"`
}

// LockPath returns the path of the lock of the plan at path: beside it,
// as plan.yaml.lock.json.
func LockPath(path string) string { return path + ".lock.json" }

// NewLock returns the lock of the plan file as it is now, locked at now
// (recorded in UTC, to the second) by this release of evalkit.
func (f *File) NewLock(now time.Time) *Lock {
	return &Lock{Plan: filepath.Base(f.Path), SHA256: f.SHA256, LockedAt: now.UTC().Truncate(time.Second), Version: rct.Version}
}

// Marshal returns the lock as indented JSON ending in a newline.
func (l *Lock) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(l, "", "  ")
	return append(b, '\n'), err
}

// ParseLock reads a lock, refusing unknown keys and a lock without its
// digest or time.
func ParseLock(data []byte) (*Lock, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var l Lock
	if err := dec.Decode(&l); err != nil || l.SHA256 == "" || l.LockedAt.IsZero() {
		return nil, fmt.Errorf("not an evalkit plan lock (keys plan, sha256, locked_at, evalkit_version)")
	}
	return &l, nil
}
