# Reference values for evalkit analyse --subgroup (rct/analysis/subgroup_test.go).
# R 4.2.2, estimatr 1.0.0, car 3.1-1, MASS 7.3-58.2.
# Run from the repository root:  Rscript testdata/r/subgroup.R
# Every value is printed with sprintf("%.17g"): for each level (sorted) of
# the subgroup, n, estimate, se, ci_low, ci_high, p_value of the method
# fitted within it; then interaction_p (and the chi-square and its df).
suppressPackageStartupMessages({
  library(estimatr)
  library(car)
  library(MASS)
})
p17 <- function(...) cat(paste(sprintf("%.17g", c(...)), collapse = ", "), "\n")
s <- read.csv("testdata/analyse_subgroup/subgroup.csv")
pair <- function(d, t, c, cols) {
  d <- d[d$arm %in% c(t, c), ]
  d <- d[complete.cases(d[, cols]), ]
  d$treat <- as.numeric(d$arm == t)
  d
}
welch <- function(d) {
  r <- t.test(d$y[d$treat == 1], d$y[d$treat == 0])
  c(unname(r$estimate[1] - r$estimate[2]), r$stderr, r$conf.int, r$p.value)
}
ols <- function(formula, ...) function(d) {
  f <- lm_robust(formula, data = d, ...)
  c(f$coefficients["treat"], f$std.error["treat"], f$conf.low["treat"], f$conf.high["treat"], f$p.value["treat"])
}
wil <- function(x, n) {
  ci <- suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int)
  c(x / n, ci[1], ci[2])
}
# fisher_exact: the risk difference with Newcombe's (1998) method 10
# interval from the Wilson intervals, fisher.test's p; no se.
fisher <- function(d) {
  x <- sum(d$reoffended[d$treat == 1]); nx <- sum(d$treat == 1)
  y <- sum(d$reoffended[d$treat == 0]); ny <- sum(d$treat == 0)
  w1 <- wil(x, nx); w2 <- wil(y, ny)
  e <- w1[1] - w2[1]
  c(e, NA, e - sqrt((w1[1] - w1[2])^2 + (w2[3] - w2[1])^2), e + sqrt((w1[3] - w1[1])^2 + (w2[1] - w2[2])^2),
    fisher.test(matrix(c(x, y, nx - x, ny - y), 2))$p.value)
}
# negbin_glm: the rate ratio exp(b), se of b, exp(Wald bounds), Wald p.
negbin <- function(d) {
  f <- glm.nb(crimes ~ treat, data = d)
  b <- coef(summary(f))["treat", ]
  ci <- confint.default(f)["treat", ]
  c(exp(b[1]), b[2], exp(ci[1]), exp(ci[2]), b[4])
}
# Each level's n and fit, then the Wald test of the interactions in
# lm_robust(outcome ~ treat * factor(g) + rest).
sub <- function(label, d, g, fit, outcome, rest = "", ...) {
  cat(label, "\n")
  d <- d[!is.na(d[[g]]), ]
  for (l in sort(unique(d[[g]]))) {
    dl <- d[d[[g]] == l, ]
    p17(nrow(dl), fit(dl))
  }
  f <- lm_robust(as.formula(paste(outcome, "~ treat * factor(", g, ")", rest)), data = d, ...)
  terms <- grep("^treat:", names(coef(f)), value = TRUE)
  h <- linearHypothesis(f, terms, test = "Chisq")
  p17(h[["Pr(>Chisq)"]][2], h$Chisq[2], h$Df[2])
}
for (a in c("navigator", "phone")) {
  sub(paste("welch region", a), pair(s, a, "control", "y"), "region", welch, "y", se_type = "HC2")
}
sub("ols_cr2 region navigator", pair(s, "navigator", "control", c("y", "x")), "region",
    ols(y ~ treat + x + factor(site), clusters = ward, se_type = "CR2"), "y", "+ x + factor(site)",
    clusters = ward, se_type = "CR2")
sub("fisher region navigator", pair(s, "navigator", "control", "reoffended"), "region", fisher, "reoffended", se_type = "HC2")
sub("negbin region navigator", pair(s, "navigator", "control", "crimes"), "region", negbin, "crimes", se_type = "HC2")
sub("ols_hc3 site = block navigator", pair(s, "navigator", "control", c("y", "x")), "site",
    ols(y ~ treat + x, se_type = "HC3"), "y", "+ x + factor(site)", se_type = "HC3")
# tiny: level z has two rows, both of one ward of the control arm; the
# interaction treat:factor(tiny)z is aliased (NA) and the test is undefined.
d <- pair(s, "navigator", "control", "y")
f <- lm_robust(y ~ treat * factor(tiny), data = d, clusters = ward, se_type = "CR2")
cat("tiny: coefficients\n"); print(coef(f))
cat("tiny: linearHypothesis\n"); print(try(linearHypothesis(f, grep("^treat:", names(coef(f)), value = TRUE), test = "Chisq"), silent = TRUE))
