package xlsx

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"
)

// BenchmarkRead reads a sheet of rows of an id (text), an area (text) and
// two numbers, as excelize's stream writer writes one.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1e2, 1e4, 1e5} {
		rows := make([][]Value, n)
		for i := range rows {
			rows[i] = []Value{{Text: fmt.Sprintf("%06d", i)}, {Text: "north"}, {Text: strconv.Itoa(i % 60), Numeric: true}, {Text: "12.5", Numeric: true}}
		}
		var buf bytes.Buffer
		if err := Write(&buf, WriteSheet{Name: "s", Rows: seqOf(rows)}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			for b.Loop() {
				s, err := Read(buf.Bytes(), "", DefaultLimits)
				if err != nil {
					b.Fatal(err)
				}
				sinkSheet = s
			}
		})
	}
}

var sinkSheet *Sheet
