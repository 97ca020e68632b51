# Reference values for stats/meta*.go (Pool): random-effects meta-analysis as
# metafor's rma, printed as Go table rows into testdata/meta/rma_ref.txt for
# stats/meta_ref_test.go (a test checks that every row printed is there).
# Run from the repository root:  Rscript testdata/r/meta.R
# R 4.2.2, metafor 3.8.1 (Debian's r-cran-metafor).
#
# testdata/meta/bcg.csv is written here from metafor's dat.bcg (Colditz et al.
# 1994, the 13 BCG vaccine trials): escalc(measure = "RR") gives the log risk
# ratio yi and its sampling variance vi; the file holds site = "author year",
# estimate = yi and se = sqrt(vi) to 17 digits, and every fit below reads the
# file back, so that R and Go see the same numbers.
# testdata/meta/homogeneous.csv (tau^2 = 0 by both estimators) and
# testdata/meta/two.csv (k = 2) are written by hand, as are precise.csv and
# extreme.csv below. predict() of a fixed-effect
# (EE) fit has no prediction interval, printed as math.NaN().
suppressMessages(library(metafor))
g <- function(v) if (is.null(v) || is.na(v)) "math.NaN()" else sprintf("%.17g", v)
gv <- function(v) paste0("[]float64{", paste(vapply(v, g, ""), collapse = ", "), "}")

bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
write.csv(data.frame(site = paste(bcg$author, bcg$year), estimate = sprintf("%.17g", bcg$yi),
                     se = sprintf("%.17g", sqrt(bcg$vi))),
          "testdata/meta/bcg.csv", row.names = FALSE, quote = FALSE)

out <- file("testdata/meta/rma_ref.txt", "w")
emit <- function(...) cat(..., file = out, sep = "")
emit(sprintf("// R %s.%s, metafor %s\n", R.version$major, R.version$minor, packageVersion("metafor")))

tight <- list(threshold = 1e-12, maxiter = 1000)
row <- function(file, method, level, control, tol, name) {
  d <- read.csv(sprintf("testdata/meta/%s.csv", file))
  m <- if (method == "FE") "EE" else method
  args <- list(yi = d$estimate, sei = d$se, method = m, level = 100 * level)
  if (!is.null(control)) args$control <- control
  fit <- do.call(rma, args)
  fe <- rma(yi = d$estimate, sei = d$se, method = "EE", level = 100 * level)
  p <- predict(fit)
  pr <- predict(fit, pi.type = "riley")
  es <- summary(escalc(measure = "GEN", yi = d$estimate, sei = d$se), level = 100 * level)
  goMethod <- c(REML = "PoolREML", DL = "PoolDL", FE = "PoolFE")[[method]]
  ctl <- if (is.null(control)) "" else paste0(", control = list(",
    paste(names(control), vapply(control, format, ""), sep = " = ", collapse = ", "), ")")
  emit(sprintf('// rma(estimate, sei = se, data = read.csv("testdata/meta/%s.csv"), method = "%s", level = %g%s);\n', file, m, 100 * level, ctl))
  emit('// predict(fit) and predict(fit, pi.type = "riley"); weights(fit); rma(..., method = "EE"); summary(escalc("GEN", ...))\n')
  emit(sprintf('{name: "%s", file: "%s", method: %s, level: %s, tol: %s,\n', name, file, goMethod, g(level), tol))
  emit(sprintf("\test: %s, se: %s, z: %s, p: %s, lo: %s, hi: %s,\n",
               g(fit$beta[1]), g(fit$se), g(fit$zval), g(fit$pval), g(fit$ci.lb), g(fit$ci.ub)))
  emit(sprintf("\ttau2: %s, tau2se: %s, i2: %s, h2: %s, q: %s, qp: %s,\n",
               g(fit$tau2), g(fit$se.tau2), g(fit$I2), g(fit$H2), g(fit$QE), g(fit$QEp)))
  emit(sprintf("\tpilo: %s, pihi: %s, rileylo: %s, rileyhi: %s, fixed: %s, fixedse: %s,\n",
               g(p$pi.lb), g(p$pi.ub), g(pr$pi.lb), g(pr$pi.ub), g(fe$beta[1]), g(fe$se)))
  emit(sprintf("\tweights: %s,\n", gv(weights(fit))))
  emit(sprintf("\tstudylo: %s,\n\tstudyhi: %s},\n", gv(es$ci.lb), gv(es$ci.ub)))
}

# tol is the test's relative tolerance: 1e-12 for DL and FE (closed forms) and
# for REML fitted to threshold 1e-12 (Pool stops at a step below 1e-12 of
# tau^2 + the typical within-study variance: both are that close to the same
# fixed point of Fisher scoring).
for (f in c("bcg", "homogeneous", "two")) {
  row(f, "REML", 0.95, tight, "1e-12", paste0(f, "/REML"))
  row(f, "DL", 0.95, NULL, "1e-12", paste0(f, "/DL"))
  row(f, "FE", 0.95, NULL, "1e-12", paste0(f, "/FE"))
}
# testdata/meta/precise.csv (by hand): one site's estimate far more precise
# than the others', where rma's Fisher scoring oscillates and stops ("Fisher
# scoring algorithm did not converge", with the default control as with
# tight); halved steps (stepadj = 0.5) converge, to the root Pool finds.
row("precise", "REML", 0.95, c(tight, stepadj = 0.5), "1e-12", "precise/REML")
row("precise", "DL", 0.95, NULL, "1e-12", "precise/DL")
row("bcg", "REML", 0.90, tight, "1e-12", "bcg/REML/level90")
row("bcg", "DL", 0.90, NULL, "1e-12", "bcg/DL/level90")
# rma's default control (threshold 1e-5 on the change in tau^2): within 1e-6.
row("bcg", "REML", 0.95, NULL, "1e-6", "bcg/REML/default-control")
close(out)

# testdata/meta/extreme.csv (found by FuzzPool): one variance 1e-77 of the
# others', where rma's Fisher scoring oscillates for ever with stepadj = 1.
# Printed to stdout for TestPoolREMLWhereRMAOscillates: tau2, the estimate
# and its se only, as rma's QE, I2 and H2 lose their digits to cancellation
# in W - W X (X'WX)^-1 X'W (QE = 1.44 for Cochran's Q of 4 - 2e-9).
d <- read.csv("testdata/meta/extreme.csv")
fit <- rma(estimate, sei = se, data = d, method = "REML", control = c(tight, stepadj = 0.5))
cat("// rma(estimate, sei = se, data = read.csv(\"testdata/meta/extreme.csv\"), method = \"REML\",\n")
cat("// control = list(threshold = 1e-12, maxiter = 1000, stepadj = 0.5)): tau2, beta, se, QE\n")
cat(sprintf("%s, %s, %s, %s\n", g(fit$tau2), g(fit$beta[1]), g(fit$se), g(fit$QE)))
