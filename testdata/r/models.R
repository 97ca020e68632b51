# Reference values for evalkit's linear and generalised linear models (stats/ols*.go,
# stats/cr2*.go, stats/glm*.go, stats/negbin*.go).
# R 4.2.2, estimatr 1.0.0, clubSandwich 0.5.8, MASS 7.3-58.2.
# Run from the repository root:  Rscript testdata/r/models.R [gen] [bench FILE]
# With "gen" the data sets in testdata/models/ are (re)written first; values are rounded
# so that the CSV text is exact and R and Go fit the very same numbers.
# With "bench FILE" a 10^6-row file (too large to commit) is written to FILE, and lm_robust
# HC2 with 50 blocks and CR2 with 2,000 clusters are timed on it and their values printed
# for stats/ols_big_test.go (EVALKIT_MODELS_BIG=FILE go test ./stats -run TestOLSBigFile -v).
suppressPackageStartupMessages({library(estimatr); library(MASS); library(clubSandwich)})
args <- commandArgs(trailingOnly = TRUE)
p17 <- function(x) paste(sprintf("%.17g", x), collapse = ", ")

if ("gen" %in% args) {
  set.seed(20231)
  # lm.csv: 61 rows, 5 blocks of unequal size, 16 clusters nested in blocks (one of size 1),
  # a covariate on a large scale, skewed errors and one outlier.
  bs <- c(8, 15, 6, 20, 12)
  block <- rep(1:5, bs)
  cl_sizes <- list(c(3, 5), c(4, 4, 7), c(1, 5), c(6, 5, 5, 4), c(3, 4, 3, 2))
  cluster <- unlist(lapply(seq_along(cl_sizes), function(b) rep(paste0("b", b, "c", seq_along(cl_sizes[[b]])), cl_sizes[[b]])))
  n <- length(block); n <- n + 0
  t <- integer(n)
  for (b in 1:5) { i <- which(block == b); t[i] <- sample(rep(0:1, length.out = length(i))) }
  x1 <- round(rnorm(n), 3)
  x2 <- round(10000 + 500 * rnorm(n), 1)
  y <- round(1 + 0.5 * t + 0.8 * x1 + 0.001 * (x2 - 10000) + block / 2 + rexp(n) - 1, 3)
  y[17] <- y[17] + 6
  # cluster-level treatment for CR2 in a cluster-randomised design
  cl_id <- unique(cluster); tc <- setNames(rep(0:1, length.out = length(cl_id)), cl_id)
  tcl <- unname(tc[cluster])
  write.csv(data.frame(y, t, tcl, x1, x2, block, cluster), "testdata/models/lm.csv", row.names = FALSE, quote = FALSE)

  # counts.csv: 240 units, overdispersed counts over unequal exposure, 4 blocks.
  set.seed(20232)
  n <- 240
  block <- rep(1:4, c(50, 70, 60, 60))
  t <- integer(n); for (b in 1:4) { i <- which(block == b); t[i] <- sample(rep(0:1, length.out = length(i))) }
  x1 <- round(rnorm(n), 3)
  exposure <- round(runif(n, 4, 52))
  mu <- exposure / 10 * exp(-0.3 * t + 0.4 * x1 + c(0, 0.3, -0.2, 0.5)[block])
  y <- rnbinom(n, size = 1.7, mu = mu)
  write.csv(data.frame(y, t, x1, block, exposure), "testdata/models/counts.csv", row.names = FALSE, quote = FALSE)
}

if ("bench" %in% args) {
  big <- args[which(args == "bench") + 1]
  set.seed(7)
  n <- 1e6
  block <- sample(1:50, n, replace = TRUE)
  cluster <- sample(1:2000, n, replace = TRUE)
  t <- rbinom(n, 1, 0.5)
  x1 <- round(rnorm(n), 4); x2 <- round(rnorm(n), 4); x3 <- round(runif(n), 4)
  y <- round(0.2 * t + x1 - 0.5 * x2 + 0.3 * x3 + block / 50 + rnorm(2000)[cluster] * 0.3 + rnorm(n), 4)
  data.table::fwrite(data.frame(y, t, x1, x2, x3, block, cluster), big)
  d <- read.csv(big)
  tm <- system.time(f <- lm_robust(y ~ t + x1 + x2 + x3 + factor(block), data = d, se_type = "HC2"))
  cat("HC2 50 blocks time:", tm[["elapsed"]], "\ncoef:", p17(coef(f)[2:5]), "\nse:", p17(f$std.error[2:5]), "\n")
  tm <- system.time(f <- lm_robust(y ~ t + x1 + x2 + x3, data = d, clusters = cluster, se_type = "CR2"))
  cat("CR2 2000 clusters time:", tm[["elapsed"]], "\ncoef:", p17(coef(f)), "\nse:", p17(f$std.error), "\ndf:", p17(f$df), "\n")
  # 10^5 overdispersed counts for glm.nb, in FILE.counts.csv
  set.seed(8)
  n <- 1e5
  block <- sample(1:4, n, replace = TRUE); t <- rbinom(n, 1, 0.5); x1 <- round(rnorm(n), 4)
  exposure <- round(runif(n, 4, 52))
  y <- rnbinom(n, size = 1.7, mu = exposure / 10 * exp(-0.3 * t + 0.4 * x1 + c(0, 0.3, -0.2, 0.5)[block]))
  cf <- paste0(big, ".counts.csv")
  data.table::fwrite(data.frame(y, t, x1, block, exposure), cf)
  d <- read.csv(cf)
  tm <- system.time(nb <- glm.nb(y ~ t + x1 + factor(block) + offset(log(exposure)), data = d))
  s <- summary(nb)$coefficients
  cat("glm.nb 1e5 time:", tm[["elapsed"]], "\ncoef:", p17(s[, 1]), "\nse:", p17(s[, 2]), "\ntheta:", p17(nb$theta), p17(nb$SE.theta), "\n")
  quit(save = "no")
}

d <- read.csv("testdata/models/lm.csv")
cat("## lm_robust on testdata/models/lm.csv\n")
for (se in c("classical", "HC0", "HC1", "HC2", "HC3")) {
  f <- lm_robust(y ~ t + x1 + x2, data = d, se_type = se)
  cat(sprintf("# lm_robust(y ~ t + x1 + x2, se_type = \"%s\")\n", se))
  cat("coef:", p17(coef(f)), "\nse:", p17(f$std.error), "\ndf:", p17(f$df), "\n")
  f <- lm_robust(y ~ t + x1 + x2 + factor(block), data = d, se_type = se)
  cat(sprintf("# lm_robust(y ~ t + x1 + x2 + factor(block), se_type = \"%s\")\n", se))
  cat("coef:", p17(coef(f)[1:4]), "\nse:", p17(f$std.error[1:4]), "\ndf:", p17(f$df[1]), "\n")
}
f <- lm(y ~ t + x1 + x2 + factor(block), data = d)
cat("# hatvalues(lm(y ~ t + x1 + x2 + factor(block)))[c(1, 9, 17, 61)]\n", p17(hatvalues(f)[c(1, 9, 17, 61)]), "\n")
for (form in c("y ~ tcl + x1 + x2", "y ~ tcl + x1 + x2 + factor(block)", "y ~ t + x1")) {
  f <- lm_robust(as.formula(form), data = d, clusters = cluster, se_type = "CR2")
  cat(sprintf("# lm_robust(%s, clusters = cluster, se_type = \"CR2\")\n", form))
  k <- min(length(coef(f)), 4)
  cat("coef:", p17(coef(f)[1:k]), "\nse:", p17(f$std.error[1:k]), "\ndf:", p17(f$df[1:k]), "\n")
  m <- lm(as.formula(form), data = d)
  cs <- coef_test(m, vcov = "CR2", cluster = d$cluster, test = "Satterthwaite", coefs = 2)
  cat("# clubSandwich::coef_test(lm, \"CR2\", Satterthwaite) for coefficient 2: se, df\n", p17(cs$SE), p17(cs$df_Satt), "\n")
}
# clusters not nested in blocks
d$cl2 <- paste0("k", (seq_len(nrow(d)) %% 9))
f <- lm_robust(y ~ t + x1 + x2 + factor(block), data = d, clusters = cl2, se_type = "CR2")
cat("# lm_robust(y ~ t + x1 + x2 + factor(block), clusters = cl2 (row %% 9), se_type = \"CR2\")\n")
cat("coef:", p17(coef(f)[1:4]), "\nse:", p17(f$std.error[1:4]), "\ndf:", p17(f$df[1:4]), "\n")

c <- read.csv("testdata/models/counts.csv")
cat("## counts.csv\n")
for (form in c("y ~ t + x1 + factor(block) + offset(log(exposure))", "y ~ t + offset(log(exposure))")) {
  g <- glm(as.formula(form), family = poisson, data = c)
  s <- summary(g)$coefficients
  cat(sprintf("# glm(%s, family = poisson)\n", form))
  cat("coef:", p17(s[, 1]), "\nse:", p17(s[, 2]), "\nz:", p17(s[, 3]), "\np:", p17(s[, 4]), "\ndeviance:", p17(g$deviance), "iter:", g$iter, "\n")
  nb <- glm.nb(as.formula(form), data = c)
  s <- summary(nb)$coefficients
  cat(sprintf("# MASS::glm.nb(%s)\n", form))
  cat("coef:", p17(s[, 1]), "\nse:", p17(s[, 2]), "\nz:", p17(s[, 3]), "\np:", p17(s[, 4]), "\ntheta:", p17(nb$theta), "se.theta:", p17(nb$SE.theta),
      "\ndeviance:", p17(nb$deviance), "twologlik:", p17(nb$twologlik), "iter:", nb$iter, "\n")
  cat("confint.default:", p17(confint.default(nb)[2, ]), "\n")
}

## Awkward data: observation 17 (the outlier) alone in block 9, so its leverage is 1 and
## estimatr gives it weight 0 in HC2/HC3; the block also holds a single arm.
d9 <- d; d9$block[17] <- 9
for (se in c("HC2", "HC3")) {
  f <- lm_robust(y ~ t + x1 + x2 + factor(block), data = d9, se_type = se)
  cat(sprintf("# lm_robust(y ~ t + x1 + x2 + factor(block), se_type = \"%s\"), block[17] <- 9\n", se))
  cat("coef:", p17(coef(f)[2:4]), "\nse:", p17(f$std.error[2:4]), "\ndf:", p17(f$df[2]), "\n")
}
## estimatr's HC2 is NaN above (1 - h_17 is -1e-16 and its square root NaN); observation 17
## alone in its block has no influence on the other coefficients, so the right answer is
## the fit without it:
f <- lm_robust(y ~ t + x1 + x2 + factor(block), data = d[-17, ], se_type = "HC2")
cat("# lm_robust(y ~ t + x1 + x2 + factor(block), data = d[-17, ], se_type = \"HC2\")\n")
cat("coef:", p17(coef(f)[2:4]), "\nse:", p17(f$std.error[2:4]), "\ndf:", p17(f$df[2]), "\n")

## Clusters holding whole blocks: I - H_gg is singular along the block's dummy, which both
## e_g and the coefficients' X_g m_j are orthogonal to; estimatr and clubSandwich use a
## generalised inverse there.
f <- lm_robust(y ~ t + x1 + x2 + factor(block), data = d, clusters = block, se_type = "CR2")
cat("# lm_robust(y ~ t + x1 + x2 + factor(block), clusters = block, se_type = \"CR2\")\n")
cat("coef:", p17(coef(f)[2:4]), "\nse:", p17(f$std.error[2:4]), "\ndf:", p17(f$df[2:4]), "\n")
d$bc <- ifelse(d$block == 2, "B2", d$cluster)
f <- lm_robust(y ~ t + x1 + x2 + factor(block), data = d, clusters = bc, se_type = "CR2")
cat("# lm_robust(y ~ t + x1 + x2 + factor(block), clusters = bc, se_type = \"CR2\"), bc = block 2 whole, else cluster\n")
cat("coef:", p17(coef(f)[2:4]), "\nse:", p17(f$std.error[2:4]), "\ndf:", p17(f$df[2:4]), "\n")
