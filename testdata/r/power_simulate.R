# Reference power for evalkit power simulate (rct/power/simunits_ref_test.go),
# written by hand, independently of evalkit: R 4.2.2 and estimatr 1.0.0.
#   Rscript testdata/r/power_simulate.R [SIMS] [SEED] > testdata/power/simulate.txt
# (run from the repository's root; SIMS defaults to 5000, SEED to 20240601).
#
# The design is that of testdata/power/simulate_units.csv: 935 pupils in 40
# schools of 5 to 40 pupils, in 3 towns. Each simulated trial
#   1. randomises the schools completely within each town, 1:1: a town of n
#      schools treats floor(n/2) of them, plus one more with probability 1/2
#      when n is odd, chosen at random (each school's probability is 1/2, as
#      evalkit randomise --method complete gives it);
#   2. draws y = d*treat + u_school + e, u ~ N(0, icc), e ~ N(0, (1-icc)(1-r2));
#   3. fits lm_robust(y ~ treat + factor(town), clusters = school, se_type = "CR2")
#      and counts p < 0.05 for treat.
# It prints the power, its binomial standard error sqrt(p(1-p)/sims), the
# number of sims and the versions, as comment lines the Go test reads.
suppressMessages(library(estimatr))
args <- commandArgs(trailingOnly = TRUE)
sims <- if (length(args) >= 1) as.integer(args[1]) else 5000L
seed <- if (length(args) >= 2) as.integer(args[2]) else 20240601L
d <- 0.3; icc <- 0.1; r2 <- 0.3; alpha <- 0.05

units <- read.csv("testdata/power/simulate_units.csv", colClasses = "character")
schools <- unique(units[, c("school", "town")])
school_of <- match(units$school, schools$school)
by_town <- split(seq_len(nrow(schools)), schools$town)

set.seed(seed)
t0 <- proc.time()
reject <- logical(sims)
for (s in seq_len(sims)) {
  treated <- logical(nrow(schools))
  for (idx in by_town) {
    n <- length(idx)
    m <- n %/% 2 + if (n %% 2 == 1) rbinom(1, 1, 0.5) else 0
    treated[idx[sample.int(n, m)]] <- TRUE
  }
  treat <- as.numeric(treated[school_of])
  u <- rnorm(nrow(schools), 0, sqrt(icc))
  y <- d * treat + u[school_of] + rnorm(nrow(units), 0, sqrt((1 - icc) * (1 - r2)))
  fit <- lm_robust(y ~ treat + factor(town), data = data.frame(y, treat, town = units$town, school = units$school),
                   clusters = school, se_type = "CR2")
  reject[s] <- fit$p.value[["treat"]] < alpha
}
elapsed <- (proc.time() - t0)[["elapsed"]]
p <- mean(reject)
cat(sprintf("# %s, estimatr %s; Rscript testdata/r/power_simulate.R %d %d\n",
            R.version.string, as.character(packageVersion("estimatr")), sims, seed))
cat(sprintf("# design: %d units, %d clusters, %d blocks; d = %g, icc = %g, r2 = %g, alpha = %g\n",
            nrow(units), nrow(schools), length(by_town), d, icc, r2, alpha))
cat(sprintf("# seconds for the loop: %.1f\n", elapsed))
cat(sprintf("power %.17g\nse %.17g\nsims %d\n", p, sqrt(p * (1 - p) / sims), sims))
