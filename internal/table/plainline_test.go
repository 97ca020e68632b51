package table

import (
	"errors"
	"strings"
	"testing"
)

// plainEndByBytes is plainEnd by the strings package, the reference.
func plainEndByBytes(s string, pos int, sep byte) (end, seps int, ok bool) {
	end = len(s)
	if k := strings.IndexByte(s[pos:], '\n'); k >= 0 {
		end = pos + k
	}
	line, at := s[pos:end], string([]byte{sep})
	if end < len(s) {
		line = strings.TrimSuffix(line, "\r") // CRLF
	}
	if strings.ContainsFunc(strings.ReplaceAll(line, at, ""), func(r rune) bool {
		return r < '!' || r >= 0x80 || r == '"' || r == '\\'
	}) {
		return 0, 0, false
	}
	return end, strings.Count(line, at), true
}

// TestPlainEnd: every byte, in every place of a word and of a vector (in
// lines of three vectors and more), before and after the line end, and
// separators of each kind; with the vectors and with the words alone.
func TestPlainEnd(t *testing.T) {
	defer func() { vectors = true }()
	for _, vectors = range []bool{true, false} {
		for _, sep := range []byte{',', ';', '\t', '|'} {
			for c := range 256 {
				for _, n := range []int{7, 17} {
					for at := range 3*n - 1 {
						s := []byte(strings.Repeat("ab"+string(sep), n))
						s[at] = byte(c)
						for pos := range 3 {
							gotEnd, gotSeps, gotOK := plainEnd(string(s), pos, sep)
							end, seps, ok := plainEndByBytes(string(s), pos, sep)
							if gotOK != ok || ok && (gotEnd != end || gotSeps != seps) {
								t.Fatalf("vectors %v: plainEnd(%q, %d, %q) = %d, %d, %v; want %d, %d, %v", vectors, s, pos, sep, gotEnd, gotSeps, gotOK, end, seps, ok)
							}
						}
					}
				}
			}
		}
	}
}

// TestPlainEndCRLF: a CR is plain just before the LF, wherever the two
// fall in their words, and nowhere else (nor at the text's end).
func TestPlainEndCRLF(t *testing.T) {
	for n := range 40 {
		base := strings.Repeat("a,", 20)[:n]
		for _, s := range []string{base + "\r\n,x", base + "\r", base + "\rx\n", base + "\r\r\n", base + "\n\r"} {
			for pos := range min(3, len(s)) {
				gotEnd, gotSeps, gotOK := plainEnd(s, pos, ',')
				end, seps, ok := plainEndByBytes(s, pos, ',')
				if gotOK != ok || ok && (gotEnd != end || gotSeps != seps) {
					t.Fatalf("plainEnd(%q, %d) = %d, %d, %v; want %d, %d, %v", s, pos, gotEnd, gotSeps, gotOK, end, seps, ok)
				}
			}
		}
	}
	if _, _, ok := plainEnd("id,x\r\n", 0, ','); !ok {
		t.Error("a CRLF line is not plain")
	}
}

// FuzzPlainEnd: plainEnd reads any text as the reference does.
func FuzzPlainEnd(f *testing.F) {
	f.Add("id,x\n1,2\n", 0, byte(','))
	f.Add("a;b c\n", 0, byte(';'))
	f.Fuzz(func(t *testing.T, s string, pos int, sep byte) {
		if pos < 0 || pos > len(s) || !plainSep(sep) {
			return
		}
		gotEnd, gotSeps, gotOK := plainEnd(s, pos, sep)
		end, seps, ok := plainEndByBytes(s, pos, sep)
		if gotOK != ok || ok && (gotEnd != end || gotSeps != seps) {
			t.Fatalf("plainEnd(%q, %d, %q) = %d, %d, %v; want %d, %d, %v", s, pos, sep, gotEnd, gotSeps, gotOK, end, seps, ok)
		}
	})
}

// TestLongPlainField: a plain field of more than MaxFieldBytes is the
// limit's error, however the file is read; a plain line as long whose
// fields are shorter is read.
func TestLongPlainField(t *testing.T) {
	rows := strings.Repeat("1,2\n", 100)
	long := "id,x\n" + rows + "3," + strings.Repeat("x", MaxFieldBytes+1) + "\n" + rows
	readBoth(t, long)
	readStreamedBoth(t, long)
	if _, err := Read(strings.NewReader(long), "long.csv"); !errors.Is(err, ErrLimit) {
		t.Errorf("a field of %d bytes: %v", MaxFieldBytes+1, err)
	}
	wide := "id,x\n" + rows + strings.Repeat("x", MaxFieldBytes/2) + "," + strings.Repeat("y", MaxFieldBytes/2+8) + "\n" + rows
	readBoth(t, wide)
	if tb, err := Read(strings.NewReader(wide), "wide.csv"); err != nil || tb.Rows() != 201 {
		t.Errorf("a line of %d bytes: %v", len(wide), err)
	}
}
