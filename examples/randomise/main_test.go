package main

import "os"

func Example_allocate() {
	if err := allocate(os.Stdout, "../units.csv", 20230401); err != nil {
		panic(err)
	}
	// Output:
	// 320 referrals, seed 20230401: 160 usual care, 160 navigator
	//   Abingdon/24_and_under         52:  26 /  26
	//   Abingdon/25_and_over         140:  70 /  70
	//   Loddon Valley/24_and_under    35:  17 /  18
	//   Loddon Valley/25_and_over     93:  47 /  46
	// Balance (navigator minus usual care):
	//   prior_arrests    -0.064 (standardised difference)
	//   sex=F            +0.050 (difference in shares)
	//   sex=M            -0.050 (difference in shares)
}
