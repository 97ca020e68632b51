package rct

import (
	"cmp"
	"slices"
)

// sortedByID returns the indices of ids in sorted (byte-wise) order of id,
// ties in index order. See sortIDs.
func sortedByID(ids []string) []int {
	idx, _, _ := sortIDs(ids)
	return idx
}

// sortIDs returns the indices of ids in sorted (byte-wise) order of id,
// ties in index order, and the first duplicate: the smallest index dup
// whose id an earlier index first has (dup = -1 when the ids are distinct).
//
// It radix-sorts the ids' first eight bytes (a big-endian uint64,
// zero-padded; a stable LSD sort on 16-bit digits, skipping digits in
// which all ids agree), then sorts each run of equal prefixes by the
// next eight bytes, and so on; a run whose ids are all no longer than the
// bytes compared holds ids equal up to zero padding, ordered by length, and
// equal lengths there are duplicates. No string comparison is made, and
// each id's bytes are read once or twice.
func sortIDs(ids []string) (idx []int, dup, first int) {
	n := len(ids)
	a := make([]idKeyed, n)
	for i, s := range ids {
		a[i] = idKeyed{idChunk(s, 0), idChunk(s, 8), i}
	}
	b := make([]idKeyed, n)
	// Bytes in which all keys agree need no pass.
	and, or := ^uint64(0), uint64(0)
	for _, x := range a {
		and &= x.k
		or |= x.k
	}
	count := make([]int, 1<<16)
	for shift := uint(0); shift < 64; shift += 16 {
		if uint16((and^or)>>shift) == 0 {
			continue
		}
		clear(count)
		for _, x := range a {
			count[uint16(x.k>>shift)]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, x := range a {
			d := uint16(x.k >> shift)
			b[count[d]] = x
			count[d]++
		}
		a, b = b, a
	}
	idx = make([]int, n)
	for j, x := range a {
		idx[j] = x.i
	}
	s := idSorter{ids: ids, dup: -1, first: -1}
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && a[hi].k == a[lo].k {
			hi++
		}
		if hi-lo > 1 {
			s.finish(idx[lo:hi], 8, a[lo:hi])
		}
		lo = hi
	}
	return idx, s.dup, s.first
}

// idKeyed is an id's index with two eight-byte chunks of it as sort keys.
type idKeyed struct {
	k, k2 uint64
	i     int
}

type idSorter struct {
	ids        []string
	dup, first int
}

// finish orders run, whose ids agree (zero-padded) on bytes [0, off) and
// which is in index order; kv holds the run's chunks at off-8 (k, used) and
// off (k2).
func (s *idSorter) finish(run []int, off int, kv []idKeyed) {
	long := false
	for _, i := range run {
		if len(s.ids[i]) > off {
			long = true
			break
		}
	}
	if !long {
		// Equal up to zero padding: shorter first; equal length, equal id.
		slices.SortStableFunc(run, func(p, q int) int { return cmp.Compare(len(s.ids[p]), len(s.ids[q])) })
		for j := 1; j < len(run); j++ {
			if len(s.ids[run[j]]) == len(s.ids[run[j-1]]) {
				f := j - 1
				for f > 0 && len(s.ids[run[f-1]]) == len(s.ids[run[j]]) {
					f--
				}
				if s.dup < 0 || run[j] < s.dup {
					s.dup, s.first = run[j], run[f]
				}
			}
		}
		return
	}
	for j := range kv {
		kv[j].k = kv[j].k2
		kv[j].k2 = idChunk(s.ids[kv[j].i], off+8)
	}
	slices.SortFunc(kv, func(x, y idKeyed) int {
		if c := cmp.Compare(x.k, y.k); c != 0 {
			return c
		}
		return cmp.Compare(x.i, y.i)
	})
	for j := range kv {
		run[j] = kv[j].i
	}
	for lo := 0; lo < len(run); {
		hi := lo + 1
		for hi < len(run) && kv[hi].k == kv[lo].k {
			hi++
		}
		if hi-lo > 1 {
			s.finish(run[lo:hi], off+8, kv[lo:hi])
		}
		lo = hi
	}
}

// idChunk returns bytes [off, off+8) of s as a big-endian integer, padded
// with zero bytes.
func idChunk(s string, off int) uint64 {
	if len(s) >= off+8 {
		s = s[off : off+8]
		return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 |
			uint64(s[4])<<24 | uint64(s[5])<<16 | uint64(s[6])<<8 | uint64(s[7])
	}
	var k uint64
	for j := off; j < off+8; j++ {
		k <<= 8
		if j < len(s) {
			k |= uint64(s[j])
		}
	}
	return k
}
