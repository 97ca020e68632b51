# Reference values for evalkit analyse with covariates, blocks, clusters and
# randomisation inference (rct/analysis/r_test.go).
# R 4.2.2, estimatr 1.0.0, MASS 7.3-58.2.
# Run from the repository root:  Rscript testdata/r/analyse2.R
# Every value is printed with sprintf("%.17g").
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
smd <- function(x, t) (mean(x[t == 1]) - mean(x[t == 0])) / sqrt((var(x[t == 1]) + var(x[t == 0])) / 2)
# lm_robust coefficient "treat": estimate, se, ci_low, ci_high, p, df, then
# adjusted_g and its interval (estimate and bounds over the pooled SD).
ols <- function(label, formula, d, ...) {
  f <- lm_robust(formula, data = d, ...)
  s <- pooled_sd(d$y, d$treat)
  cat(label, "\n")
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
# The rows of one comparison: arms t and c. A block holding only one of the
# two stays in, as lm_robust(... + factor(block)) keeps it.
pair <- function(d, t, c) {
  d <- d[d$arm %in% c(t, c), ]
  d$treat <- as.numeric(d$arm == t)
  d
}

## school_navigators.csv: --covariates attendance_baseline --cluster school --block town
d <- read.csv("testdata/analyse2/school_navigators.csv")
d <- d[complete.cases(d[, c("attendance", "attendance_baseline", "arm")]), ]
d$treat <- as.numeric(d$arm == "treatment")
d$y <- d$attendance
ols("school CR2", y ~ treat + attendance_baseline + factor(town), d, clusters = school, se_type = "CR2")
ols("school HC2 (no --cluster)", y ~ treat + attendance_baseline + factor(town), d, se_type = "HC2")
cat("school balance smd\n"); p17(smd(d$attendance_baseline, d$treat))

## hotspots.csv: --type count --exposure weeks --covariates crimes_before --block area
h <- read.csv("testdata/analyse2/hotspots.csv")
h$treat <- as.numeric(h$arm == "treatment")
glmrr("hotspots negbin", glm.nb(crimes_after ~ treat + crimes_before + factor(area) + offset(log(weeks)), data = h))
glmrr("hotspots poisson", glm(crimes_after ~ treat + crimes_before + factor(area) + offset(log(weeks)), family = poisson, data = h))

## focused_deterrence.csv: --covariates prior_offences (a linear probability model)
f <- read.csv("testdata/analyse2/focused_deterrence.csv")
f <- f[complete.cases(f[, c("reoffended", "prior_offences")]), ]
f$treat <- as.numeric(f$arm == "treatment")
f$y <- f$reoffended
fl <- lm_robust(y ~ treat + prior_offences, data = f, se_type = "HC2")
cat("deterrence HC2\n")
p17(fl$coefficients["treat"], fl$std.error["treat"], fl$conf.low["treat"], fl$conf.high["treat"], fl$p.value["treat"], fl$df["treat"])

## awkward.csv: three arms, x2 and y with missing values, block D holds only
## control and phone, a cluster of one unit (B01).
a <- read.csv("testdata/analyse2/awkward.csv")
a <- a[complete.cases(a[, c("y", "x1", "x2")]), ]
for (t in c("navigator", "phone")) {
  p <- pair(a, t, "control")
  ols(paste("awkward CR2", t), y ~ treat + x1 + x2 + factor(block), p, clusters = cluster, se_type = "CR2")
  ols(paste("awkward HC2", t), y ~ treat + x1 + x2 + factor(block), p, se_type = "HC2")
}
all <- a
cat("awkward balance smd x1 navigator, phone; x2 navigator, phone\n")
for (v in c("x1", "x2")) for (t in c("navigator", "phone")) {
  q <- all[all$arm %in% c(t, "control"), ]
  cat(sprintf("%.17g", smd(q[[v]], as.numeric(q$arm == t))), "")
}
cat("\n")

## Randomisation inference by exact enumeration.
# tiny_ri.csv: 2 blocks of 8 units, 4 treated in each (4900 allocations);
# T = the coefficient of treat in lm(y ~ treat + x + factor(block)).
r <- read.csv("testdata/analyse2/tiny_ri.csv")
r$treat <- as.numeric(r$arm == "treatment")
coef_treat <- function(tr) {
  X <- cbind(tr, r$x, model.matrix(~ factor(r$block)))
  qr.coef(qr(X), r$y)[1]
}
tobs <- coef_treat(r$treat)
idx <- split(seq_len(nrow(r)), r$block)
c1 <- combn(idx[[1]], 4); c2 <- combn(idx[[2]], 4)
ts <- c()
for (i in seq_len(ncol(c1))) for (j in seq_len(ncol(c2))) {
  tr <- numeric(nrow(r)); tr[c(c1[, i], c2[, j])] <- 1
  ts <- c(ts, coef_treat(tr))
}
cat("tiny_ri exact p over", length(ts), "allocations\n")
p17(mean(abs(ts) >= abs(tobs) * (1 - 1e-9)))
# tiny_cluster.csv: 2 blocks of 4 clusters, 2 treated in each (36 allocations);
# T = the coefficient of treat in lm(y ~ treat + factor(block)).
k <- read.csv("testdata/analyse2/tiny_cluster.csv")
k$treat <- as.numeric(k$arm == "treatment")
tk <- function(tr) coef(lm(k$y ~ tr + factor(k$block)))[2]
tobs <- tk(k$treat)
cl <- split(unique(k$cluster), k$block[!duplicated(k$cluster)])
ts <- c()
for (i in combn(cl[[1]], 2, simplify = FALSE)) for (j in combn(cl[[2]], 2, simplify = FALSE)) {
  ts <- c(ts, tk(as.numeric(k$cluster %in% c(i, j))))
}
cat("tiny_cluster exact p over", length(ts), "allocations\n")
p17(mean(abs(ts) >= abs(tobs) * (1 - 1e-9)))
ols("tiny_cluster CR2", y ~ treat + factor(block), transform(k), clusters = cluster, se_type = "CR2")

## leverage_one.csv: z is 1 in a single row (leverage 1), which is a cluster of its own.
l <- read.csv("testdata/analyse2/leverage_one.csv")
l$treat <- as.numeric(l$arm == "treatment")
l$y <- l$y
ols("leverage_one HC2", y ~ treat + z, l, se_type = "HC2")
lc <- lm_robust(y ~ treat + z, data = l, clusters = school, se_type = "CR2")
cat("leverage_one CR2 estimate (estimatr also prints an se, from a generalised inverse)\n")
p17(coef(lc)["treat"], coef(lc)["treat"] / pooled_sd(l$y, l$treat))

## zero_block.csv: block D holds only control units, every count 0. Its
## fixed effect tends to -Inf and its rows add nothing to the likelihood;
## glm stops with a large negative coefficient, glm.nb at its iteration
## limit, both at the limit's treatment effect to within their tolerance.
z <- read.csv("testdata/analyse2/zero_block.csv")
z$treat <- as.numeric(z$arm == "treatment")
glmrr("zero_block poisson", glm(y ~ treat + x + factor(b) + offset(log(weeks)), family = poisson, data = z))
glmrr("zero_block poisson without D", glm(y ~ treat + x + factor(b) + offset(log(weeks)), family = poisson, data = z[z$b != "D", ]))
# glm.nb reaches theta.ml's iteration limit with and without D (no
# overdispersion), as evalkit reports theta's non-convergence.
