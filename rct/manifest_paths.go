package rct

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/evalkit/evalkit/internal/table"
)

// ErrPathOutside is wrapped by Verify's and ReadDesign's error when the
// manifest names a file outside its own directory and that is not allowed
// (VerifyOptions.AllowAbsolute).
var ErrPathOutside = errors.New("the manifest names a file outside its directory (absolute, or leading out through \"..\"), which is not read unless allowed; keep the files the manifest names in its directory")

// VerifyOptions are Verify's options; the zero value is the safe one.
type VerifyOptions struct {
	// AllowAbsolute lets a manifest name its input and output anywhere: by
	// an absolute path, or by a relative one that leads out of the
	// manifest's directory through "..". Without it, such a path is an
	// error (ErrPathOutside), so that a manifest received from someone
	// else cannot make Verify read, say, /etc/passwd.
	AllowAbsolute bool
}

// checkPaths returns an error wrapping ErrPathOutside unless every path m
// records lies inside the manifest's directory, judged on the path alone
// (filepath.IsLocal), or o allows any path. An empty path is an error.
func (o VerifyOptions) checkPaths(m *Manifest) error {
	for _, f := range []struct{ what, path string }{{"input", m.Input.Path}, {"output", m.Output.Path}} {
		switch {
		case f.path == "":
			return fmt.Errorf("the manifest records no path for the %s", f.what)
		case !o.AllowAbsolute && !filepath.IsLocal(filepath.FromSlash(f.path)):
			return fmt.Errorf("%s %q: %w", f.what, table.Clip(f.path), ErrPathOutside)
		}
	}
	return nil
}

// ResolveManifestPath returns the path p, as a manifest in the directory
// dir records it (slash-separated, relative to dir), as the operating
// system takes it: joined to dir, or as it is when absolute.
func ResolveManifestPath(dir, p string) string {
	if p := filepath.FromSlash(p); filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

// DirOpener returns an Opener of the paths that a manifest in the
// directory dir records. Unless o.AllowAbsolute, it opens them through
// os.Root, so that neither ".." nor a symbolic link leads out of dir;
// with it, it opens ResolveManifestPath(dir, p).
func DirOpener(dir string, o VerifyOptions) Opener {
	if o.AllowAbsolute {
		return func(p string) (io.ReadCloser, error) { return os.Open(ResolveManifestPath(dir, p)) }
	}
	return func(p string) (io.ReadCloser, error) {
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, err
		}
		defer root.Close()
		return root.Open(filepath.FromSlash(p))
	}
}
