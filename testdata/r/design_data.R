# The units of testdata/design/ (rct/analysis/design_test.go, cmd/evalkit's design tests).
# R 4.2.2. Run from the repository root:  Rscript testdata/r/design_data.R
# Then the allocations are made by evalkit randomise (see testdata/design/README.md)
# and the outcomes added by testdata/r/design_outcomes.R.
set.seed(20231)
n <- 80
u <- data.frame(person_id = sprintf("C%03d", 1:n),
                suite = sample(c("Loddon", "Newbury"), n, replace = TRUE),
                sex = sample(c("F", "M"), n, replace = TRUE, prob = c(0.3, 0.7)),
                prior_arrests = rpois(n, 2))
write.csv(u, "testdata/design/custody_units.csv", row.names = FALSE, quote = FALSE)
s <- data.frame(school = sprintf("S%02d", 1:16), town = rep(c("Reading", "Slough"), each = 8),
                size = sample(4:9, 16, replace = TRUE))
p <- s[rep(seq_len(nrow(s)), s$size), c("school", "town")]
p$pupil_id <- sprintf("P%03d", seq_len(nrow(p)))
p$attendance_baseline <- round(rnorm(nrow(p), 90, 4), 1)
write.csv(p[, c("pupil_id", "school", "town", "attendance_baseline")], "testdata/design/school_units.csv", row.names = FALSE, quote = FALSE)
