# Reference values of evalkit did (qed and stats tests), printed at full precision.
# R 4.2.2; did 2.1.2, DRDID 1.0.4, BMisc 1.4.5 (CRAN sources, installed with
# R CMD INSTALL); estimatr 1.0.0 (Debian). Run from the repository's root:
#   Rscript testdata/r/did.R > testdata/r/did.out
suppressPackageStartupMessages({library(did); library(estimatr)})
p <- function(...) cat(sprintf("%s\n", paste(...)))
f <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
cs <- function(file) {
  d <- read.csv(file)
  d$id <- as.integer(factor(d$school))
  d$first_treated[is.na(d$first_treated)] <- 0
  out <- att_gt(yname = "attendance", tname = "term", idname = "id", gname = "first_treated", data = d,
                est_method = "reg", control_group = "nevertreated", base_period = "universal",
                bstrap = FALSE, cband = FALSE, allow_unbalanced_panel = TRUE)
  p("##", file, "att_gt(..., est_method = 'reg', control_group = 'nevertreated', base_period = 'universal', bstrap = FALSE, cband = FALSE, allow_unbalanced_panel = TRUE)")
  for (k in seq_along(out$att)) p("att_gt", out$group[k], out$t[k], f(out$att[k]), f(out$se[k]))
  q <- sum(out$group > out$t & !is.na(out$se))
  p("W", f(out$W), "q", q, "pretrend_p", f(1 - pchisq(out$W, q)))
  s <- aggte(out, type = "simple", bstrap = FALSE, cband = FALSE)
  z <- qnorm(0.975)
  p("simple", f(s$overall.att), f(s$overall.se), f(s$overall.att - z * s$overall.se), f(s$overall.att + z * s$overall.se))
  dy <- aggte(out, type = "dynamic", bstrap = FALSE, cband = FALSE)
  p("dynamic", f(dy$overall.att), f(dy$overall.se), f(dy$overall.att - z * dy$overall.se), f(dy$overall.att + z * dy$overall.se))
  for (k in seq_along(dy$egt)) p("event", dy$egt[k], f(dy$att.egt[k]), f(dy$se.egt[k]))
  if (file == "testdata/qed/panel_staggered.csv") {
    b <- att_gt(yname = "attendance", tname = "term", idname = "id", gname = "first_treated", data = d,
                est_method = "reg", control_group = "nevertreated", base_period = "universal",
                bstrap = FALSE, cband = FALSE, allow_unbalanced_panel = FALSE)
    p("balanced panel: allow_unbalanced_panel = FALSE gives the same att and se:",
      isTRUE(all.equal(b$att, out$att, tolerance = 1e-13)), isTRUE(all.equal(b$se, out$se, tolerance = 1e-12)))
  }
}
cs("testdata/qed/panel_staggered.csv")
cs("testdata/qed/panel_unbalanced.csv")
twfe <- function(file, cl) {
  d <- read.csv(file)
  d$treated_post <- as.numeric(d$first_treated > 0 & d$term >= d$first_treated)
  fit <- lm_robust(attendance ~ treated_post, data = d, fixed_effects = ~ school + term,
                   clusters = d[[cl]], se_type = "CR2")
  p("##", file, sprintf("lm_robust(attendance ~ treated_post, fixed_effects = ~ school + term, clusters = %s, se_type = 'CR2')", cl))
  p("twfe", f(coef(fit)), f(fit$std.error), f(fit$df), f(fit$conf.low), f(fit$conf.high), f(fit$p.value))
}
twfe("testdata/qed/panel_one.csv", "school")
twfe("testdata/qed/panel_one.csv", "town")
twfe("testdata/qed/panel_one_unbalanced.csv", "school")
