package rct

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// bigUnitsText is a units file like testdata/rct/bigcsv's: n shuffled ids
// with leading zeros in n/1000 areas (1,000 at 1e6), and three more
// columns.
func bigUnitsText(n int) string {
	r := NewRand(5)
	ids := make([]int, n)
	for i := range ids {
		ids[i] = i + 1
	}
	r.ShuffleInts(ids)
	var b strings.Builder
	b.WriteString("unit_id,area,age_band,sex,prior_arrests\n")
	bands := []string{"24_and_under", "25_and_over"}
	for _, id := range ids {
		fmt.Fprintf(&b, "%07d,area%04d,%s,%c,%d\n", id, r.Intn(max(1, n/1000)), bands[r.Intn(2)], "MF"[r.Intn(2)], r.Intn(12))
	}
	return b.String()
}

// randomiseText reads and randomises a units file.
func randomiseText(b *testing.B, text string, s Settings) *Randomisation {
	u, err := ReadUnits(strings.NewReader(text), "big.csv")
	if err != nil {
		b.Fatal(err)
	}
	r, err := RandomiseUnits(u, s)
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkUnitsCSV reads, randomises (complete, within areas) and writes
// a units file, the library's part of evalkit randomise, and reading and
// writing alone.
func BenchmarkUnitsCSV(b *testing.B) {
	for _, n := range []int{1e4, 1e6} {
		text := bigUnitsText(n)
		s := Settings{ID: "unit_id", Block: []string{"area"}, Arms: []string{"control", "treatment"}, Seed: 1}
		b.Run(fmt.Sprintf("read/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				u, err := ReadUnits(strings.NewReader(text), "big.csv")
				if err != nil {
					b.Fatal(err)
				}
				benchUnitsSink = u
			}
		})
		r := randomiseText(b, text, s)
		var out bytes.Buffer
		b.Run(fmt.Sprintf("write/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				out.Reset()
				if _, err := r.WriteCSV(&out); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("all/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := randomiseText(b, text, s).WriteCSV(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var benchUnitsSink *Units
