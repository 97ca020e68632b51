# Reference values for rct.BalanceNumeric and rct.BalanceCategorical.
# R 4.2.2, base R only. Run from the repository root:
#   Rscript testdata/r/rct_balance.R
d <- read.csv("testdata/rct/balance.csv", colClasses = "character")
x <- suppressWarnings(as.numeric(d$baseline_crimes))   # "NA" -> NA
p <- function(v) cat(sprintf("%.17g", v), "\n")
for (a in c("letter", "visit")) {
  xa <- x[d$arm == a & !is.na(x)]; xc <- x[d$arm == "control" & !is.na(x)]
  cat("smd", a, ": "); p((mean(xa) - mean(xc)) / sqrt((var(xa) + var(xc)) / 2))
  cat("mean sd", a, ": "); p(c(mean(xa), sd(xa), mean(xc), sd(xc)))
}
r <- d$risk; r[r == ""] <- NA
for (a in c("letter", "visit")) for (l in c("high", "low")) {
  ra <- r[d$arm == a & !is.na(r)]; rc <- r[d$arm == "control" & !is.na(r)]
  cat("share diff", a, l, ": "); p(mean(ra == l) - mean(rc == l))
}
