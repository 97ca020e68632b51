package stats_test

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/stats"
)

// Crimes at 20 hotspots over weeks of follow-up, half of them patrolled.
var (
	exampleCrimes   = []float64{3, 0, 7, 2, 5, 1, 9, 4, 0, 6, 2, 1, 0, 3, 1, 4, 0, 2, 5, 1}
	exampleWeeks    = []float64{10, 12, 8, 10, 12, 9, 11, 10, 8, 12, 10, 12, 8, 10, 12, 9, 11, 10, 8, 12}
	examplePatrol   = []float64{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
	exampleLogWeeks = func() []float64 {
		out := make([]float64, len(exampleWeeks))
		for i, w := range exampleWeeks {
			out[i] = math.Log(w)
		}
		return out
	}()
)

// As MASS::glm.nb(crimes ~ patrol + offset(log(weeks))), R 4.2.2.
func ExampleNegBin() {
	res, err := stats.NegBin(exampleCrimes, []string{"patrol"}, [][]float64{examplePatrol},
		stats.GLMOptions{Offset: exampleLogWeeks})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Coefficients[1]
	fmt.Printf("rate ratio %.3f (95%% CI %.3f to %.3f), p %.3f\n", math.Exp(c.Estimate), math.Exp(c.CILow), math.Exp(c.CIHigh), c.P)
	fmt.Printf("theta %.2f (se %.2f)\n", res.Theta, res.ThetaSE)
	// Output:
	// rate ratio 0.534 (95% CI 0.238 to 1.200), p 0.129
	// theta 2.18 (se 1.43)
}

// As glm(crimes ~ patrol + offset(log(weeks)), family = poisson), R 4.2.2.
func ExamplePoisson() {
	res, err := stats.Poisson(exampleCrimes, []string{"patrol"}, [][]float64{examplePatrol},
		stats.GLMOptions{Offset: exampleLogWeeks})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Coefficients[1]
	fmt.Printf("rate ratio %.3f (95%% CI %.3f to %.3f), deviance %.2f on %d df\n",
		math.Exp(c.Estimate), math.Exp(c.CILow), math.Exp(c.CIHigh), res.Deviance, res.ResidualDF)
	// Output:
	// rate ratio 0.514 (95% CI 0.295 to 0.893), deviance 44.76 on 18 df
}
