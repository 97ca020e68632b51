package rct

import (
	"fmt"
	"testing"
)

// valueCodes numbers values as a map does, through many doublings of its
// table: values short and long, with NUL bytes, one a prefix of another,
// and with every value in the map (all).
func TestValueCodes(t *testing.T) {
	for _, all := range []bool{false, true} {
		x, want := newValueCodes(all), map[string]int32{}
		r := NewRand(4)
		for range 20000 {
			v := fmt.Sprintf("a%d", r.Intn(3000))
			switch r.Intn(4) {
			case 0:
				v = v[:1+r.Intn(len(v))] // a prefix
			case 1:
				v += "\x00"
			case 2:
				v += "-a longer value"
			}
			code, ok := x.find(v)
			w, wok := want[v]
			if ok != wok || ok && code != w {
				t.Fatalf("all %v: find(%q) = %d, %v; want %d, %v", all, v, code, ok, w, wok)
			}
			if !ok {
				want[v] = int32(len(want))
				x.add(v, want[v])
			}
		}
		if len(want) < 5000 {
			t.Fatalf("only %d values: the table has not grown much", len(want))
		}
	}
}
