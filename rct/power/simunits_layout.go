package power

import (
	"errors"
	"fmt"

	"github.com/evalkit/evalkit/rct"
)

// unitsLayout lays out the design that s names in the units file u, as
// rct.RandomiseUnits does for evalkit randomise, and returns it with the
// randomisation options. Errors: the rct.SettingsError of the settings (and
// one for --arms unless there are exactly two); a file without rows; a
// column the file does not have; the design's errors, a unit's as an
// rct.RowError naming the file, row and column, others prefixed with the
// file's name.
func unitsLayout(u *rct.Units, s rct.Settings) (*rct.Layout, rct.Options, error) {
	var opt rct.Options
	if u == nil || u.Header == nil {
		return nil, opt, fmt.Errorf("%w: no units (read them with rct.ReadUnits)", ErrSimulation)
	}
	if _, err := rct.ParseSettings(s.Flags()); err != nil {
		return nil, opt, err
	}
	if len(s.Arms) != 2 {
		return nil, opt, &rct.SettingsError{Flag: "arms", Msg: fmt.Sprintf("--arms: power simulate compares two arms, control then treatment, not %d", len(s.Arms))}
	}
	if u.Rows() == 0 {
		return nil, opt, fmt.Errorf("%s: no units (the file has a header and no rows)", u.Name)
	}
	d, opt, err := u.Design(s)
	if err == nil {
		err = u.CheckMissing(d)
	}
	if err != nil {
		return nil, opt, err
	}
	L, err := d.Lay()
	if err == nil {
		// A design that cannot be randomised fails here, once.
		_, err = L.Randomise(opt, rct.NewStream(s.Seed, 0))
	}
	var ue *rct.UnitError
	switch {
	case errors.As(err, &ue):
		return nil, opt, &rct.RowError{File: u.Name, Unit: ue}
	case err != nil:
		return nil, opt, fmt.Errorf("%s: %w", u.Name, err)
	}
	return L, opt, nil
}
