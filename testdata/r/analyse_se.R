# Reference values for evalkit analyse --se and --adjust (rct/analysis/se_test.go).
# R 4.2.2, estimatr 1.0.0.
# Run from the repository root:  Rscript testdata/r/analyse_se.R
suppressPackageStartupMessages(library(estimatr))
p17 <- function(...) cat(paste(sprintf("%.17g", c(...)), collapse = ", "), "\n")
pooled_sd <- function(y, t) {
  yt <- y[t == 1]; yc <- y[t == 0]
  sqrt(((length(yt) - 1) * var(yt) + (length(yc) - 1) * var(yc)) / (length(yt) + length(yc) - 2))
}
ols <- function(label, formula, d, ...) {
  f <- lm_robust(formula, data = d, ...)
  s <- pooled_sd(d$y, d$treat)
  cat(label, "\n")
  p17(f$coefficients["treat"], f$std.error["treat"], f$conf.low["treat"], f$conf.high["treat"],
      f$p.value["treat"], f$df["treat"], f$coefficients["treat"] / s, f$conf.low["treat"] / s, f$conf.high["treat"] / s)
  f$p.value["treat"]
}
d <- read.csv("testdata/analyse2/school_navigators.csv")
d <- d[complete.cases(d[, c("attendance", "attendance_baseline", "arm")]), ]
d$treat <- as.numeric(d$arm == "treatment")
d$y <- d$attendance
for (se in c("HC0", "HC1", "HC3")) {
  ols(paste("school", se), y ~ treat + attendance_baseline + factor(town), d, se_type = se)
}
a <- read.csv("testdata/analyse2/awkward.csv")
pair <- function(d, t, c) {
  d <- d[d$arm %in% c(t, c), ]
  d$treat <- as.numeric(d$arm == t)
  d
}
p <- c(ols("awkward HC3 navigator", y ~ treat + x1 + x2 + factor(block), pair(a, "navigator", "control"), se_type = "HC3"),
       ols("awkward HC3 phone", y ~ treat + x1 + x2 + factor(block), pair(a, "phone", "control"), se_type = "HC3"))
cat("awkward HC3 p.adjust BH, holm\n")
p17(p.adjust(p, "BH"), p.adjust(p, "holm"))
# three_arm.csv (cmd/evalkit/testdata/analyse): fisher.test p-values of navigator and phone against
# control, then p.adjust BH and holm (they differ here).
t3 <- read.csv("cmd/evalkit/testdata/analyse/three_arm.csv")
fp <- function(a) { s <- t3[t3$arm %in% c(a, "control"), ]; fisher.test(table(s$arm == a, s$reattended))$p.value }
p3 <- c(fp("navigator"), fp("phone"))
cat("three_arm fisher p, BH, holm\n"); p17(p3, p.adjust(p3, "BH"), p.adjust(p3, "holm"))
