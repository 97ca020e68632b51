package lifecycle

import (
	"io/fs"
	"os"
	"path/filepath"
)

// LinkDir returns the folder dir on disk as an fs.FS for CheckLinks, which
// resolves links as evalkit lifecycle does: relative to dir, and, unlike
// os.DirFS, also those that climb out of it (../results/power.json) and
// absolute ones, which it opens as the operating system would. Names are
// slash-separated, as links are written.
//
// It reads the disk only under the names CheckLinks gives it; use
// os.DirFS(dir) instead to keep the check inside dir.
func LinkDir(dir string) fs.FS { return linkDir(dir) }

// linkDir is the folder of LinkDir.
type linkDir string

// path is name resolved against the folder, or name when it is absolute.
func (d linkDir) path(name string) string {
	p := filepath.FromSlash(name)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(string(d), p)
}

// Open opens the file called name.
func (d linkDir) Open(name string) (fs.File, error) {
	f, err := os.Open(d.path(name))
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Stat describes the file called name, following symbolic links.
func (d linkDir) Stat(name string) (fs.FileInfo, error) { return os.Stat(d.path(name)) }

// ReadFile reads the file called name.
func (d linkDir) ReadFile(name string) ([]byte, error) { return os.ReadFile(d.path(name)) }
