# Reference values for evalkit pool --analyses on the hotspot trial analysed
# area by area (cmd/evalkit/testdata/pool/hotspots/*.json, written by
#   evalkit analyse --in AREA.csv --outcome crimes_after --type count
#     --exposure weeks --covariates crimes_before --model poisson --json
# on each area's rows of examples/hotspots.csv: poisson_glm rate ratios).
# Each rate ratio is pooled as log(estimate), with the se of the log from
# its interval, (log(ci_high) - log(ci_low)) / (2 qnorm((1 + level) / 2)).
# Run from the repository root:  Rscript cmd/evalkit/testdata/pool/hotspots.R
# R 4.2.2, metafor 3.8.1, jsonlite; writes hotspots_rma.txt beside this file
# as lines "method key value".
suppressMessages({library(metafor); library(jsonlite)})
dir <- "cmd/evalkit/testdata/pool"
files <- sort(list.files(file.path(dir, "hotspots"), pattern = "\\.json$", full.names = TRUE))
yi <- sei <- numeric(0)
for (f in files) {
  a <- fromJSON(f, simplifyVector = FALSE)
  c <- a$comparisons[[1]]
  z <- qnorm((1 + a$level) / 2)
  yi <- c(yi, log(c$estimate))
  sei <- c(sei, (log(c$ci_high) - log(c$ci_low)) / (2 * z))
}
out <- file(file.path(dir, "hotspots_rma.txt"), "w")
g <- function(v) if (is.null(v) || is.na(v)) "NaN" else sprintf("%.17g", v)
cat(sprintf("# R %s.%s, metafor %s: rma(yi, sei = sei, method = M, control = list(threshold = 1e-12, maxiter = 1000)) (DL: no control); predict(fit, transf = exp) for the exp_ keys\n",
            R.version$major, R.version$minor, packageVersion("metafor")), file = out)
for (m in c("REML", "DL")) {
  ctl <- if (m == "REML") list(threshold = 1e-12, maxiter = 1000) else list()
  fit <- rma(yi, sei = sei, method = m, control = ctl)
  p <- predict(fit)
  pe <- predict(fit, transf = exp)
  v <- list(estimate = fit$beta[1], se = fit$se, z = fit$zval, p_value = fit$pval,
            ci_low = fit$ci.lb, ci_high = fit$ci.ub, tau2 = fit$tau2, tau2_se = fit$se.tau2,
            i2 = fit$I2, h2 = fit$H2, q = fit$QE, q_p_value = fit$QEp,
            pi_low = p$pi.lb, pi_high = p$pi.ub, exp_estimate = pe$pred,
            exp_ci_low = pe$ci.lb, exp_ci_high = pe$ci.ub, exp_pi_low = pe$pi.lb, exp_pi_high = pe$pi.ub)
  for (k in names(v)) cat(sprintf("%s %s %s\n", tolower(m), k, g(v[[k]])), file = out)
  w <- weights(fit)
  for (i in seq_along(w)) cat(sprintf("%s weight%d %s\n", tolower(m), i, g(w[[i]])), file = out)
}
close(out)
