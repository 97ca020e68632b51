// Command bigcsv writes the 1e6-row units file used to time
// `evalkit randomise` against R (see testdata/r/rct_randomise_speed.R):
// ids with leading zeros in shuffled order, 1,000 areas, and three more
// columns. An argument gives another number of units (the areas stay
// 1,000), such as 1e7 for the memory at ten times the size.
//
//	go run ./testdata/rct/bigcsv > /tmp/big.csv
//	go run ./testdata/rct/bigcsv 1e7 > /tmp/big1e7.csv
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"

	"github.com/evalkit/evalkit/rct"
)

func main() {
	n := 1_000_000
	if len(os.Args) > 1 {
		f, err := strconv.ParseFloat(os.Args[1], 64)
		if err != nil || f < 1 || f > 1e9 {
			fmt.Fprintln(os.Stderr, "bigcsv: the argument is a number of units, 1 to 1e9")
			os.Exit(2)
		}
		n = int(f)
	}
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
