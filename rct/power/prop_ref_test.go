package power

import "github.com/evalkit/evalkit/stats"

// Reference values printed by testdata/r/power.R (sections prop, propn,
// propp) with R 4.2.2 and pwr 1.3.0; each row's comment is the R call.

type propPowerRow struct {
	method                    PropMethod
	alt                       stats.Alternative
	alpha, pc, pt, n1, n2, pw float64
}

var propPowerRef = []propPowerRow{
	{Arcsine, stats.TwoSided, 0.05, 0.29999999999999999, 0.20000000000000001, 100, 100, 0.37479941413846163},     // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 100, n2 = 100, alternative = "two.sided")$power
	{Pooled, stats.TwoSided, 0.05, 0.29999999999999999, 0.20000000000000001, 100, 100, 0.37116152000490354},      // power.prop.test(n = 100, p1 = 0.3, p2 = 0.2, strict = TRUE, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.29999999999999999, 0.20000000000000001, 250, 400, 0.82054634224419587},     // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 250, n2 = 400, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.29999999999999999, 0.20000000000000001, 1500, 1500, 0.99999441494395547},   // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 1500, n2 = 1500, alternative = "two.sided")$power
	{Pooled, stats.TwoSided, 0.05, 0.29999999999999999, 0.20000000000000001, 1500, 1500, 0.99999443537015864},    // power.prop.test(n = 1500, p1 = 0.3, p2 = 0.2, strict = TRUE, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.29999999999999999, 0.20000000000000001, 12, 30, 0.10429062059158209},       // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 12, n2 = 30, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.10000000000000001, 0.14999999999999999, 100, 100, 0.18904627781596017},     // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 100, n2 = 100, alternative = "two.sided")$power
	{Pooled, stats.TwoSided, 0.05, 0.10000000000000001, 0.14999999999999999, 100, 100, 0.18699325737719061},      // power.prop.test(n = 100, p1 = 0.1, p2 = 0.15, strict = TRUE, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.10000000000000001, 0.14999999999999999, 250, 400, 0.4698080038624643},      // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 250, n2 = 400, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.10000000000000001, 0.14999999999999999, 1500, 1500, 0.98609394314142473},   // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 1500, n2 = 1500, alternative = "two.sided")$power
	{Pooled, stats.TwoSided, 0.05, 0.10000000000000001, 0.14999999999999999, 1500, 1500, 0.98561727318804471},    // power.prop.test(n = 1500, p1 = 0.1, p2 = 0.15, strict = TRUE, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.10000000000000001, 0.14999999999999999, 12, 30, 0.072947601395220121},      // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 12, n2 = 30, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.5, 0.52000000000000002, 100, 100, 0.059218970478062079},                    // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 100, n2 = 100, alternative = "two.sided")$power
	{Pooled, stats.TwoSided, 0.05, 0.5, 0.52000000000000002, 100, 100, 0.059170457598009568},                     // power.prop.test(n = 100, p1 = 0.5, p2 = 0.52, strict = TRUE, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.5, 0.52000000000000002, 250, 400, 0.078659031957297204},                    // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 250, n2 = 400, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.5, 0.52000000000000002, 1500, 1500, 0.19485440126965806},                   // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 1500, n2 = 1500, alternative = "two.sided")$power
	{Pooled, stats.TwoSided, 0.05, 0.5, 0.52000000000000002, 1500, 1500, 0.19478479622978362},                    // power.prop.test(n = 1500, p1 = 0.5, p2 = 0.52, strict = TRUE, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.5, 0.52000000000000002, 12, 30, 0.051573318437494478},                      // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 12, n2 = 30, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.02, 0.01, 100, 100, 0.090756329370444505},                                  // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 100, n2 = 100, alternative = "two.sided")$power
	{Pooled, stats.TwoSided, 0.05, 0.02, 0.01, 100, 100, 0.089367417104569177},                                   // power.prop.test(n = 100, p1 = 0.02, p2 = 0.01, strict = TRUE, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.02, 0.01, 250, 400, 0.17891194558076334},                                   // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 250, n2 = 400, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.02, 0.01, 1500, 1500, 0.6276709166611748},                                  // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 1500, n2 = 1500, alternative = "two.sided")$power
	{Pooled, stats.TwoSided, 0.05, 0.02, 0.01, 1500, 1500, 0.61537125573512463},                                  // power.prop.test(n = 1500, p1 = 0.02, p2 = 0.01, strict = TRUE, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.02, 0.01, 12, 30, 0.056867138932505605},                                    // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 12, n2 = 30, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.94999999999999996, 0.98999999999999999, 100, 100, 0.42580586433342998},     // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 100, n2 = 100, alternative = "two.sided")$power
	{Pooled, stats.TwoSided, 0.05, 0.94999999999999996, 0.98999999999999999, 100, 100, 0.38069584213671248},      // power.prop.test(n = 100, p1 = 0.95, p2 = 0.99, strict = TRUE, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.94999999999999996, 0.98999999999999999, 250, 400, 0.8748226296926368},      // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 250, n2 = 400, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.94999999999999996, 0.98999999999999999, 1500, 1500, 0.99999953409535602},   // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 1500, n2 = 1500, alternative = "two.sided")$power
	{Pooled, stats.TwoSided, 0.05, 0.94999999999999996, 0.98999999999999999, 1500, 1500, 0.99999648260302654},    // power.prop.test(n = 1500, p1 = 0.95, p2 = 0.99, strict = TRUE, alternative = "two.sided")$power
	{Arcsine, stats.TwoSided, 0.05, 0.94999999999999996, 0.98999999999999999, 12, 30, 0.11362779139150396},       // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 12, n2 = 30, alternative = "two.sided")$power
	{Arcsine, stats.Greater, 0.05, 0.29999999999999999, 0.20000000000000001, 100, 100, 0.00050949562190330359},   // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 100, n2 = 100, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.29999999999999999, 0.20000000000000001, 250, 400, 3.0590802804326781e-06},   // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 250, n2 = 400, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.29999999999999999, 0.20000000000000001, 1500, 1500, 6.3225973072868097e-16}, // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 1500, n2 = 1500, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.29999999999999999, 0.20000000000000001, 12, 30, 0.010061835823902949},       // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 12, n2 = 30, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.10000000000000001, 0.14999999999999999, 100, 100, 0.28407624219894956},      // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 100, n2 = 100, alternative = "greater")$power
	{Pooled, stats.Greater, 0.05, 0.10000000000000001, 0.14999999999999999, 100, 100, 0.28181406845056522},       // power.prop.test(n = 100, p1 = 0.1, p2 = 0.15, strict = TRUE, alternative = "one.sided")$power
	{Arcsine, stats.Greater, 0.05, 0.10000000000000001, 0.14999999999999999, 250, 400, 0.59452696966649687},      // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 250, n2 = 400, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.10000000000000001, 0.14999999999999999, 1500, 1500, 0.99404900192808965},    // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 1500, n2 = 1500, alternative = "greater")$power
	{Pooled, stats.Greater, 0.05, 0.10000000000000001, 0.14999999999999999, 1500, 1500, 0.99383751117500274},     // power.prop.test(n = 1500, p1 = 0.1, p2 = 0.15, strict = TRUE, alternative = "one.sided")$power
	{Arcsine, stats.Greater, 0.05, 0.10000000000000001, 0.14999999999999999, 12, 30, 0.11504197490424385},        // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 12, n2 = 30, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.5, 0.52000000000000002, 100, 100, 0.086609130957887179},                     // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 100, n2 = 100, alternative = "greater")$power
	{Pooled, stats.Greater, 0.05, 0.5, 0.52000000000000002, 100, 100, 0.086563142798265713},                      // power.prop.test(n = 100, p1 = 0.5, p2 = 0.52, strict = TRUE, alternative = "one.sided")$power
	{Arcsine, stats.Greater, 0.05, 0.5, 0.52000000000000002, 250, 400, 0.12536413167265695},                      // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 250, n2 = 400, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.5, 0.52000000000000002, 1500, 1500, 0.29146286013500466},                    // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 1500, n2 = 1500, alternative = "greater")$power
	{Pooled, stats.Greater, 0.05, 0.5, 0.52000000000000002, 1500, 1500, 0.29140004345015125},                     // power.prop.test(n = 1500, p1 = 0.5, p2 = 0.52, strict = TRUE, alternative = "one.sided")$power
	{Arcsine, stats.Greater, 0.05, 0.5, 0.52000000000000002, 12, 30, 0.063291735735619678},                       // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 12, n2 = 30, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.02, 0.01, 100, 100, 0.012708682164278427},                                   // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 100, n2 = 100, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.02, 0.01, 250, 400, 0.003680685433362401},                                   // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 250, n2 = 400, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.02, 0.01, 1500, 1500, 4.2388261205275557e-05},                               // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 1500, n2 = 1500, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.02, 0.01, 12, 30, 0.029432695459212975},                                     // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 12, n2 = 30, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.94999999999999996, 0.98999999999999999, 100, 100, 0.55084886354211082},      // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 100, n2 = 100, alternative = "greater")$power
	{Pooled, stats.Greater, 0.05, 0.94999999999999996, 0.98999999999999999, 100, 100, 0.50530233869748165},       // power.prop.test(n = 100, p1 = 0.95, p2 = 0.99, strict = TRUE, alternative = "one.sided")$power
	{Arcsine, stats.Greater, 0.05, 0.94999999999999996, 0.98999999999999999, 250, 400, 0.92848462632429407},      // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 250, n2 = 400, alternative = "greater")$power
	{Arcsine, stats.Greater, 0.05, 0.94999999999999996, 0.98999999999999999, 1500, 1500, 0.99999991084163553},    // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 1500, n2 = 1500, alternative = "greater")$power
	{Pooled, stats.Greater, 0.05, 0.94999999999999996, 0.98999999999999999, 1500, 1500, 0.99999924509062332},     // power.prop.test(n = 1500, p1 = 0.95, p2 = 0.99, strict = TRUE, alternative = "one.sided")$power
	{Arcsine, stats.Greater, 0.05, 0.94999999999999996, 0.98999999999999999, 12, 30, 0.18117332329585403},        // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 12, n2 = 30, alternative = "greater")$power
	{Arcsine, stats.Less, 0.05, 0.29999999999999999, 0.20000000000000001, 100, 100, 0.49821387198909728},         // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 100, n2 = 100, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.29999999999999999, 0.20000000000000001, 250, 400, 0.89112945941076283},         // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 250, n2 = 400, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.29999999999999999, 0.20000000000000001, 1500, 1500, 0.99999875102553648},       // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 1500, n2 = 1500, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.29999999999999999, 0.20000000000000001, 12, 30, 0.16710385443286899},           // pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = 12, n2 = 30, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.10000000000000001, 0.14999999999999999, 100, 100, 0.0032746464514876636},       // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 100, n2 = 100, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.10000000000000001, 0.14999999999999999, 250, 400, 0.00020863515595084635},      // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 250, n2 = 400, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.10000000000000001, 0.14999999999999999, 1500, 1500, 3.2232201013600868e-09},    // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 1500, n2 = 1500, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.10000000000000001, 0.14999999999999999, 12, 30, 0.018328463784320553},          // pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = 12, n2 = 30, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.5, 0.52000000000000002, 100, 100, 0.026941757250013281},                        // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 100, n2 = 100, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.5, 0.52000000000000002, 250, 400, 0.016131980996423621},                        // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 250, n2 = 400, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.5, 0.52000000000000002, 1500, 1500, 0.0030664391615246233},                     // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 1500, n2 = 1500, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.5, 0.52000000000000002, 12, 30, 0.039035249637342367},                          // pwr.2p2n.test(h = ES.h(0.52, 0.5), n1 = 12, n2 = 30, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.02, 0.01, 100, 100, 0.14577956229075564},                                       // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 100, n2 = 100, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.02, 0.01, 250, 400, 0.2710406048036279},                                        // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 250, n2 = 400, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.02, 0.01, 1500, 1500, 0.73916475802527293},                                     // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 1500, n2 = 1500, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.02, 0.01, 12, 30, 0.080680338496956147},                                        // pwr.2p2n.test(h = ES.h(0.01, 0.02), n1 = 12, n2 = 30, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.94999999999999996, 0.98999999999999999, 100, 100, 0.00031597974925727122},      // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 100, n2 = 100, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.94999999999999996, 0.98999999999999999, 250, 400, 9.9565206008539406e-07},      // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 250, n2 = 400, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.94999999999999996, 0.98999999999999999, 1500, 1500, 8.6715053096488143e-18},    // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 1500, n2 = 1500, alternative = "less")$power
	{Arcsine, stats.Less, 0.05, 0.94999999999999996, 0.98999999999999999, 12, 30, 0.0086844410492580362},         // pwr.2p2n.test(h = ES.h(0.99, 0.95), n1 = 12, n2 = 30, alternative = "less")$power
}

type propNRow struct {
	method                PropMethod
	alt                   stats.Alternative
	pc, pt, ratio, pw, n1 float64
}

var propNRef = []propNRow{
	{Arcsine, stats.TwoSided, 0.29999999999999999, 0.20000000000000001, 1, 0.80000000000000004, 291.68866834211775}, // uniroot(pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = n, n2 = 1 * n)$power - 0.8, tol = 1e-12)
	{Pooled, stats.TwoSided, 0.29999999999999999, 0.20000000000000001, 1, 0.80000000000000004, 293.15065868348353},  // uniroot(power.prop.test(n = n, p1 = 0.3, p2 = 0.2, strict = TRUE)$power - 0.8, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.29999999999999999, 0.20000000000000001, 1, 0.90000000000000002, 390.4891890591046},  // uniroot(pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = n, n2 = 1 * n)$power - 0.9, tol = 1e-12)
	{Pooled, stats.TwoSided, 0.29999999999999999, 0.20000000000000001, 1, 0.90000000000000002, 391.94694801257731},  // uniroot(power.prop.test(n = n, p1 = 0.3, p2 = 0.2, strict = TRUE)$power - 0.9, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.29999999999999999, 0.20000000000000001, 2, 0.80000000000000004, 218.7665012565883},  // uniroot(pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = n, n2 = 2 * n)$power - 0.8, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.29999999999999999, 0.20000000000000001, 2, 0.90000000000000002, 292.86689179432813}, // uniroot(pwr.2p2n.test(h = ES.h(0.2, 0.3), n1 = n, n2 = 2 * n)$power - 0.9, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.10000000000000001, 0.14999999999999999, 1, 0.80000000000000004, 680.35266191280436}, // uniroot(pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = n, n2 = 1 * n)$power - 0.8, tol = 1e-12)
	{Pooled, stats.TwoSided, 0.10000000000000001, 0.14999999999999999, 1, 0.80000000000000004, 685.59527336076587},  // uniroot(power.prop.test(n = n, p1 = 0.1, p2 = 0.15, strict = TRUE)$power - 0.8, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.10000000000000001, 0.14999999999999999, 1, 0.90000000000000002, 910.80109739790339}, // uniroot(pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = n, n2 = 1 * n)$power - 0.9, tol = 1e-12)
	{Pooled, stats.TwoSided, 0.10000000000000001, 0.14999999999999999, 1, 0.90000000000000002, 917.32033438651217},  // uniroot(power.prop.test(n = n, p1 = 0.1, p2 = 0.15, strict = TRUE)$power - 0.9, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.10000000000000001, 0.14999999999999999, 2, 0.80000000000000004, 510.26449643460325}, // uniroot(pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = n, n2 = 2 * n)$power - 0.8, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.10000000000000001, 0.14999999999999999, 2, 0.90000000000000002, 683.10082304842763}, // uniroot(pwr.2p2n.test(h = ES.h(0.15, 0.1), n1 = n, n2 = 2 * n)$power - 0.9, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.5, 0.45000000000000001, 1, 0.80000000000000004, 1564.5290112275386},                 // uniroot(pwr.2p2n.test(h = ES.h(0.45, 0.5), n1 = n, n2 = 1 * n)$power - 0.8, tol = 1e-12)
	{Pooled, stats.TwoSided, 0.5, 0.45000000000000001, 1, 0.80000000000000004, 1564.6683159486593},                  // uniroot(power.prop.test(n = n, p1 = 0.5, p2 = 0.45, strict = TRUE)$power - 0.8, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.5, 0.45000000000000001, 1, 0.90000000000000002, 2094.4648564034396},                 // uniroot(pwr.2p2n.test(h = ES.h(0.45, 0.5), n1 = n, n2 = 1 * n)$power - 0.9, tol = 1e-12)
	{Pooled, stats.TwoSided, 0.5, 0.45000000000000001, 1, 0.90000000000000002, 2094.1523199696849},                  // uniroot(power.prop.test(n = n, p1 = 0.5, p2 = 0.45, strict = TRUE)$power - 0.9, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.5, 0.45000000000000001, 2, 0.80000000000000004, 1173.3967584206534},                 // uniroot(pwr.2p2n.test(h = ES.h(0.45, 0.5), n1 = n, n2 = 2 * n)$power - 0.8, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.5, 0.45000000000000001, 2, 0.90000000000000002, 1570.8486423025806},                 // uniroot(pwr.2p2n.test(h = ES.h(0.45, 0.5), n1 = n, n2 = 2 * n)$power - 0.9, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.02, 0.040000000000000001, 1, 0.80000000000000004, 1109.9774409139013},               // uniroot(pwr.2p2n.test(h = ES.h(0.04, 0.02), n1 = n, n2 = 1 * n)$power - 0.8, tol = 1e-12)
	{Pooled, stats.TwoSided, 0.02, 0.040000000000000001, 1, 0.80000000000000004, 1140.8296556898681},                // uniroot(power.prop.test(n = n, p1 = 0.02, p2 = 0.04, strict = TRUE)$power - 0.8, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.02, 0.040000000000000001, 1, 0.90000000000000002, 1485.9479911917608},               // uniroot(pwr.2p2n.test(h = ES.h(0.04, 0.02), n1 = n, n2 = 1 * n)$power - 0.9, tol = 1e-12)
	{Pooled, stats.TwoSided, 0.02, 0.040000000000000001, 1, 0.90000000000000002, 1526.7513788407196},                // uniroot(power.prop.test(n = n, p1 = 0.02, p2 = 0.04, strict = TRUE)$power - 0.9, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.02, 0.040000000000000001, 2, 0.80000000000000004, 832.48308068542565},               // uniroot(pwr.2p2n.test(h = ES.h(0.04, 0.02), n1 = n, n2 = 2 * n)$power - 0.8, tol = 1e-12)
	{Arcsine, stats.TwoSided, 0.02, 0.040000000000000001, 2, 0.90000000000000002, 1114.46099339382},                 // uniroot(pwr.2p2n.test(h = ES.h(0.04, 0.02), n1 = n, n2 = 2 * n)$power - 0.9, tol = 1e-12)
}

type propPRow struct {
	method        PropMethod
	alt           stats.Alternative
	reduction     bool
	pc, n, pw, pt float64
}

var propPRef = []propPRow{
	{Arcsine, stats.TwoSided, false, 0.29999999999999999, 200, 0.8, 0.43450938732955308},  // uniroot(pwr.2p2n.test(h = ES.h(pt, 0.3), n1 = 200, n2 = 200)$power - 0.8, c(0.3, 0.999999999999), tol = 1e-14)
	{Pooled, stats.TwoSided, false, 0.29999999999999999, 200, 0.8, 0.43466031396900412},   // uniroot(power.prop.test(n = 200, p1 = 0.3, p2 = pt, strict = TRUE)$power - 0.8, c(0.3, 0.999999999999), tol = 1e-14)
	{Arcsine, stats.TwoSided, true, 0.29999999999999999, 200, 0.8, 0.18108592758632452},   // uniroot(pwr.2p2n.test(h = ES.h(pt, 0.3), n1 = 200, n2 = 200)$power - 0.8, c(1e-12, 0.3), tol = 1e-14)
	{Pooled, stats.TwoSided, true, 0.29999999999999999, 200, 0.8, 0.18064652120088343},    // uniroot(power.prop.test(n = 200, p1 = 0.3, p2 = pt, strict = TRUE)$power - 0.8, c(1e-12, 0.3), tol = 1e-14)
	{Arcsine, stats.TwoSided, false, 0.29999999999999999, 1000, 0.8, 0.35883296382170815}, // uniroot(pwr.2p2n.test(h = ES.h(pt, 0.3), n1 = 1000, n2 = 1000)$power - 0.8, c(0.3, 0.999999999999), tol = 1e-14)
	{Pooled, stats.TwoSided, false, 0.29999999999999999, 1000, 0.8, 0.35885246621988626},  // uniroot(power.prop.test(n = 1000, p1 = 0.3, p2 = pt, strict = TRUE)$power - 0.8, c(0.3, 0.999999999999), tol = 1e-14)
	{Arcsine, stats.TwoSided, true, 0.29999999999999999, 1000, 0.8, 0.24430247555633799},  // uniroot(pwr.2p2n.test(h = ES.h(pt, 0.3), n1 = 1000, n2 = 1000)$power - 0.8, c(1e-12, 0.3), tol = 1e-14)
	{Pooled, stats.TwoSided, true, 0.29999999999999999, 1000, 0.8, 0.24427113487735477},   // uniroot(power.prop.test(n = 1000, p1 = 0.3, p2 = pt, strict = TRUE)$power - 0.8, c(1e-12, 0.3), tol = 1e-14)
	{Arcsine, stats.TwoSided, false, 0.10000000000000001, 200, 0.8, 0.19854761399808751},  // uniroot(pwr.2p2n.test(h = ES.h(pt, 0.1), n1 = 200, n2 = 200)$power - 0.8, c(0.1, 0.999999999999), tol = 1e-14)
	{Pooled, stats.TwoSided, false, 0.10000000000000001, 200, 0.8, 0.19970099983408396},   // uniroot(power.prop.test(n = 200, p1 = 0.1, p2 = pt, strict = TRUE)$power - 0.8, c(0.1, 0.999999999999), tol = 1e-14)
	{Arcsine, stats.TwoSided, true, 0.10000000000000001, 200, 0.8, 0.032643015833667723},  // uniroot(pwr.2p2n.test(h = ES.h(pt, 0.1), n1 = 200, n2 = 200)$power - 0.8, c(1e-12, 0.1), tol = 1e-14)
	{Pooled, stats.TwoSided, true, 0.10000000000000001, 200, 0.8, 0.030912670505691124},   // uniroot(power.prop.test(n = 200, p1 = 0.1, p2 = pt, strict = TRUE)$power - 0.8, c(1e-12, 0.1), tol = 1e-14)
	{Arcsine, stats.TwoSided, false, 0.10000000000000001, 1000, 0.8, 0.14062434165349652}, // uniroot(pwr.2p2n.test(h = ES.h(pt, 0.1), n1 = 1000, n2 = 1000)$power - 0.8, c(0.1, 0.999999999999), tol = 1e-14)
	{Pooled, stats.TwoSided, false, 0.10000000000000001, 1000, 0.8, 0.14074510262991682},  // uniroot(power.prop.test(n = 1000, p1 = 0.1, p2 = pt, strict = TRUE)$power - 0.8, c(0.1, 0.999999999999), tol = 1e-14)
	{Arcsine, stats.TwoSided, true, 0.10000000000000001, 1000, 0.8, 0.065646537102595506}, // uniroot(pwr.2p2n.test(h = ES.h(pt, 0.1), n1 = 1000, n2 = 1000)$power - 0.8, c(1e-12, 0.1), tol = 1e-14)
	{Pooled, stats.TwoSided, true, 0.10000000000000001, 1000, 0.8, 0.065502099564564972},  // uniroot(power.prop.test(n = 1000, p1 = 0.1, p2 = pt, strict = TRUE)$power - 0.8, c(1e-12, 0.1), tol = 1e-14)
}
