# Reference values for stats.TwoStageLS, stats.Wald and stats.LeeBounds
# (stats/iv_test.go, stats/wald_test.go, stats/lee_test.go).
# R 4.2.2, estimatr 1.0.0, car 3.1-1.
# Run from the repository root:  Rscript testdata/r/iv.R
# Every value is printed with sprintf("%.17g").
suppressPackageStartupMessages({
  library(estimatr)
  library(car)
})
p17 <- function(...) cat(paste(sprintf("%.17g", c(...)), collapse = ", "), "\n")
d <- read.csv("testdata/models/iv.csv")
# Coefficients, standard errors and df of an iv_robust fit, each in the
# order of the formula.
show <- function(label, f) {
  cat(label, "\n")
  p17(coef(f)); p17(f$std.error); p17(f$df)
}
show("wald estimator HC2", iv_robust(y ~ received | treat, data = d, se_type = "HC2"))
for (se in c("classical", "HC0", "HC1", "HC2", "HC3")) {
  show(paste("covariates", se), iv_robust(y ~ received + x + female | treat + x + female, data = d, se_type = se))
}
show("block HC2", iv_robust(y ~ received + x + factor(town) | treat + x + factor(town), data = d, se_type = "HC2"))
show("block CR2", iv_robust(y ~ received + x + factor(town) | treat + x + factor(town), data = d,
                           clusters = school, se_type = "CR2"))
show("CR2 no block", iv_robust(y ~ received + x | treat + x, data = d, clusters = school, se_type = "CR2"))
show("one-sided block HC2", iv_robust(y ~ received1 + x + factor(town) | treat + x + factor(town), data = d, se_type = "HC2"))
show("one-sided block CR2", iv_robust(y ~ received1 + x + factor(town) | treat + x + factor(town), data = d,
                                     clusters = school, se_type = "CR2"))
# Two endogenous columns (received and received x female), two instruments.
d$rf <- d$received * d$female; d$tf <- d$treat * d$female
show("two endogenous HC2", iv_robust(y ~ received + rf + x + female | treat + tf + x + female, data = d, se_type = "HC2"))
# An over-identified model: treat and treat x female instrument received.
show("over-identified HC1", iv_robust(y ~ received + x + female | treat + tf + x + female, data = d, se_type = "HC1"))

## Wald: car::linearHypothesis(fit, terms, test = "Chisq") on lm_robust fits.
wald <- function(label, f, terms) {
  h <- linearHypothesis(f, terms, test = "Chisq")
  cat(label, "\n"); p17(h$Chisq[2], h$Df[2], h[["Pr(>Chisq)"]][2])
}
wald("wald HC2 treat:female, x", lm_robust(y ~ treat * female + x, data = d, se_type = "HC2"), c("treat:female", "x"))
wald("wald HC2 block treat:female", lm_robust(y ~ treat * female + x + factor(town), data = d, se_type = "HC2"), "treat:female")
wald("wald CR2 treat, treat:female", lm_robust(y ~ treat * female + x, data = d, clusters = school, se_type = "CR2"),
     c("treat", "treat:female"))

## Lee bounds by hand on two small samples: sort, keep the mass m of the
## trimmed arm from the bottom (or the top), the boundary value weighted by
## the fraction of it within m.
trimmed <- function(x, m, top) {
  s <- sort(x, decreasing = top)
  w <- pmin(pmax(m - (seq_along(s) - 1), 0), 1)
  sum(w * s) / m
}
lee <- function(label, yt, yc, Nt, Nc) {
  qt <- length(yt) / Nt; qc <- length(yc) / Nc
  if (qt > qc) {
    p <- (qt - qc) / qt; m <- length(yt) * (1 - p)
    lo <- trimmed(yt, m, FALSE) - mean(yc); hi <- trimmed(yt, m, TRUE) - mean(yc)
  } else {
    p <- (qc - qt) / qc; m <- length(yc) * (1 - p)
    lo <- mean(yt) - trimmed(yc, m, TRUE); hi <- mean(yt) - trimmed(yc, m, FALSE)
  }
  cat(label, "\n"); p17(lo, hi, p, qt, qc)
}
yt <- c(4.1, 5.3, 2.2, 6.8, 5.3, 3.9, 7.4, 5.0, 4.6)
yc <- c(3.2, 4.4, 1.9, 5.1, 3.3, 2.8, 4.0)
lee("lee treatment trimmed", yt, yc, 10, 10)
lee("lee control trimmed", yt, yc, 14, 8)

## examples (stats/iv_example_test.go)
e <- data.frame(y = c(12, 15, 11, 14, 16, 13, 12, 17, 10, 11, 13, 9, 12, 14, 10, 11),
                offered = rep(1:0, each = 8),
                received = c(1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0),
                female = rep(1:0, 8))
f <- iv_robust(y ~ received | offered, data = e, se_type = "HC2")
cat("example iv\n"); p17(coef(f)["received"], f$std.error["received"], f$df["received"], f$conf.low["received"], f$conf.high["received"])
h <- linearHypothesis(lm_robust(y ~ offered * female, data = e), "offered:female", test = "Chisq")
cat("example wald\n"); p17(h$Chisq[2], h$Df[2], h[["Pr(>Chisq)"]][2])
