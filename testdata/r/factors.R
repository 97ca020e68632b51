# Reference values for text (categorical) covariates in evalkit analyse
# (rct/analysis/r_test.go, factor_test.go): factor(col) in lm_robust, glm.nb and glm,
# the balance of each level, and randomisation inference with a factor.
# R 4.2.2, estimatr 1.0.0, MASS 7.3-58.2. Data: testdata/r/factors_data.R.
# Run from the repository root:  Rscript testdata/r/factors.R
# Every value is printed with sprintf("%.17g").
#
# factor() sorts its levels with the collation of the locale; evalkit sorts
# them byte by byte, as R does in the C locale, set here. The locale chooses
# only the baseline level, which changes neither the number of coefficients
# nor the treatment's.
invisible(Sys.setlocale("LC_COLLATE", "C"))
suppressPackageStartupMessages({
  library(estimatr)
  library(MASS)
})
p17 <- function(...) {
  v <- c(...)
  cat(paste(sprintf("%.17g", v), collapse = ", "), "\n")
}
pooled_sd <- function(y, t) {
  yt <- y[t == 1]; yc <- y[t == 0]
  sqrt(((length(yt) - 1) * var(yt) + (length(yc) - 1) * var(yc)) / (length(yt) + length(yc) - 2))
}
# lm_robust coefficient "treat": estimate, se, ci_low, ci_high, p, df, then
# adjusted_g and its interval; and the number of coefficients.
ols <- function(label, formula, d, ...) {
  f <- lm_robust(formula, data = d, ...)
  s <- pooled_sd(d$y, d$treat)
  cat(label, "(", length(coef(f)), "coefficients )\n")
  p17(f$coefficients["treat"], f$std.error["treat"], f$conf.low["treat"], f$conf.high["treat"],
      f$p.value["treat"], f$df["treat"], f$coefficients["treat"] / s, f$conf.low["treat"] / s, f$conf.high["treat"] / s)
}
# glm coefficient "treat" as a rate ratio: exp(b), se of b, exp(Wald bounds), p.
glmrr <- function(label, f) {
  b <- coef(summary(f))["treat", ]
  ci <- confint.default(f)["treat", ]
  cat(label, "\n")
  p17(exp(b[1]), b[2], exp(ci[1]), exp(ci[2]), b[4])
}
# The rows of one comparison, arms t and c, as character columns, so that
# factor(site) has the levels of these rows only.
pair <- function(d, t, c) {
  d <- d[d$arm %in% c(t, c), ]
  d$treat <- as.numeric(d$arm == t)
  d
}

## sites.csv: --covariates x,site (site is text; NA and empty are missing)
s <- read.csv("testdata/analyse2/sites.csv", na.strings = c("NA", ""), strip.white = FALSE)
s <- s[complete.cases(s[, c("y", "x", "site")]), ]
for (t in c("navigator", "phone")) {
  p <- pair(s, t, "control")
  cat("levels", t, ":", levels(factor(p$site)), "\n")
  ols(paste("sites HC2", t), y ~ treat + x + factor(site), p, se_type = "HC2")
  ols(paste("sites CR2", t), y ~ treat + x + factor(site), p, clusters = ward, se_type = "CR2")
}
p <- pair(s, "navigator", "control")
glmrr("sites negbin navigator", glm.nb(crimes ~ treat + x + factor(site) + offset(log(weeks)), data = p))
glmrr("sites poisson navigator", glm(crimes ~ treat + x + factor(site) + offset(log(weeks)), family = poisson, data = p))
# The linear probability model of the outcome written in words (yes = 1).
p$y <- p$reoffended01
ols("sites reoffended HC2 navigator", y ~ treat + factor(site), p, se_type = "HC2")

## Balance of site over the rows analysed with --covariates x,site: each
## level's share in the arm and in control, and the standardised
## difference of the level's indicator with variances p(1 - p),
## (p_a - p_c) / sqrt((p_a (1 - p_a) + p_c (1 - p_c)) / 2).
cat("sites balance: level, arm, share, share control, std_diff\n")
for (t in c("navigator", "phone")) for (l in sort(unique(s$site))) {
  pa <- mean(s$site[s$arm == t] == l); pc <- mean(s$site[s$arm == "control"] == l)
  cat(l, t, ""); p17(pa, pc, (pa - pc) / sqrt((pa * (1 - pa) + pc * (1 - pc)) / 2))
}

## tiny_factor_ri.csv: T = the coefficient of treat in lm(y ~ treat +
## factor(site)) over all choose(12, 6) = 924 allocations.
k <- read.csv("testdata/analyse2/tiny_factor_ri.csv")
k$treat <- as.numeric(k$arm == "treatment")
tk <- function(tr) coef(lm(k$y ~ tr + factor(k$site)))[2]
tobs <- tk(k$treat)
ts <- apply(combn(12, 6), 2, function(i) { tr <- numeric(12); tr[i] <- 1; tk(tr) })
cat("tiny_factor_ri exact p over", length(ts), "allocations\n")
p17(mean(abs(ts) >= abs(tobs) * (1 - 1e-9)))
k$y <- k$y
ols("tiny_factor HC2", y ~ treat + factor(site), k, se_type = "HC2")
