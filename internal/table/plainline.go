package table

import "math/bits"

// plainLines lets addRows read plain lines (plainEnd) without the
// scanner; a variable, so that tests read every line with the scanner and
// compare.
var plainLines = true

// plainRecord reads the record at sc.pos when its line is plain
// (plainEnd) and has width fields: the most common line of a CSV file,
// a record of fields that are neither quoted nor quoted by csv.Writer, nor
// too long. It returns the record's offset and moves past its line, as
// next does for it (the record then has no spans: the table holds it by
// its line); ok is false, and nothing is read, for any other line.
func (sc *scanner) plainRecord(width int) (start int, ok bool) {
	pos := sc.pos
	if pos >= len(sc.s) || sc.s[pos] == '\n' || sc.s[pos] == '\r' || !plainSep(sc.sep) { // not an empty line
		return 0, false
	}
	end, seps, ok := plainEnd(sc.s, pos, sc.sep)
	if !ok || seps != width-1 || end-pos > MaxFieldBytes {
		return 0, false
	}
	sc.recLine, sc.recStart = sc.line, pos
	sc.unquoted, sc.quotes = true, false
	sc.pos = end
	if end < len(sc.s) {
		sc.pos++
		sc.line++
	}
	return pos, true
}

// plainSep reports whether plainEnd may split lines at sep.
func plainSep(sep byte) bool { return sep != '"' && sep != '\\' && sep != '\n' && sep != '\r' }

// plainEnd returns the end of the line of s that starts at pos (the
// offset of its LF, or len(s)) and the number of sep bytes in it (sep one
// that plainSep allows), when
// the line is plain: none of its bytes but sep is a quote, a backslash, a
// space or control character (below '!'), or 0x80 or above (not ASCII),
// but for a CR just before its LF (a line of a file from Windows).
// Otherwise ok is false. A plain line's fields are neither quoted nor
// begin with what csv.Writer quotes (writerQuotes).
//
// It reads sixteen bytes at a time where there is vector code
// (plainEndVec, on amd64), and the rest eight at a time (plainEndWords),
// finding the bytes it looks for with the word-at-a-time tests of
// Anderson's Bit Twiddling Hacks ("Determine if a word has a byte equal
// to n", made exact).
func plainEnd(s string, pos int, sep byte) (end, seps int, ok bool) {
	if vectors {
		i, seps, state := plainEndVec(s, pos, sep)
		switch state {
		case vecFound:
			return i, seps, true
		case vecBad:
			return 0, 0, false
		}
		return plainEndWords(s, i, sep, seps, state == vecMoreCR)
	}
	return plainEndWords(s, pos, sep, 0, false)
}

// vectors lets plainEnd read with plainEndVec, and addRows read runs of
// lines with plainRun (addPlainRun); a variable, so that tests compare
// plainEnd with the words alone.
var vectors = true

// The states in which plainEndVec stops: the line is not plain; it ends
// at the offset returned; fewer than sixteen bytes are left from that
// offset, the vector before them ending in a CR (vecMoreCR) or not.
const (
	vecBad = iota
	vecFound
	vecMore
	vecMoreCR
)

// plainEndWords is plainEnd from offset i of the line, seps separators
// having been counted before it, crLast when the byte before i is a CR.
func plainEndWords(s string, i int, sep byte, seps int, crLast bool) (end, n int, ok bool) {
	const (
		ones = 0x0101010101010101
		hi   = 0x8080808080808080
		lo7  = 0x7f7f7f7f7f7f7f7f
	)
	for ; i+8 <= len(s); i += 8 {
		x := word(s[i : i+8])
		lf := zeroBytes(x ^ '\n'*ones)
		at := zeroBytes(x ^ uint64(sep)*ones)
		cr := zeroBytes(x ^ '\r'*ones)
		below := ^(x&lo7 + (0x80-'!')*ones) & hi // low 7 bits below '!'
		bad := (x&hi | below | zeroBytes(x^'"'*ones) | zeroBytes(x^'\\'*ones)) &^ at &^ cr
		if crLast && lf&0x80 == 0 {
			return 0, 0, false // a CR not before the LF
		}
		if lf != 0 {
			k := bits.TrailingZeros64(lf) &^ 7 // the LF's first bit
			keep := uint64(1)<<k - 1
			if bad&keep != 0 || cr&(keep>>8) != 0 { // a CR but in the byte before the LF
				return 0, 0, false
			}
			return i + k/8, seps + bits.OnesCount64(at&keep), true
		}
		if bad != 0 || cr&^(1<<63) != 0 {
			return 0, 0, false
		}
		seps += bits.OnesCount64(at)
		crLast = cr != 0
	}
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n':
			return i, seps, true
		case crLast:
			return 0, 0, false
		case c == sep:
			seps++
		case c == '\r':
			crLast = true
		case c < '!' || c >= 0x80 || c == '"' || c == '\\':
			return 0, 0, false
		}
	}
	return len(s), seps, !crLast
}

// zeroBytes sets the high bit of each byte of v that is zero, and no
// other bit: exactly, with no false positive from a borrow.
func zeroBytes(v uint64) uint64 {
	const lo7 = 0x7f7f7f7f7f7f7f7f
	return ^((v&lo7 + lo7) | v | lo7)
}

// word returns the eight bytes of w, the first in the low byte (one load).
func word(w string) uint64 {
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// nextSep returns the offset of the first sep in s from at, which must be
// there: found eight bytes at a time (as plainEnd finds them), as fields are
// short.
func nextSep(s string, at int, sep byte) int {
	const ones = 0x0101010101010101
	for ; at+8 <= len(s); at += 8 {
		if z := zeroBytes(word(s[at:at+8]) ^ uint64(sep)*ones); z != 0 {
			return at + bits.TrailingZeros64(z)/8
		}
	}
	for s[at] != sep {
		at++
	}
	return at
}

// addPlainRun adds to t the rows of the plain lines from sc.pos that
// plainRun reads, each as plainRecord and addRow add it, and returns the
// number of the row after them, row being the first's. It stops before
// the next row that progress is told of (every 2^every rows), which
// addRows reads itself.
func (t *Table) addPlainRun(sc *scanner, row int, every uint, progress func(at int)) int {
	if !vectors || !plainSep(sc.sep) {
		return row
	}
	// The room left in t.starts, which addRow's append makes more of
	// (readRows keeps the first half's rows in an array of its own until
	// they outgrow it).
	room := cap(t.starts) - len(t.starts)
	if progress != nil {
		room = min(room, (row|(1<<every-1))+1-row) // to the next row told of
		if row&(1<<every-1) == 0 {
			return row
		}
	}
	i := len(t.starts)
	n, next := plainRun(sc.s, sc.pos, sc.sep, t.width-1, t.starts[i:i+room], MaxFieldBytes)
	if n == 0 {
		return row
	}
	t.starts = t.starts[:i+n]
	for (i+n-1)>>6 >= len(t.held) {
		t.held = append(t.held, 0)
		t.quotes = append(t.quotes, 0)
	}
	t.rows += n
	sc.recLine, sc.recStart = sc.line+n-1, int(t.starts[i+n-1])
	sc.unquoted, sc.quotes = true, false
	sc.pos, sc.line = next, sc.line+n
	return row + n
}
