# lmer's time on the 10^6 rows of stats.BenchmarkLMM (2,000 clusters, a treatment by
# cluster and a covariate), for the speed check of stats/lmm_bench_test.go.
# R 4.2.2, lme4 1.1.31, lmerTest 3.1.3, data.table 1.14.8.
#   EVALKIT_LMM_BENCH_CSV=/tmp/lmm_bench.csv go test ./stats -run TestLMMBenchCSV -v
#   Rscript testdata/r/lmm_speed.R /tmp/lmm_bench.csv
# lme4::lmer with its default settings is what a user runs; lmerTest's Satterthwaite df
# (summary) are what evalkit computes as well, so both are timed, once each.
suppressPackageStartupMessages({library(lme4); library(lmerTest); library(data.table)})
p17 <- function(x) paste(sprintf("%.17g", x), collapse = ", ")
d <- fread(commandArgs(TRUE)[1])
d$cluster <- factor(d$cluster)
t1 <- system.time(f <- lme4::lmer(y ~ treat + x + (1 | cluster), data = d, REML = TRUE))
cat("lme4::lmer (default settings):", t1[["elapsed"]], "s elapsed,", t1[["user.self"]], "s user\n")
cat("fixef:", p17(fixef(f)), "\ntheta:", p17(getME(f, "theta")), "\n")
t2 <- system.time({
  g <- lmerTest::lmer(y ~ treat + x + (1 | cluster), data = d, REML = TRUE)
  s <- summary(g)$coefficients
})
cat("lmerTest::lmer + summary:", t2[["elapsed"]], "s elapsed,", t2[["user.self"]], "s user\n")
cat("coef:", p17(s[, 1]), "\nse:", p17(s[, 2]), "\ndf:", p17(s[, 3]),
    "\nvarcorr:", p17(as.data.frame(VarCorr(g))$vcov), "loglik:", p17(as.numeric(logLik(g))), "\n")
