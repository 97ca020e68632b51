package rct

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"time"

	"github.com/evalkit/evalkit/internal/table"
)

// ManifestPath returns the path of the manifest written beside the
// allocation file at out: out + ".manifest.json".
func ManifestPath(out string) string { return out + ".manifest.json" }

// ManifestOptions are what a manifest records beyond the randomisation:
// where the files are, the output's digest, the flags and the time.
type ManifestOptions struct {
	// Input and Output are the paths of the units file and the allocation
	// file, as given. The manifest, at ManifestPath(Output), records the
	// input's path relative to its own directory (slash-separated) and the
	// output's base name, so that a directory can be moved as a whole.
	Input, Output string
	// OutputSHA256 is the digest that WriteAllocation (WriteCSV, or
	// WriteXLSX for an Output that is a workbook) returned.
	OutputSHA256 string
	// Flags are the settings as flags, recorded as given; they must give
	// the randomisation's settings (ParseSettings). Nil means
	// Settings.Flags() with "in" and "out" set to Input and Output, and
	// "encoding", "delimiter" and "sheet" to how ReadUnits read the input.
	Flags map[string]string
	// Created is the time of creation, recorded in UTC.
	Created time.Time
}

// Manifest returns the randomisation's manifest, its FieldsSHA256 set
// (FieldsDigest). It is an error if o.Flags do not give r.Settings, so
// that a manifest always re-derives its allocation, or if a path cannot be
// made absolute.
func (r *Randomisation) Manifest(o ManifestOptions) (*Manifest, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	if o.Input == "" || o.Output == "" || o.OutputSHA256 == "" {
		return nil, errors.New("rct: a manifest needs the input's and the output's paths and the output's SHA-256 (from WriteAllocation)")
	}
	flags := o.Flags
	if flags == nil {
		flags = r.Settings.Flags()
		flags["in"], flags["out"] = o.Input, o.Output
		in := r.Units.read
		flags["encoding"], flags["delimiter"], flags["sheet"] = in.Encoding.String(), in.Delimiter.String(), in.Sheet
	} else {
		s, err := ParseSettings(flags)
		if err != nil {
			return nil, fmt.Errorf("rct: the manifest's flags: %w", err)
		}
		if !s.equal(r.Settings) {
			return nil, fmt.Errorf("%w: the manifest's flags do not give the randomisation's settings", ErrDesign)
		}
		flags = maps.Clone(flags)
	}
	dir, err := filepath.Abs(filepath.Dir(ManifestPath(o.Output)))
	if err != nil {
		return nil, err
	}
	in, err := filepath.Abs(o.Input)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(dir, in)
	if err != nil {
		rel = in
	}
	a, rows := r.Allocation, r.Units.Rows()
	m := &Manifest{
		Version:   Version,
		Generator: Generator,
		Method:    a.Method.String(),
		Seed:      r.Settings.Seed,
		Flags:     flags,
		Input:     ManifestFile{Path: filepath.ToSlash(rel), SHA256: r.Units.SHA256, Rows: rows},
		Output:    ManifestFile{Path: filepath.Base(o.Output), SHA256: o.OutputSHA256, Rows: rows, SHA256Of: outputDigest(o.Output)},
		N:         rows,
		Counts:    ArmCounts(a.Arms, a.Counts),
		Strata:    a.ManifestStrata(),
		Created:   o.Created.UTC().Format(time.RFC3339),
	}
	if m.FieldsSHA256, err = m.FieldsDigest(); err != nil {
		return nil, err
	}
	return m, nil
}

// outputDigest returns what an output file's digest is of: its cells for a
// workbook, its bytes ("") otherwise.
func outputDigest(path string) string {
	if table.IsWorkbook(path) {
		return CellsDigest
	}
	return ""
}

// ManifestStrata returns the allocation's counts by stratum and arm, as a
// manifest records them; nil when there are no strata.
func (a *Allocation) ManifestStrata() []ManifestStratum {
	var out []ManifestStratum
	for _, s := range a.Strata {
		out = append(out, ManifestStratum{Stratum: s.Stratum, N: s.N, Counts: ArmCounts(a.Arms, s.Counts)})
	}
	return out
}
