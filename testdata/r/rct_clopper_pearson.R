# Reference values for rct's Monte Carlo error of randomisation inference:
# the 99% Clopper-Pearson interval (RIResult.MCInterval) and the binomial
# probabilities it is refined on (binomialPMF, binomialUpper, binomialLower).
# R 4.2.2, base R only. Run from the repository root:
#   Rscript testdata/r/rct_clopper_pearson.R
set.seed(1)
Bs <- c(1, 2, 5, 10, 37, 100, 1000, 2000, 5000, 10000, 37000, 100000, 250000, 500000, 999000, 1000000)
out <- NULL
for (B in Bs) {
  xs <- c(0, 1, 2, 5, B - 1, B, round(B * c(0.001, 0.005, 0.01, 0.05, 0.25, 0.5, 0.9)),
          sample.int(B + 1, min(B + 1, 4)) - 1)
  for (x in sort(unique(pmin(B, pmax(0, xs))))) {
    ci <- binom.test(x, B, conf.level = 0.99)$conf.int
    out <- rbind(out, data.frame(x = format(x, scientific = FALSE), B = format(B, scientific = FALSE),
                                 low = sprintf("%.17g", ci[1]), high = sprintf("%.17g", ci[2])))
  }
}
write.csv(out, "testdata/rct/clopper_pearson.csv", row.names = FALSE, quote = FALSE)

# dbinom(k, n, p), pbinom(k - 1, n, p, lower.tail = FALSE) = P(X >= k) and
# pbinom(k, n, p) = P(X <= k), at points where log-gamma differences lose
# digits (n in the millions) and near the mean.
cases <- data.frame(
  k = c(0, 1, 1, 2, 5, 3, 7, 12345, 500000, 499000, 999999, 1000000, 2600, 50, 0, 3),
  n = c(10, 10, 999000, 1000000, 500000, 999000, 40, 1000000, 1000000, 1000000, 1000000, 1000000, 100000, 100, 1000000, 5),
  p = c(0.3, 0.3, 5e-9, 1.0349459313983795e-07, 2e-5, 1e-6, 0.2, 0.0123, 0.5, 0.5, 0.99999, 0.999995, 0.025, 0.5, 1e-6, 0.9))
res <- with(cases, data.frame(k = format(k, scientific = FALSE, trim = TRUE), n = format(n, scientific = FALSE, trim = TRUE), p = sprintf("%.17g", p),
  pmf = sprintf("%.17g", dbinom(k, n, p)),
  upper = sprintf("%.17g", pbinom(k - 1, n, p, lower.tail = FALSE)),
  lower = sprintf("%.17g", pbinom(k, n, p))))
write.csv(res, "testdata/rct/binomial.csv", row.names = FALSE, quote = FALSE)
