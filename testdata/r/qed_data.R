# Writes the panels and the matching data of evalkit's qed tests:
#   testdata/qed/panel_staggered.csv  40 schools x 8 terms, cohorts 4, 5, 6 and never treated
#   testdata/qed/panel_unbalanced.csv the same panel with 23 school-terms missing
#   testdata/qed/panel_one.csv        30 schools x 8 terms, one cohort (5) and never treated
#   testdata/qed/match.csv            300 pupils, treatment not randomised
#   testdata/qed/panel_one_unbalanced.csv  panel_one.csv with 11 school-terms missing
# Run from the repository's root: Rscript testdata/r/qed_data.R (R 4.2.2).
set.seed(20261201)
panel <- function(cohorts, n_per, periods, effect) {
  rows <- list()
  id <- 0
  for (g in cohorts) for (k in seq_len(n_per)) {
    id <- id + 1
    a <- rnorm(1, 90, 3)                 # the school's level
    town <- if (id %% 2 == 0) "north" else "south"
    for (t in seq_len(periods)) {
      d <- g > 0 && t >= g
      y <- a + 0.3 * t + rnorm(1, 0, 1) + if (d) effect * (1 + 0.5 * (t - g)) else 0
      rows[[length(rows) + 1]] <- data.frame(school = sprintf("S%03d", id), town = town, term = t,
                                             first_treated = if (g > 0) g else NA, attendance = round(y, 3))
    }
  }
  do.call(rbind, rows)
}
stag <- panel(c(4, 5, 6, 0), 10, 8, 1.5)
write.csv(stag, "testdata/qed/panel_staggered.csv", row.names = FALSE, na = "")
drop <- sort(sample(nrow(stag), 23))
write.csv(stag[-drop, ], "testdata/qed/panel_unbalanced.csv", row.names = FALSE, na = "")
one <- panel(c(5, 0), 15, 8, 1.2)
one$first_treated[is.na(one$first_treated)] <- 0
write.csv(one, "testdata/qed/panel_one.csv", row.names = FALSE, na = "")

n <- 300
age <- round(rnorm(n, 14, 1.2), 1)
absence <- round(rgamma(n, 2, 0.25), 1)
fsm <- rbinom(n, 1, 0.35)
town <- sample(c("north", "south"), n, replace = TRUE)
lp <- -1.2 + 0.5 * (age - 14) + 0.08 * absence + 0.6 * fsm + 0.3 * (town == "north")
treat <- rbinom(n, 1, plogis(lp))
exclusions <- round(1 + 0.1 * absence + 0.5 * fsm - 0.4 * treat + rnorm(n, 0, 0.8), 2)
write.csv(data.frame(pupil = sprintf("P%04d", seq_len(n)), town, age, absence, fsm, navigator = treat, exclusions),
          "testdata/qed/match.csv", row.names = FALSE)
write.csv(one[-sort(sample(nrow(one), 11)), ], "testdata/qed/panel_one_unbalanced.csv", row.names = FALSE, na = "")
