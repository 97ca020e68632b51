package power

import "github.com/evalkit/evalkit/stats"

// Reference values printed by testdata/r/power.R (sections counts, countsn)
// with R 4.2.2, from the contract's Wald formula written out in R
// (counts_power); each row's comment is the R call.

type countsPowerRow struct {
	alt                   stats.Alternative
	mu, rr, k, nc, nt, pw float64
}

var countsPowerRef = []countsPowerRow{
	{stats.TwoSided, 2.5, 0.80000000000000004, 0, 60, 60, 0.44519623424318105},                                       // counts_power(mu0 = 2.5, rr = 0.8, k = NA, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 2.5, 0.80000000000000004, 0, 200, 100, 0.76025328472995668},                                     // counts_power(mu0 = 2.5, rr = 0.8, k = NA, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 2.5, 0.80000000000000004, 0.69999999999999996, 60, 60, 0.1448808190514069},                      // counts_power(mu0 = 2.5, rr = 0.8, k = 0.7, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 2.5, 0.80000000000000004, 0.69999999999999996, 200, 100, 0.26273281739581228},                   // counts_power(mu0 = 2.5, rr = 0.8, k = 0.7, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 2.5, 0.80000000000000004, 5, 60, 60, 0.32877508878619233},                                       // counts_power(mu0 = 2.5, rr = 0.8, k = 5, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 2.5, 0.80000000000000004, 5, 200, 100, 0.60699966461878307},                                     // counts_power(mu0 = 2.5, rr = 0.8, k = 5, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 0.40000000000000002, 0.59999999999999998, 0, 60, 60, 0.33475159848137248},                       // counts_power(mu0 = 0.4, rr = 0.6, k = NA, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 0.40000000000000002, 0.59999999999999998, 0, 200, 100, 0.59287115352197373},                     // counts_power(mu0 = 0.4, rr = 0.6, k = NA, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 0.40000000000000002, 0.59999999999999998, 0.69999999999999996, 60, 60, 0.24954187815085463},     // counts_power(mu0 = 0.4, rr = 0.6, k = 0.7, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 0.40000000000000002, 0.59999999999999998, 0.69999999999999996, 200, 100, 0.45942554288924653},   // counts_power(mu0 = 0.4, rr = 0.6, k = 0.7, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 0.40000000000000002, 0.59999999999999998, 5, 60, 60, 0.31892704115452331},                       // counts_power(mu0 = 0.4, rr = 0.6, k = 5, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 0.40000000000000002, 0.59999999999999998, 5, 200, 100, 0.57008134417385048},                     // counts_power(mu0 = 0.4, rr = 0.6, k = 5, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 12, 1.1499999999999999, 0, 60, 60, 0.78312237537621687},                                         // counts_power(mu0 = 12, rr = 1.15, k = NA, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 12, 1.1499999999999999, 0, 200, 100, 0.98526200943916287},                                       // counts_power(mu0 = 12, rr = 1.15, k = NA, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 12, 1.1499999999999999, 0.69999999999999996, 60, 60, 0.095617973421886965},                      // counts_power(mu0 = 12, rr = 1.15, k = 0.7, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 12, 1.1499999999999999, 0.69999999999999996, 200, 100, 0.15350912386859636},                     // counts_power(mu0 = 12, rr = 1.15, k = 0.7, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 12, 1.1499999999999999, 5, 60, 60, 0.30610828748136465},                                         // counts_power(mu0 = 12, rr = 1.15, k = 5, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 12, 1.1499999999999999, 5, 200, 100, 0.58390153808197764},                                       // counts_power(mu0 = 12, rr = 1.15, k = 5, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 1, 0.94999999999999996, 0, 60, 60, 0.05885588887773318},                                         // counts_power(mu0 = 1, rr = 0.95, k = NA, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 1, 0.94999999999999996, 0, 200, 100, 0.0696284926542481},                                        // counts_power(mu0 = 1, rr = 0.95, k = NA, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 1, 0.94999999999999996, 0.69999999999999996, 60, 60, 0.05369125604141281},                       // counts_power(mu0 = 1, rr = 0.95, k = 0.7, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 1, 0.94999999999999996, 0.69999999999999996, 200, 100, 0.05819512686754448},                     // counts_power(mu0 = 1, rr = 0.95, k = 0.7, nc = 200, nt = 100, alt = "two.sided")
	{stats.TwoSided, 1, 0.94999999999999996, 5, 60, 60, 0.057405407397889324},                                        // counts_power(mu0 = 1, rr = 0.95, k = 5, nc = 60, nt = 60, alt = "two.sided")
	{stats.TwoSided, 1, 0.94999999999999996, 5, 200, 100, 0.066421985024248009},                                      // counts_power(mu0 = 1, rr = 0.95, k = 5, nc = 200, nt = 100, alt = "two.sided")
	{stats.Greater, 2.5, 0.80000000000000004, 0, 60, 60, 0.00026333398449891222},                                     // counts_power(mu0 = 2.5, rr = 0.8, k = NA, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 2.5, 0.80000000000000004, 0, 200, 100, 8.0918132787245345e-06},                                   // counts_power(mu0 = 2.5, rr = 0.8, k = NA, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 2.5, 0.80000000000000004, 0.69999999999999996, 60, 60, 0.0055970745482700575},                    // counts_power(mu0 = 2.5, rr = 0.8, k = 0.7, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 2.5, 0.80000000000000004, 0.69999999999999996, 200, 100, 0.0014972524931517643},                  // counts_power(mu0 = 2.5, rr = 0.8, k = 0.7, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 2.5, 0.80000000000000004, 5, 60, 60, 0.00078664048860394519},                                     // counts_power(mu0 = 2.5, rr = 0.8, k = 5, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 2.5, 0.80000000000000004, 5, 200, 100, 5.3030820041893432e-05},                                   // counts_power(mu0 = 2.5, rr = 0.8, k = 5, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 0.40000000000000002, 0.59999999999999998, 0, 60, 60, 0.00074318773260565688},                     // counts_power(mu0 = 0.4, rr = 0.6, k = NA, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 0.40000000000000002, 0.59999999999999998, 0, 200, 100, 6.1589213622596889e-05},                   // counts_power(mu0 = 0.4, rr = 0.6, k = NA, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 0.40000000000000002, 0.59999999999999998, 0.69999999999999996, 60, 60, 0.0017111576534869807},    // counts_power(mu0 = 0.4, rr = 0.6, k = 0.7, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 0.40000000000000002, 0.59999999999999998, 0.69999999999999996, 200, 100, 0.00023022604761430401}, // counts_power(mu0 = 0.4, rr = 0.6, k = 0.7, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 0.40000000000000002, 0.59999999999999998, 5, 60, 60, 0.00086418460421059946},                     // counts_power(mu0 = 0.4, rr = 0.6, k = 5, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 0.40000000000000002, 0.59999999999999998, 5, 200, 100, 7.7991517032435643e-05},                   // counts_power(mu0 = 0.4, rr = 0.6, k = 5, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 12, 1.1499999999999999, 0, 60, 60, 0.86387325693942851},                                          // counts_power(mu0 = 12, rr = 1.15, k = NA, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 12, 1.1499999999999999, 0, 200, 100, 0.99365176985936055},                                        // counts_power(mu0 = 12, rr = 1.15, k = NA, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 12, 1.1499999999999999, 0.69999999999999996, 60, 60, 0.15358864246352882},                        // counts_power(mu0 = 12, rr = 1.15, k = 0.7, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 12, 1.1499999999999999, 0.69999999999999996, 200, 100, 0.23744332948454056},                      // counts_power(mu0 = 12, rr = 1.15, k = 0.7, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 12, 1.1499999999999999, 5, 60, 60, 0.42358890927733805},                                          // counts_power(mu0 = 12, rr = 1.15, k = 5, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 12, 1.1499999999999999, 5, 200, 100, 0.70088549648076381},                                        // counts_power(mu0 = 12, rr = 1.15, k = 5, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 1, 0.94999999999999996, 0, 60, 60, 0.027291976191399014},                                         // counts_power(mu0 = 1, rr = 0.95, k = NA, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 1, 0.94999999999999996, 0, 200, 100, 0.019867077656258954},                                       // counts_power(mu0 = 1, rr = 0.95, k = NA, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 1, 0.94999999999999996, 0.69999999999999996, 60, 60, 0.034063640090291704},                       // counts_power(mu0 = 1, rr = 0.95, k = 0.7, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 1, 0.94999999999999996, 0.69999999999999996, 200, 100, 0.027958787233221042},                     // counts_power(mu0 = 1, rr = 0.95, k = 0.7, nc = 200, nt = 100, alt = "greater")
	{stats.Greater, 1, 0.94999999999999996, 5, 60, 60, 0.028811610886146234},                                         // counts_power(mu0 = 1, rr = 0.95, k = 5, nc = 60, nt = 60, alt = "greater")
	{stats.Greater, 1, 0.94999999999999996, 5, 200, 100, 0.02160359970543738},                                        // counts_power(mu0 = 1, rr = 0.95, k = 5, nc = 200, nt = 100, alt = "greater")
	{stats.Less, 2.5, 0.80000000000000004, 0, 60, 60, 0.57028737264248452},                                           // counts_power(mu0 = 2.5, rr = 0.8, k = NA, nc = 60, nt = 60, alt = "less")
	{stats.Less, 2.5, 0.80000000000000004, 0, 200, 100, 0.84666206512897135},                                         // counts_power(mu0 = 2.5, rr = 0.8, k = NA, nc = 200, nt = 100, alt = "less")
	{stats.Less, 2.5, 0.80000000000000004, 0.69999999999999996, 60, 60, 0.22568641598388239},                         // counts_power(mu0 = 2.5, rr = 0.8, k = 0.7, nc = 60, nt = 60, alt = "less")
	{stats.Less, 2.5, 0.80000000000000004, 0.69999999999999996, 200, 100, 0.37395144091308896},                       // counts_power(mu0 = 2.5, rr = 0.8, k = 0.7, nc = 200, nt = 100, alt = "less")
	{stats.Less, 2.5, 0.80000000000000004, 5, 60, 60, 0.44872166578219519},                                           // counts_power(mu0 = 2.5, rr = 0.8, k = 5, nc = 60, nt = 60, alt = "less")
	{stats.Less, 2.5, 0.80000000000000004, 5, 200, 100, 0.72125772448084724},                                         // counts_power(mu0 = 2.5, rr = 0.8, k = 5, nc = 200, nt = 100, alt = "less")
	{stats.Less, 0.40000000000000002, 0.59999999999999998, 0, 60, 60, 0.45526234243601893},                           // counts_power(mu0 = 0.4, rr = 0.6, k = NA, nc = 60, nt = 60, alt = "less")
	{stats.Less, 0.40000000000000002, 0.59999999999999998, 0, 200, 100, 0.70884214328231676},                         // counts_power(mu0 = 0.4, rr = 0.6, k = NA, nc = 200, nt = 100, alt = "less")
	{stats.Less, 0.40000000000000002, 0.59999999999999998, 0.69999999999999996, 60, 60, 0.35841767980616224},         // counts_power(mu0 = 0.4, rr = 0.6, k = 0.7, nc = 60, nt = 60, alt = "less")
	{stats.Less, 0.40000000000000002, 0.59999999999999998, 0.69999999999999996, 200, 100, 0.58435980852515468},       // counts_power(mu0 = 0.4, rr = 0.6, k = 0.7, nc = 200, nt = 100, alt = "less")
	{stats.Less, 0.40000000000000002, 0.59999999999999998, 5, 60, 60, 0.43786655046350142},                           // counts_power(mu0 = 0.4, rr = 0.6, k = 5, nc = 60, nt = 60, alt = "less")
	{stats.Less, 0.40000000000000002, 0.59999999999999998, 5, 200, 100, 0.68851243904862269},                         // counts_power(mu0 = 0.4, rr = 0.6, k = 5, nc = 200, nt = 100, alt = "less")
	{stats.Less, 12, 1.1499999999999999, 0, 60, 60, 5.7305454884864589e-06},                                          // counts_power(mu0 = 12, rr = 1.15, k = NA, nc = 60, nt = 60, alt = "less")
	{stats.Less, 12, 1.1499999999999999, 0, 200, 100, 3.6935402023464663e-09},                                        // counts_power(mu0 = 12, rr = 1.15, k = NA, nc = 200, nt = 100, alt = "less")
	{stats.Less, 12, 1.1499999999999999, 0.69999999999999996, 60, 60, 0.011648023227946343},                          // counts_power(mu0 = 12, rr = 1.15, k = 0.7, nc = 60, nt = 60, alt = "less")
	{stats.Less, 12, 1.1499999999999999, 0.69999999999999996, 200, 100, 0.0050097375848341813},                       // counts_power(mu0 = 12, rr = 1.15, k = 0.7, nc = 200, nt = 100, alt = "less")
	{stats.Less, 12, 1.1499999999999999, 5, 60, 60, 0.00097749325399641446},                                          // counts_power(mu0 = 12, rr = 1.15, k = 5, nc = 60, nt = 60, alt = "less")
	{stats.Less, 12, 1.1499999999999999, 5, 200, 100, 6.7636211557472171e-05},                                        // counts_power(mu0 = 12, rr = 1.15, k = 5, nc = 200, nt = 100, alt = "less")
	{stats.Less, 1, 0.94999999999999996, 0, 60, 60, 0.085729004657817118},                                            // counts_power(mu0 = 1, rr = 0.95, k = NA, nc = 60, nt = 60, alt = "less")
	{stats.Less, 1, 0.94999999999999996, 0, 200, 100, 0.10874959473240706},                                           // counts_power(mu0 = 1, rr = 0.95, k = NA, nc = 200, nt = 100, alt = "less")
	{stats.Less, 1, 0.94999999999999996, 0.69999999999999996, 60, 60, 0.071386382114036626},                          // counts_power(mu0 = 1, rr = 0.95, k = 0.7, nc = 60, nt = 60, alt = "less")
	{stats.Less, 1, 0.94999999999999996, 0.69999999999999996, 200, 100, 0.084097047987694629},                        // counts_power(mu0 = 1, rr = 0.95, k = 0.7, nc = 200, nt = 100, alt = "less")
	{stats.Less, 1, 0.94999999999999996, 5, 60, 60, 0.082089386955977561},                                            // counts_power(mu0 = 1, rr = 0.95, k = 5, nc = 60, nt = 60, alt = "less")
	{stats.Less, 1, 0.94999999999999996, 5, 200, 100, 0.10239794687792206},                                           // counts_power(mu0 = 1, rr = 0.95, k = 5, nc = 200, nt = 100, alt = "less")
}

type countsNRow struct{ mu, rr, k, ratio, pw, nc float64 }

var countsNRef = []countsNRow{
	{2.5, 0.80000000000000004, 0, 1, 0.8, 141.8666910268964},                                    // uniroot(counts_power(mu0 = 2.5, rr = 0.8, k = NA, n, 1 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{2.5, 0.80000000000000004, 0, 2, 0.8, 102.45927685275841},                                   // uniroot(counts_power(mu0 = 2.5, rr = 0.8, k = NA, n, 2 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{2.5, 0.80000000000000004, 0.69999999999999996, 1, 0.8, 592.23713873132886},                 // uniroot(counts_power(mu0 = 2.5, rr = 0.8, k = 0.7, n, 1 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{2.5, 0.80000000000000004, 0.69999999999999996, 2, 0.8, 440.23711263108288},                 // uniroot(counts_power(mu0 = 2.5, rr = 0.8, k = 0.7, n, 2 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{0.40000000000000002, 0.59999999999999998, 0, 1, 0.8, 200.52568279427916},                   // uniroot(counts_power(mu0 = 0.4, rr = 0.6, k = NA, n, 1 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{0.40000000000000002, 0.59999999999999998, 0, 2, 0.8, 137.86140692106707},                   // uniroot(counts_power(mu0 = 0.4, rr = 0.6, k = NA, n, 2 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{0.40000000000000002, 0.59999999999999998, 0.69999999999999996, 1, 0.8, 286.46526113468462}, // uniroot(counts_power(mu0 = 0.4, rr = 0.6, k = 0.7, n, 1 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{0.40000000000000002, 0.59999999999999998, 0.69999999999999996, 2, 0.8, 202.31609067637095}, // uniroot(counts_power(mu0 = 0.4, rr = 0.6, k = 0.7, n, 2 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{12, 1.1499999999999999, 0, 1, 0.8, 62.601988565644866},                                     // uniroot(counts_power(mu0 = 12, rr = 1.15, k = NA, n, 1 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{12, 1.1499999999999999, 0, 2, 0.8, 48.043386573634429},                                     // uniroot(counts_power(mu0 = 12, rr = 1.15, k = NA, n, 2 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{12, 1.1499999999999999, 0.69999999999999996, 1, 0.8, 1210.6517456498959},                   // uniroot(counts_power(mu0 = 12, rr = 1.15, k = 0.7, n, 1 * n) - 0.8, c(2, 1e9), tol = 1e-12)
	{12, 1.1499999999999999, 0.69999999999999996, 2, 0.8, 909.08070438682284},                   // uniroot(counts_power(mu0 = 12, rr = 1.15, k = 0.7, n, 2 * n) - 0.8, c(2, 1e9), tol = 1e-12)
}

type countsRRRow struct {
	mu, k, n  float64
	reduction bool
	pw, rr    float64
}

var countsRRRef = []countsRRRow{
	{2.5, 0, 100, false, 0.8, 1.2674339321325394},                                   // uniroot(counts_power(mu0 = 2.5, rr, k = NA, 100, 100) - 0.8, c(1, 20), tol = 1e-14)
	{2.5, 0, 100, true, 0.8, 0.76395845047613398},                                   // uniroot(counts_power(mu0 = 2.5, rr, k = NA, 100, 100) - 0.8, c(0.3, 1), tol = 1e-14)
	{2.5, 0.69999999999999996, 100, false, 0.8, 1.6882360902131848},                 // uniroot(counts_power(mu0 = 2.5, rr, k = 0.7, 100, 100) - 0.8, c(1, 20), tol = 1e-14)
	{2.5, 0.69999999999999996, 100, true, 0.8, 0.57281814275494913},                 // uniroot(counts_power(mu0 = 2.5, rr, k = 0.7, 100, 100) - 0.8, c(0.3, 1), tol = 1e-14)
	{0.40000000000000002, 0, 100, false, 0.8, 1.7431401566979192},                   // uniroot(counts_power(mu0 = 0.4, rr, k = NA, 100, 100) - 0.8, c(1, 20), tol = 1e-14)
	{0.40000000000000002, 0, 100, true, 0.8, 0.45208312410477236},                   // uniroot(counts_power(mu0 = 0.4, rr, k = NA, 100, 100) - 0.8, c(0.3, 1), tol = 1e-14)
	{0.40000000000000002, 0.69999999999999996, 100, false, 0.8, 2.0512027050961921}, // uniroot(counts_power(mu0 = 0.4, rr, k = 0.7, 100, 100) - 0.8, c(1, 20), tol = 1e-14)
	{0.40000000000000002, 0.69999999999999996, 100, true, 0.8, 0.37983181712237135}, // uniroot(counts_power(mu0 = 0.4, rr, k = 0.7, 100, 100) - 0.8, c(0.3, 1), tol = 1e-14)
}
