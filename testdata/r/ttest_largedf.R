# Reference sample sizes of power ttest for tiny effects, where the t-test's
# df runs to 1e11 (rct/power/ttest_largedf_test.go). Run with R 4.2.2 and
# pwr 1.3.0:
#   Rscript testdata/r/ttest_largedf.R > testdata/r/ttest_largedf.txt
# Each line is a Go table row {alternative, alpha, d, ratio, power, n1}, n1
# the root of pwr.t2n.test(n1, ratio * n1) = power found by uniroot with a
# tolerance of 1e-14 relative, every value printed by sprintf("%.17g").
suppressMessages(library(pwr))
g <- function(x) sprintf("%.17g", x)
alt_go <- c(two.sided = "stats.TwoSided", greater = "stats.Greater")
for (alt in c("two.sided", "greater"))
  for (d in c(1e-5, 3e-5, 1e-4, 1e-3, 0.01))
    for (ratio in c(1, 2))
      for (power in c(0.8, 0.9)) {
        f <- function(n) pwr.t2n.test(n1 = n, n2 = ratio * n, d = d, alternative = alt)$power - power
        z <- qnorm(if (alt == "two.sided") 0.025 else 0.05, lower.tail = FALSE) + qnorm(power)
        guess <- z^2 * (1 + 1 / ratio) / d^2
        n <- uniroot(f, c(0.9, 1.1) * guess, tol = 1e-14 * guess)$root
        cat(sprintf("\t{%s, 0.05, %s, %s, %s, %s}, // R %s: uniroot(pwr.t2n.test(n1 = n, n2 = %s * n, d = %s, power = %s, alternative = \"%s\") - power, tol = 1e-14 n)\n",
                    alt_go[alt], g(d), g(ratio), g(power), g(n), getRversion(), ratio, d, power, alt))
      }
