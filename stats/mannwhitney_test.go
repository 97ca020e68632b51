package stats

import (
	"errors"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// Reference values: R 4.2.2, wilcox.test(x, y, alternative = alt) with its
// defaults (exact when both n < 50 and no ties, correct = TRUE), on
// testdata/continuous/NAME.csv, printed by testdata/r/continuous.R with
// sprintf("%.17g"); exact is whether R's method said "exact". R computes
// these by exact sums or pnorm, so the tolerance is 1e-9 relative.
var mannWhitneyRCases = []struct {
	name  string
	alt   Alternative
	w, p  float64
	exact bool
}{
	{name: "attendance", alt: TwoSided, w: 973, p: 0.05755391884715353, exact: false},
	{name: "attendance", alt: Less, w: 973, p: 0.97186215953087307, exact: false},
	{name: "attendance", alt: Greater, w: 973, p: 0.028776959423576765, exact: false},
	{name: "exact", alt: TwoSided, w: 159, p: 0.00082887454606743309, exact: false},
	{name: "exact", alt: Less, w: 159, p: 0.9996527870557782, exact: false},
	{name: "exact", alt: Greater, w: 159, p: 0.00041443727303371654, exact: false},
	{name: "ties_small", alt: TwoSided, w: 87, p: 0.9013844820085819, exact: false},
	{name: "ties_small", alt: Less, w: 87, p: 0.45069224100429095, exact: false},
	{name: "ties_small", alt: Greater, w: 87, p: 0.56886199510817848, exact: false},
	{name: "tiny2", alt: TwoSided, w: 4, p: 0.33333333333333331, exact: true},
	{name: "tiny2", alt: Less, w: 4, p: 1, exact: true},
	{name: "tiny2", alt: Greater, w: 4, p: 0.16666666666666666, exact: true},
	{name: "tiny23", alt: TwoSided, w: 5, p: 0.40000000000000002, exact: true},
	{name: "tiny23", alt: Less, w: 5, p: 0.90000000000000002, exact: true},
	{name: "tiny23", alt: Greater, w: 5, p: 0.20000000000000001, exact: true},
	{name: "unequal", alt: TwoSided, w: 196, p: 0.0064637860366673098, exact: true},
	{name: "unequal", alt: Less, w: 196, p: 0.0032318930183336549, exact: true},
	{name: "unequal", alt: Greater, w: 196, p: 0.99694587063278739, exact: true},
	{name: "huge", alt: TwoSided, w: 1600, p: 1.4345794938237401e-14, exact: false},
	{name: "huge", alt: Less, w: 1600, p: 0.99999999999999334, exact: false},
	{name: "huge", alt: Greater, w: 1600, p: 7.1728974691187003e-15, exact: false},
	{name: "normal60", alt: TwoSided, w: 1747, p: 0.78289100005350076, exact: false},
	{name: "normal60", alt: Less, w: 1747, p: 0.39144550002675038, exact: false},
	{name: "normal60", alt: Greater, w: 1747, p: 0.61056893287324243, exact: false},
	{name: "ties60", alt: TwoSided, w: 2224, p: 0.021115445903484849, exact: false},
	{name: "ties60", alt: Less, w: 2224, p: 0.98959347654255225, exact: false},
	{name: "ties60", alt: Greater, w: 2224, p: 0.010557722951742425, exact: false},
	{name: "exact49", alt: TwoSided, w: 1423, p: 0.11500390224305823, exact: true},
	{name: "exact49", alt: Less, w: 1423, p: 0.94331774742827668, exact: true},
	{name: "exact49", alt: Greater, w: 1423, p: 0.057501951121529116, exact: true},
	{name: "equalmeans", alt: TwoSided, w: 10, p: 1, exact: false},
	{name: "equalmeans", alt: Less, w: 10, p: 0.54956730533967491, exact: false},
	{name: "equalmeans", alt: Greater, w: 10, p: 0.54956730533967491, exact: false},
	{name: "constant_control", alt: TwoSided, w: 9, p: 0.35901205378642947, exact: false},
	{name: "constant_control", alt: Less, w: 9, p: 0.90045507392589774, exact: false},
	{name: "constant_control", alt: Greater, w: 9, p: 0.17950602689321474, exact: false},
	{name: "large", alt: TwoSided, w: 3835549, p: 0.1445623000313114, exact: false},
	{name: "large", alt: Less, w: 3835549, p: 0.92772119695101418, exact: false},
	{name: "large", alt: Greater, w: 3835549, p: 0.072281150015655701, exact: false},
}

func TestMannWhitneyAgainstR(t *testing.T) {
	const tol = 1e-9
	for _, c := range mannWhitneyRCases {
		x, y := readContinuousSet(t, c.name)
		got, err := MannWhitney(x, y, c.alt)
		if err != nil {
			t.Errorf("%s %v: %v", c.name, c.alt, err)
			continue
		}
		if got.W != c.w {
			t.Errorf("%s %v: W = %.17g, R %.17g", c.name, c.alt, got.W, c.w)
		}
		if !sameFloatCont(got.P, c.p, tol) {
			t.Errorf("%s %v: p = %.17g, R %.17g", c.name, c.alt, got.P, c.p)
		}
		if got.Exact != c.exact {
			t.Errorf("%s %v: exact = %v, R %v", c.name, c.alt, got.Exact, c.exact)
		}
		if got.Exact != math.IsNaN(got.Z) {
			t.Errorf("%s %v: exact = %v but Z = %v", c.name, c.alt, got.Exact, got.Z)
		}
	}
}

func TestMannWhitneyCDF(t *testing.T) {
	// Reference values: R 4.2.2, pwilcox(q, m, n, lower.tail).
	cases := []struct {
		m, n  int
		q     float64
		lower bool
		want  float64
	}{
		{m: 12, n: 10, q: 0, lower: true, want: 1.546441174924147e-06},      // pwilcox(0, 12, 10, lower.tail = TRUE)
		{m: 12, n: 10, q: 3, lower: true, want: 1.082508822446903e-05},      // pwilcox(3, 12, 10, lower.tail = TRUE)
		{m: 12, n: 10, q: 10, lower: true, want: 0.00021495532331445644},    // pwilcox(10, 12, 10, lower.tail = TRUE)
		{m: 12, n: 10, q: 59, lower: true, want: 0.48711814501288186},       // pwilcox(59, 12, 10, lower.tail = TRUE)
		{m: 12, n: 10, q: 60, lower: true, want: 0.51288185498711814},       // pwilcox(60, 12, 10, lower.tail = TRUE)
		{m: 12, n: 10, q: 100, lower: true, want: 0.99717774485576349},      // pwilcox(100, 12, 10, lower.tail = TRUE)
		{m: 49, n: 49, q: 2, lower: false, want: 1},                         // pwilcox(2, 49, 49, lower.tail = FALSE)
		{m: 49, n: 49, q: 1200, lower: false, want: 0.50000000000000233},    // pwilcox(1200, 49, 49, lower.tail = FALSE)
		{m: 49, n: 49, q: 2300, lower: false, want: 6.3872010903469475e-20}, // pwilcox(2300, 49, 49, lower.tail = FALSE)
		{m: 49, n: 49, q: 0, lower: true, want: 3.9250145964816453e-29},     // pwilcox(0, 49, 49)
		{m: 3, n: 40, q: 5, lower: true, want: 0.0012964913702293169},       // pwilcox(5, 3, 40)
		{m: 40, n: 3, q: 30, lower: false, want: 0.91564703022445504},       // pwilcox(30, 40, 3, lower.tail = FALSE)
		{m: 1, n: 1, q: 0, lower: true, want: 0.5},                          // pwilcox(0, 1, 1)
		{m: 4, n: 5, q: -1, lower: true, want: 0},                           // pwilcox(-1, 4, 5)
		{m: 4, n: 5, q: 20, lower: false, want: 0},                          // pwilcox(20, 4, 5, lower.tail = FALSE)
	}
	for _, c := range cases {
		counts, total := mannWhitneyCounts(c.m, c.n)
		if got := mannWhitneyCDF(counts, total, c.m, c.n, c.q, c.lower); !sameFloatCont(got, c.want, 1e-12) {
			t.Errorf("pwilcox(%g, %d, %d, lower = %v) = %.17g, R %.17g", c.q, c.m, c.n, c.lower, got, c.want)
		}
	}
	// choose(98, 49) = 2.5477612258980968e+28 in R 4.2.2.
	if _, total := mannWhitneyCounts(49, 49); !sameFloatCont(total, 2.5477612258980968e+28, 1e-12) {
		t.Errorf("total = %.17g", total)
	}
}

func TestMannWhitneySmallest(t *testing.T) {
	// One value per arm is allowed, as in R: wilcox.test(2, 1) gives W = 1, p = 1.
	r, err := MannWhitney([]float64{2}, []float64{1}, TwoSided)
	if err != nil || r.W != 1 || r.P != 1 || !r.Exact {
		t.Errorf("got %+v, %v", r, err)
	}
}

func TestMannWhitneyErrors(t *testing.T) {
	cases := []struct {
		name string
		x, y []float64
		want error
	}{
		{"empty treatment", nil, []float64{1}, ErrTooFew},
		{"empty control", []float64{1}, nil, ErrTooFew},
		{"all tied", []float64{3, 3, 3}, []float64{3, 3}, ErrZeroVariance},
		{"NaN", []float64{1, math.NaN()}, []float64{1, 2}, ErrDomain},
		{"-Inf", []float64{1, 2}, []float64{math.Inf(-1)}, ErrDomain},
	}
	for _, c := range cases {
		if _, err := MannWhitney(c.x, c.y, TwoSided); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
}

func TestMannWhitneyRanksMatchBruteForce(t *testing.T) {
	// W counts the pairs x_i > y_j plus half the tied pairs.
	x := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
	y := []float64{2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9}
	var want float64
	for _, a := range x {
		for _, b := range y {
			switch {
			case a > b:
				want++
			case a == b:
				want += 0.5
			}
		}
	}
	r, err := MannWhitney(x, y, TwoSided)
	if err != nil || r.W != want || !r.Ties {
		t.Errorf("W = %v (ties %v), want %v; err %v", r.W, r.Ties, want, err)
	}
}

func TestMannWhitneyRadixPath(t *testing.T) {
	// Samples above the radix-sort threshold, with ties, both signs of
	// zero, negative values and extremes, against ranks from a plain sort
	// of the pooled sample.
	defer func(m int) { mannWhitneyParallelMost = m }(mannWhitneyParallelMost)
	for _, c := range []struct{ nx, ny, parallelMost int }{
		{6000, 5000, 1 << 21},   // each sorted alone
		{40000, 35000, 1 << 21}, // on two cores
		{40000, 35000, 1 << 15}, // one after the other, x first
		{35000, 40000, 1 << 15}, // y first
	} {
		mannWhitneyParallelMost = c.parallelMost
		checkRankSum(t, rand.New(rand.NewPCG(3, 4)), make([]float64, c.nx), make([]float64, c.ny))
	}
}

// checkRankSum fills x and y with ties, zeros, negative values and
// extremes and checks mannWhitneyRankSum against the ranks of a plain
// sort of the pooled sample.
func checkRankSum(t *testing.T, rng *rand.Rand, x, y []float64) {
	t.Helper()
	fill := func(v []float64) {
		for i := range v {
			switch rng.IntN(20) {
			case 0:
				v[i] = math.Copysign(0, -1)
			case 1:
				v[i] = 0
			case 2:
				v[i] = -math.MaxFloat64
			case 3:
				v[i] = math.SmallestNonzeroFloat64
			default:
				v[i] = math.Round(rng.NormFloat64()*100) / 10
			}
		}
	}
	fill(x)
	fill(y)
	type obs struct {
		v   float64
		inX bool
	}
	pooled := make([]obs, 0, len(x)+len(y))
	for _, v := range x {
		pooled = append(pooled, obs{v, true})
	}
	for _, v := range y {
		pooled = append(pooled, obs{v, false})
	}
	sort.Slice(pooled, func(i, j int) bool { return pooled[i].v < pooled[j].v })
	var wantRank, wantTies float64
	for i := 0; i < len(pooled); {
		j := i
		for j < len(pooled) && pooled[j].v == pooled[i].v {
			j++
		}
		avg := float64(i+1+j) / 2
		for k := i; k < j; k++ {
			if pooled[k].inX {
				wantRank += avg
			}
		}
		if t := float64(j - i); t > 1 {
			wantTies += t*t*t - t
		}
		i = j
	}
	gotRank, gotTies := mannWhitneyRankSum(x, y)
	if gotRank != wantRank || gotTies != wantTies {
		t.Errorf("rank sum %v, tie sum %v; want %v, %v", gotRank, gotTies, wantRank, wantTies)
	}
}

// TestMannWhitneyTinyPValue checks that the normal approximation's p-value
// does not underflow when the samples do not overlap.
func TestMannWhitneyTinyPValue(t *testing.T) {
	x, y := make([]float64, 300), make([]float64, 300)
	for i := range x {
		x[i], y[i] = float64(i+1), float64(i+301)
	}
	for _, c := range []struct {
		alt  Alternative
		want float64
	}{
		// R 4.2.2: wilcox.test(1:300, 301:600)$p.value
		{TwoSided, 1.0549641486893438e-99},
		// R 4.2.2: wilcox.test(1:300, 301:600, alternative = "less")$p.value
		{Less, 5.2748207434467191e-100},
	} {
		r, err := MannWhitney(x, y, c.alt)
		if err != nil {
			t.Fatal(err)
		}
		if !scalar.EqualWithinRel(r.P, c.want, 1e-9) {
			t.Errorf("%v: p = %.17g, R %.17g", c.alt, r.P, c.want)
		}
		// The mirror image, in the upper tail, gives the same p-value.
		mirror := map[Alternative]Alternative{TwoSided: TwoSided, Less: Greater}[c.alt]
		r, err = MannWhitney(y, x, mirror)
		if err != nil {
			t.Fatal(err)
		}
		if !scalar.EqualWithinRel(r.P, c.want, 1e-9) {
			t.Errorf("swapped, %v: p = %.17g, R %.17g", mirror, r.P, c.want)
		}
	}
}
