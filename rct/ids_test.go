package rct

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// firstDuplicate returns the first unit whose id an earlier unit has, and
// that unit, as idSet finds them; -1, -1 when the ids are distinct.
func firstDuplicate(ids []string) (dup, first int) {
	return newIDSet(len(ids)).addIDs(len(ids), func(k int) string { return ids[k] })
}

// idKeys returns each id's key, as sortGroupsByID takes them.
func idKeys(ids []string) []int {
	keys := make([]int, len(ids))
	for i, v := range ids {
		keys[i] = idKey(v)
	}
	return keys
}

// Keys of 4 bytes (32-bit builds) give the same order of ids and the same
// allocation as keys of a word (8 bytes on 64-bit builds).
func TestIDKeyBytes(t *testing.T) {
	d := benchDesign(20_000, 20)
	for i := range d.ID.Values {
		d.ID.Values[i] = d.ID.Values[i][:1] + "xyz" + d.ID.Values[i][1:] // ties on 4 bytes
	}
	want, err := Randomise(d, Options{}, 7)
	if err != nil {
		t.Fatal(err)
	}
	defer func(b int) { idKeyBytes = b }(idKeyBytes)
	idKeyBytes = 4 // as on 32-bit builds (a word holds no more there)
	got, err := Randomise(d, Options{}, 7)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Arm, want.Arm) {
		t.Errorf("keys of %d bytes allocate differently", idKeyBytes)
	}
	ids := []string{"abcd", "abc", "abcde", "abcd\x00", "b", "abcdefghijk", "abcdefghij", "", "abcdefgh", "abcdefghijklmnoX", "abcdefghijklmnoA"}
	idx := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	sortGroupsByID(idx, idKeys(ids), func(i int) string { return ids[i] }, nil)
	if !slices.IsSortedFunc(idx, func(p, q int) int { return strings.Compare(ids[p], ids[q]) }) {
		t.Errorf("keys of %d bytes: order %v", idKeyBytes, idx)
	}
}

// idSet finds a duplicate among many ids (where the tags are few bits)
// as a map does, and none among distinct ones.
func TestIDSetMany(t *testing.T) {
	for _, n := range []int{1, 2, 1000, 70_000} {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("u%d", (i*7919)%n)
		}
		if dup, first := firstDuplicate(ids); dup != -1 || first != -1 {
			t.Fatalf("n=%d distinct: dup %d (first %d)", n, dup, first)
		}
		if n < 3 {
			continue
		}
		ids[n-1], ids[n/2] = ids[n/3], ids[n/3]
		if dup, first := firstDuplicate(ids); dup != n/2 || first != n/3 {
			t.Fatalf("n=%d: dup %d (first %d), want %d (%d)", n, dup, first, n/2, n/3)
		}
	}
}

// checkIDs finds the first duplicate id, and the earlier unit with it, as
// a map does: for short ids compared by their keys (a NUL byte, or one more
// byte than a key holds, sends them to the text's hash), and for others.
func TestCheckIDsShort(t *testing.T) {
	rnd := NewRand(3)
	alphabet := "a\x00b" // few bytes, so that ids often share a key's bytes
	for trial := range 2000 {
		n := 1 + rnd.Intn(60)
		ids := make([]string, n)
		for i := range ids {
			b := make([]byte, max(1, idKeyBytes-1+rnd.Intn(3)-rnd.Intn(idKeyBytes)))
			for k := range b {
				b[k] = alphabet[rnd.Intn(len(alphabet))]
			}
			if trial%2 == 0 { // no NUL: the keys' path when short enough
				b = []byte(strings.ReplaceAll(string(b), "\x00", "b"))
			}
			ids[i] = string(b)
			if trial%4 == 1 { // distinct, and two of them with the same key
				ids[i] = fmt.Sprintf("%x", (i*7+3)%n)
				if i == n-1 && n > 1 {
					ids[i] = ids[0] + "\x00"
				}
			}
		}
		_, _, err := checkIDs(Column{Name: "id", Values: ids})
		firstDuplicateAsMap(t, fmt.Sprintf("%q", ids), ids, err)
	}
}

// firstDuplicateAsMap fails the test (of ids, named what) unless err is
// the first duplicate id, and the earlier unit with it, that a map finds.
func firstDuplicateAsMap(t *testing.T, what string, ids []string, err error) {
	t.Helper()
	wantDup, wantFirst := -1, -1
	seen := map[string]int{}
	for i, v := range ids {
		if j, ok := seen[v]; ok {
			wantDup, wantFirst = i, j
			break
		}
		seen[v] = i
	}
	var ue *UnitError
	switch {
	case wantDup < 0 && err != nil:
		t.Fatalf("%s: %v, want no error", what, err)
	case wantDup >= 0 && (!errors.As(err, &ue) || ue.Row != wantDup || ue.Other != wantFirst):
		t.Fatalf("%s: %v, want units %d and %d", what, err, wantDup, wantFirst)
	}
}

// idChunk is bytes [off, off+8) of an id, zero-padded, for every length
// and offset, and hasZeroByte finds a zero byte in any place of a word.
func TestIDChunk(t *testing.T) {
	r := NewRand(5)
	for n := range 20 {
		b := make([]byte, n)
		for trial := range 50 {
			for i := range b {
				b[i] = byte(r.Intn(256))
				if trial%3 == 0 {
					b[i] = byte(r.Intn(3)) // zero bytes often
				}
			}
			for off := range 17 {
				var want uint64
				for j := off; j < off+8; j++ {
					want <<= 8
					if j < n {
						want |= uint64(b[j])
					}
				}
				if got := idChunk(string(b), off); got != want {
					t.Fatalf("idChunk(%q, %d) = %x, want %x", b, off, got, want)
				}
				zero := false
				for k := range 8 {
					zero = zero || byte(want>>(8*k)) == 0
				}
				if hasZeroByte(want) != zero {
					t.Fatalf("hasZeroByte(%x) = %v", want, !zero)
				}
			}
		}
	}
}

// digitID finds ids of digits, whatever byte is in whatever place, and
// digitValue reads their numbers.
func TestDigitID(t *testing.T) {
	for n := 1; n <= idKeyBytes; n++ {
		for at := range n {
			for c := range 256 {
				id := []byte("90817263"[:n])
				id[at] = byte(c)
				want := c >= '0' && c <= '9'
				if got := digitID(idChunk(string(id), 0), n); got != want {
					t.Fatalf("digitID(%q) = %v", id, got)
				}
				if want {
					v, err := strconv.Atoi(string(id))
					if got := digitValue(idKey(string(id)), n); err != nil || got != v {
						t.Fatalf("digitValue(%q) = %d, want %d", id, got, v)
					}
				}
			}
		}
	}
}

// duplicateID finds the first duplicate, and the earlier unit with it, as
// a map does when many short ids are checked in two sets at once: with
// duplicates planted in either set's part, or in both, or none.
func TestDuplicateIDInTwoSets(t *testing.T) {
	r := NewRand(11)
	const n = 1<<16 + 1000
	for trial := range 12 {
		ids := make([]string, n)
		for i := range ids {
			// Distinct, not all digits, and short (4 bytes, as keys of a
			// 32-bit build hold, with no NUL), in no order.
			k := (i * 7919) % n
			ids[i] = string([]byte{'k', byte(1 + k%250), byte(1 + k/250%250), byte(1 + k/62500)})
		}
		for range trial % 4 {
			i, j := r.Intn(n), r.Intn(n)
			ids[i] = ids[j]
		}
		err := duplicateID(Column{Name: "id", Values: ids}, idKeys(ids), true)
		firstDuplicateAsMap(t, fmt.Sprintf("trial %d", trial), ids, err)
	}
}
