# Reference values for evalkit's power and sample-size code (stats/noncentralt.go,
# rct/power). Run with R 4.2.2 and pwr 1.3.0:
#   Rscript testdata/r/power.R SECTION
# Each section prints Go table rows, pasted into the test files named below,
# with every value printed by sprintf("%.17g").
args <- commandArgs(trailingOnly = TRUE)
section <- if (length(args)) args[1] else "all"
g <- function(x) sprintf("%.17g", x)

# --- pt: stats/noncentralt_ref_test.go --------------------------------------
if (section %in% c("pt", "all")) {
  xs <- c(-40, -5, -2, -0.5, -1e-3, 0, 1e-3, 0.3, 1.96, 3, 8, 40)
  dfs <- c(1, 2.5, 5, 10, 30, 100, 1000, 5e5)
  ncps <- c(-3, -0.5, 0.5, 1, 2.8, 5, 10, 38, 45)
  for (df in dfs) for (ncp in ncps) for (x in xs) {
    lo <- pt(x, df, ncp)
    up <- pt(x, df, ncp, lower.tail = FALSE)
    cat(sprintf("\t{%s, %s, %s, %s, %s}, // R 4.2.2: pt(%s, %s, %s), lower.tail = FALSE\n",
                g(x), g(df), g(ncp), g(lo), g(up), g(x), g(df), g(ncp)))
  }
}

# --- central pt upper tail and qt: stats/noncentralt_ref_test.go --------------
if (section %in% c("ptc", "all")) {
  xs <- c(-3, -0.2, 0.2, 1, 2.5, 6, 15, 60, 1e6, 1e60)
  dfs <- c(0.7, 1, 3, 12.5, 80, 1e4, 1e7)
  for (df in dfs) for (x in xs)
    cat(sprintf("\t{%s, %s, %s}, // R 4.2.2: pt(%s, %s, lower.tail = FALSE)\n",
                g(x), g(df), g(pt(x, df, lower.tail = FALSE)), g(x), g(df)))
}
if (section %in% c("qt", "all")) {
  ps <- c(1e-12, 1e-6, 0.0005, 0.025, 0.05, 0.2, 0.5, 0.8, 0.975)
  dfs <- c(0.7, 1, 3, 12.5, 80, 1e4)
  for (df in dfs) for (p in ps)
    cat(sprintf("\t{%s, %s, %s}, // R 4.2.2: qt(%s, %s, lower.tail = FALSE)\n",
                g(p), g(df), g(qt(p, df, lower.tail = FALSE)), g(p), g(df)))
}
