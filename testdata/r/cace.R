# Reference values for evalkit analyse --received (rct/analysis/compliance_test.go).
# R 4.2.2, estimatr 1.0.0.
# Run from the repository root:  Rscript testdata/r/cace.R
# Every value is printed with sprintf("%.17g"): the cace's estimate, se,
# df, ci_low, ci_high, p_value, then the shares received in the treatment
# and the control arm.
suppressPackageStartupMessages(library(estimatr))
p17 <- function(...) cat(paste(sprintf("%.17g", c(...)), collapse = ", "), "\n")
cace <- function(label, formula, d, ...) {
  f <- iv_robust(formula, data = d, ...)
  r <- all.vars(formula)[2]
  cat(label, "\n")
  p17(coef(f)[r], f$std.error[r], f$df[r], f$conf.low[r], f$conf.high[r], f$p.value[r],
      mean(d[[r]][d$treat == 1]), mean(d[[r]][d$treat == 0]))
}
# The rows of one comparison with every column the model uses.
pair <- function(d, t, c, cols) {
  d <- d[d$arm %in% c(t, c), ]
  d <- d[complete.cases(d[, cols]), ]
  d$treat <- as.numeric(d$arm == t)
  d
}

## schools.csv: two-sided non-compliance, schools randomised within towns.
s <- read.csv("testdata/analyse_cace/schools.csv", na.strings = c("NA", ""))
sc <- pair(s, "treatment", "control", c("y", "received", "x", "town", "school", "sex"))
cace("schools CR2", y ~ received + x + factor(town) | treat + x + factor(town), sc,
     clusters = school, se_type = "CR2")
cace("schools HC2 sex", y ~ received + x + factor(sex) + factor(town) | treat + x + factor(sex) + factor(town), sc, se_type = "HC2")
cace("schools HC2 no covariates", y ~ received | treat, pair(s, "treatment", "control", c("y", "received")), se_type = "HC2")
s1 <- pair(s, "treatment", "control", c("y", "received1", "x", "town", "school"))
cace("schools one-sided CR2", y ~ received1 + x + factor(town) | treat + x + factor(town), s1,
     clusters = school, se_type = "CR2")

## custody.csv: one-sided non-compliance, people randomised within suites,
## two treatment arms.
k <- read.csv("testdata/analyse_cace/custody.csv")
for (a in c("navigator", "phone")) {
  cace(paste("custody HC2", a), wellbeing ~ received + prior + factor(suite) | treat + prior + factor(suite),
       pair(k, a, "control", c("wellbeing", "received")), se_type = "HC2")
}
cace("custody HC3 navigator no covariates", wellbeing ~ received | treat,
     pair(k, "navigator", "control", c("wellbeing", "received")), se_type = "HC3")

## The example of rct/analysis (example_cace_test.go): custody.csv without
## covariates or blocks, with the suite as the subgroup: the cace, then
## t.test within each suite (estimate, p), then interaction_p.
suppressPackageStartupMessages(library(car))
kn <- pair(k, "navigator", "control", c("wellbeing", "received"))
cace("example: custody HC2 navigator no covariates", wellbeing ~ received | treat, kn, se_type = "HC2")
for (s in sort(unique(kn$suite))) {
  r <- t.test(kn$wellbeing[kn$suite == s & kn$treat == 1], kn$wellbeing[kn$suite == s & kn$treat == 0])
  cat("example: suite", s, sum(kn$suite == s), "\n"); p17(r$estimate[1] - r$estimate[2], r$p.value)
}
f <- lm_robust(wellbeing ~ treat * factor(suite), data = kn, se_type = "HC2")
h <- linearHypothesis(f, grep("^treat:", names(coef(f)), value = TRUE), test = "Chisq")
cat("example: interaction_p\n"); p17(h[["Pr(>Chisq)"]][2])
