# Reference values of evalkit match (stats and qed tests), printed at full precision.
# R 4.2.2; MatchIt 4.5.5 (CRAN source; its DESCRIPTION's rlang (>= 1.1.0)
# relaxed to the installed 1.0.6, which has every function it calls),
# ebal 0.1-8 (CRAN source), estimatr 1.0.0 (Debian). Balance by cobalt's
# definitions, computed here (cobalt is not installed): SMD = (weighted
# treated mean - weighted control mean) / SD of the treated in the full
# sample (sqrt(p(1-p)) for a 0/1 covariate, as cobalt's binary = "std");
# variance ratio = treated / control weighted variance, sum w (x - m)^2 sum w
# / ((sum w)^2 - sum w^2). Run from the repository's root:
#   Rscript testdata/r/match.R > testdata/r/match.out
suppressPackageStartupMessages({library(MatchIt); library(ebal); library(estimatr)})
p <- function(...) cat(sprintf("%s\n", paste(...)))
f <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
d <- read.csv("testdata/qed/match.csv")
covs <- c("age", "absence", "fsm")
X <- as.matrix(d[, covs])
tr <- d$navigator == 1
wvar <- function(x, w) { m <- sum(w * x) / sum(w); sum(w * (x - m)^2) * sum(w) / (sum(w)^2 - sum(w^2)) }
sdt <- sapply(covs, function(v) { x <- d[[v]][tr]; if (all(x %in% c(0, 1))) sqrt(mean(x) * (1 - mean(x))) else sd(x) })
balance <- function(w) for (v in covs) {
  x <- d[[v]]
  smd <- function(w) (sum(w[tr] * x[tr]) / sum(w[tr]) - sum(w[!tr] * x[!tr]) / sum(w[!tr])) / sdt[[v]]
  vr <- function(w) { k <- w > 0; wvar(x[tr & k], w[tr & k]) / wvar(x[!tr & k], w[!tr & k]) }
  one <- rep(1, nrow(d))
  p("balance", v, f(smd(one)), f(smd(w)), f(vr(one)), f(vr(w)))
}
ps <- fitted(glm(navigator ~ age + absence + fsm, family = binomial, data = d))
p("## glm(navigator ~ age + absence + fsm, family = binomial)")
p("ps", paste(f(ps[c(1, 2, 3, 300)]), collapse = " "), "sd", f(sd(ps)))
near <- function(label, ...) {
  m <- matchit(navigator ~ age + absence + fsm, data = d, method = "nearest", distance = "glm", m.order = "largest", ...)
  p("##", label)
  mm <- m$match.matrix
  for (k in seq_len(nrow(mm))) p("pair", d$pupil[as.integer(rownames(mm)[k])], if (is.na(mm[k, 1])) "NA" else d$pupil[as.integer(mm[k, 1])])
  p("n_matched", sum(!is.na(mm[, 1])))
  balance(m$weights)
  md <- match.data(m)
  fit <- lm_robust(exclusions ~ navigator, data = md, clusters = subclass, se_type = "CR2")
  p("effect", f(coef(fit)[2]), f(fit$std.error[2]), f(fit$df[2]), f(fit$conf.low[2]), f(fit$conf.high[2]), f(fit$p.value[2]))
}
near("matchit(navigator ~ age + absence + fsm, method = 'nearest', distance = 'glm', m.order = 'largest')")
near("matchit(..., caliper = 0.2)", caliper = 0.2)
near("matchit(..., caliper = 0.05, exact = ~ town)", caliper = 0.05, exact = ~ town)
eb <- ebalance(Treatment = d$navigator, X = X, constraint.tolerance = 1e-11, print.level = -1)
w <- rep(1, nrow(d)); w[!tr] <- eb$w
p("## ebalance(Treatment = navigator, X = cbind(age, absence, fsm), constraint.tolerance = 1e-11); treated weights 1")
p("ebal_w", paste(f(eb$w[1:5]), collapse = " "), "sum", f(sum(eb$w)), "ess", f(sum(eb$w)^2 / sum(eb$w^2)))
p("ebal_gap", paste(f(colSums(eb$w * X[!tr, ]) / sum(eb$w) - colMeans(X[tr, ])), collapse = " "))
balance(w)
fit <- lm_robust(exclusions ~ navigator, data = d, weights = w, se_type = "HC2")
p("## lm_robust(exclusions ~ navigator, weights = w, se_type = 'HC2')")
p("effect", f(coef(fit)[2]), f(fit$std.error[2]), f(fit$df[2]), f(fit$conf.low[2]), f(fit$conf.high[2]), f(fit$p.value[2]))
# WLS with covariates, every se_type (stats.WLS tests): w = 0.5 + (i mod 7)/4
w <- 0.5 + (seq_len(nrow(d)) %% 7) / 4
p("## lm_robust(exclusions ~ navigator + age + fsm, weights = w, se_type = S): S, estimate, se(navigator), se(age), df")
for (s in c("classical", "HC0", "HC1", "HC2", "HC3")) {
  fit <- lm_robust(exclusions ~ navigator + age + fsm, data = d, weights = w, se_type = s)
  p("wls", s, f(coef(fit)[2]), f(fit$std.error[2]), f(fit$std.error[3]), f(fit$df[2]))
}
