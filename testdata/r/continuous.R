# Reference values for evalkit's continuous-outcome tests and effect sizes
# (stats/ttest.go, stats/mannwhitney.go, stats/cohensd.go, stats/hedgesg.go,
# stats/glass.go, stats/ncci.go).
#
# Run from the repository root with R 4.2.2 and effectsize 0.8.3:
#
#	Rscript testdata/r/continuous.R generate   # (re)write the data sets
#	Rscript testdata/r/continuous.R            # print the reference values
#
# Every data set is testdata/continuous/NAME.csv with columns arm,value;
# x = the rows with arm "treatment", y = the rows with arm "control".
# The values are printed with sprintf("%.17g") as Go table rows, which were
# copied into the stats tests.

suppressMessages(library(effectsize))
args <- commandArgs(trailingOnly = TRUE)
dir <- "testdata/continuous"

write_set <- function(name, x, y) {
  d <- data.frame(arm = c(rep("treatment", length(x)), rep("control", length(y))),
                  value = c(x, y))
  write.csv(d, file.path(dir, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
}

if (length(args) > 0 && args[1] == "generate") {
  set.seed(20231104)
  # School attendance (% of sessions attended, one decimal) in a navigator
  # trial: 38 pupils with a navigator, 41 without; ties occur.
  att <- function(n, m) pmin(100, round(rnorm(n, m, 7.5), 1))
  write_set("attendance", att(38, 90.5), att(41, 87.2))
  # Exact Mann-Whitney case: 12 vs 15, no ties.
  write_set("exact", round(rnorm(12, 1.1, 1), 3), round(rnorm(15, 0, 1), 3))
  # Days absent, heavy ties, 15 vs 12.
  write_set("ties_small", rpois(15, 3), rpois(12, 4.5))
  # Tiny samples.
  write_set("tiny2", c(3.1, 4.7), c(1.2, 2.0))
  write_set("tiny23", c(10.5, 12.25), c(9.0, 11.5, 8.75))
  # Unequal variances and sizes, treatment below control.
  write_set("unequal", round(rnorm(20, 4.0, 1), 3), round(rnorm(35, 6.5, 6), 3))
  # A very large difference: t about 6.7e4, p about 1e-303.
  write_set("huge", round(rnorm(40, 1e-3, 1e-3), 6) + 50, round(rnorm(40, 0, 1e-3), 6) + 36.06)
  # n = 60 each: normal approximation without and with ties.
  write_set("normal60", round(rnorm(60, 0.4, 1), 4), round(rnorm(60, 0, 1), 4))
  write_set("ties60", round(rnorm(60, 0.4, 1)), round(rnorm(60, 0, 1)))
  # 49 each, no ties: the largest exact case under R's default.
  write_set("exact49", round(rnorm(49, 0.3, 1), 5), round(rnorm(49, 0, 1), 5))
  # Equal means: t = 0, p = 1.
  write_set("equalmeans", c(1, 2, 3, 4, 5), c(0, 3, 3, 6))
  # One arm constant (control): Welch, Student and d exist; Glass does not.
  write_set("constant_control", c(2.5, 3.5, 4.0, 5.5), c(3, 3, 3))
  # A large sample with ties (two decimals), above the size where evalkit's
  # Mann-Whitney switches to a radix sort: 3000 vs 2500.
  set.seed(20231105)
  write_set("large", round(rgamma(3000, 2, 1.9), 2), round(rgamma(2500, 2, 2), 2))
  quit(save = "no")
}

f17 <- function(v) {
  ifelse(is.infinite(v), ifelse(v > 0, "math.Inf(1)", "math.Inf(-1)"),
         ifelse(is.na(v), "math.NaN()", sprintf("%.17g", v)))
}
alts <- c(two.sided = "TwoSided", less = "Less", greater = "Greater")

# ncp bounds by uniroot to full precision, as a check on effectsize's optim.
ncp_exact <- function(t, df, level) {
  f <- function(ncp, p) pt(t, df, ncp) - p
  lo <- uniroot(f, c(t - 50, t + 50), p = (1 + level) / 2, tol = 1e-14, extendInt = "downX")$root
  hi <- uniroot(f, c(t - 50, t + 50), p = (1 - level) / 2, tol = 1e-14, extendInt = "downX")$root
  c(lo, hi)
}

sets <- c("attendance", "exact", "ties_small", "tiny2", "tiny23", "unequal", "huge",
          "normal60", "ties60", "exact49", "equalmeans", "constant_control", "large")

cat("// t tests: R 4.2.2 t.test(x, y, alternative = alt, conf.level = 0.95[, var.equal = TRUE])\n")
for (s in sets) {
  d <- read.csv(file.path(dir, paste0(s, ".csv")))
  x <- d$value[d$arm == "treatment"]; y <- d$value[d$arm == "control"]
  for (ve in c(FALSE, TRUE)) for (a in names(alts)) {
    r <- tryCatch(t.test(x, y, alternative = a, var.equal = ve), error = function(e) NULL)
    if (is.null(r)) { cat(sprintf("// %s var.equal=%s %s: error\n", s, ve, a)); next }
    cat(sprintf("{name: \"%s\", equalVar: %s, alt: %s, est: %s, se: %s, t: %s, df: %s, p: %s, lo: %s, hi: %s},\n",
      s, tolower(ve), alts[a], f17(unname(r$estimate[1] - r$estimate[2])), f17(r$stderr),
      f17(unname(r$statistic)), f17(unname(r$parameter)), f17(r$p.value),
      f17(r$conf.int[1]), f17(r$conf.int[2])))
  }
}

cat("\n// Mann-Whitney: R 4.2.2 wilcox.test(x, y, alternative = alt) (defaults: exact if both n < 50 and no ties, correct = TRUE)\n")
for (s in sets) {
  d <- read.csv(file.path(dir, paste0(s, ".csv")))
  x <- d$value[d$arm == "treatment"]; y <- d$value[d$arm == "control"]
  for (a in names(alts)) {
    r <- suppressWarnings(wilcox.test(x, y, alternative = a))
    exact <- grepl("exact", r$method)
    cat(sprintf("{name: \"%s\", alt: %s, w: %s, p: %s, exact: %s},\n",
      s, alts[a], f17(unname(r$statistic)), f17(r$p.value), tolower(exact)))
  }
}

cat("\n// Effect sizes: R 4.2.2, effectsize 0.8.3 cohens_d / hedges_g / glass_delta(x, y, ci = 0.95, alternative = alt);\n")
cat("// exLo/exHi: the same ncp bounds found by uniroot(pt(t, df, ncp) - p, tol = 1e-14), times sqrt(hn) (and J for g).\n")
for (s in sets) {
  d <- read.csv(file.path(dir, paste0(s, ".csv")))
  x <- d$value[d$arm == "treatment"]; y <- d$value[d$arm == "control"]
  nx <- length(x); ny <- length(y)
  for (m in c("cohens_d", "hedges_g", "glass_delta")) for (a in names(alts)) {
    fn <- get(m, asNamespace("effectsize"))
    r <- tryCatch(suppressWarnings(fn(x, y, ci = 0.95, alternative = a)), error = function(e) NULL)
    if (is.null(r) || !is.finite(r[[1]])) { cat(sprintf("// %s %s %s: error or not finite\n", s, m, a)); next }
    # exact bounds
    lvl <- if (a == "two.sided") 0.95 else 0.9
    if (m == "glass_delta") {
      hn <- 1 / ny + var(x) / (nx * var(y)); df <- ny - 1; J <- 1
      tt <- (mean(x) - mean(y)) / (sd(y) * sqrt(hn))
    } else {
      hn <- 1 / nx + 1 / ny; df <- nx + ny - 2
      sp <- sqrt(((nx - 1) * var(x) + (ny - 1) * var(y)) / df)
      tt <- (mean(x) - mean(y)) / (sp * sqrt(hn))
      J <- if (m == "hedges_g") exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2)) else 1
    }
    ex <- tryCatch(ncp_exact(tt, df, lvl) * sqrt(hn) * J, error = function(e) c(NA, NA))
    if (a == "less") ex[1] <- -Inf
    if (a == "greater") ex[2] <- Inf
    cat(sprintf("{name: \"%s\", measure: \"%s\", alt: %s, value: %s, lo: %s, hi: %s, exLo: %s, exHi: %s},\n",
      s, m, alts[a], f17(r[[1]]), f17(r$CI_low), f17(r$CI_high), f17(ex[1]), f17(ex[2])))
  }
}

cat("\n// Other levels: R 4.2.2 t.test(x, y, conf.level = level[, var.equal = TRUE]) and effectsize 0.8.3\n")
cat("// cohens_d / glass_delta(x, y, ci = level); exLo/exHi by uniroot as above. Data sets with x and y swapped are NAME-swapped.\n")
for (s in c("attendance", "tiny23", "huge", "huge-swapped", "unequal")) {
  nm <- sub("-swapped", "", s)
  d <- read.csv(file.path(dir, paste0(nm, ".csv")))
  x <- d$value[d$arm == "treatment"]; y <- d$value[d$arm == "control"]
  if (grepl("swapped", s)) { tmp <- x; x <- y; y <- tmp }
  nx <- length(x); ny <- length(y)
  for (lvl in c(0.8, 0.99, 0.999)) {
    w <- t.test(x, y, conf.level = lvl); st <- t.test(x, y, conf.level = lvl, var.equal = TRUE)
    cd <- cohens_d(x, y, ci = lvl); gd <- glass_delta(x, y, ci = lvl)
    hn <- 1 / nx + 1 / ny; df <- nx + ny - 2
    sp <- sqrt(((nx - 1) * var(x) + (ny - 1) * var(y)) / df)
    exd <- ncp_exact((mean(x) - mean(y)) / (sp * sqrt(hn)), df, lvl) * sqrt(hn)
    hg <- 1 / ny + var(x) / (nx * var(y))
    exg <- ncp_exact((mean(x) - mean(y)) / (sd(y) * sqrt(hg)), ny - 1, lvl) * sqrt(hg)
    cat(sprintf("{name: \"%s\", level: %s, welchLo: %s, welchHi: %s, studentLo: %s, studentHi: %s, dLo: %s, dHi: %s, dExLo: %s, dExHi: %s, glassLo: %s, glassHi: %s, glassExLo: %s, glassExHi: %s},\n",
      s, format(lvl), f17(w$conf.int[1]), f17(w$conf.int[2]), f17(st$conf.int[1]), f17(st$conf.int[2]),
      f17(cd$CI_low), f17(cd$CI_high), f17(exd[1]), f17(exd[2]),
      f17(gd$CI_low), f17(gd$CI_high), f17(exg[1]), f17(exg[2])))
  }
}
