package rct_test

import (
	"fmt"

	"github.com/evalkit/evalkit/rct"
)

func ExampleNewRand() {
	r := rct.NewRand(20230401)
	fmt.Printf("%#016x\n", r.Uint64())
	fmt.Println(r.Uint64n(6) + 1) // a die
	// Output:
	// 0xab0840baa65ce466
	// 5
}

func ExampleNewStream() {
	// Stream 1 of a seed is independent of stream 0 and never overlaps its
	// seeding.
	fmt.Printf("%#016x\n", rct.NewStream(20230401, 1).Uint64())
	// Output: 0xd7f78ebecc242d2f
}

func ExampleRand_Shuffle() {
	r := rct.NewRand(1)
	names := []string{"Abingdon", "Banbury", "Bicester", "Didcot"}
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	fmt.Println(names)
	// Output: [Abingdon Didcot Banbury Bicester]
}

func ExampleCompleteCounts() {
	// 4 units over arms weighted 2:2:1: floor(4 w/W) = 1, 1, 0 and two
	// more units to two distinct arms, so that E[n] = 1.6, 1.6, 0.8.
	fmt.Println(rct.CompleteCounts(4, []int{2, 2, 1}, rct.NewRand(3)))
	// Output: [2 1 1]
}

func ExampleCompleteAssign() {
	fmt.Println(rct.CompleteAssign(6, []int{1, 1}, rct.NewRand(3)))
	// Output: [0 1 0 0 1 1]
}

func exampleDesign() *rct.Design {
	return &rct.Design{
		ID:     rct.Column{Name: "unit_id", Values: []string{"h01", "h02", "h03", "h04", "h05", "h06", "h07", "h08"}},
		Strata: []rct.Column{{Name: "area", Values: []string{"north", "north", "north", "north", "south", "south", "south", "south"}}},
		Arms:   []string{"control", "treatment"},
	}
}

func ExampleRandomise() {
	a, err := rct.Randomise(exampleDesign(), rct.Options{}, 20230401)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Arm)
	for _, s := range a.Strata {
		fmt.Println(s.Stratum, s.N, s.Counts)
	}
	// Output:
	// [0 0 1 1 0 1 0 1]
	// north 4 [2 2]
	// south 4 [2 2]
}

func ExampleDesign_Lay() {
	d := exampleDesign()
	d.ID.Values[5] = "h02"
	_, err := d.Lay()
	fmt.Println(err)
	// Output: unit 6, column "unit_id": "h02": duplicate id (also unit 2)
}

func ExampleLayout_Randomise() {
	L, err := exampleDesign().Lay()
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := L.Randomise(rct.Options{Method: rct.Blocks, BlockSizes: []int{2, 4}}, rct.NewRand(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Arm, a.BlockSeq, a.BlockSize)
	// Output: [1 0 0 1 0 1 1 0] [1 1 1 1 1 1 1 1] [4 4 4 4 4 4 4 4]
}

func ExampleLayout_Probabilities() {
	d := exampleDesign()
	d.Ratio = []int{2, 1}
	L, _ := d.Lay()
	P, _ := L.Probabilities(rct.Options{}, 0, 0)
	fmt.Printf("%.4f\n", P[0])
	// Output: [0.6667 0.3333]
}

func ExampleParseMethod() {
	m, err := rct.ParseMethod("minimize")
	fmt.Println(m, err)
	// Output: minimise <nil>
}

func ExampleNewPermutations() {
	// Six schools in two areas, randomised as clusters within areas.
	assign := []int{1, 1, 0, 0, 1, 0, 1, 1}
	blocks := []string{"n", "n", "n", "n", "s", "s", "s", "s"}
	schools := []string{"a", "a", "b", "c", "d", "e", "f", "f"}
	p, err := rct.NewPermutations(assign, blocks, schools)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Count(), p)
	// Output: 9 2 blocks, 6 clusters, 9 allocations
}

func ExampleRandomisationTest() {
	y := []float64{1, 2, 3, 4, 5, 6}
	assign := []int{0, 0, 0, 1, 1, 1}
	p, _ := rct.NewPermutations(assign, nil, nil)
	newStat := func() rct.Statistic { return rct.DiffInMeans(y, 1, 0) }
	res, err := rct.RandomisationTest(p, newStat, rct.RIOptions{Draws: 1000, Seed: 1})
	fmt.Println(res, err)
	// Output: T = 3, p = 0.1 (exact, 2 of 20 allocations) <nil>
}

func ExampleDiffInMeans() {
	stat := rct.DiffInMeans([]float64{2, 4, 7, 9}, 1, 0)
	fmt.Println(stat([]int{0, 0, 1, 1}))
	// Output: 5
}

func ExampleBalanceNumeric() {
	x := []float64{3, 5, 4, 6, 8, 7}
	rows := rct.BalanceNumeric("baseline", x, []string{"control", "control", "control", "treatment", "treatment", "treatment"},
		[]string{"control", "treatment"}, "control")
	fmt.Printf("%s: d = %.3f\n", rows[0].Arm, rows[0].Diff)
	// Output: treatment: d = 3.000
}

func ExampleBalanceCategorical() {
	x := []string{"high", "low", "low", "high", "high", "NA"}
	arm := []string{"control", "control", "control", "treatment", "treatment", "treatment"}
	for _, r := range rct.BalanceCategorical("risk", x, arm, []string{"control", "treatment"}, "control") {
		fmt.Printf("%s %s: %+.3f\n", r.Level, r.Arm, r.Diff)
	}
	// Output:
	// high treatment: +0.667
	// low treatment: -0.667
}

func ExampleManifest_Marshal() {
	m := &rct.Manifest{Version: "0.1.0", Generator: rct.Generator, Method: "complete", Seed: 1,
		Flags: map[string]string{"id": "unit_id"}, Input: rct.ManifestFile{Path: "units.csv", SHA256: "ab", Rows: 2},
		Output: rct.ManifestFile{Path: "allocation.csv", SHA256: "cd", Rows: 2}}
	data, _ := m.Marshal()
	back, err := rct.ParseManifest(data)
	fmt.Println(back.Method, back.Seed, back.Output.Path, err)
	// Output: complete 1 allocation.csv <nil>
}

func ExampleParseManifest() {
	_, err := rct.ParseManifest([]byte(`{"method": "complete", "colour": "red"}`))
	fmt.Println(err)
	// Output: not an evalkit manifest: json: unknown field "colour"
}

func ExampleArmCounts() {
	fmt.Println(rct.ArmCounts([]string{"control", "treatment"}, []int{10, 12}))
	// Output: map[control:10 treatment:12]
}

func ExampleRand_Uint64n() {
	r := rct.NewRand(20230401)
	for i := 0; i < 5; i++ {
		fmt.Print(r.Uint64n(10), " ")
	}
	fmt.Println()
	// Output: 6 8 9 7 0
}

func ExampleRand_Float64() {
	fmt.Println(rct.NewRand(20230401).Float64())
	// Output: 0.6680946784675714
}

func ExamplePermutations_Enumerate() {
	// Two of four units treated, in two blocks of two: 2 x 2 allocations.
	p, _ := rct.NewPermutations([]int{1, 0, 0, 1}, []string{"a", "a", "b", "b"}, nil)
	p.Enumerate(func(assign []int) bool {
		fmt.Println(assign)
		return true
	})
	// Output:
	// [0 1 0 1]
	// [1 0 0 1]
	// [0 1 1 0]
	// [1 0 1 0]
}

func ExamplePermutations_Sample() {
	p, _ := rct.NewPermutations([]int{1, 1, 0, 0, 0, 1}, nil, []string{"s1", "s1", "s2", "s3", "s3", "s4"})
	fmt.Println(p.Sample(rct.NewRand(2)))
	// Output: [0 0 1 1 1 0]
}
