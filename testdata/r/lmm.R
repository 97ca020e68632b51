# Reference values for evalkit's linear mixed model with random intercepts (stats/lmm*.go).
# R 4.2.2, lme4 1.1.31, lmerTest 3.1.3, Matrix 1.5.3, numDeriv 2016.8.1.1, minqa 1.2.5.
# Run from the repository root:  Rscript testdata/r/lmm.R [gen]
# With "gen" the data sets in testdata/lmm/ are (re)written first; values are rounded so
# that the CSV text is exact and R and Go fit the very same numbers. Every fit below is
# made on the data read back from the CSV.
#
# Every lmer call uses a tight optimiser, so that R's optimum is as close to the exact one
# as R can get:
#   control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5))
# and R's theta is checked against a 1-D profile of the same deviance function with
# optimise(devfun, c(0, 20), tol = 1e-12) (printed as theta_profile) and against the root of
# its numerical slope (theta_root, see report()); the values are those
# of lmerTest's summary(), whose Satterthwaite df uses numDeriv's Richardson-extrapolated
# Hessian and Jacobian at R's optimum.
suppressPackageStartupMessages({library(lme4); library(lmerTest)})
args <- commandArgs(trailingOnly = TRUE)
p17 <- function(x) paste(sprintf("%.17g", x), collapse = ", ")
ctrl <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5))

if ("gen" %in% args) {
  # (a) balanced.csv: 20 clusters of 10, treatment by cluster (10 and 10), a covariate.
  set.seed(4101)
  J <- 20; m <- 10
  cluster <- rep(sprintf("c%02d", 1:J), each = m)
  treat <- rep(sample(rep(0:1, J / 2)), each = m)
  x <- round(rnorm(J * m, 50, 10), 2)
  u <- rnorm(J, 0, 0.6)[rep(1:J, each = m)]
  y <- round(2 + 0.4 * treat + 0.03 * x + u + rnorm(J * m), 4)
  write.csv(data.frame(y, treat, x, cluster), "testdata/lmm/balanced.csv", row.names = FALSE, quote = FALSE)

  # (b) unequal.csv: 18 clusters of sizes 1 to 80 (426 rows), treatment by cluster.
  set.seed(4102)
  sizes <- c(1, 80, 2, 55, 3, 34, 5, 21, 8, 13, 1, 64, 4, 49, 9, 36, 16, 25)
  J <- length(sizes)
  cluster <- rep(sprintf("k%d", 1:J), sizes)
  treat <- rep(rep(0:1, J / 2), sizes)
  u <- rep(rnorm(J, 0, 1.5), sizes)
  y <- round(10 - 1.2 * treat + u + rnorm(sum(sizes), 0, 3), 3)
  write.csv(data.frame(y, treat, cluster), "testdata/lmm/unequal.csv", row.names = FALSE, quote = FALSE)

  # (c) blocks.csv: 6 blocks of 6 clusters (sizes 4 to 15), treatment by cluster within
  # block (3 and 3), a covariate, block effects.
  set.seed(4103)
  rows <- list()
  for (b in 1:6) {
    tr <- sample(rep(0:1, 3))
    for (k in 1:6) {
      nk <- sample(4:15, 1)
      rows[[length(rows) + 1]] <- data.frame(block = paste0("B", b), cluster = sprintf("B%d-%d", b, k),
                                             treat = tr[k], nk = nk)[rep(1, nk), ]
    }
  }
  d <- do.call(rbind, rows)
  n <- nrow(d)
  x <- round(rnorm(n), 3)
  be <- c(B1 = 0, B2 = 0.5, B3 = -0.3, B4 = 1, B5 = 0.2, B6 = -0.8)[d$block]
  cl <- unique(d$cluster); ue <- setNames(rnorm(length(cl), 0, 0.5), cl)[d$cluster]
  y <- round(1 + 0.3 * d$treat + 0.7 * x + be + ue + rnorm(n), 4)
  write.csv(data.frame(y, treat = d$treat, x, block = d$block, cluster = d$cluster),
            "testdata/lmm/blocks.csv", row.names = FALSE, quote = FALSE)

  # (d) arms.csv: three arms of 8 clusters of 6 to 14 units.
  set.seed(4104)
  J <- 24
  sizes <- sample(6:14, J, replace = TRUE)
  arm <- rep(rep(c("A", "B", "C"), each = 8), sizes)
  cluster <- rep(sprintf("a%02d", 1:J), sizes)
  u <- rep(rnorm(J, 0, 0.8), sizes)
  y <- round(5 + c(A = 0, B = 0.6, C = -0.4)[arm] + u + rnorm(sum(sizes), 0, 2), 3)
  armB <- as.integer(arm == "B"); armC <- as.integer(arm == "C")
  write.csv(data.frame(y, arm, armB, armC, cluster), "testdata/lmm/arms.csv", row.names = FALSE, quote = FALSE)

  # (e) singular.csv: 15 clusters of 8 to 20, no cluster effect; the first seed from 4105
  # whose REML fit is singular (theta = 0).
  seed <- 4105
  repeat {
    set.seed(seed)
    J <- 15
    sizes <- sample(8:20, J, replace = TRUE)
    cluster <- rep(sprintf("s%02d", 1:J), sizes)
    treat <- rep(rep(0:1, length.out = J), sizes)
    x <- round(rnorm(sum(sizes)), 3)
    y <- round(3 + 0.5 * treat + 0.5 * x + rnorm(sum(sizes)), 4)
    d <- data.frame(y, treat, x, cluster)
    f <- lmer(y ~ treat + x + (1 | cluster), data = d, REML = TRUE, control = ctrl)
    if (getME(f, "theta") == 0) break
    seed <- seed + 1
  }
  cat("singular.csv seed:", seed, "\n")
  write.csv(d, "testdata/lmm/singular.csv", row.names = FALSE, quote = FALSE)
}

report <- function(file, form, reml = TRUE) {
  d <- read.csv(file.path("testdata/lmm", file))
  f <- lmerTest::lmer(as.formula(form), data = d, REML = reml, control = ctrl)
  s <- summary(f)$coefficients
  vc <- as.data.frame(VarCorr(f))
  dev <- update(f, devFunOnly = TRUE)
  prof <- optimise(dev, c(0, 20), tol = 1e-12)
  th <- getME(f, "theta")
  # The root of the deviance's slope, by numDeriv's Richardson-extrapolated derivative and
  # uniroot: closer to the exact optimum than either optimiser, which only see the
  # deviance's values, flat to rounding within about 1e-8 relative of the optimum.
  root <- if (th == 0) 0 else uniroot(function(t) numDeriv::grad(dev, t), c(0.9, 1.1) * th, tol = 1e-15)$root
  cat(sprintf("# %s: lmerTest::lmer(%s, REML = %s, control = ctrl)\n", file, form, reml))
  cat("names:", paste(rownames(s), collapse = ", "), "\n")
  cat("coef:", p17(s[, "Estimate"]), "\nse:", p17(s[, "Std. Error"]), "\ndf:", p17(s[, "df"]),
      "\nt:", p17(s[, "t value"]), "\np:", p17(s[, "Pr(>|t|)"]),
      "\nvar_cluster:", p17(vc$vcov[1]), "var_residual:", p17(vc$vcov[2]),
      "\nloglik:", p17(as.numeric(logLik(f))), "theta:", p17(getME(f, "theta")),
      "theta_profile:", p17(if (dev(0) <= prof$objective) 0 else prof$minimum), "theta_root:", p17(root),
      "\nsingular:", isSingular(f), "groups:", ngrps(f), "n:", nrow(d), "\n")
  k <- min(2, length(fixef(f)))
  L <- replace(numeric(length(fixef(f))), k, 1)
  ci <- lmerTest::contest(f, L, joint = FALSE, confint = TRUE, level = 0.9)
  cat(sprintf("ci90 of coefficient %d (contest(L = e%d, joint = FALSE, confint = TRUE, level = 0.9)):", k, k), p17(c(ci$lower, ci$upper)), "\n")
  invisible(f)
}

report("balanced.csv", "y ~ treat + x + (1 | cluster)")
report("balanced.csv", "y ~ treat + x + (1 | cluster)", reml = FALSE)
report("unequal.csv", "y ~ treat + (1 | cluster)")
report("unequal.csv", "y ~ treat + (1 | cluster)", reml = FALSE)
report("blocks.csv", "y ~ treat + x + factor(block) + (1 | cluster)")
report("arms.csv", "y ~ armB + armC + (1 | cluster)")
report("arms.csv", "y ~ arm + (1 | cluster)")
report("singular.csv", "y ~ treat + x + (1 | cluster)")
# The planning ICC of `evalkit icc`: no covariates.
report("unequal.csv", "y ~ 1 + (1 | cluster)")
report("singular.csv", "y ~ treat + x + (1 | cluster)", reml = FALSE)

# lmerTest's df depend on the outcome's units (stats/lmm_satterthwaite.go): numDeriv's
# step for sigma is an absolute 1e-4 when |sigma| < 1.8e-5, and an eigenvalue of the
# Hessian below 1e-8 is dropped. evalkit's df are the same in any units.
d <- read.csv("testdata/lmm/balanced.csv")
for (s in c(1e-6, 1e6)) {
  d$ys <- d$y * s
  f <- suppressWarnings(lmerTest::lmer(ys ~ treat + x + (1 | cluster), data = d, control = ctrl))
  cat(sprintf("# balanced.csv, y times %g: Satterthwaite df ", s), p17(summary(f)$coefficients[, "df"]), "\n")
}

# ExampleLMM and ExampleSearleICCInterval (stats/lmm_example_test.go, stats/icc_example_test.go).
y <- c(5.1, 6.0, 5.5, 4.8, 6.2, 7.1, 6.6, 6.9, 4.0, 4.9, 5.2, 4.4, 7.0, 7.9, 6.8, 7.4, 5.3, 4.6, 5.9, 5.0, 6.1, 7.2, 6.4, 7.0)
school <- rep(paste("school", 1:6), each = 4)
treat <- rep(c(0, 1), each = 4, times = 3)
f <- lmerTest::lmer(y ~ treat + (1 | school), control = ctrl)
cat("# example: lmerTest::lmer(y ~ treat + (1 | school))\ncoef:", p17(summary(f)$coefficients[2, ]),
    "\nvarcorr:", p17(as.data.frame(VarCorr(f))$vcov), "loglik:", p17(as.numeric(logLik(f))), "\n")
a <- anova(lm(y ~ factor(school)))
F <- a[1, "F value"]; nj <- table(school); N <- sum(nj); n0 <- (N - sum(nj^2) / N) / (length(nj) - 1)
fu <- qf(0.975, 5, 18); fl <- qf(0.025, 5, 18)
cat("# example: anova(lm(y ~ factor(school))) F, n0, Searle 95%:", p17(c(F, n0, (F / fu - 1) / (F / fu + n0 - 1), (F / fl - 1) / (F / fl + n0 - 1))), "\n")
