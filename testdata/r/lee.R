# Reference values for evalkit analyse's lee_bounds (rct/analysis/attrition_test.go).
# R 4.2.2 (base only): Lee's (2009) bounds computed by hand.
# Run from the repository root:  Rscript testdata/r/lee.R
# Printed with sprintf("%.17g"): lower, upper, trim_share, then the
# attrition shares of the treatment and the control arm.
p17 <- function(...) cat(paste(sprintf("%.17g", c(...)), collapse = ", "), "\n")
# The mean of the lowest (top = FALSE) or highest mass m of x: sorted, each
# value weighted by the part of it within m (so the boundary value counts
# by a fraction when m is not whole).
trimmed <- function(x, m, top) {
  s <- sort(x, decreasing = top)
  w <- pmin(pmax(m - (seq_along(s) - 1), 0), 1)
  sum(w * s) / m
}
lee <- function(label, d, y) {
  yt <- d[[y]][d$arm == "treatment"]; yc <- d[[y]][d$arm == "control"]
  ot <- yt[!is.na(yt)]; oc <- yc[!is.na(yc)]
  qt <- length(ot) / length(yt); qc <- length(oc) / length(yc)
  if (qt > qc) {
    # trim the treatment arm: from the top for the lower bound
    p <- (qt - qc) / qt; m <- length(ot) * (1 - p)
    lo <- trimmed(ot, m, FALSE) - mean(oc)
    hi <- trimmed(ot, m, TRUE) - mean(oc)
  } else {
    # trim the control arm: from the bottom for the lower bound
    p <- (qc - qt) / qc; m <- length(oc) * (1 - p)
    lo <- mean(ot) - trimmed(oc, m, TRUE)
    hi <- mean(ot) - trimmed(oc, m, FALSE)
  }
  cat(label, "\n"); p17(lo, hi, p, 1 - qt, 1 - qc)
  cat("  mass kept", m, "of", if (qt > qc) length(ot) else length(oc), "\n")
}
l <- read.csv("testdata/analyse_lee/lee.csv")
lee("y1 (treatment trimmed)", l, "y1")
lee("y2 (control trimmed)", l, "y2")
# cmd/evalkit/testdata/analyse/attendance.csv (the golden attendance.txt, .json)
a <- read.csv("cmd/evalkit/testdata/analyse/attendance.csv")
a$arm[a$arm == "navigator"] <- "treatment"
lee("attendance navigator (control trimmed)", a, "attendance")
