package rct

import (
	"github.com/evalkit/evalkit/internal/table"
)

// scan is what one reading of a design's id, stratum and cluster columns,
// each a column of one table, gives: what checkIDs, stratumIndex and
// Units.CheckMissing find by reading them a column at a time. Each row's
// line is read once for all the columns (table.Picker), the rows in two
// halves on two cores when there are many. A layout (layScanned) takes
// its slices, and changes them: a scan is laid out once.
type scan struct {
	// keys holds each id's key (idKey), 0 for an empty id; increasing
	// and short report that the ids increase strictly and that each is
	// at most idKeyBytes bytes without a NUL byte (when none is empty).
	keys              []int
	increasing, short bool
	// digits, when not 0, is the length of every id, each that many
	// decimal digits and short (digitID).
	digits int
	// emptyID is the first unit with an empty id, or -1.
	emptyID int
	// stratumOf and strata are stratumIndex's, unless emptyStratum, the
	// first unit with an empty stratum value (in column emptyColumn of
	// the strata), is not -1.
	stratumOf                 []int32
	strata                    [][]string
	emptyStratum, emptyColumn int
	// missing is CheckMissing's error, or nil.
	missing error
}

// scanPart is a scan of rows lo to hi-1, its strata numbered on their
// own.
type scanPart struct {
	lo, hi                    int
	increasing, short         bool
	digits                    int // -1 before the first id
	firstID, lastID           string
	emptyID                   int
	emptyStratum, emptyColumn int
	// missing holds, for each column (the id, the strata, the cluster),
	// the first row with a missing value (table.IsMissing, not empty), or
	// -1.
	missing []int
	// index numbers the strata by their values (stratumKey), in order of
	// first appearance; keys holds each stratum's values.
	index *valueCodes
	keys  [][]string
}

// scanParallelRows is the least number of rows that scanDesign reads in
// two halves.
const scanParallelRows = 1 << 14

// scanDesign reads the columns of d, a design of u's columns as
// u.design(s, true) makes it (ID, Strata and any Cluster columns of u's
// table).
func (u *Units) scanDesign(d *Design) *scan {
	n := d.ID.len()
	checks := missingChecks(d)
	idx := make([]int, len(checks))
	for k, c := range checks {
		idx[k] = c.col.j
	}
	pick := u.t.Picker(idx)
	sc := &scan{keys: make([]int, n), stratumOf: make([]int32, n), emptyID: -1, emptyStratum: -1}
	parts := []*scanPart{{lo: 0, hi: n}}
	if n >= scanParallelRows {
		parts = []*scanPart{{lo: 0, hi: n / 2}, {lo: n / 2, hi: n}}
	}
	each(len(parts), func(k int) { sc.read(parts[k], pick, len(d.Strata), len(checks)) })
	sc.merge(parts, len(d.Strata))
	sc.missing = u.missingOf(parts, checks)
	return sc
}

// read scans rows p.lo to p.hi-1: the id is column 0 of pick, the nStrata
// strata columns 1 to nStrata, and any cluster after them.
func (sc *scan) read(p *scanPart, pick *table.Picker, nStrata, ncols int) {
	// The rows' findings are kept in local variables, not in p, whose
	// memory may share a cache line with the other part's.
	increasing, short, emptyID, emptyStratum, emptyColumn := true, true, -1, -1, 0
	digits := -1
	missing := make([]int, ncols)
	for k := range missing {
		missing[k] = -1
	}
	// Several strata columns are joined in buf, which the map finds
	// without making a string.
	index, keys, stratumOf := newValueCodes(nStrata > 1), sc.keys, sc.stratumOf
	var strata [][]string
	vals := make([]string, ncols)
	var buf []byte
	first, prev := "", ""
	for i := p.lo; i < p.hi; i++ {
		pick.Row(i, vals)
		for k, v := range vals {
			if missing[k] < 0 && v != "" && table.IsMissing(v) {
				missing[k] = i
			}
		}
		if v := vals[0]; v == "" {
			if emptyID < 0 {
				emptyID = i
			}
		} else {
			c := idChunk(v, 0)
			keys[i] = int(uint(c >> (64 - 8*idKeyBytes))) // idKey(v)
			if prev == "" {
				first = v
			} else {
				increasing = increasing && prev < v
			}
			short = short && len(v) <= idKeyBytes && !hasZeroByte(c|^uint64(0)>>(8*len(v)))
			switch {
			case digits == -1 && len(v) <= idKeyBytes && digitID(c, len(v)):
				digits = len(v)
			case digits != len(v) || !digitID(c, len(v)):
				digits = 0
			}
			prev = v
		}
		if nStrata == 0 || emptyStratum >= 0 {
			continue
		}
		for k, v := range vals[1 : 1+nStrata] {
			if v == "" {
				emptyStratum, emptyColumn = i, k
				break
			}
		}
		if emptyStratum >= 0 {
			continue
		}
		var s int32
		var ok bool
		if nStrata == 1 {
			s, ok = index.find(vals[1])
		} else {
			buf = appendStratumKey(buf[:0], vals[1:1+nStrata])
			s, ok = index.long[string(buf)] // no allocation for a lookup
		}
		if !ok {
			name := vals[1]
			if nStrata > 1 {
				name = string(buf)
			}
			s = int32(len(strata))
			index.add(name, s)
			strata = append(strata, append([]string(nil), vals[1:1+nStrata]...))
		}
		stratumOf[i] = s
	}
	p.increasing, p.short, p.emptyID, p.emptyStratum, p.emptyColumn = increasing, short, emptyID, emptyStratum, emptyColumn
	p.digits = digits
	p.missing, p.index, p.keys, p.firstID, p.lastID = missing, index, strata, first, prev
}

// merge joins the parts' findings, in order: the first empty id and
// stratum value are the first part's with one, the ids increase when they
// do within each part and across its ends, and the strata of a later part
// are numbered after the earlier ones' (in order of first appearance).
func (sc *scan) merge(parts []*scanPart, nStrata int) {
	sc.increasing, sc.short, sc.digits = true, true, parts[0].digits
	for k, p := range parts {
		if p.digits != sc.digits {
			sc.digits = 0
		}
		if sc.emptyID < 0 {
			sc.emptyID = p.emptyID
		}
		if sc.emptyStratum < 0 {
			sc.emptyStratum, sc.emptyColumn = p.emptyStratum, p.emptyColumn
		}
		sc.increasing = sc.increasing && p.increasing && (k == 0 || parts[k-1].lastID < p.firstID)
		sc.short = sc.short && p.short
	}
	if nStrata == 0 {
		if len(sc.keys) > 0 {
			sc.strata = [][]string{nil}
		}
		return
	}
	if sc.emptyStratum >= 0 {
		return
	}
	first := parts[0]
	for _, p := range parts[1:] {
		to := make([]int32, len(p.keys))
		var buf []byte
		for s, key := range p.keys {
			name := key[0]
			if nStrata > 1 {
				buf = appendStratumKey(buf[:0], key)
				name = string(buf)
			}
			g, ok := first.index.find(name)
			if !ok {
				g = int32(len(first.keys))
				first.index.add(name, g)
				first.keys = append(first.keys, key)
			}
			to[s] = g
		}
		for i := p.lo; i < p.hi; i++ {
			sc.stratumOf[i] = to[sc.stratumOf[i]]
		}
	}
	sc.strata = first.keys
}

// digitKeys turns the keys of ids of sc.digits decimal digits into the
// numbers they write (digitValue), in two halves on two cores when there
// are many.
func (sc *scan) digitKeys() {
	conv := func(keys []int) {
		for i, k := range keys {
			keys[i] = digitValue(k, sc.digits)
		}
	}
	halves := [][]int{sc.keys}
	if n := len(sc.keys); n >= scanParallelRows {
		halves = [][]int{sc.keys[:n/2], sc.keys[n/2:]}
	}
	each(len(halves), func(h int) { conv(halves[h]) })
}

// appendStratumKey appends the values of a stratum of several columns to
// b, each followed by a NUL byte, as a scan's strata are found by them.
func appendStratumKey(b []byte, values []string) []byte {
	for _, v := range values {
		b = append(b, v...)
		b = append(b, 0)
	}
	return b
}

// hasZeroByte reports whether one of x's bytes is zero (exactly, with no
// false positive from a borrow: Anderson, Bit Twiddling Hacks, "Determine
// if a word has a zero byte").
func hasZeroByte(x uint64) bool {
	const low7 = 0x7f7f7f7f7f7f7f7f
	return ((x&low7)+low7)|x|low7 != ^uint64(0)
}

// missingOf returns the first missing value (not empty) of the scanned
// columns, the columns of checks, as CheckMissing reports it: the id's
// first, else the first stratum column's, and so on.
func (u *Units) missingOf(parts []*scanPart, checks []missingCheck) error {
	for k, c := range checks {
		for _, p := range parts {
			if i := p.missing[k]; i >= 0 {
				return c.error(u, i)
			}
		}
	}
	return nil
}
