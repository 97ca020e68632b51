package rct

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// Randomisation is a units file allocated under settings: what an
// allocation file and its manifest are written from.
type Randomisation struct {
	// Settings are the settings used.
	Settings Settings
	// Units is the units file.
	Units *Units
	// Allocation holds each unit's (row's) arm and the counts.
	Allocation *Allocation
}

// RandomiseUnits allocates the units of u under s, as evalkit randomise
// does: the design is the columns s names, the generator NewRand(s.Seed).
//
// Errors: the SettingsError that ParseSettings(s.Flags()) gives; a file
// without rows; a file that already has a column the allocation adds (arm,
// and block_seq and block_size for Blocks); a column the file does not
// have; and the design's errors (Design.Lay, Layout.Randomise), a unit's
// as a RowError naming the file, row and column, others prefixed with the
// file's name.
func RandomiseUnits(u *Units, s Settings) (*Randomisation, error) {
	if u == nil || u.t == nil {
		return nil, errNotRead
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	if u.Rows() == 0 {
		return nil, fmt.Errorf("%s: no units to randomise (the file has a header and no rows)", u.Name)
	}
	for _, c := range []string{"arm", "block_seq", "block_size"} {
		if u.Has(c) && (c == "arm" || s.Method == Blocks) {
			return nil, fmt.Errorf("%s: already has a column %q, which the output adds; rename it", u.Name, c)
		}
	}
	d, opt, err := u.design(s, true)
	if err != nil {
		return nil, err
	}
	// One reading of the id, strata and cluster columns finds the missing
	// values, which are the error whatever else is wrong, and what
	// laying out the design needs of them.
	sc := u.scanDesign(d)
	if u.scanned != nil {
		u.scanned()
	}
	if sc.missing != nil {
		return nil, sc.missing
	}
	a, err := randomise(d, opt, s.Seed, sc)
	if err != nil {
		var ue *UnitError
		if errors.As(err, &ue) {
			return nil, &RowError{File: u.Name, Unit: ue}
		}
		return nil, fmt.Errorf("%s: %w", u.Name, err)
	}
	return &Randomisation{Settings: s, Units: u, Allocation: a}, nil
}

// missingError is a missing value of the contract where a unit needs a
// value; errors.Is finds its cause: ErrEmptyID, ErrEmptyStratum or
// ErrEmptyCluster.
type missingError struct {
	what  string
	cause error
}

func (e *missingError) Error() string {
	return "a missing value (NA, NaN, ., null or #N/A) as " + e.what
}

func (e *missingError) Unwrap() error { return e.cause }

// CheckMissing refuses, as a RowError, a unit whose id, stratum value or
// cluster in d, a design of u's columns (Design), is one of the contract's
// missing values (table.IsMissing) other than the empty field, which the
// design refuses itself: analyse reads them as missing, so randomise (and
// power simulate, which lays out the design randomise would) does not take
// them for an id, a stratum or a cluster.
func (u *Units) CheckMissing(d *Design) error {
	for _, c := range missingChecks(d) {
		for i := range c.col.len() {
			if v := c.col.at(i); v != "" && table.IsMissing(v) {
				return c.error(u, i)
			}
		}
	}
	return nil
}

// missingCheck is a column that CheckMissing reads, and what it holds.
type missingCheck struct {
	col  Column
	what string
	err  error
}

// missingChecks returns the columns of d that CheckMissing reads, in the
// order it reads them: the id, the strata, the cluster.
func missingChecks(d *Design) []missingCheck {
	checks := []missingCheck{{d.ID, "an id: give every unit one", ErrEmptyID}}
	for _, c := range d.Strata {
		checks = append(checks, missingCheck{c, "a stratum value: fill it in, or leave the unit out", ErrEmptyStratum})
	}
	if d.Cluster.has() {
		checks = append(checks, missingCheck{d.Cluster, "a cluster: give every unit its cluster", ErrEmptyCluster})
	}
	return checks
}

// error returns CheckMissing's error for the missing value of unit i.
func (c missingCheck) error(u *Units, i int) error {
	return &RowError{File: u.Name, Unit: &UnitError{Row: i, Other: -1, Column: c.col.Name, Value: c.col.at(i), Err: &missingError{c.what, c.err}}}
}

// Design returns the design and the randomisation options that settings
// s give the units' columns (as RandomiseUnits and ReadDesign lay them
// out), or an error naming the first column the file does not have.
func (u *Units) Design(s Settings) (*Design, Options, error) { return u.design(s, false) }

// design is Design, the id, strata and cluster columns read from the table
// a cell at a time when inTable is set (Column.at), as RandomiseUnits lays
// them out without making a string per unit and column.
func (u *Units) design(s Settings, inTable bool) (*Design, Options, error) {
	var err error
	col := func(name string, inTable bool) Column {
		if j := slices.Index(u.t.Header, name); inTable && j >= 0 {
			return Column{Name: name, t: u.t, j: j}
		}
		v, cerr := u.Column(name)
		if cerr != nil && err == nil {
			err = cerr
		}
		return Column{Name: name, Values: v}
	}
	d := &Design{ID: col(s.ID, inTable), Arms: s.Arms, Ratio: s.Ratio}
	for _, b := range s.Block {
		d.Strata = append(d.Strata, col(b, inTable))
	}
	if s.Cluster != "" {
		d.Cluster = col(s.Cluster, inTable)
	}
	opt := Options{Method: s.Method, BlockSizes: s.BlockSizes, MinimiseProb: s.MinimiseProb}
	for _, f := range s.Factors {
		opt.Factors = append(opt.Factors, col(f, false))
	}
	return d, opt, err
}

// RowError is a UnitError in a units file, reported with the file's name
// and the rows as a spreadsheet counts them (the header being row 1, so
// unit i is row i+2):
//
//	units.csv: row 5, column "unit_id": "002": duplicate id (first seen at row 3)
type RowError struct {
	// File is the file's name.
	File string
	// Unit is the design's error.
	Unit *UnitError
}

func (e *RowError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: row %d", e.File, e.Unit.Row+2)
	if e.Unit.Column != "" {
		fmt.Fprintf(&b, ", column %q", table.Clip(e.Unit.Column))
	}
	if e.Unit.Value != "" {
		fmt.Fprintf(&b, ": %q", table.Clip(e.Unit.Value))
	}
	b.WriteString(": " + e.Unit.Err.Error())
	if e.Unit.Other >= 0 {
		fmt.Fprintf(&b, " (first seen at row %d)", e.Unit.Other+2)
	}
	return b.String()
}

// Unwrap returns the UnitError, so that errors.Is finds its cause.
func (e *RowError) Unwrap() error { return e.Unit }
