# Reference values for evalkit's linear mixed model with a correlated random intercept and
# slope by group (stats/lmm_randslope*.go) and for analyse --model multilevel --site-slopes
# (rct/analysis/siteslopes*.go, cmd/evalkit/multilevel_test.go).
# R 4.2.2, lme4 1.1.31, lmerTest 3.1.3, Matrix 1.5.3, numDeriv 2016.8.1.1, minqa 1.2.5.
# Run from the repository root:  Rscript testdata/r/lmm_randslope.R [gen]
# With "gen" the data sets testdata/lmm/sites.csv and testdata/lmm/sites_singular.csv are
# (re)written first; values are rounded so that the CSV text is exact and R and Go fit the
# very same numbers. Every fit below is made on the data read back from the CSV.
#
# Every model is fitted twice. First with a tight optimiser,
#   control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5))
# ("bobyqa" below), which still stops where numDeriv's gradient of the deviance is up to
# 1.2e-5 (bobyqa sees only the deviance's values, flat to rounding near the optimum), so its
# values are off the optimum's by up to 2e-6 relative (sites/blocks' df). Then with
# bobyqa_newton, the same bobyqa followed by Newton's method on numDeriv's Richardson
# gradient and Hessian of lme4's own deviance function ("bobyqa + Newton"), which stops
# where that gradient is at numDeriv's noise, about 1e-8. The values are those of lmerTest's
# summary(), whose Satterthwaite df use numDeriv's Richardson-extrapolated Hessian and
# Jacobian at R's optimum. Each report also prints lme4's deviance function (REML
# criterion, or -2 log L for ML) and numDeriv's gradient of it at R's theta and at
# evalkit's (the theta LMMRandomSlope finds, pasted below from the Go test's log): evalkit's
# optimum must not be worse than R's.
suppressPackageStartupMessages({library(lme4); library(lmerTest)})
args <- commandArgs(trailingOnly = TRUE)
p17 <- function(x) paste(sprintf("%.17g", x), collapse = ", ")
ctrl <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5))

# bobyqa as ctrl's, then Newton's method on numDeriv's derivatives of the deviance function
# fn, with the elements of theta that bobyqa left at (or within 1e-7 of) their bound 0 held
# at 0; a step is taken unless fn rises by more than 1e-10 (its rounding is about 1e-13), and
# 20 are taken at most. An optimizer for lmerControl.
bobyqa_newton <- function(fn, par, lower, upper, control = list(), ...) {
  r <- minqa::bobyqa(par, fn, lower, upper, control = list(rhoend = 1e-12, maxfun = 1e5))
  th <- r$par
  at0 <- lower == 0 & th < 1e-7
  if (fn(replace(th, at0, 0)) <= fn(th) + 1e-10) th[at0] <- 0
  free <- !(lower == 0 & th == 0)
  for (i in 1:20) {
    g <- numDeriv::grad(fn, th)[free]
    H <- numDeriv::hessian(fn, th)[free, free, drop = FALSE]
    step <- solve(H, g)
    nt <- th
    nt[free] <- th[free] - step
    if (any(nt < lower) || fn(nt) > fn(th) + 1e-10) break
    th <- nt
    if (max(abs(step)) < 1e-13) break
  }
  list(par = th, fval = fn(th), conv = 0, message = "bobyqa, then Newton's method", feval = r$feval)
}
newton <- lmerControl(optimizer = bobyqa_newton)

if ("gen" %in% args) {
  # (a) sites.csv: a multi-site trial, units randomised within 12 sites of unequal sizes (6
  # to 80), in 3 regions; site s11 has control units only (its treatment never started). A
  # covariate x; site intercepts with SD 1, treatment slopes with SD 0.6, correlation 0.4.
  set.seed(1601)
  sizes <- c(12, 45, 20, 80, 8, 33, 60, 15, 27, 50, 6, 38)
  J <- length(sizes)
  site <- rep(sprintf("s%02d", 1:J), sizes)
  region <- rep(rep(c("north", "south", "west"), each = 4), sizes)
  treat <- unlist(lapply(seq_len(J), function(j) if (j == 11) rep(0, sizes[j]) else sample(rep(0:1, length.out = sizes[j]))))
  S <- matrix(c(1, 0.4 * 0.6, 0.4 * 0.6, 0.36), 2)
  b <- matrix(rnorm(2 * J), J) %*% chol(S)
  x <- round(rnorm(sum(sizes)), 3)
  re <- c(north = 0, south = 0.7, west = -0.4)[region]
  j <- rep(1:J, sizes)
  y <- round(5 + 0.5 * treat + 0.4 * x + re + b[j, 1] + b[j, 2] * treat + rnorm(sum(sizes), 0, 1.5), 4)
  write.csv(data.frame(y, treat, x, region, site), "testdata/lmm/sites.csv", row.names = FALSE, quote = FALSE)

  # (b) sites_singular.csv: 10 sites of 10 to 40 units randomised within site, no slope
  # variance; the first seed from 1602 whose REML fit of y ~ treat + x + (1 + treat | site)
  # is singular (isSingular).
  seed <- 1602
  repeat {
    set.seed(seed)
    J <- 10
    sizes <- sample(10:40, J, replace = TRUE)
    site <- rep(sprintf("t%02d", 1:J), sizes)
    treat <- unlist(lapply(sizes, function(m) sample(rep(0:1, length.out = m))))
    x <- round(rnorm(sum(sizes)), 3)
    u <- rep(rnorm(J, 0, 0.8), sizes)
    y <- round(2 + 0.3 * treat + 0.5 * x + u + rnorm(sum(sizes)), 4)
    d <- data.frame(y, treat, x, site)
    f <- suppressMessages(lmer(y ~ treat + x + (1 + treat | site), data = d, REML = TRUE, control = ctrl))
    if (isSingular(f)) break
    seed <- seed + 1
  }
  cat("sites_singular.csv seed:", seed, "\n")
  write.csv(d, "testdata/lmm/sites_singular.csv", row.names = FALSE, quote = FALSE)
}

# evalkit's theta for each report (lme4's order: theta11, theta21, theta22), from the Go
# test's log (go test ./stats -run TestLMMRandomSlopeAgainstR -v); NULL before it is known.
evalkit_theta <- list(
  "sites" = c(0.66412644983387714, 0.33320642911478676, 0.28600880303399168),
  "sites/ML" = c(0.63030047877860051, 0.33089091997514386, 0.24621323157294706),
  "sites/blocks" = c(0.60769401799952782, 0.43675970045802365, 0.096542211426529287),
  "sites/no covariates" = c(0.64499989079287035, 0.34020142437597217, 0.32713724764544228),
  "singular" = c(0.55570787228399776, 0.027570188770841483, 0),
  "sites/slope of x" = c(0.82051900162214897, -0.093089451269753085, 0))

report <- function(label, file, form, reml = TRUE) {
  d <- read.csv(file.path("testdata/lmm", file))
  for (how in c("bobyqa", "bobyqa + Newton")) {
    f <- suppressMessages(lmerTest::lmer(as.formula(form), data = d, REML = reml,
                                         control = if (how == "bobyqa") ctrl else newton))
    s <- summary(f)$coefficients
    vc <- as.data.frame(VarCorr(f))
    dev <- update(f, devFunOnly = TRUE)
    th <- getME(f, "theta")
    cat(sprintf("# %s (%s): %s: lmerTest::lmer(%s, REML = %s)\n", label, how, file, form, reml))
    cat("names:", paste(rownames(s), collapse = ", "), "\n")
    cat("coef:", p17(s[, "Estimate"]), "\nse:", p17(s[, "Std. Error"]), "\ndf:", p17(s[, "df"]),
        "\np:", p17(s[, "Pr(>|t|)"]),
        "\nvar_intercept, var_slope, cov, var_residual:", p17(vc$vcov), "cor:", p17(vc$sdcor[3]),
        "\nloglik:", p17(as.numeric(logLik(f))), "theta:", p17(th),
        "\nsingular:", isSingular(f), "groups:", ngrps(f), "n:", nrow(d), "\n")
    L <- replace(numeric(length(fixef(f))), 2, 1)
    ci <- lmerTest::contest(f, L, joint = FALSE, confint = TRUE, level = 0.9)
    cat("ci90 of coefficient 2 (contest):", p17(c(ci$lower, ci$upper)), "\n")
    cat("devfun at R's theta:", p17(dev(th)), " numDeriv gradient there:", p17(numDeriv::grad(dev, th)), "\n")
    et <- evalkit_theta[[label]]
    if (!is.null(et)) {
      cat("devfun at evalkit's theta:", p17(dev(et)), " numDeriv gradient there:", p17(numDeriv::grad(dev, et)),
          " evalkit - R:", p17(dev(et) - dev(th)), "\n")
    }
  }
}

report("sites", "sites.csv", "y ~ treat + x + (1 + treat | site)")
report("sites/ML", "sites.csv", "y ~ treat + x + (1 + treat | site)", reml = FALSE)
report("sites/blocks", "sites.csv", "y ~ treat + x + factor(region) + (1 + treat | site)")
report("sites/no covariates", "sites.csv", "y ~ treat + (1 + treat | site)")
report("singular", "sites_singular.csv", "y ~ treat + x + (1 + treat | site)")
# A slope of a continuous covariate, for LMMRandomSlope's slope of any column.
report("sites/slope of x", "sites.csv", "y ~ treat + x + (1 + x | site)")

# ExampleLMMRandomSlope (stats/lmm_randslope_example_test.go): six sites of six people, every
# other one offered the programme (y drawn once, with set.seed(16), and written out here).
y <- c(10, 12.3, 11, 10, 10.9, 11.5, 9.5, 12.2, 8.7, 11.2, 9.7, 12.5, 10.5, 14.5, 11.8, 14.1, 11.7, 13.6,
       8.1, 10.6, 8.5, 9.9, 7.8, 10.7, 11.5, 14.2, 11.3, 13.9, 10.2, 15.6, 9.7, 10.9, 9.1, 11.3, 9.6, 11.5)
site <- rep(paste("site", 1:6), each = 6)
treat <- rep(c(0, 1), 18)
f <- suppressMessages(lmerTest::lmer(y ~ treat + (1 + treat | site), control = ctrl))
cat("# example: lmerTest::lmer(y ~ treat + (1 + treat | site))\ncoef:", p17(summary(f)$coefficients[2, ]),
    "\nvarcorr:", p17(as.data.frame(VarCorr(f))$vcov), "cor:", p17(as.data.frame(VarCorr(f))$sdcor[3]),
    "loglik:", p17(as.numeric(logLik(f))), "\n")

# analyse --model multilevel --site-slopes (rct/analysis/siteslopes_r_test.go): one comparison,
# the treatment's coefficient of the model with site slopes (form) fitted with the Newton
# polish (newton): estimate, se, ci_low, ci_high (t with the Satterthwaite df), p, df; then
# icc (of form0, the random-intercept model without covariates, fitted with ctrl as
# testdata/r/multilevel.R does), var_site_intercept, var_site_slope, cor_site, var_residual;
# then g_total and g_within with their intervals, over the SDs of form0.
slopes <- function(label, d, form, form0, level = 0.95) {
  f <- suppressMessages(lmerTest::lmer(as.formula(form), data = d, REML = TRUE, control = newton))
  f0 <- suppressMessages(lmerTest::lmer(as.formula(form0), data = d, REML = TRUE, control = ctrl))
  s <- summary(f)$coefficients["treat", ]
  est <- s[["Estimate"]]; se <- s[["Std. Error"]]; df <- s[["df"]]
  q <- qt(1 - (1 - level) / 2, df)
  ci <- c(est - q * se, est + q * se)
  v <- as.data.frame(VarCorr(f)); v0 <- as.data.frame(VarCorr(f0))$vcov
  sdt <- sqrt(v0[1] + v0[2]); sdw <- sqrt(v0[2])
  cat(sprintf("# %s: lmerTest::lmer(%s, REML = TRUE, control = newton); icc, g of lmer(%s)\n", label, form, form0))
  cat("singular:", isSingular(f), isSingular(f0), "\n")
  cat(p17(c(est, se, ci, s[["Pr(>|t|)"]], df, v0[1] / (v0[1] + v0[2]), v$vcov[1], v$vcov[2], v$sdcor[3], v$vcov[4],
            est / sdt, ci / sdt, est / sdw, ci / sdw)), "\n")
}
d <- read.csv("testdata/lmm/sites.csv")
slopes("sites.csv", d, "y ~ treat + x + (1 + treat | site)", "y ~ treat + (1 | site)")
slopes("sites.csv, level 0.9", d, "y ~ treat + x + (1 + treat | site)", "y ~ treat + (1 | site)", 0.9)
slopes("sites.csv, region blocks", d, "y ~ treat + x + factor(region) + (1 + treat | site)", "y ~ treat + factor(region) + (1 | site)")
d <- read.csv("testdata/lmm/sites_singular.csv")
slopes("sites_singular.csv", d, "y ~ treat + x + (1 + treat | site)", "y ~ treat + (1 | site)")
