package lifecycle

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/evalkit/evalkit/rct"
)

// manifestCheck is what verifying one linked allocation manifest found.
type manifestCheck struct {
	// readable is true when the file is a manifest rct.ParseManifest
	// reads; size is then what it allocated.
	readable bool
	size     *SampleSize
	// reason is why it does not verify, to follow the link's path
	// ("does not verify: ..."), or "" when it verifies.
	reason string
}

// verifyManifest checks the allocation manifest data, linked as name in
// fsys, as evalkit randomise verify does (rct.Verify): the files it
// records are opened relative to the manifest's folder in fsys (or by
// their absolute path), the allocation is re-derived and compared with the
// manifest and the files.
func verifyManifest(fsys fs.FS, name string, data []byte) manifestCheck {
	m, err := rct.ParseManifest(data)
	if err != nil {
		return manifestCheck{reason: "cannot be verified: " + oneLine(err.Error())}
	}
	c := manifestCheck{readable: true, size: manifestSize(m)}
	open := func(recorded string) (io.ReadCloser, error) {
		f, err := fsys.Open(manifestFile(name, recorded))
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, fmt.Errorf("cannot open %s: %w", recorded, err)
		}
		return f, nil
	}
	v, err := rct.Verify(m, open, rct.VerifyOptions{AllowAbsolute: true}) // fsys confines what open reaches
	switch {
	case err != nil:
		c.reason = "does not verify: " + oneLine(err.Error())
	case !v.Verified:
		c.reason = "does not verify: " + oneLine(strings.Join(v.Differences, "; "))
	}
	return c
}

// manifestFile is the name in the link's fs.FS of a file that the manifest
// called name records: relative to the manifest's folder, or, when
// absolute, the path itself (slash-separated, as LinkDir opens it).
func manifestFile(name, recorded string) string {
	if filepath.IsAbs(recorded) || path.IsAbs(filepath.ToSlash(recorded)) {
		return filepath.ToSlash(recorded)
	}
	return path.Join(path.Dir(name), filepath.ToSlash(recorded))
}
