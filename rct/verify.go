package rct

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// ErrManifestFlags is wrapped by Verify's error when the manifest's flags
// do not make settings (ParseSettings).
var ErrManifestFlags = errors.New("the recorded flags are not valid")

// Opener opens a file that a manifest names, by the path it records
// (relative to the manifest's directory, or absolute).
type Opener func(path string) (io.ReadCloser, error)

// Verification is the result of checking an allocation against its
// manifest.
type Verification struct {
	// Verified is true when the input is the one randomised, the manifest's
	// flags re-derive the recorded output byte for byte, the output file is
	// that output, and the manifest's method, seed, generator and counts
	// are those of the re-derived allocation. A different release is a
	// difference but does not stop verification.
	Verified bool
	// InputMatches reports whether the input's digest, InputSHA256, is the
	// recorded one.
	InputMatches bool
	InputSHA256  string
	// Reproduced reports whether the re-derived allocation's digest,
	// ReproducedSHA256, is the recorded output's.
	Reproduced       bool
	ReproducedSHA256 string
	// OutputMatches reports whether the output file's digest,
	// OutputSHA256, is the recorded one; nil when the file cannot be read.
	OutputMatches *bool
	OutputSHA256  string
	// Differences says, in words, what differs from the manifest; empty
	// (not nil) when nothing does. A verified manifest without
	// fields_sha256 has one, last, starting "note:", saying that its
	// fields are not covered by a digest.
	Differences []string
}

// Verify re-derives the allocation that m records and compares it with the
// manifest and with the files, which open opens by their recorded paths:
// it reads the input (ReadUnits, named by its base name, read with the
// encoding, delimiter and sheet of m.Flags), randomises it with the
// settings of m.Flags (RandomiseUnits), and compares the digests of the
// input, the re-derived output and the output file with the recorded ones,
// and the manifest's method, seed, generator, rows and counts with the
// re-derived allocation's. For an output whose digest is of its cells
// (CellsDigest), the cells of the workbook's allocation sheet are compared
// (CellsSHA256): the workbook may have been opened and saved again, but
// not one value may have changed.
//
// Every field of the manifest is checked against its fields_sha256
// (FieldsDigest), so that the release, the time, the paths and the
// digests cannot be edited unnoticed; a manifest made before evalkit
// recorded that digest still verifies, with a last difference, a note,
// saying that its other fields are not covered.
//
// The paths the manifest records must lie inside its directory (relative,
// without ".." leading out) unless o.AllowAbsolute; open is asked for
// them as recorded (DirOpener opens them confined to the directory).
//
// Differences are reported in the Verification, not as errors. Errors: the
// manifest's flags do not make settings (wrapping ErrManifestFlags), a
// path is outside the manifest's directory (wrapping ErrPathOutside), the
// input cannot be opened or read, or it cannot be randomised with them.
func Verify(m *Manifest, open Opener, o VerifyOptions) (*Verification, error) {
	s, err := ParseSettings(m.Flags)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrManifestFlags, err)
	}
	if err := o.checkPaths(m); err != nil {
		return nil, err
	}
	v := &Verification{Differences: []string{}}
	differ := func(format string, a ...any) { v.Differences = append(v.Differences, fmt.Sprintf(format, a...)) }
	sum, err := m.FieldsDigest()
	if err != nil {
		return nil, err
	}
	fieldsMatch := m.FieldsSHA256 == "" || sum == m.FieldsSHA256
	if !fieldsMatch {
		differ("the manifest's fields have been changed since it was written (fields sha256 %s, recorded %s)", sum, m.FieldsSHA256)
	}
	if m.Version != Version {
		differ("made by evalkit %s, checked with %s", m.Version, Version)
	}
	in, err := inputOptions(m.Flags)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrManifestFlags, err)
	}
	f, err := open(m.Input.Path)
	if err != nil {
		return nil, err
	}
	u, err := ReadUnits(in.Reader(f), filepath.Base(filepath.FromSlash(m.Input.Path)))
	f.Close()
	if err != nil {
		return nil, err
	}
	r, err := RandomiseUnits(u, s)
	if err != nil {
		return nil, err
	}
	v.InputSHA256 = u.SHA256
	v.InputMatches = u.SHA256 == m.Input.SHA256
	if !v.InputMatches {
		differ("input %s has changed since it was randomised (sha256 %s, recorded %s)", table.Clip(m.Input.Path), u.SHA256, m.Input.SHA256)
	}
	cells := m.Output.SHA256Of == CellsDigest
	if !cells && m.Output.SHA256Of != "" {
		differ("the manifest records a digest of the output's %q, which this release does not know", table.Clip(m.Output.SHA256Of))
	}
	digest, readOutput, what := r.WriteCSV, FileSHA256, "output file %s has been changed since it was written (sha256 %s, recorded %s)"
	if cells {
		digest = func(io.Writer) (string, error) { return r.CellsSHA256() }
		readOutput, what = readerCellsSHA256, "the cells of the output workbook %s have been changed since it was written (cells sha256 %s, recorded %s)"
	}
	if v.ReproducedSHA256, err = digest(io.Discard); err != nil {
		return nil, err
	}
	v.Reproduced = v.ReproducedSHA256 == m.Output.SHA256
	if !v.Reproduced {
		differ("re-derived allocation differs from the recorded one (sha256 %s, recorded %s)", v.ReproducedSHA256, m.Output.SHA256)
	}
	if sum, err := readOutput(open, m.Output.Path); err == nil {
		ok := sum == m.Output.SHA256
		v.OutputMatches, v.OutputSHA256 = &ok, sum
		if !ok {
			differ(what, table.Clip(m.Output.Path), sum, m.Output.SHA256)
		}
	} else {
		differ("output file %s cannot be read: %v", table.Clip(m.Output.Path), err)
	}
	recorded := r.recordDiffers(m)
	v.Differences = append(v.Differences, recorded...)
	v.Verified = v.InputMatches && v.Reproduced && v.OutputMatches != nil && *v.OutputMatches && len(recorded) == 0 &&
		(cells || m.Output.SHA256Of == "") && fieldsMatch
	if v.Verified && m.FieldsSHA256 == "" {
		differ("note: the manifest has no fields_sha256 (it was made before evalkit recorded one), so its release, time and other fields are not covered by a digest")
	}
	return v, nil
}

// FileSHA256 returns the SHA-256 digest, in hexadecimal, of the file at
// path opened by open (os.Open will do), as manifests and reports record
// it.
func FileSHA256(open Opener, path string) (string, error) {
	f, err := open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// readerCellsSHA256 returns the digest of the cells of the allocation
// sheet of the workbook at path (table.Table.CellsSHA256).
func readerCellsSHA256(open Opener, path string) (string, error) {
	f, err := open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	t, err := table.Options{Sheet: AllocationSheet}.Read(f, filepath.Base(filepath.FromSlash(path)))
	if err != nil {
		return "", err
	}
	return t.CellsSHA256(), nil
}

// countsText writes counts by arm as a person reads them, "control 20,
// treatment 20": the arms in their order, then any other names the counts
// hold, sorted; "none" when there are none.
func countsText(arms []string, counts map[string]int) string {
	names := slices.Clone(arms)
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		if !slices.Contains(arms, k) {
			names = append(names, k)
		}
	}
	var parts []string
	for _, k := range names {
		if n, ok := counts[k]; ok {
			label := table.Clip(k)
			if q := strconv.Quote(label); q[1:len(q)-1] != label {
				label = q // control characters, quotes: shown escaped
			}
			parts = append(parts, fmt.Sprintf("%s %d", label, n))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// recordDiffers lists the manifest's recorded facts (method, seed,
// generator, counts) that differ from those of the re-derived allocation,
// so that a manifest edited by hand cannot pass verification.
func (r *Randomisation) recordDiffers(m *Manifest) []string {
	var diffs []string
	differ := func(what string, recorded, derived any) {
		if !reflect.DeepEqual(recorded, derived) {
			if s, ok := recorded.(string); ok {
				recorded = table.Clip(s) // the manifest's, which may be huge
			}
			diffs = append(diffs, fmt.Sprintf("the manifest records %s %v, the recorded flags give %v", what, recorded, derived))
		}
	}
	a, rows := r.Allocation, r.Units.Rows()
	differ("method", m.Method, a.Method.String())
	differ("seed", m.Seed, r.Settings.Seed)
	differ("generator", m.Generator, Generator)
	differ("n", m.N, rows)
	differ("input rows", m.Input.Rows, rows)
	differ("output rows", m.Output.Rows, rows)
	if derived := ArmCounts(a.Arms, a.Counts); !reflect.DeepEqual(m.Counts, derived) {
		diffs = append(diffs, fmt.Sprintf("the manifest records counts %s, the recorded flags give %s", countsText(a.Arms, m.Counts), countsText(a.Arms, derived)))
	}
	strata := a.ManifestStrata()
	if (len(m.Strata) != 0 || len(strata) != 0) && !reflect.DeepEqual(m.Strata, strata) {
		diffs = append(diffs, "the manifest's counts by stratum differ from those the recorded flags give")
	}
	return diffs
}
