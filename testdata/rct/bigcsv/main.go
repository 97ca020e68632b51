// Command bigcsv writes the 1e6-row units file used to time
// `evalkit randomise` against R (see testdata/r/rct_randomise_speed.R):
// ids with leading zeros in shuffled order, 1,000 areas, and three more
// columns.
//
//	go run ./testdata/rct/bigcsv > /tmp/big.csv
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/evalkit/evalkit/rct"
)

func main() {
	const n = 1_000_000
	r := rct.NewRand(5)
	ids := make([]int, n)
	for i := range ids {
		ids[i] = i + 1
	}
	r.ShuffleInts(ids)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintln(w, "unit_id,area,age_band,sex,prior_arrests")
	bands := []string{"24_and_under", "25_and_over"}
	for _, id := range ids {
		fmt.Fprintf(w, "%07d,area%04d,%s,%c,%d\n", id, r.Intn(1000), bands[r.Intn(2)], "MF"[r.Intn(2)], r.Intn(12))
	}
}
