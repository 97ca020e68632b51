package rct

import (
	"io"

	"github.com/evalkit/evalkit/internal/table"
)

// RandomiseFile reads a units file from r, naming it name in errors, and
// allocates its units under s: ReadUnits then RandomiseUnits, with their
// errors, as evalkit randomise does. The file's digest (Units.SHA256) is
// computed once its id and strata columns have been read, while the
// units are laid out and randomised, on a core those leave free (table's
// ReadDigest), where ReadUnits returns only once it is done.
func RandomiseFile(r io.Reader, name string, s Settings) (*Randomisation, error) {
	o := table.OptionsOf(r)
	t, digest, err := o.ReadDigest(r, name)
	if err != nil {
		return nil, err
	}
	u := &Units{Name: name, Header: t.Header, t: t, read: o, scanned: digest.Start}
	rz, err := RandomiseUnits(u, s)
	u.SHA256, u.scanned = digest.Sum(), nil
	if err != nil {
		return nil, err
	}
	return rz, nil
}
