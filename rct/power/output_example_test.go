package power_test

import (
	"encoding/json"
	"fmt"

	"github.com/evalkit/evalkit/rct/power"
)

// The words evalkit power prints for a solved t-test; the command lays
// them out as a table and a list.
func ExampleTTestResult_Summary() {
	res, err := power.TTest{Effect: 0.3, Power: 0.8, Attrition: 0.1}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	s := res.Summary()
	fmt.Println(s.Title)
	fmt.Println("Solved for:", s.Solved)
	for _, r := range s.Rows {
		fmt.Printf("  %s: %s\n", r.Name, r.Value)
	}
	fmt.Println(s.Assumptions[3])
	// Output:
	// Two-sample t-test, two-sided, alpha = 0.05
	// Solved for: sample size
	//   effect (d): 0.3
	//   power: 0.8
	//   n control, analysed (exact): 175.385
	//   n control: 195
	//   n treatment: 195
	//   n total: 390
	//   degrees of freedom: 348.769
	// 10% of recruited units are assumed lost at random, so recruitment is the analysed size divided by 0.9, rounded up.
}

func ExamplePropResult_Summary() {
	res, err := power.Prop{PControl: 0.3, PTreatment: 0.22, Power: 0.9}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	s := res.Summary()
	fmt.Println(s.Title)
	fmt.Printf("%s: %s\n", s.Rows[3].Name, s.Rows[3].Value)
	// Output:
	// Two proportions, arcsine test, two-sided, alpha = 0.05
	// Cohen's h: -0.182869
}

func ExampleClusterResult_Summary() {
	res, err := power.Cluster{ICC: 0.15, ClusterSize: 60, R2Cluster: 0.5, Effect: 0.25, Power: 0.8}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	s := res.Summary()
	fmt.Println(s.Title)
	fmt.Println("Solved for:", s.Solved)
	fmt.Printf("%s: %s\n", s.Rows[2].Name, s.Rows[2].Value)
	// Output:
	// Cluster-randomised trial (CRA2), two-sided, alpha = 0.05
	// Solved for: number of clusters
	// clusters: 48
}

func ExampleCountsResult_Summary() {
	res, err := power.Counts{MeanControl: 2.5, RateRatio: 0.8, Power: 0.8}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	s := res.Summary()
	fmt.Println(s.Title)
	fmt.Printf("%s: %s\n", s.Rows[3].Name, s.Rows[3].Value)
	fmt.Println(s.Assumptions[0])
	// Output:
	// Counts (Wald test on log rate ratio), two-sided, alpha = 0.05
	// dispersion: none (Poisson)
	// Counts are Poisson: their variance equals their mean.
}

// The data of evalkit power ttest --plot: power against the control arm
// recruited, up to twice the size solved for.
func ExampleTTestResult_PowerCurve() {
	res, err := power.TTest{Effect: 0.3, Power: 0.8}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.PowerCurve()
	fmt.Println(c.Title)
	fmt.Printf("%d points, %s from %g to %g; mark at %g, target %g\n", len(c.X), c.XLabel, c.X[0], c.X[len(c.X)-1], c.Mark, c.Target)
	// Output:
	// Two-sample t-test, d = 0.3, two-sided
	// sample size solved for power 0.8 at the effect given
	// 200 points, units recruited to control from 2 to 352; mark at 176, target 0.8
}

func ExamplePropResult_PowerCurve() {
	res, err := power.Prop{PControl: 0.3, PTreatment: 0.22, NControl: 500, NTreatment: 500}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.PowerCurve()
	fmt.Println(c.Title)
	fmt.Printf("power %.3f at %g\n", c.Power[len(c.Power)-1], c.X[len(c.X)-1])
	// Output:
	// Two proportions (arcsine), 0.3 to 0.22, two-sided
	// power solved at the effect and size given: 0.82419
	// power 0.983 at 1000
}

func ExampleClusterResult_PowerCurve() {
	res, err := power.Cluster{ICC: 0.2, ClusterSize: 4, Clusters: 20, Effect: 0.5}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.PowerCurve()
	fmt.Println(c.Title)
	fmt.Printf("%s from %g to %g\n", c.XLabel, c.X[0], c.X[len(c.X)-1])
	// Output:
	// Cluster-randomised trial, effect 0.5, ICC 0.2, 4 per cluster
	// power solved at the effect and size given: 0.387427
	// clusters in total from 3 to 40
}

func ExampleCountsResult_PowerCurve() {
	res, err := power.Counts{MeanControl: 2.5, RateRatio: 0.8, Dispersion: 1.5, Power: 0.8}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.PowerCurve()
	fmt.Println(c.Title)
	fmt.Printf("power %.3f at %g\n", c.Power[0], c.X[0])
	// Output:
	// Counts, rate ratio 0.8 from 2.5 per unit, two-sided
	// sample size solved for power 0.8 at the effect given
	// power 0.055 at 2
}

// A result is the object evalkit power ttest --json prints.
func ExampleTTestResult_MarshalJSON() {
	res, err := power.TTest{Effect: 0.5, NControl: 40, NTreatment: 60}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := json.Marshal(res)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))
	// Output:
	// {"design":"ttest","solved":"power","effect":0.5,"alpha":0.05,"sided":2,"power":0.679205907151172,"ratio":1.5,"attrition":0,"n_control":40,"n_treatment":60,"n_total":100,"n_control_exact":null,"df":98}
}

func ExamplePropResult_MarshalJSON() {
	res, err := power.Prop{Method: power.Pooled, PControl: 0.3, PTreatment: 0.22, Power: 0.9}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := json.Marshal(res)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))
	// Output:
	// {"design":"prop","solved":"n","method":"pooled","p_control":0.3,"p_treatment":0.22,"h":null,"effect":-0.07999999999999999,"alpha":0.05,"sided":2,"power":0.9,"ratio":1,"attrition":0,"n_control":630,"n_treatment":630,"n_total":1260,"n_control_exact":629.6789051594831}
}

func ExampleClusterResult_MarshalJSON() {
	res, err := power.Cluster{ICC: 0.2, ClusterSize: 4, Clusters: 20, Power: 0.8}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := json.Marshal(res)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))
	// Output:
	// {"design":"cluster","solved":"effect","effect":0.8380546720987964,"power":0.8,"alpha":0.05,"sided":2,"icc":0.2,"cluster_size":4,"clusters":20,"clusters_control":10,"clusters_treatment":10,"n_total":80,"design_effect":1.6,"df":18,"treated_share":0.5,"r2_individual":0,"r2_cluster":0,"cluster_covariates":0,"cluster_size_cv":0,"attrition":0}
}

// Poisson counts have no dispersion: null.
func ExampleCountsResult_MarshalJSON() {
	res, err := power.Counts{MeanControl: 0.4, RateRatio: 0.6, NControl: 300, NTreatment: 200}.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := json.Marshal(res)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))
	// Output:
	// {"design":"counts","solved":"power","mean_control":0.4,"rate_ratio":0.6,"dispersion":null,"alpha":0.05,"sided":2,"power":0.848759171668971,"ratio":0.6666666666666666,"attrition":0,"n_control":300,"n_treatment":200,"n_total":500,"n_control_exact":null}
}

func ExampleUnknown_MarshalJSON() {
	out, _ := json.Marshal([]power.Unknown{power.SolvedPower, power.SolvedN, power.SolvedEffect})
	fmt.Println(string(out))
	// Output:
	// ["power","n","effect"]
}

func ExamplePropMethod_MarshalJSON() {
	out, _ := json.Marshal([]power.PropMethod{power.Arcsine, power.Pooled})
	fmt.Println(string(out))
	// Output:
	// ["arcsine","pooled"]
}

func ExampleParsePropMethod() {
	m, err := power.ParsePropMethod("pooled")
	fmt.Println(m == power.Pooled, err)
	_, err = power.ParsePropMethod("wald")
	fmt.Println(err)
	// Output:
	// true <nil>
	// stats: argument out of domain: method "wald" is not arcsine or pooled
}
