# The data and reference values of analyse's attrition table
# (rct/analysis/attrition_table_test.go). R 4.2.2, base only: the counts and
# standardised differences computed by hand.
# Run from the repository root:  Rscript testdata/r/attrition.R [gen]
# "gen" writes testdata/analyse_attrition/attrition.csv first: 24 schools
# randomised by school, 15 pupils each; a baseline score (some missing) and
# a sex; pupils with low baselines in the treatment arm are lost more often,
# and two treatment schools and one control school are lost whole.
path <- "testdata/analyse_attrition/attrition.csv"
if (identical(commandArgs(TRUE), "gen")) {
  set.seed(20231)
  school <- sprintf("S%02d", 1:24)
  arm_school <- sample(rep(c("control", "tutoring"), 12))
  d <- data.frame(pupil = sprintf("P%03d", 1:360), school = rep(school, each = 15))
  d$arm <- rep(arm_school, each = 15)
  d$baseline <- round(rnorm(360, 50, 10), 1)
  d$sex <- sample(c("F", "M"), 360, TRUE)
  d$score <- round(d$baseline * 0.6 + 5 * (d$arm == "tutoring") + rnorm(360, 20, 8), 1)
  lost <- runif(360) < ifelse(d$arm == "tutoring" & d$baseline < 45, 0.45, 0.08)
  lost_schools <- c(school[arm_school == "tutoring"][1:2], school[arm_school == "control"][1])
  d$score[lost | d$school %in% lost_schools] <- NA
  d$baseline[c(7, 101, 250)] <- NA
  write.csv(d, path, row.names = FALSE, quote = FALSE, na = "NA")
}
d <- read.csv(path)
p17 <- function(...) cat(paste(sprintf("%.17g", c(...)), collapse = ", "), "\n")
analysed <- !is.na(d$score) & !is.na(d$baseline)
cat("units randomised, analysed (control, tutoring)\n")
for (a in c("control", "tutoring")) cat(a, sum(d$arm == a), sum(d$arm == a & analysed), "\n")
cat("clusters randomised, analysed\n")
for (a in c("control", "tutoring")) cat(a, length(unique(d$school[d$arm == a])),
  length(unique(d$school[d$arm == a & analysed])), "\n")
share <- function(a) 1 - mean(analysed[d$arm == a])
cat("overall, differential\n"); p17(1 - mean(analysed), share("tutoring") - share("control"))
sdiff <- function(x, arm) {
  x1 <- x[arm == "tutoring" & !is.na(x)]; x0 <- x[arm == "control" & !is.na(x)]
  (mean(x1) - mean(x0)) / sqrt((var(x1) + var(x0)) / 2)
}
pdiff <- function(x, arm) {
  p1 <- mean(x[arm == "tutoring"]); p0 <- mean(x[arm == "control"])
  (p1 - p0) / sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2)
}
cat("std diff baseline: randomised, analysed\n")
p17(sdiff(d$baseline, d$arm), sdiff(d$baseline[analysed], d$arm[analysed]))
cat("std diff sex = F, sex = M: randomised, analysed\n")
for (l in c("F", "M")) p17(pdiff(d$sex == l, d$arm), pdiff(d$sex[analysed] == l, d$arm[analysed]))
