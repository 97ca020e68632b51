# The two odds ratios of examples/focused_deterrence.csv, for
# stats/oddsratio_definition_test.go: the contract's odds_ratio (the sample
# odds ratio with Woolf's interval, stats.OddsRatio) and fisher.test's
# conditional MLE (stats.FisherExactResult.ConditionalOR), which differ in
# the fourth digit. Run with R 4.2.2 from the repository's root:
#   Rscript testdata/r/oddsratio_definition.R
g <- function(x) sprintf("%.17g", x)
d <- read.csv("examples/focused_deterrence.csv")
d <- d[!is.na(d$reoffended), ] # rows with a missing outcome are left out, as the contract says
x <- sum(d$reoffended[d$arm == "treatment"]); nx <- sum(d$arm == "treatment")
y <- sum(d$reoffended[d$arm == "control"]); ny <- sum(d$arm == "control")
cat(sprintf("counts: x = %d, nx = %d, y = %d, ny = %d\n", x, nx, y, ny))
a <- x; b <- nx - x; c <- y; dd <- ny - y
or <- (a / b) / (c / dd)
se <- sqrt(1 / a + 1 / b + 1 / c + 1 / dd)
z <- qnorm(0.975)
cat(sprintf("odds_ratio (a/b)/(c/d) = %s, Woolf 95%%: %s, %s\n", g(or), g(exp(log(or) - z * se)), g(exp(log(or) + z * se))))
# fisher.test's estimate equation E_psi[X] = x solved to 1e-13 on the log
# scale (R's own uniroot stops near 1e-4), as fisher_precise in binary.R.
support <- max(0, nx - (nx + ny - x - y)):min(nx, x + y)
logdc <- dhyper(support, x + y, nx + ny - x - y, nx, log = TRUE)
mn <- function(l) { w <- exp(logdc + l * support - max(logdc + l * support)); sum(support * w) / sum(w) }
cmle <- exp(uniroot(function(l) mn(l) - x, c(-60, 60), tol = 1e-13)$root)
cat(sprintf("conditional MLE = %s, fisher.test(m)$estimate = %s\n", g(cmle),
            g(unname(fisher.test(matrix(c(x, y, nx - x, ny - y), 2))$estimate))))
