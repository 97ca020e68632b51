# The outcomes of testdata/design/*_trial.csv: each allocation made by evalkit randomise
# (testdata/design/README.md) with outcomes drawn here. R 4.2.2.
# Run from the repository root:  Rscript testdata/r/design_outcomes.R
set.seed(20232)
for (m in c("blocks", "minimise", "simple")) {
  a <- read.csv(sprintf("testdata/design/custody_%s.csv", m), colClasses = c(person_id = "character"))
  t <- as.numeric(a$arm == "navigator")
  a$wellbeing <- round(50 + 3 * t + 2 * (a$suite == "Loddon") + 0.8 * a$prior_arrests + rnorm(nrow(a), 0, 6), 1)
  a$rearrested <- rbinom(nrow(a), 1, plogis(-0.3 - 0.6 * t + 0.2 * a$prior_arrests))
  keep <- c("person_id", "suite", "sex", "prior_arrests", "arm", "wellbeing", "rearrested")
  write.csv(a[, keep], sprintf("testdata/design/custody_%s_trial.csv", m), row.names = FALSE, quote = FALSE)
}
s <- read.csv("testdata/design/school_allocation.csv")
u <- rnorm(16, 0, 2)[as.integer(factor(s$school))]
s$attendance <- round(s$attendance_baseline * 0.6 + 36 + 1.5 * (s$arm == "treatment") + u + rnorm(nrow(s), 0, 3), 1)
write.csv(s[, c("pupil_id", "school", "town", "arm", "attendance_baseline", "attendance")],
          "testdata/design/school_trial.csv", row.names = FALSE, quote = FALSE)
