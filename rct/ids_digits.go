package rct

// Ids that are decimal numbers written with the same number of digits,
// such as 0442057 (a record number, zero-padded), are common. Their
// byte-wise order is their numbers' order, and two are the same exactly
// when their numbers are: Randomise checks and sorts them by number,
// in a bitmap of the numbers for the duplicates when it is small, and in
// fewer passes of its radix sort (seven digits fit three bytes).

// digitID reports whether an id of n bytes (1 to idKeyBytes) whose first
// eight bytes, zero-padded, are the big-endian chunk c (idChunk) is n
// decimal digits.
func digitID(c uint64, n int) bool {
	const (
		ones = 0x0101010101010101
		hi   = 0x8080808080808080
		lo7  = 0x7f7f7f7f7f7f7f7f
	)
	x := c ^ '0'*ones // a digit's byte is now its value, 0 to 9
	// The high bit of each byte of x that is 10 or more, exactly.
	big := (x | (x&lo7 + (0x80-10)*ones)) & hi
	return big&^(^uint64(0)>>(8*n)) == 0 // the first n bytes
}

// digitValue returns the number that key, the key (idKey) of an id of n
// decimal digits, writes: its bytes made eight digits, with leading
// zeros, then summed in pairs, fours and the eight (the word-at-a-time
// reading of eight decimal digits).
func digitValue(key, n int) int {
	const ones = 0x0101010101010101
	x := uint64(uint(key)) << (64 - 8*idKeyBytes) >> (64 - 8*n) // the digits, last in the low byte
	if n < 8 {
		x |= '0' * ones << (8 * n)
	}
	x -= '0' * ones
	x = x>>8&0x00ff00ff00ff00ff*10 + x&0x00ff00ff00ff00ff
	x = x>>16&0x0000ffff0000ffff*100 + x&0x0000ffff0000ffff
	return int(x>>32*10000 + x&0xffffffff)
}

// digitBitmapMost is the most bits per unit of the bitmap that
// duplicateDigit takes: as many as a rowset.Set of the units has.
const digitBitmapMost = 64

// duplicateDigit returns the first unit whose value (a number below
// 10^digits) an earlier unit has, and that unit; -1, -1 when the values
// are distinct. It marks each value in a bitmap of 10^digits bits, which
// must be at most digitBitmapMost a unit (ok is false otherwise, and
// nothing is done).
func duplicateDigit(values []int, digits int) (dup, first int, ok bool) {
	size := 1
	for range digits {
		size *= 10
		if size > digitBitmapMost*max(len(values), 1<<10) {
			return -1, -1, false
		}
	}
	seen := make([]uint64, (size+63)/64)
	for i := 0; i < len(seen); i += 512 { // a write in each page first (see rowset.New)
		seen[i] = 0
	}
	for i, v := range values {
		w, b := v>>6, uint(v&63)
		if seen[w]&(1<<b) != 0 {
			for j := range i {
				if values[j] == v {
					return i, j, true
				}
			}
		}
		seen[w] |= 1 << b
	}
	return -1, -1, true
}
