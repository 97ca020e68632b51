package rct

import (
	"cmp"
	"math/bits"
	"slices"
)

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
	if n > 1<<31-1 {
		panic("rct: more than 2^31-1 units")
	}
	// Ids already strictly increasing (a list exported in id order) are
	// sorted and distinct.
	increasing := true
	for i := 1; i < n && increasing; i++ {
		increasing = ids[i-1] < ids[i]
	}
	if increasing {
		idx = make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx, -1, -1
	}
	a := make([]idKeyed, n)
	for i, s := range ids {
		a[i] = idKeyed{idChunk(s, 0), idChunk(s, 8), int32(i), int32(min(len(s), 1<<30))}
	}
	b := make([]idKeyed, n)
	a = radixSort(a, b, 16, make([]int, 1<<16))
	s := idSorter{id: func(i int) string { return ids[i] }, dup: -1, first: -1}
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && a[hi].k == a[lo].k {
			hi++
		}
		if hi-lo > 1 {
			s.finish(a[lo:hi], 8)
		}
		lo = hi
	}
	idx = make([]int, n)
	for j, x := range a {
		idx[j] = int(x.i)
	}
	return idx, s.dup, s.first
}

// idKeyed is an id's index and length with two eight-byte chunks of it as
// sort keys.
type idKeyed struct {
	k, k2 uint64
	i, n  int32
}

type idSorter struct {
	id         func(i int) string
	dup, first int
}

// finish orders kv, whose ids agree (zero-padded) on bytes [0, off) and
// which is in index order; k2 holds each id's bytes [off, off+8).
func (s *idSorter) finish(kv []idKeyed, off int) {
	long := false
	for _, x := range kv {
		if int(x.n) > off {
			long = true
			break
		}
	}
	if !long {
		// Equal up to zero padding: shorter first; equal length, equal id.
		slices.SortStableFunc(kv, func(x, y idKeyed) int { return cmp.Compare(x.n, y.n) })
		for j := 1; j < len(kv); j++ {
			if kv[j].n == kv[j-1].n {
				f := j - 1
				for f > 0 && kv[f-1].n == kv[j].n {
					f--
				}
				if d := int(kv[j].i); s.dup < 0 || d < s.dup {
					s.dup, s.first = d, int(kv[f].i)
				}
			}
		}
		return
	}
	for j := range kv {
		kv[j].k = kv[j].k2
		kv[j].k2 = 0
		if int(kv[j].n) > off+8 {
			kv[j].k2 = idChunk(s.id(int(kv[j].i)), off+8)
		}
	}
	slices.SortFunc(kv, func(x, y idKeyed) int {
		if c := cmp.Compare(x.k, y.k); c != 0 {
			return c
		}
		return cmp.Compare(x.i, y.i)
	})
	for lo := 0; lo < len(kv); {
		hi := lo + 1
		for hi < len(kv) && kv[hi].k == kv[lo].k {
			hi++
		}
		if hi-lo > 1 {
			s.finish(kv[lo:hi], off+8)
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
	if n := len(s) - off; n >= 4 {
		// Bytes [off, off+4) and the last four, which overlap them.
		s = s[off:]
		first := uint64(s[0])<<24 | uint64(s[1])<<16 | uint64(s[2])<<8 | uint64(s[3])
		last := uint64(s[n-4])<<24 | uint64(s[n-3])<<16 | uint64(s[n-2])<<8 | uint64(s[n-1])
		return first<<32 | last<<(8*(8-n))
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

// sortGroupsByID sorts groups (increasing indices of ids, id(g) being g's
// and keys[g] its key, idKey(id(g))) in byte-wise order
// of id, as sortIDs orders them, with buf as scratch; it returns buf for
// the next call. The Layout sorts each stratum's randomisation units so, a
// stratum at a time: it needs scratch for the largest stratum only, and
// reads an id's text only when its key is another's.
func sortGroupsByID(groups []int, keys []int, id func(g int) string, buf []idKeyed) []idKeyed {
	scratch := slices.Grow(buf[:0], 2*len(groups))
	buf = scratch
	for _, g := range groups {
		buf = append(buf, idKeyed{k: uint64(uint(keys[g])), i: int32(g)})
	}
	buf = radixByKey(buf)
	s := idSorter{id: id, dup: -1, first: -1}
	for lo := 0; lo < len(buf); {
		hi := lo + 1
		for hi < len(buf) && buf[hi].k == buf[lo].k {
			hi++
		}
		if hi-lo > 1 {
			for j := lo; j < hi; j++ {
				v := id(int(buf[j].i))
				buf[j].k2, buf[j].n = idChunk(v, idKeyBytes), int32(min(len(v), 1<<30))
			}
			s.finish(buf[lo:hi], idKeyBytes)
		}
		lo = hi
	}
	for j, x := range buf {
		groups[j] = int(x.i)
	}
	return scratch
}

// sortGroupsByNumber sorts groups (indices below 2^32) by their keys,
// keys[g] being g's, distinct and below 2^32 (the numbers of ids of
// digits, digitKeys), with buf as scratch; it returns buf for the next
// call. Each group and its key are one word, key above, so that the radix
// sort (radixWords) moves a third of what sortGroupsByID's does.
func sortGroupsByNumber(groups []int, keys []int, buf []uint64) []uint64 {
	n := len(groups)
	buf = slices.Grow(buf[:0], 2*n)[:2*n]
	a := buf[:n]
	for j, g := range groups {
		a[j] = uint64(keys[g])<<32 | uint64(g)
	}
	a = radixWords(a, buf[n:], 32)
	for j, x := range a {
		groups[j] = int(uint32(x))
	}
	return buf
}

// radixWords sorts a by the bits of its words from bit low up, with b (as
// long) as scratch: an LSD radix sort on bytes, skipping bytes in which
// all words agree, stable (words agreeing there keep their order). It
// returns whichever of a and b holds the result.
func radixWords(a, b []uint64, low uint) []uint64 {
	and, or := ^uint64(0), uint64(0)
	for _, x := range a {
		and &= x
		or |= x
	}
	var count [256]int
	for shift := low; shift < 64; shift += 8 {
		if (and^or)>>shift&0xff == 0 {
			continue
		}
		clear(count[:])
		for _, x := range a {
			count[x>>shift&0xff]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, x := range a {
			d := x >> shift & 0xff
			b[count[d]] = x
			count[d]++
		}
		a, b = b, a
	}
	return a
}

// radixByKey sorts kv (in index order) stably by k, with kv's capacity
// beyond its length as scratch when it holds as much again: an LSD radix
// sort on bytes, skipping bytes in which all keys agree. It returns kv,
// sorted, possibly in the scratch half of the array.
func radixByKey(kv []idKeyed) []idKeyed {
	n := len(kv)
	if n < 64 || cap(kv) < 2*n {
		slices.SortStableFunc(kv, func(x, y idKeyed) int { return cmp.Compare(x.k, y.k) })
		return kv
	}
	var count [256]int
	return radixSort(kv, kv[n:2*n], 8, count[:])
}

// radixSort sorts a stably by k, with b (as long) as scratch and count
// (of length 2^bits) as counts: an LSD radix sort on digits of bits bits,
// skipping digits in which all keys agree. It returns whichever of a and
// b holds the result.
func radixSort(a, b []idKeyed, bits uint, count []int) []idKeyed {
	and, or := ^uint64(0), uint64(0)
	for _, x := range a {
		and &= x.k
		or |= x.k
	}
	mask := uint64(1)<<bits - 1
	for shift := uint(0); shift < 64; shift += bits {
		if (and^or)>>shift&mask == 0 {
			continue
		}
		clear(count)
		for _, x := range a {
			count[x.k>>shift&mask]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, x := range a {
			d := x.k >> shift & mask
			b[count[d]] = x
			count[d]++
		}
		a, b = b, a
	}
	return a
}

// idKeyBytes is how many of an id's first bytes its key holds: a word's
// (8 on 64-bit builds, 4 on 32-bit ones). A variable, so that tests on
// one build sort as the other does.
var idKeyBytes = bits.UintSize / 8

// idKey returns an id's first idKeyBytes bytes, zero-padded, as a
// big-endian integer in an int (its bits as a uint), the key by which
// sortGroupsByID sorts. Keys in a word let Layout.Randomise take the
// array of keys for the allocation's arms.
func idKey(s string) int { return int(uint(idChunk(s, 0) >> (64 - 8*idKeyBytes))) }
