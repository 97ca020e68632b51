package power

import "github.com/evalkit/evalkit/stats"

// Reference values printed by testdata/r/power.R (sections ttest, ttestn,
// ttestd) with R 4.2.2 and pwr 1.3.0; each row's comment is the R call.

type ttestPowerRow struct {
	alt                  stats.Alternative
	alpha, d, n1, n2, pw float64
}

var ttestPowerRef = []ttestPowerRow{
	{stats.TwoSided, 0.050000000000000003, 0.10000000000000001, 10, 10, 0.055161292111541971},     // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.1, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.10000000000000001, 25, 40, 0.067262756001927881},     // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.1, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.10000000000000001, 64, 64, 0.086814914546114674},     // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.1, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.10000000000000001, 200, 150, 0.15190660944000567},    // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.1, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.10000000000000001, 3, 2, 0.050733071928939721},       // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.1, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.10000000000000001, 2.5, 7.25, 0.051661523671432619},  // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.1, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.29999999999999999, 10, 10, 0.09742459135297421},      // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.3, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.29999999999999999, 25, 40, 0.2124286008948264},       // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.3, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.29999999999999999, 64, 64, 0.39146872431448654},      // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.3, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.29999999999999999, 200, 150, 0.79098035738653472},    // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.3, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.29999999999999999, 3, 2, 0.056601852460948399},       // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.3, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.29999999999999999, 2.5, 7.25, 0.065056200110691464},  // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.3, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.5, 10, 10, 0.1850956562918028},                       // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.5, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.5, 25, 40, 0.48858818105142421},                      // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.5, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.5, 64, 64, 0.80145955792232737},                      // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.5, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.5, 200, 150, 0.99605014687097171},                    // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.5, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.5, 3, 2, 0.068357557282296977},                       // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.5, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 0.5, 2.5, 7.25, 0.092318644424202789},                  // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.5, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 1.2, 10, 10, 0.7184053765421049},                       // pwr.t2n.test(n1 = 10, n2 = 10, d = 1.2, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 1.2, 25, 40, 0.99625218637431689},                      // pwr.t2n.test(n1 = 25, n2 = 40, d = 1.2, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 1.2, 64, 64, 0.99999910523046087},                      // pwr.t2n.test(n1 = 64, n2 = 64, d = 1.2, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 1.2, 200, 150, 1},                                      // pwr.t2n.test(n1 = 200, n2 = 150, d = 1.2, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 1.2, 3, 2, 0.15565748571623195},                        // pwr.t2n.test(n1 = 3, n2 = 2, d = 1.2, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, 1.2, 2.5, 7.25, 0.3007131486727328},                    // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 1.2, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, -0.40000000000000002, 10, 10, 0.13545156208836684},     // pwr.t2n.test(n1 = 10, n2 = 10, d = -0.4, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, -0.40000000000000002, 25, 40, 0.33932383214890804},     // pwr.t2n.test(n1 = 25, n2 = 40, d = -0.4, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, -0.40000000000000002, 64, 64, 0.61238497037775341},     // pwr.t2n.test(n1 = 64, n2 = 64, d = -0.4, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, -0.40000000000000002, 200, 150, 0.95845904703912921},   // pwr.t2n.test(n1 = 200, n2 = 150, d = -0.4, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, -0.40000000000000002, 3, 2, 0.061742411648308959},      // pwr.t2n.test(n1 = 3, n2 = 2, d = -0.4, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.050000000000000003, -0.40000000000000002, 2.5, 7.25, 0.076912966416892381}, // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = -0.4, sig.level = 0.05, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.10000000000000001, 10, 10, 0.011570960724693213},                     // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.1, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.10000000000000001, 25, 40, 0.015674627126203267},                     // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.1, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.10000000000000001, 64, 64, 0.022681466558108765},                     // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.1, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.10000000000000001, 200, 150, 0.049256876528056659},                   // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.1, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.10000000000000001, 3, 2, 0.0101684184719113},                         // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.1, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.10000000000000001, 2.5, 7.25, 0.01045874746884834},                   // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.1, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.29999999999999999, 10, 10, 0.025488091329695428},                     // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.3, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.29999999999999999, 25, 40, 0.076486420005846267},                     // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.3, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.29999999999999999, 64, 64, 0.18379418430411842},                      // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.3, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.29999999999999999, 200, 150, 0.57471472947836733},                    // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.3, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.29999999999999999, 3, 2, 0.011523894542082358},                       // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.3, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.29999999999999999, 2.5, 7.25, 0.014240863523257263},                  // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.3, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.5, 10, 10, 0.059921922019119611},                                     // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.5, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.5, 25, 40, 0.2526962598702106},                                       // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.5, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.5, 64, 64, 0.58525102037225185},                                      // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.5, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.5, 200, 150, 0.97888028481654532},                                    // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.5, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.5, 3, 2, 0.014277255408584488},                                       // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.5, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 0.5, 2.5, 7.25, 0.02238726108233291},                                   // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.5, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 1.2, 10, 10, 0.44507351617330393},                                      // pwr.t2n.test(n1 = 10, n2 = 10, d = 1.2, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 1.2, 25, 40, 0.97754167381785451},                                      // pwr.t2n.test(n1 = 25, n2 = 40, d = 1.2, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 1.2, 64, 64, 0.99998120444385641},                                      // pwr.t2n.test(n1 = 64, n2 = 64, d = 1.2, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 1.2, 200, 150, 1},                                                      // pwr.t2n.test(n1 = 200, n2 = 150, d = 1.2, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 1.2, 3, 2, 0.036322725544468693},                                       // pwr.t2n.test(n1 = 3, n2 = 2, d = 1.2, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, 1.2, 2.5, 7.25, 0.10341814631277502},                                   // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 1.2, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, -0.40000000000000002, 10, 10, 0.039530923447234412},                    // pwr.t2n.test(n1 = 10, n2 = 10, d = -0.4, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, -0.40000000000000002, 25, 40, 0.14736447450888646},                     // pwr.t2n.test(n1 = 25, n2 = 40, d = -0.4, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, -0.40000000000000002, 64, 64, 0.36586273267200053},                     // pwr.t2n.test(n1 = 64, n2 = 64, d = -0.4, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, -0.40000000000000002, 200, 150, 0.86645241811000928},                   // pwr.t2n.test(n1 = 200, n2 = 150, d = -0.4, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, -0.40000000000000002, 3, 2, 0.012721624068237403},                      // pwr.t2n.test(n1 = 3, n2 = 2, d = -0.4, sig.level = 0.01, alternative = "two.sided")$power
	{stats.TwoSided, 0.01, -0.40000000000000002, 2.5, 7.25, 0.017710975149146102},                 // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = -0.4, sig.level = 0.01, alternative = "two.sided")$power
	{stats.Greater, 0.050000000000000003, 0.10000000000000001, 10, 10, 0.076427318355795082},      // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.1, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.10000000000000001, 25, 40, 0.10440973197248626},       // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.1, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.10000000000000001, 64, 64, 0.13958161831477911},       // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.1, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.10000000000000001, 200, 150, 0.2355062364077628},      // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.1, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.10000000000000001, 3, 2, 0.059759367910188876},        // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.1, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.10000000000000001, 2.5, 7.25, 0.064267126533058994},   // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.1, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.29999999999999999, 10, 10, 0.15889187529660342},       // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.3, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.29999999999999999, 25, 40, 0.31533277119011716},       // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.3, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.29999999999999999, 64, 64, 0.51718190678352882},       // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.3, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.29999999999999999, 200, 150, 0.87017132648954643},     // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.3, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.29999999999999999, 3, 2, 0.083509018130161095},        // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.3, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.29999999999999999, 2.5, 7.25, 0.10198215393007859},    // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.3, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.5, 10, 10, 0.28476349135127033},                       // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.5, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.5, 25, 40, 0.61607198607963887},                       // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.5, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.5, 64, 64, 0.87866419140439866},                       // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.5, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.5, 200, 150, 0.99853613111602502},                     // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.5, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.5, 3, 2, 0.11343393902626242},                         // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.5, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 0.5, 2.5, 7.25, 0.1535799671046062},                     // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.5, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 1.2, 10, 10, 0.82522245254875526},                       // pwr.t2n.test(n1 = 10, n2 = 10, d = 1.2, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 1.2, 25, 40, 0.99869646102833176},                       // pwr.t2n.test(n1 = 25, n2 = 40, d = 1.2, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 1.2, 64, 64, 0.99999983589790131},                       // pwr.t2n.test(n1 = 64, n2 = 64, d = 1.2, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 1.2, 200, 150, 1},                                       // pwr.t2n.test(n1 = 200, n2 = 150, d = 1.2, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 1.2, 3, 2, 0.26961439432531775},                         // pwr.t2n.test(n1 = 3, n2 = 2, d = 1.2, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, 1.2, 2.5, 7.25, 0.43935393270017575},                    // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 1.2, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, -0.40000000000000002, 10, 10, 0.0060924433366137398},    // pwr.t2n.test(n1 = 10, n2 = 10, d = -0.4, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, -0.40000000000000002, 25, 40, 0.00069399226670829872},   // pwr.t2n.test(n1 = 25, n2 = 40, d = -0.4, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, -0.40000000000000002, 64, 64, 4.899034211713893e-05},    // pwr.t2n.test(n1 = 64, n2 = 64, d = -0.4, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, -0.40000000000000002, 200, 150, 4.6226881433852895e-08}, // pwr.t2n.test(n1 = 200, n2 = 150, d = -0.4, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, -0.40000000000000002, 3, 2, 0.02270106743445921},        // pwr.t2n.test(n1 = 3, n2 = 2, d = -0.4, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.050000000000000003, -0.40000000000000002, 2.5, 7.25, 0.01594801504508514},   // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = -0.4, sig.level = 0.05, alternative = "greater")$power
	{stats.Greater, 0.01, 0.10000000000000001, 10, 10, 0.017053967147829252},                      // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.1, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.10000000000000001, 25, 40, 0.026041861575738512},                      // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.1, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.10000000000000001, 64, 64, 0.038638842913904514},                      // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.1, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.10000000000000001, 200, 150, 0.080141285437953291},                    // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.1, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.10000000000000001, 3, 2, 0.012146467949906148},                        // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.1, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.10000000000000001, 2.5, 7.25, 0.013511143891417388},                   // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.1, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.29999999999999999, 10, 10, 0.044178947033637894},                      // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.3, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.29999999999999999, 25, 40, 0.12004812194472658},                       // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.3, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.29999999999999999, 64, 64, 0.25866030741020674},                       // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.3, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.29999999999999999, 200, 150, 0.67014299732580596},                     // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.3, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.29999999999999999, 3, 2, 0.017567936726449185},                        // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.3, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.29999999999999999, 2.5, 7.25, 0.023758937260520252},                   // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.3, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.5, 10, 10, 0.098518194724433128},                                      // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.5, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.5, 25, 40, 0.34192700757556671},                                       // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.5, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.5, 64, 64, 0.68141493453650093},                                       // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.5, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.5, 200, 150, 0.98883503416832397},                                     // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.5, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.5, 3, 2, 0.024770595674328488},                                        // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.5, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 0.5, 2.5, 7.25, 0.039789651802138448},                                   // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.5, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 1.2, 10, 10, 0.56145381762755164},                                       // pwr.t2n.test(n1 = 10, n2 = 10, d = 1.2, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 1.2, 25, 40, 0.988634458266615},                                         // pwr.t2n.test(n1 = 25, n2 = 40, d = 1.2, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 1.2, 64, 64, 0.99999427993810552},                                       // pwr.t2n.test(n1 = 64, n2 = 64, d = 1.2, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 1.2, 200, 150, 1},                                                       // pwr.t2n.test(n1 = 200, n2 = 150, d = 1.2, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 1.2, 3, 2, 0.068710259262135365},                                        // pwr.t2n.test(n1 = 3, n2 = 2, d = 1.2, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, 1.2, 2.5, 7.25, 0.16820817129089372},                                    // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 1.2, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, -0.40000000000000002, 10, 10, 0.00079419466867436395},                   // pwr.t2n.test(n1 = 10, n2 = 10, d = -0.4, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, -0.40000000000000002, 25, 40, 5.6146037353377309e-05},                   // pwr.t2n.test(n1 = 25, n2 = 40, d = -0.4, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, -0.40000000000000002, 64, 64, 2.4959376303534953e-06},                   // pwr.t2n.test(n1 = 64, n2 = 64, d = -0.4, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, -0.40000000000000002, 200, 150, 8.9764995436780737e-10},                 // pwr.t2n.test(n1 = 200, n2 = 150, d = -0.4, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, -0.40000000000000002, 3, 2, 0.00428443058097705},                        // pwr.t2n.test(n1 = 3, n2 = 2, d = -0.4, sig.level = 0.01, alternative = "greater")$power
	{stats.Greater, 0.01, -0.40000000000000002, 2.5, 7.25, 0.0026395234068895546},                 // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = -0.4, sig.level = 0.01, alternative = "greater")$power
	{stats.Less, 0.050000000000000003, 0.10000000000000001, 10, 10, 0.031425613033720046},         // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.1, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.10000000000000001, 25, 40, 0.021031145976060039},         // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.1, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.10000000000000001, 64, 64, 0.013639094240170513},         // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.1, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.10000000000000001, 200, 150, 0.005101430183214406},       // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.1, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.10000000000000001, 3, 2, 0.041521520201597051},           // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.1, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.10000000000000001, 2.5, 7.25, 0.038371290081002263},      // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.1, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.29999999999999999, 10, 10, 0.010976276859335443},         // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.3, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.29999999999999999, 25, 40, 0.0024844307155357237},        // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.3, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.29999999999999999, 64, 64, 0.00042979661979714034},       // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.3, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.29999999999999999, 200, 150, 5.0055800243642423e-06},     // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.3, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.29999999999999999, 3, 2, 0.027981262050764677},           // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.3, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.29999999999999999, 2.5, 7.25, 0.021674256278603088},      // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.3, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.5, 10, 10, 0.0032409112572424625},                        // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.5, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.5, 25, 40, 0.0001683809946205761},                        // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.5, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.5, 64, 64, 4.1319855733634725e-06},                       // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.5, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.5, 200, 150, 1.8640744503528595e-10},                     // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.5, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.5, 3, 2, 0.018270097320854162},                           // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.5, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 0.5, 2.5, 7.25, 0.011567663644895143},                      // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.5, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 1.2, 10, 10, 1.1519794056447097e-05},                       // pwr.t2n.test(n1 = 10, n2 = 10, d = 1.2, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 1.2, 25, 40, 1.4656775793042698e-10},                       // pwr.t2n.test(n1 = 25, n2 = 40, d = 1.2, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 1.2, 64, 64, 4.8849813083506888e-15},                       // pwr.t2n.test(n1 = 64, n2 = 64, d = 1.2, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 1.2, 200, 150, 0},                                          // pwr.t2n.test(n1 = 200, n2 = 150, d = 1.2, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 1.2, 3, 2, 0.0031607406208907785},                          // pwr.t2n.test(n1 = 3, n2 = 2, d = 1.2, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, 1.2, 2.5, 7.25, 0.00080935881858690273},                    // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 1.2, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, -0.40000000000000002, 10, 10, 0.21656187674889216},         // pwr.t2n.test(n1 = 10, n2 = 10, d = -0.4, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, -0.40000000000000002, 25, 40, 0.46303210845784504},         // pwr.t2n.test(n1 = 25, n2 = 40, d = -0.4, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, -0.40000000000000002, 64, 64, 0.72764708300719894},         // pwr.t2n.test(n1 = 64, n2 = 64, d = -0.4, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, -0.40000000000000002, 200, 150, 0.97987696741522401},       // pwr.t2n.test(n1 = 200, n2 = 150, d = -0.4, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, -0.40000000000000002, 3, 2, 0.097666739355890875},          // pwr.t2n.test(n1 = 3, n2 = 2, d = -0.4, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.050000000000000003, -0.40000000000000002, 2.5, 7.25, 0.1259565982198626},       // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = -0.4, sig.level = 0.05, alternative = "less")$power
	{stats.Less, 0.01, 0.10000000000000001, 10, 10, 0.005637648802885753},                         // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.1, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.10000000000000001, 25, 40, 0.0033611774948563156},                        // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.1, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.10000000000000001, 64, 64, 0.0019507873410836707},                        // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.1, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.10000000000000001, 200, 150, 0.00057991030546589162},                     // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.1, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.10000000000000001, 3, 2, 0.0081768233687153913},                          // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.1, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.10000000000000001, 2.5, 7.25, 0.0073080457871672611},                     // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.1, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.29999999999999999, 10, 10, 0.0015894331473073064},                        // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.3, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.29999999999999999, 25, 40, 0.00025229719263941686},                       // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.3, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.29999999999999999, 64, 64, 3.0956000037662967e-05},                       // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.3, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.29999999999999999, 200, 150, 1.7615549341432057e-07},                     // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.3, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.29999999999999999, 3, 2, 0.0053529791170515706},                          // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.3, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.29999999999999999, 2.5, 7.25, 0.0037551392710287734},                     // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.3, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.5, 10, 10, 0.00038089625168680197},                                       // pwr.t2n.test(n1 = 10, n2 = 10, d = 0.5, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.5, 25, 40, 1.0857997229551941e-05},                                       // pwr.t2n.test(n1 = 25, n2 = 40, d = 0.5, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.5, 64, 64, 1.4886666588331821e-07},                                       // pwr.t2n.test(n1 = 64, n2 = 64, d = 0.5, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.5, 200, 150, 1.9900747716405931e-12},                                     // pwr.t2n.test(n1 = 200, n2 = 150, d = 0.5, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.5, 3, 2, 0.0034038309416615231},                                          // pwr.t2n.test(n1 = 3, n2 = 2, d = 0.5, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 0.5, 2.5, 7.25, 0.0018309228451010018},                                     // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 0.5, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 1.2, 10, 10, 6.8826122978649096e-07},                                       // pwr.t2n.test(n1 = 10, n2 = 10, d = 1.2, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 1.2, 25, 40, 2.12763140439165e-12},                                         // pwr.t2n.test(n1 = 25, n2 = 40, d = 1.2, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 1.2, 64, 64, 1.2545520178264269e-14},                                       // pwr.t2n.test(n1 = 64, n2 = 64, d = 1.2, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 1.2, 200, 150, 0},                                                          // pwr.t2n.test(n1 = 200, n2 = 150, d = 1.2, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 1.2, 3, 2, 0.00054606495527953491},                                         // pwr.t2n.test(n1 = 3, n2 = 2, d = 1.2, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, 1.2, 2.5, 7.25, 9.6583248620829565e-05},                                    // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = 1.2, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, -0.40000000000000002, 10, 10, 0.067195404971300277},                        // pwr.t2n.test(n1 = 10, n2 = 10, d = -0.4, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, -0.40000000000000002, 25, 40, 0.21448419683380582},                         // pwr.t2n.test(n1 = 25, n2 = 40, d = -0.4, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, -0.40000000000000002, 64, 64, 0.46497784942173748},                         // pwr.t2n.test(n1 = 64, n2 = 64, d = -0.4, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, -0.40000000000000002, 200, 150, 0.91348180817622815},                       // pwr.t2n.test(n1 = 200, n2 = 150, d = -0.4, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, -0.40000000000000002, 3, 2, 0.020925529712613411},                          // pwr.t2n.test(n1 = 3, n2 = 2, d = -0.4, sig.level = 0.01, alternative = "less")$power
	{stats.Less, 0.01, -0.40000000000000002, 2.5, 7.25, 0.030932196608208784},                     // pwr.t2n.test(n1 = 2.5, n2 = 7.25, d = -0.4, sig.level = 0.01, alternative = "less")$power
}

type ttestNRow struct {
	alt                     stats.Alternative
	alpha, d, ratio, pw, n1 float64
}

var ttestNRef = []ttestNRow{
	{stats.TwoSided, 0.05, 0.20000000000000001, 1, 0.80000000000000004, 393.40569501946032},   // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.2, power = 0.8, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.20000000000000001, 1, 0.90000000000000002, 526.33318857490758},   // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.2, power = 0.9, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.20000000000000001, 2, 0.80000000000000004, 294.97387815413225},   // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.2, power = 0.8, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.20000000000000001, 2, 0.90000000000000002, 394.66956933896176},   // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.2, power = 0.9, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.20000000000000001, 0.5, 0.80000000000000004, 589.94775630810716}, // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.2, power = 0.8, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.20000000000000001, 0.5, 0.90000000000000002, 789.33913867724618}, // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.2, power = 0.9, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.5, 1, 0.80000000000000004, 63.765610190938453},                   // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.5, power = 0.8, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.5, 1, 0.90000000000000002, 85.031284137363826},                   // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.5, power = 0.9, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.5, 2, 0.80000000000000004, 47.741920295167581},                   // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.5, power = 0.8, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.5, 2, 0.90000000000000002, 63.691614054921487},                   // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.5, power = 0.9, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.5, 0.5, 0.80000000000000004, 95.483840590342169},                 // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.5, power = 0.8, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.5, 0.5, 0.90000000000000002, 127.38322810981514},                 // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.5, power = 0.9, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.80000000000000004, 1, 0.80000000000000004, 25.524571835740861},   // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.8, power = 0.8, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.80000000000000004, 1, 0.90000000000000002, 33.825542323905175},   // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.8, power = 0.9, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.80000000000000004, 2, 0.80000000000000004, 19.057679141088652},   // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.8, power = 0.8, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.80000000000000004, 2, 0.90000000000000002, 25.284497336376287},   // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.8, power = 0.9, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.80000000000000004, 0.5, 0.80000000000000004, 38.115358282177027}, // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.8, power = 0.8, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 0.80000000000000004, 0.5, 0.90000000000000002, 50.568994672750179}, // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.8, power = 0.9, alternative = "two.sided") - power, tol = 1e-12)
	{stats.TwoSided, 0.05, 2.5, 1, 0.90000000000000002, 4.5747836858414361},                   // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 2.5, power = 0.9, alternative = "two.sided") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.20000000000000001, 1, 0.80000000000000004, 309.80646975963498},    // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.2, power = 0.8, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.20000000000000001, 1, 0.90000000000000002, 428.87045293453644},    // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.2, power = 0.9, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.20000000000000001, 2, 0.80000000000000004, 232.29813691788365},    // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.2, power = 0.8, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.20000000000000001, 2, 0.90000000000000002, 321.59620661941369},    // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.2, power = 0.9, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.20000000000000001, 0.5, 0.80000000000000004, 464.5962738357062},   // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.2, power = 0.8, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.20000000000000001, 0.5, 0.90000000000000002, 643.19241323908886},  // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.2, power = 0.9, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.5, 1, 0.80000000000000004, 50.150783386856311},                    // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.5, power = 0.8, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.5, 1, 0.90000000000000002, 69.197821844881304},                    // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.5, power = 0.9, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.5, 2, 0.80000000000000004, 37.554524117508812},                    // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.5, power = 0.8, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.5, 2, 0.90000000000000002, 51.840320718011405},                    // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.5, power = 0.9, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.5, 0.5, 0.80000000000000004, 75.109048235017355},                  // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.5, power = 0.8, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.5, 0.5, 0.90000000000000002, 103.68064143602969},                  // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.5, power = 0.9, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.80000000000000004, 1, 0.80000000000000004, 20.03275769050736},     // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.8, power = 0.8, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.80000000000000004, 1, 0.90000000000000002, 27.465839575899764},    // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 0.8, power = 0.9, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.80000000000000004, 2, 0.80000000000000004, 14.96253647119971},     // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.8, power = 0.8, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.80000000000000004, 2, 0.90000000000000002, 20.538681438751698},    // uniroot(pwr.t2n.test(n1 = n, n2 = 2 * n, d = 0.8, power = 0.9, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.80000000000000004, 0.5, 0.80000000000000004, 29.925072942399218},  // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.8, power = 0.8, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 0.80000000000000004, 0.5, 0.90000000000000002, 41.077362877503447},  // uniroot(pwr.t2n.test(n1 = n, n2 = 0.5 * n, d = 0.8, power = 0.9, alternative = "greater") - power, tol = 1e-12)
	{stats.Greater, 0.05, 2.5, 1, 0.90000000000000002, 3.6780191960252169},                    // uniroot(pwr.t2n.test(n1 = n, n2 = 1 * n, d = 2.5, power = 0.9, alternative = "greater") - power, tol = 1e-12)
	// pwr.t.test(d = 0.5, power = 0.8)$n = 63.765610444141771 (tol eps^0.25)
}

type ttestDRow struct {
	alt                  stats.Alternative
	alpha, n1, n2, pw, d float64
}

var ttestDRef = []ttestDRow{
	{stats.TwoSided, 0.05, 20, 20, 0.80000000000000004, 0.90912903268199718},   // uniroot(pwr.t2n.test(n1 = 20, n2 = 20, d = d, alternative = "two.sided")$power - 0.8, c(1e-07, 10), tol = 1e-12)
	{stats.TwoSided, 0.05, 20, 20, 0.94999999999999996, 1.1699928943250217},    // uniroot(pwr.t2n.test(n1 = 20, n2 = 20, d = d, alternative = "two.sided")$power - 0.95, c(1e-07, 10), tol = 1e-12)
	{stats.TwoSided, 0.05, 64, 64, 0.80000000000000004, 0.49906917796577588},   // uniroot(pwr.t2n.test(n1 = 64, n2 = 64, d = d, alternative = "two.sided")$power - 0.8, c(1e-07, 10), tol = 1e-12)
	{stats.TwoSided, 0.05, 64, 64, 0.94999999999999996, 0.6421665373796106},    // uniroot(pwr.t2n.test(n1 = 64, n2 = 64, d = d, alternative = "two.sided")$power - 0.95, c(1e-07, 10), tol = 1e-12)
	{stats.TwoSided, 0.05, 30, 90, 0.80000000000000004, 0.59548664177603627},   // uniroot(pwr.t2n.test(n1 = 30, n2 = 90, d = d, alternative = "two.sided")$power - 0.8, c(1e-07, 10), tol = 1e-12)
	{stats.TwoSided, 0.05, 30, 90, 0.94999999999999996, 0.76623136199979702},   // uniroot(pwr.t2n.test(n1 = 30, n2 = 90, d = d, alternative = "two.sided")$power - 0.95, c(1e-07, 10), tol = 1e-12)
	{stats.TwoSided, 0.05, 500, 500, 0.80000000000000004, 0.17735832231847454}, // uniroot(pwr.t2n.test(n1 = 500, n2 = 500, d = d, alternative = "two.sided")$power - 0.8, c(1e-07, 10), tol = 1e-12)
	{stats.TwoSided, 0.05, 500, 500, 0.94999999999999996, 0.22820841644831971}, // uniroot(pwr.t2n.test(n1 = 500, n2 = 500, d = d, alternative = "two.sided")$power - 0.95, c(1e-07, 10), tol = 1e-12)
	{stats.Greater, 0.05, 20, 20, 0.80000000000000004, 0.800680336253767},      // uniroot(pwr.t2n.test(n1 = 20, n2 = 20, d = d, alternative = "greater")$power - 0.8, c(1e-07, 10), tol = 1e-12)
	{stats.Greater, 0.05, 20, 20, 0.94999999999999996, 1.0594447375131009},     // uniroot(pwr.t2n.test(n1 = 20, n2 = 20, d = d, alternative = "greater")$power - 0.95, c(1e-07, 10), tol = 1e-12)
	{stats.Greater, 0.05, 64, 64, 0.80000000000000004, 0.44193005289157244},    // uniroot(pwr.t2n.test(n1 = 64, n2 = 64, d = d, alternative = "greater")$power - 0.8, c(1e-07, 10), tol = 1e-12)
	{stats.Greater, 0.05, 64, 64, 0.94999999999999996, 0.58469694219108048},    // uniroot(pwr.t2n.test(n1 = 64, n2 = 64, d = d, alternative = "greater")$power - 0.95, c(1e-07, 10), tol = 1e-12)
	{stats.Greater, 0.05, 30, 90, 0.80000000000000004, 0.52722641727601161},    // uniroot(pwr.t2n.test(n1 = 30, n2 = 90, d = d, alternative = "greater")$power - 0.8, c(1e-07, 10), tol = 1e-12)
	{stats.Greater, 0.05, 30, 90, 0.94999999999999996, 0.69754949321512827},    // uniroot(pwr.t2n.test(n1 = 30, n2 = 90, d = d, alternative = "greater")$power - 0.95, c(1e-07, 10), tol = 1e-12)
	{stats.Greater, 0.05, 500, 500, 0.80000000000000004, 0.15736517026885574},  // uniroot(pwr.t2n.test(n1 = 500, n2 = 500, d = d, alternative = "greater")$power - 0.8, c(1e-07, 10), tol = 1e-12)
	{stats.Greater, 0.05, 500, 500, 0.94999999999999996, 0.20820054441539232},  // uniroot(pwr.t2n.test(n1 = 500, n2 = 500, d = d, alternative = "greater")$power - 0.95, c(1e-07, 10), tol = 1e-12)
	{stats.Less, 0.05, 20, 20, 0.80000000000000004, -0.800680336253767},        // uniroot(pwr.t2n.test(n1 = 20, n2 = 20, d = d, alternative = "less")$power - 0.8, c(-10, -1e-07), tol = 1e-12)
	{stats.Less, 0.05, 20, 20, 0.94999999999999996, -1.0594447375131009},       // uniroot(pwr.t2n.test(n1 = 20, n2 = 20, d = d, alternative = "less")$power - 0.95, c(-10, -1e-07), tol = 1e-12)
	{stats.Less, 0.05, 64, 64, 0.80000000000000004, -0.44193005289157244},      // uniroot(pwr.t2n.test(n1 = 64, n2 = 64, d = d, alternative = "less")$power - 0.8, c(-10, -1e-07), tol = 1e-12)
	{stats.Less, 0.05, 64, 64, 0.94999999999999996, -0.58469694219108048},      // uniroot(pwr.t2n.test(n1 = 64, n2 = 64, d = d, alternative = "less")$power - 0.95, c(-10, -1e-07), tol = 1e-12)
	{stats.Less, 0.05, 30, 90, 0.80000000000000004, -0.52722641727601161},      // uniroot(pwr.t2n.test(n1 = 30, n2 = 90, d = d, alternative = "less")$power - 0.8, c(-10, -1e-07), tol = 1e-12)
	{stats.Less, 0.05, 30, 90, 0.94999999999999996, -0.69754949321512827},      // uniroot(pwr.t2n.test(n1 = 30, n2 = 90, d = d, alternative = "less")$power - 0.95, c(-10, -1e-07), tol = 1e-12)
	{stats.Less, 0.05, 500, 500, 0.80000000000000004, -0.15736517026885574},    // uniroot(pwr.t2n.test(n1 = 500, n2 = 500, d = d, alternative = "less")$power - 0.8, c(-10, -1e-07), tol = 1e-12)
	{stats.Less, 0.05, 500, 500, 0.94999999999999996, -0.20820054441539232},    // uniroot(pwr.t2n.test(n1 = 500, n2 = 500, d = d, alternative = "less")$power - 0.95, c(-10, -1e-07), tol = 1e-12)
}
