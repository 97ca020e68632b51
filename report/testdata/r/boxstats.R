# Reference values for report's box plots (distributionBoxStats):
# boxplot.stats(x)$stats, R 4.2.2. Run from report/testdata:
#   Rscript r/boxstats.R
d <- read.csv("analysis/boxstats.csv", stringsAsFactors = FALSE)
for (s in unique(d$set)) {
  st <- boxplot.stats(d$value[d$set == s])$stats
  cat(sprintf('{"%s", [5]float64{%s}},\n', s,
              paste(sprintf("%.17g", st), collapse = ", ")))
}
