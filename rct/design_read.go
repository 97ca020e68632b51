package rct

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// ErrNotVerified is wrapped by ReadDesign's error when the allocation does
// not verify against its manifest (Verify).
var ErrNotVerified = errors.New("the allocation does not verify against its manifest")

// AllocatedDesign is a trial's design as evalkit randomise allocated it,
// read back from its manifest and allocation file (ReadDesign): the
// settings, and each allocated unit's id, arm, stratum, cluster and block.
// Units are indexed from 0 in allocation-file order; the slices are the
// design's own and must not be changed.
type AllocatedDesign struct {
	// Manifest is the manifest as read, and ManifestSHA256 the SHA-256
	// digest, in hexadecimal, of its bytes.
	Manifest       *Manifest
	ManifestSHA256 string
	// Settings are the manifest's flags as settings (ParseSettings): the
	// id column, the arms (the control is Arms[0]), ratio, block columns,
	// cluster, method and its options, and seed.
	Settings Settings
	// Verification is Verify's result: Verified, though its Differences
	// may name another evalkit release.
	Verification *Verification

	// ID, Arm and Stratum hold each unit's id, arm (its name) and stratum
	// (Stratum.Name, as randomise names it: "all" without block columns).
	ID, Arm, Stratum []string
	// Cluster holds each unit's cluster; nil without a cluster column.
	Cluster []string
	// BlockSeq holds each unit's block_seq, its permuted block's number
	// within its stratum (from 1); nil unless the method is Blocks.
	BlockSeq []int

	arm    []int // index into Settings.Arms
	byID   []int // units in sorted order of id
	layout *Layout
	opt    Options
}

// ReadDesign reads the manifest at manifestPath with the zero
// VerifyOptions (VerifyOptions.ReadDesign).
func ReadDesign(manifestPath string, open Opener) (*AllocatedDesign, error) {
	return VerifyOptions{}.ReadDesign(manifestPath, open)
}

// ReadDesign reads the manifest at manifestPath, verifies it (Verify) and
// reads the allocation file it records. open opens a path as the operating
// system takes it (os.Open will do): manifestPath itself, and the paths
// the manifest records resolved against manifestPath's directory
// (ResolveManifestPath), which must lie inside it unless o.AllowAbsolute:
// an absolute path, or one leading out through "..", is refused
// (ErrPathOutside) before any file it names is opened. The allocation file
// is read once, and what is verified is what is read.
//
// Errors, each prefixed with the manifest's file name: a file that cannot
// be opened or read; a manifest that ParseManifest refuses; Verify's
// errors (ErrManifestFlags, ErrPathOutside, an input that cannot be read
// or randomised);
// an allocation that does not verify, wrapping ErrNotVerified and saying
// what differs; and an allocation file without the columns that the
// settings name (as RandomiseUnits reads them), an arm or block_seq that
// is not one, which a verified file never has.
func (o VerifyOptions) ReadDesign(manifestPath string, open Opener) (*AllocatedDesign, error) {
	name := filepath.Base(manifestPath)
	data, err := readAll(open, manifestPath)
	if err != nil {
		return nil, err
	}
	m, err := ParseManifest(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := o.checkPaths(m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	dir := filepath.Dir(manifestPath)
	out, err := readAll(open, ResolveManifestPath(dir, m.Output.Path))
	if err != nil {
		return nil, fmt.Errorf("%s: the allocation file: %w", name, err)
	}
	v, err := Verify(m, func(p string) (io.ReadCloser, error) {
		if p == m.Output.Path {
			return io.NopCloser(bytes.NewReader(out)), nil
		}
		return open(ResolveManifestPath(dir, p))
	}, o)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !v.Verified {
		return nil, fmt.Errorf("%s: %w: %s", name, ErrNotVerified, strings.Join(v.Differences, "; "))
	}
	s, err := ParseSettings(m.Flags)
	if err != nil { // Verify has parsed them
		return nil, fmt.Errorf("%s: %w: %v", name, ErrManifestFlags, err)
	}
	d, err := readAllocation(s, out, filepath.Base(filepath.FromSlash(m.Output.Path)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sum := sha256.Sum256(data)
	d.Manifest, d.ManifestSHA256, d.Verification = m, hex.EncodeToString(sum[:]), v
	return d, nil
}

// readAll returns the bytes of the file at path.
func readAll(open Opener, path string) ([]byte, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// readAllocation reads an allocation file under its settings: the design
// the settings make of its columns (Units.design, Design.Lay, as
// RandomiseUnits lays them out), its arm column and, for Blocks, its
// block_seq column.
func readAllocation(s Settings, data []byte, name string) (*AllocatedDesign, error) {
	u, err := ReadUnits(table.Options{Sheet: AllocationSheet}.Reader(bytes.NewReader(data)), name)
	if err != nil {
		return nil, err
	}
	design, opt, err := u.Design(s)
	if err != nil {
		return nil, err
	}
	L, err := design.Lay()
	if err != nil {
		var ue *UnitError
		if errors.As(err, &ue) {
			return nil, &RowError{File: name, Unit: ue}
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	n := u.Rows()
	d := &AllocatedDesign{Settings: s, ID: design.ID.Values, Cluster: design.Cluster.Values, layout: L, opt: opt}
	if d.Arm, err = u.Column("arm"); err != nil {
		return nil, err
	}
	d.arm = make([]int, n)
	index := make(map[string]int, len(s.Arms))
	for j, a := range s.Arms {
		index[a] = j
	}
	for i, a := range d.Arm {
		j, ok := index[a]
		if !ok {
			return nil, &RowError{File: name, Unit: &UnitError{Row: i, Other: -1, Column: "arm", Value: a,
				Err: fmt.Errorf("not one of the arms %s", table.Clip(strings.Join(s.Arms, ", ")))}}
		}
		d.arm[i] = j
	}
	d.Stratum = make([]string, n)
	for k := range L.Strata {
		st := &L.Strata[k]
		stratum := st.Name()
		for _, i := range st.Rows {
			d.Stratum[i] = stratum
		}
	}
	if s.Method == Blocks {
		seq, err := u.Column("block_seq")
		if err != nil {
			return nil, err
		}
		d.BlockSeq = make([]int, n)
		for i, v := range seq {
			b, err := strconv.Atoi(v)
			if err != nil || b < 1 {
				return nil, &RowError{File: name, Unit: &UnitError{Row: i, Other: -1, Column: "block_seq", Value: v,
					Err: errors.New("not a block number (a whole number from 1)")}}
			}
			d.BlockSeq[i] = b
		}
	}
	d.byID, _, _ = sortIDs(d.ID) // Lay has checked that the ids are distinct
	return d, nil
}

// N returns the number of allocated units.
func (d *AllocatedDesign) N() int { return len(d.ID) }

// Index returns the index of the unit with the given id, and whether there
// is one.
func (d *AllocatedDesign) Index(id string) (int, bool) {
	k := sort.Search(len(d.byID), func(k int) bool { return d.ID[d.byID[k]] >= id })
	if k < len(d.byID) && d.ID[d.byID[k]] == id {
		return d.byID[k], true
	}
	return 0, false
}
