# Reference values for evalkit analyse --model multilevel (method mixed_reml) and evalkit icc
# (rct/analysis/multilevel_r_test.go, rct/analysis/icc_test.go, the examples in
# rct/analysis/multilevel_example_test.go, cmd/evalkit/multilevel_test.go, cmd/evalkit/icc_test.go).
# R 4.2.2, lme4 1.1.31, lmerTest 3.1.3, Matrix 1.5.3, numDeriv 2016.8.1.1, minqa 1.2.5.
# Run from the repository root:  Rscript testdata/r/multilevel.R
# Every value is printed with sprintf("%.17g"); the data are testdata/lmm/*.csv (made by
# testdata/r/lmm.R).
#
# Every lmer call uses a tight optimiser, as testdata/r/lmm.R does:
#   control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5))
# lmer still iterates on the deviance's values, which are flat to rounding within about 1e-8
# relative of the optimum, so the Go tests compare to 1e-6 relative (evalkit agrees to 2e-7 or
# better). singular.csv's fit is on the boundary theta = 0, where bobyqa warns "convergence code
# 3" and lmerTest's df are n - p to 4e-12.
suppressPackageStartupMessages({library(lme4); library(lmerTest)})
p17 <- function(x) paste(sprintf("%.17g", x), collapse = ", ")
ctrl <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5))
fit <- function(form, d) suppressMessages(lmerTest::lmer(as.formula(form), data = d, REML = TRUE, control = ctrl))
vc <- function(f) as.data.frame(VarCorr(f))$vcov # var_cluster, var_residual

# Searle's interval from an F ratio (not truncated), and Donner's n0.
searle <- function(F, df1, df2, n0, level = 0.95) {
  a <- 1 - level
  fu <- qf(1 - a / 2, df1, df2); fl <- qf(a / 2, df1, df2)
  c((F / fu - 1) / (F / fu + n0 - 1), (F / fl - 1) / (F / fl + n0 - 1))
}
donner_n0 <- function(cluster) {
  nj <- table(cluster); N <- sum(nj); (N - sum(nj^2) / N) / (length(nj) - 1)
}

# One comparison by mixed_reml, on the rows of its two arms (d$treat 0/1): the treatment's
# coefficient of the model with covariates (form, "y ~ treat + ... + (1 | cluster)"): estimate,
# se, ci_low, ci_high (t with the Satterthwaite df), p, df; then icc, icc_ci_low, icc_ci_high,
# var_cluster, var_residual; then g_total and g_within with their intervals.
# The 0 variances are of form0, the model without covariates; the ICC's F ratio is that of
# anova(lm(y ~ factor(cell) + factor(cluster))), cell = interaction(treat, block): a factor of
# the cells keeps R's sequential order, so that the clusters are compared within their cells
# with df (J - cells, N - J) (written y ~ factor(treat):factor(block) + factor(cluster), R puts
# the interaction last and the cluster line is the one-way analysis; see testdata/r/lmm_icc.R).
mixed <- function(label, d, form, form0, level = 0.95) {
  f <- fit(form, d); f0 <- fit(form0, d)
  s <- summary(f)$coefficients["treat", ]
  est <- s[["Estimate"]]; se <- s[["Std. Error"]]; df <- s[["df"]]
  q <- qt(1 - (1 - level) / 2, df)
  ci <- c(est - q * se, est + q * se)
  ct <- lmerTest::contest(f, replace(numeric(length(fixef(f))), which(names(fixef(f)) == "treat"), 1),
                          joint = FALSE, confint = TRUE, level = level)
  v <- vc(f); v0 <- vc(f0)
  cell <- if (is.null(d$block)) factor(d$treat) else interaction(d$treat, d$block)
  a <- anova(lm(y ~ cell + factor(cluster), data = cbind(d, cell = cell)))
  F <- a["factor(cluster)", "F value"]; df1 <- a["factor(cluster)", "Df"]; df2 <- a["Residuals", "Df"]
  sdt <- sqrt(v0[1] + v0[2]); sdw <- sqrt(v0[2])
  cat(sprintf("# %s: lmerTest::lmer(%s, REML = TRUE); 0 variances of lmer(%s); F on %d and %d df\n",
              label, form, form0, df1, df2))
  cat("singular:", isSingular(f), isSingular(f0), " contest ci:", p17(c(ct$lower, ct$upper)), "\n")
  cat(p17(c(est, se, ci, s[["Pr(>|t|)"]], df,
            v0[1] / (v0[1] + v0[2]), searle(F, df1, df2, donner_n0(d$cluster), level), v[1], v[2],
            est / sdt, ci / sdt, est / sdw, ci / sdw)), "\n")
}

d <- read.csv("testdata/lmm/balanced.csv")
mixed("balanced.csv", d, "y ~ treat + x + (1 | cluster)", "y ~ treat + (1 | cluster)")
mixed("balanced.csv, level 0.9", d, "y ~ treat + x + (1 | cluster)", "y ~ treat + (1 | cluster)", 0.9)
d <- read.csv("testdata/lmm/unequal.csv")
mixed("unequal.csv", d, "y ~ treat + (1 | cluster)", "y ~ treat + (1 | cluster)")
d <- read.csv("testdata/lmm/blocks.csv")
mixed("blocks.csv", d, "y ~ treat + x + factor(block) + (1 | cluster)", "y ~ treat + factor(block) + (1 | cluster)")
d <- read.csv("testdata/lmm/arms.csv")
for (tr in c("B", "C")) {
  p <- d[d$arm %in% c("A", tr), ]
  p$treat <- as.numeric(p$arm == tr)
  mixed(sprintf("arms.csv, %s against A, their rows only", tr), p, "y ~ treat + (1 | cluster)", "y ~ treat + (1 | cluster)")
}
d <- read.csv("testdata/lmm/singular.csv")
mixed("singular.csv", d, "y ~ treat + x + (1 | cluster)", "y ~ treat + (1 | cluster)")

# evalkit icc: icc from lmer(y ~ 1 + (1 | cluster)); var_cluster, var_residual from it or,
# with covariates, from lmer(y ~ covariates + (1 | cluster)); Searle's interval from the
# one-way anova(lm(y ~ factor(cluster))), df (J - 1, N - J); clusters, n, mean cluster size,
# cv = sd(sizes) / mean(sizes) (divisor J - 1); r2_individual = 1 - var_residual(with) /
# var_residual(without), r2_cluster = 1 - var_cluster(with) / var_cluster(without).
icc <- function(label, d, covariates = character()) {
  f0 <- fit("y ~ 1 + (1 | cluster)", d); v0 <- vc(f0)
  v <- v0
  if (length(covariates) > 0) v <- vc(fit(paste("y ~", paste(covariates, collapse = " + "), "+ (1 | cluster)"), d))
  a <- anova(lm(y ~ factor(cluster), data = d))
  nj <- as.numeric(table(d$cluster))
  cat(sprintf("# icc %s, covariates: %s\n", label, paste(covariates, collapse = ", ")))
  cat("singular:", isSingular(f0), "\n")
  cat(p17(c(v0[1] / (v0[1] + v0[2]), v[1], v[2],
            searle(a[1, "F value"], a[1, "Df"], a[2, "Df"], donner_n0(d$cluster)),
            length(nj), nrow(d), mean(nj), sd(nj) / mean(nj),
            if (length(covariates) > 0) c(1 - v[2] / v0[2], 1 - v[1] / v0[1]))), "\n")
}
icc("unequal.csv", read.csv("testdata/lmm/unequal.csv"))
icc("balanced.csv", read.csv("testdata/lmm/balanced.csv"), "x")
icc("blocks.csv", read.csv("testdata/lmm/blocks.csv"), c("x", "factor(block)"))
icc("singular.csv", read.csv("testdata/lmm/singular.csv"))
# missing values as evalkit reads them: empty, NA, NaN, ., null; rows without the outcome, the
# cluster or the covariate left out (cmd/evalkit/testdata/icc/missing.csv)
d <- read.csv("cmd/evalkit/testdata/icc/missing.csv", na.strings = c("", "NA", "NaN", ".", "null"))
d <- d[complete.cases(d), ]; names(d)[names(d) == "school"] <- "cluster"
icc("cmd/evalkit/testdata/icc/missing.csv", d, "x")
