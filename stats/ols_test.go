package stats

import (
	"errors"
	"math"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// Reference values: R 4.2.2, estimatr 1.0.0, on testdata/models/lm.csv, printed
// with sprintf("%.17g") by testdata/r/models.R. Least squares is exact in R, so
// the tolerance is 1e-9 relative (1e-8 for the CR2 df, whose R value goes
// through an eigendecomposition of each cluster's n_g × n_g matrix).
var olsRefCases = []struct {
	name    string
	form    string // the R formula, for the record
	x       []string
	block   bool
	cluster string
	cov     CovType
	coef    []float64
	se      []float64
	df      []float64
	tol     float64
	dfTol   float64
}{
	// lm_robust(y ~ t + x1 + x2, se_type = "classical")
	{name: "classical", x: []string{"t", "x1", "x2"}, cov: Classical,
		coef: []float64{-10.044837658918526, 1.509041385424345, 0.78145059863186594, 0.0012336266433689087},
		se:   []float64{5.0652686146781658, 0.43516028106082305, 0.22395167981361644, 0.00050784672234980503},
		df:   []float64{57, 57, 57, 57}, tol: 1e-9, dfTol: 1e-12},
	// lm_robust(y ~ t + x1 + x2 + factor(block), se_type = "classical")
	{name: "classical/block", x: []string{"t", "x1", "x2"}, block: true, cov: Classical,
		coef: []float64{1.5242304826051538, 0.89822504089893385, 0.001037437022995785},
		se:   []float64{0.41112919148856242, 0.2168920511645078, 0.00048901797196896149},
		df:   []float64{53, 53, 53}, tol: 1e-9, dfTol: 1e-12},
	// lm_robust(y ~ t + x1 + x2, se_type = "HC0")
	{name: "HC0", x: []string{"t", "x1", "x2"}, cov: HC0,
		coef: []float64{-10.044837658918526, 1.509041385424345, 0.78145059863186594, 0.0012336266433689087},
		se:   []float64{3.054692079367733, 0.42901339419286111, 0.15606204930708797, 0.00030231204793271948},
		df:   []float64{57, 57, 57, 57}, tol: 1e-9, dfTol: 1e-12},
	// lm_robust(y ~ t + x1 + x2 + factor(block), se_type = "HC0")
	{name: "HC0/block", x: []string{"t", "x1", "x2"}, block: true, cov: HC0,
		coef: []float64{1.5242304826051538, 0.89822504089893385, 0.001037437022995785},
		se:   []float64{0.39899621337640423, 0.12669807503171215, 0.00028961673309650052},
		df:   []float64{53, 53, 53}, tol: 1e-9, dfTol: 1e-12},
	// lm_robust(y ~ t + x1 + x2, se_type = "HC1")
	{name: "HC1", x: []string{"t", "x1", "x2"}, cov: HC1,
		coef: []float64{-10.044837658918526, 1.509041385424345, 0.78145059863186594, 0.0012336266433689087},
		se:   []float64{3.1600570883275112, 0.44381128509267043, 0.16144507279891113, 0.00031273964940987812},
		df:   []float64{57, 57, 57, 57}, tol: 1e-9, dfTol: 1e-12},
	// lm_robust(y ~ t + x1 + x2 + factor(block), se_type = "HC1")
	{name: "HC1/block", x: []string{"t", "x1", "x2"}, block: true, cov: HC1,
		coef: []float64{1.5242304826051538, 0.89822504089893385, 0.001037437022995785},
		se:   []float64{0.42805123735831668, 0.1359242668728757, 0.00031070671050373869},
		df:   []float64{53, 53, 53}, tol: 1e-9, dfTol: 1e-12},
	// lm_robust(y ~ t + x1 + x2, se_type = "HC2")
	{name: "HC2", x: []string{"t", "x1", "x2"}, cov: HC2,
		coef: []float64{-10.044837658918526, 1.509041385424345, 0.78145059863186594, 0.0012336266433689087},
		se:   []float64{3.1739139232606455, 0.43965967823474061, 0.16142510363864671, 0.00031402294033078991},
		df:   []float64{57, 57, 57, 57}, tol: 1e-9, dfTol: 1e-12},
	// lm_robust(y ~ t + x1 + x2 + factor(block), se_type = "HC2")
	{name: "HC2/block", x: []string{"t", "x1", "x2"}, block: true, cov: HC2,
		coef: []float64{1.5242304826051538, 0.89822504089893385, 0.001037437022995785},
		se:   []float64{0.41986449409910009, 0.13589673776768468, 0.00031452672800745996},
		df:   []float64{53, 53, 53}, tol: 1e-9, dfTol: 1e-12},
	// lm_robust(y ~ t + x1 + x2, se_type = "HC3")
	{name: "HC3", x: []string{"t", "x1", "x2"}, cov: HC3,
		coef: []float64{-10.044837658918526, 1.509041385424345, 0.78145059863186594, 0.0012336266433689087},
		se:   []float64{3.2991696387931149, 0.45064889183364609, 0.16706936035993322, 0.00032632472816884522},
		df:   []float64{57, 57, 57, 57}, tol: 1e-9, dfTol: 1e-12},
	// lm_robust(y ~ t + x1 + x2 + factor(block), se_type = "HC3")
	{name: "HC3/block", x: []string{"t", "x1", "x2"}, block: true, cov: HC3,
		coef: []float64{1.5242304826051538, 0.89822504089893385, 0.001037437022995785},
		se:   []float64{0.44212155692492011, 0.14610255094226682, 0.00034245799875004274},
		df:   []float64{53, 53, 53}, tol: 1e-9, dfTol: 1e-12},
	// lm_robust(y ~ tcl + x1 + x2, clusters = cluster, se_type = "CR2")
	{name: "CR2", x: []string{"tcl", "x1", "x2"}, cluster: "cluster", cov: CR2,
		coef: []float64{-9.746257833673976, -0.17761609637679326, 0.76497294067396404, 0.0012858679814442559},
		se:   []float64{2.8213512527551212, 0.50277913682745479, 0.17816903376854881, 0.00028622138253381509},
		df:   []float64{7.7668558830816181, 10.666851508621805, 8.4161303929216782, 7.7007145117934641}, tol: 1e-9, dfTol: 1e-8},
	// lm_robust(y ~ tcl + x1 + x2 + factor(block), clusters = cluster, se_type = "CR2")
	{name: "CR2/block", x: []string{"tcl", "x1", "x2"}, block: true, cluster: "cluster", cov: CR2,
		coef: []float64{-0.12466452138831483, 0.87993172601879266, 0.0010753770325398957},
		se:   []float64{0.45322784206689204, 0.15862354072375259, 0.00028105960545979038},
		df:   []float64{7.6707414900166668, 8.182936249785044, 7.5989793858836343}, tol: 1e-9, dfTol: 1e-8},
	// lm_robust(y ~ t + x1, clusters = cluster, se_type = "CR2")
	{name: "CR2/individual-treatment", x: []string{"t", "x1"}, cluster: "cluster", cov: CR2,
		coef: []float64{2.2369610974177618, 1.52502042460783, 0.82280740934691654},
		se:   []float64{0.25359921221756332, 0.42449791203354981, 0.17030474490241962},
		df:   []float64{10.781603230384151, 12.056558721554472, 8.48623950382418}, tol: 1e-9, dfTol: 1e-8},
	// lm_robust(y ~ t + x1 + x2 + factor(block), clusters = cl2, se_type = "CR2"),
	// cl2 = (row number %% 9): clusters cut across blocks.
	{name: "CR2/block/crossed", x: []string{"t", "x1", "x2"}, block: true, cluster: "cl2", cov: CR2,
		coef: []float64{1.5242304826051538, 0.89822504089893385, 0.001037437022995786},
		se:   []float64{0.39770001550967604, 0.12677009502238074, 0.00028106299312570353},
		df:   []float64{7.814634699415671, 5.4111902584450053, 6.3069755408022905}, tol: 1e-9, dfTol: 1e-8},
	// lm_robust(y ~ t + x1 + x2 + factor(block), clusters = block, se_type = "CR2"):
	// each cluster holds a whole block.
	{name: "CR2/clusters=blocks", x: []string{"t", "x1", "x2"}, block: true, cluster: "block", cov: CR2,
		coef: []float64{1.5242304826051538, 0.89822504089893385, 0.001037437022995785},
		se:   []float64{0.25751968645791612, 0.22817508169848016, 0.00028524823860475785},
		df:   []float64{3.3016811313585186, 3.0086397759120826, 2.6471879645669563}, tol: 1e-9, dfTol: 1e-8},
	// lm_robust(y ~ t + x1 + x2 + factor(block), clusters = bc, se_type = "CR2"),
	// bc = block 2 as one cluster, the original clusters elsewhere.
	{name: "CR2/one-cluster-is-a-block", x: []string{"t", "x1", "x2"}, block: true, cluster: "bc", cov: CR2,
		coef: []float64{1.5242304826051538, 0.89822504089893385, 0.001037437022995785},
		se:   []float64{0.27281119581541019, 0.1855196510612227, 0.00035237099668224489},
		df:   []float64{7.791795695368906, 5.2318871845267543, 6.0666325111109085}, tol: 1e-9, dfTol: 1e-8},
}

func TestOLSAgainstR(t *testing.T) {
	d := modelsReadCSV(t, "lm.csv")
	n := len(d.num["y"])
	cl2 := make([]string, n)
	for i := range cl2 {
		cl2[i] = strconv.Itoa((i + 1) % 9)
	}
	for _, tc := range olsRefCases {
		t.Run(tc.name, func(t *testing.T) {
			opt := OLSOptions{Cov: tc.cov}
			if tc.block {
				opt.Block = d.labels("block")
			}
			switch tc.cluster {
			case "cluster":
				opt.Cluster = d.labels("cluster")
			case "cl2":
				opt.Cluster = cl2
			case "block":
				opt.Cluster = d.labels("block")
			case "bc":
				opt.Cluster = append([]string(nil), d.labels("cluster")...)
				for i, b := range d.labels("block") {
					if b == "2" {
						opt.Cluster[i] = "block 2"
					}
				}
			}
			res, err := OLS(d.num["y"], tc.x, d.cols(tc.x...), opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Coefficients) != len(tc.coef) {
				t.Fatalf("got %d coefficients, want %d", len(res.Coefficients), len(tc.coef))
			}
			for j, c := range res.Coefficients {
				if !scalar.EqualWithinAbsOrRel(c.Estimate, tc.coef[j], 0, tc.tol) {
					t.Errorf("%s: estimate %.17g, want %.17g", c.Name, c.Estimate, tc.coef[j])
				}
				if !scalar.EqualWithinAbsOrRel(c.SE, tc.se[j], 0, tc.tol) {
					t.Errorf("%s: se %.17g, want %.17g", c.Name, c.SE, tc.se[j])
				}
				if !scalar.EqualWithinAbsOrRel(c.DF, tc.df[j], 0, tc.dfTol) {
					t.Errorf("%s: df %.17g, want %.17g", c.Name, c.DF, tc.df[j])
				}
			}
		})
	}
}

// TestOLSBlockLeverages checks h_ii = 1/n_b + x̃_i'(X̃'X̃)⁻¹x̃_i against
// hatvalues(lm(y ~ t + x1 + x2 + factor(block)))[c(1, 9, 17, 61)], R 4.2.2.
func TestOLSBlockLeverages(t *testing.T) {
	d := modelsReadCSV(t, "lm.csv")
	block, _ := codeLabelsAs[int32](d.labels("block"))
	f, err := olsNewFit(d.num["y"], []string{"t", "x1", "x2"}, d.cols("t", "x1", "x2"), block)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[int]float64{
		1: 0.25959164203209933, 9: 0.084462776673662407, 17: 0.089724610620642728, 61: 0.17890438308892187,
	} {
		if h := robustLeverage(f, k-1, make([]float64, f.p)); !scalar.EqualWithinAbsOrRel(h, want, 0, 1e-9) {
			t.Errorf("h[%d] = %.17g, want %.17g", k, h, want)
		}
	}
}

func TestOLSErrors(t *testing.T) {
	y := []float64{1, 2, 4, 3, 5, 7}
	x1 := []float64{1, 2, 3, 4, 5, 6}
	tests := []struct {
		name string
		x    [][]float64
		opt  OLSOptions
		want error
	}{
		{name: "constant", x: [][]float64{x1, {2, 2, 2, 2, 2, 2}}, want: ErrSingular},
		{name: "collinear", x: [][]float64{x1, {2, 4, 6, 8, 10, 12}}, want: ErrSingular},
		{name: "constant within blocks", x: [][]float64{x1, {1, 1, 1, 2, 2, 2}}, opt: OLSOptions{Block: []string{"a", "a", "a", "b", "b", "b"}}, want: ErrSingular},
		{name: "too few", x: [][]float64{x1, {0, 1, 0, 1, 1, 0}, {3, 1, 4, 1, 5, 9}, {2, 7, 1, 8, 2, 8}, {1, 6, 1, 8, 0, 3}}, want: ErrTooFew},
		{name: "NaN", x: [][]float64{{1, 2, math.NaN(), 4, 5, 6}}, want: ErrDomain},
		{name: "one cluster", x: [][]float64{x1}, opt: OLSOptions{Cov: CR2, Cluster: []string{"a", "a", "a", "a", "a", "a"}}, want: ErrTooFew},
		{name: "cluster leverage 1", x: [][]float64{x1, {1, 0, 0, 0, 0, 0}}, opt: OLSOptions{Cov: CR2, Cluster: []string{"a", "b", "b", "c", "c", "c"}}, want: ErrDomain},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := OLS(y, olsTestNames(len(tc.x)), tc.x, tc.opt)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func olsTestNames(k int) []string {
	names := make([]string, k)
	for j := range names {
		names[j] = string(rune('a' + j))
	}
	return names
}

// TestOLSSingletonBlock: observation 17 alone in block 9 has leverage 1 and
// no influence on the reported coefficients. References, R 4.2.2, estimatr
// 1.0.0, testdata/r/models.R:
//
//	lm_robust(y ~ t + x1 + x2 + factor(block), data = d9, se_type = "HC3"), d9$block[17] <- 9
//	lm_robust(y ~ t + x1 + x2 + factor(block), data = d[-17, ], se_type = "HC2")
//
// (estimatr's own HC2 on d9 is NaN: 1 - h_17 rounds to -1e-16.)
func TestOLSSingletonBlock(t *testing.T) {
	d := modelsReadCSV(t, "lm.csv")
	block := append([]string(nil), d.labels("block")...)
	block[16] = "9"
	coef := []float64{1.2017731739573934, 0.81707279574160685, 0.0010516060858911482}
	tests := []struct {
		name string
		cov  CovType
		se   []float64
	}{
		{"HC2", HC2, []float64{0.27413898520372293, 0.10575935421537651, 0.0002850439924310332}},
		{"HC3", HC3, []float64{0.29020765542488858, 0.11567101981801056, 0.00031109467110216704}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := []string{"t", "x1", "x2"}
			res, err := OLS(d.num["y"], x, d.cols(x...), OLSOptions{Cov: tc.cov, Block: block})
			if err != nil {
				t.Fatal(err)
			}
			if res.ResidualDF != 52 {
				t.Errorf("df = %v, want 52", res.ResidualDF)
			}
			for j, c := range res.Coefficients {
				if !scalar.EqualWithinAbsOrRel(c.Estimate, coef[j], 0, 1e-9) || !scalar.EqualWithinAbsOrRel(c.SE, tc.se[j], 0, 1e-9) {
					t.Errorf("%s: %.17g (se %.17g), want %.17g (se %.17g)", c.Name, c.Estimate, c.SE, coef[j], tc.se[j])
				}
			}
		})
	}
}

// TestOLSCR2ClubSandwich cross-checks the treatment coefficient's CR2 standard
// error and Satterthwaite df against clubSandwich 0.5.8 (R 4.2.2):
// coef_test(lm(formula), vcov = "CR2", cluster = d$cluster, test = "Satterthwaite", coefs = 2).
// clubSandwich and estimatr themselves differ by up to 2e-10 relative (each
// takes (I - H_gg)^(-1/2) by its own eigendecomposition), hence 1e-8.
func TestOLSCR2ClubSandwich(t *testing.T) {
	d := modelsReadCSV(t, "lm.csv")
	tests := []struct {
		name   string
		x      []string
		block  bool
		se, df float64
	}{
		{"y ~ tcl + x1 + x2", []string{"tcl", "x1", "x2"}, false, 0.50277913694593324, 10.666851506503935},
		{"y ~ tcl + x1 + x2 + factor(block)", []string{"tcl", "x1", "x2"}, true, 0.45322784122609067, 7.6707414985133484},
		{"y ~ t + x1", []string{"t", "x1"}, false, 0.42449791203354992, 12.056558721554476},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := OLSOptions{Cov: CR2, Cluster: d.labels("cluster")}
			j := 1
			if tc.block {
				opt.Block = d.labels("block")
				j = 0
			}
			res, err := OLS(d.num["y"], tc.x, d.cols(tc.x...), opt)
			if err != nil {
				t.Fatal(err)
			}
			c := res.Coefficients[j]
			if !scalar.EqualWithinAbsOrRel(c.SE, tc.se, 0, 1e-8) || !scalar.EqualWithinAbsOrRel(c.DF, tc.df, 0, 1e-8) {
				t.Errorf("se %.17g df %.17g, clubSandwich se %.17g df %.17g", c.SE, c.DF, tc.se, tc.df)
			}
		})
	}
}
