# Speed baseline of evalkit analyse against R on large trials.
# R 4.2.2, estimatr 1.0.0, data.table.
#   Rscript testdata/r/analyse2_speed.R gen DIR    writes DIR/blocks.csv (1e6 rows, 50 blocks),
#                                                  DIR/clusters.csv (1e6 rows, 2,000 clusters in
#                                                  50 blocks) and DIR/ri1000.csv (1,000 rows)
#   Rscript testdata/r/analyse2_speed.R hc2 DIR    times fread + lm_robust HC2 on blocks.csv
#   Rscript testdata/r/analyse2_speed.R cr2 DIR    times fread + lm_robust CR2 on clusters.csv
# Compare with, for example,
#   /usr/bin/time -v evalkit analyse --in DIR/blocks.csv --outcome y --covariates x --block block --json
suppressPackageStartupMessages({
  library(data.table)
  library(estimatr)
})
args <- commandArgs(trailingOnly = TRUE)
dir <- args[2]
if (args[1] == "gen") {
  set.seed(20261126)
  n <- 1e6
  block <- sample(sprintf("b%02d", 1:50), n, replace = TRUE)
  arm <- ave(seq_len(n), block, FUN = function(i) sample(rep_len(c(0, 1), length(i))))
  x <- rnorm(n)
  y <- 1 + 0.1 * arm + 0.5 * x + as.integer(factor(block)) / 50 + rnorm(n)
  fwrite(data.table(block, arm = ifelse(arm == 1, "treatment", "control"), x = round(x, 6), y = round(y, 6)),
         file.path(dir, "blocks.csv"))
  # 2,000 clusters of 500 units, 40 clusters in each of 50 blocks, half treated.
  cl <- rep(1:2000, each = 500)
  cblock <- sprintf("b%02d", (1:2000 - 1) %/% 40 + 1)
  carm <- as.vector(sapply(1:50, function(b) sample(rep(c(0, 1), 20))))
  u <- rnorm(2000, sd = 0.3)
  x <- rnorm(n)
  y <- 1 + 0.1 * carm[cl] + 0.5 * x + u[cl] + rnorm(n)
  fwrite(data.table(block = cblock[cl], cluster = sprintf("c%04d", cl),
                    arm = ifelse(carm[cl] == 1, "treatment", "control"), x = round(x, 6), y = round(y, 6)),
         file.path(dir, "clusters.csv"))
  m <- 1000
  b <- sample(sprintf("b%d", 1:10), m, replace = TRUE)
  a <- ave(seq_len(m), b, FUN = function(i) sample(rep_len(c(0, 1), length(i))))
  xs <- rnorm(m)
  fwrite(data.table(block = b, arm = ifelse(a == 1, "treatment", "control"), x = round(xs, 6),
                    y = round(0.2 * a + 0.5 * xs + rnorm(m), 6)), file.path(dir, "ri1000.csv"))
} else if (args[1] == "hc2") {
  t0 <- Sys.time()
  d <- fread(file.path(dir, "blocks.csv"))
  d$treat <- as.numeric(d$arm == "treatment")
  f <- lm_robust(y ~ treat + x + factor(block), data = d, se_type = "HC2")
  cat(sprintf("hc2: %.17g %.17g, %.2f s\n", coef(f)["treat"], f$std.error["treat"],
              as.numeric(Sys.time() - t0, units = "secs")))
} else if (args[1] == "cr2") {
  t0 <- Sys.time()
  d <- fread(file.path(dir, "clusters.csv"))
  d$treat <- as.numeric(d$arm == "treatment")
  f <- lm_robust(y ~ treat + x + factor(block), data = d, clusters = cluster, se_type = "CR2")
  cat(sprintf("cr2: %.17g %.17g df %.17g, %.2f s\n", coef(f)["treat"], f$std.error["treat"], f$df["treat"],
              as.numeric(Sys.time() - t0, units = "secs")))
}
