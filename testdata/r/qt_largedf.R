# Reference values of Student's t upper quantile at large degrees of freedom,
# for stats/centralt_ref_test.go (CentralTUpperQuantile). Run with R 4.2.2:
#   Rscript testdata/r/qt_largedf.R > stats/testdata/qt_largedf.txt
# Each line is a Go table row {p, df, qt(p, df, lower.tail = FALSE)}, every
# value printed by sprintf("%.17g"), with the R call beside it.
g <- function(x) sprintf("%.17g", x)
ps <- c(1e-300, 1e-100, 1e-30, 1e-12, 1e-10, 1e-6, 0.001, 0.025, 0.05, 0.2, 0.45)
dfs <- c(30, 100, 1000, 1e4, 1e5, 2e5, 4e5, 4.5e5, 1e6, 3.3e6, 1e7, 1e8, 1e9, 1e10,
         1e11, 1e12)
for (df in dfs) for (p in ps)
  cat(sprintf("\t{%s, %s, %s}, // %s: qt(%s, %s, lower.tail = FALSE)\n",
              g(p), g(df), g(qt(p, df, lower.tail = FALSE)), paste("R", getRversion()), g(p), g(df)))
