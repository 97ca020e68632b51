# Reference values for stats/fisher.go, chisq.go, wilson.go, riskratio.go,
# oddsratio.go, poissontest.go and multiplicity.go, printed as Go table rows
# for the tests in stats/*_test.go.
# Run from the repository root:  Rscript testdata/r/binary.R
# R 4.2.2 (base stats only).
g <- function(v) if (is.na(v)) "math.NaN()" else if (is.infinite(v)) (if (v > 0) "math.Inf(1)" else "math.Inf(-1)") else sprintf("%.17g", v)
cat("// R", paste(R.version$major, R.version$minor, sep = "."), "\n")
tab <- read.csv("testdata/binary/tables.csv")

cat("\n// fisher.test(matrix(c(x, y, nx-x, ny-y), 2), alternative = ...)$p.value\n")
for (i in seq_len(nrow(tab))) with(tab[i, ], {
  m <- matrix(c(x, y, nx - x, ny - y), 2)
  p2 <- fisher.test(m)$p.value
  pl <- fisher.test(m, alternative = "less")$p.value
  pg <- fisher.test(m, alternative = "greater")$p.value
  cat(sprintf('{name: "%s", x: %d, nx: %d, y: %d, ny: %d, two: %s, less: %s, greater: %s},\n',
    case, x, nx, y, ny, g(p2), g(pl), g(pg)))
})

# The conditional MLE and interval of fisher.test, whose equations R solves
# with uniroot's default tolerance (about 1e-4): the same equations (R's
# dnhyper, mnhyper, pnhyper over dhyper on the support) solved here on the
# log scale with tol = 1e-13, and fisher.test's own values beside them.
fisher_precise <- function(x, nx, y, ny, level) {
  m <- x + y; n <- nx + ny - m; k <- nx
  lo <- max(0, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dn <- function(l) { d <- logdc + l * support; d <- exp(d - max(d)); d / sum(d) }
  mn <- function(l) sum(support * dn(l))
  pn <- function(q, l, upper) sum(dn(l)[if (upper) support >= q else support <= q])
  root <- function(f) uniroot(f, c(-60, 60), tol = 1e-13, extendInt = "yes")$root
  a <- (1 - level) / 2
  est <- if (x == lo) 0 else if (x == hi) Inf else exp(root(function(l) mn(l) - x))
  cl <- if (x == lo) 0 else exp(root(function(l) pn(x, l, TRUE) - a))
  cu <- if (x == hi) Inf else exp(root(function(l) a - pn(x, l, FALSE)))
  c(est, cl, cu)
}
cat("\n// fisher.test's estimate and conf.int equations solved to 1e-13 (see fisher_precise), then fisher.test(m)$estimate, $conf.int\n")
for (i in seq_len(nrow(tab))) with(tab[i, ], {
  if (x + y == 0 || x + y == nx + ny) return(invisible())
  m <- matrix(c(x, y, nx - x, ny - y), 2)
  f <- fisher.test(m, conf.level = level)
  p <- fisher_precise(x, nx, y, ny, level)
  cat(sprintf('{name: "%s", x: %d, nx: %d, y: %d, ny: %d, level: %s, or: %s, lo: %s, hi: %s, rOR: %s, rLo: %s, rHi: %s},\n',
    case, x, nx, y, ny, g(level), g(p[1]), g(p[2]), g(p[3]), g(unname(f$estimate)), g(f$conf.int[1]), g(f$conf.int[2])))
})

cat("\n// chisq.test(matrix(c(x, y, nx-x, ny-y), 2), correct = FALSE): statistic, p.value\n")
for (i in seq_len(nrow(tab))) with(tab[i, ], {
  m <- matrix(c(x, y, nx - x, ny - y), 2)
  r <- suppressWarnings(chisq.test(m, correct = FALSE))
  cat(sprintf('{name: "%s", x: %d, nx: %d, y: %d, ny: %d, stat: %s, p: %s},\n',
    case, x, nx, y, ny, g(unname(r$statistic)), g(r$p.value)))
})

# Wilson intervals from prop.test; Newcombe's method 10 from them.
wil <- function(x, n, level) {
  ci <- suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE)$conf.int)
  c(x / n, ci[1], ci[2])
}
cat("\n// prop.test(x, n, conf.level = level, correct = FALSE)$conf.int, for each arm\n")
for (i in seq_len(nrow(tab))) with(tab[i, ], {
  for (arm in list(c(x, nx), c(y, ny))) {
    w <- wil(arm[1], arm[2], level)
    cat(sprintf('{name: "%s", x: %d, n: %d, level: %s, lo: %s, hi: %s},\n',
      case, arm[1], arm[2], g(level), g(w[2]), g(w[3])))
  }
})

cat("\n// Newcombe (1998) method 10 from the prop.test Wilson intervals w1, w2:\n")
cat("// d - sqrt((p1-l1)^2 + (u2-p2)^2), d + sqrt((u1-p1)^2 + (p2-l2)^2)\n")
for (i in seq_len(nrow(tab))) with(tab[i, ], {
  w1 <- wil(x, nx, level); w2 <- wil(y, ny, level)
  d <- w1[1] - w2[1]
  lo <- d - sqrt((w1[1] - w1[2])^2 + (w2[3] - w2[1])^2)
  hi <- d + sqrt((w1[3] - w1[1])^2 + (w2[1] - w2[2])^2)
  cat(sprintf('{name: "%s", x: %d, nx: %d, y: %d, ny: %d, level: %s, diff: %s, lo: %s, hi: %s},\n',
    case, x, nx, y, ny, g(level), g(d), g(lo), g(hi)))
})

# Katz and Woolf log intervals, written out; 0.5 added to every cell when a
# cell (for the risk ratio: an events cell) is zero.
cat("\n// Katz: a=x+h, n1=nx+2h, c=y+h, n2=ny+2h (h = 0.5 if x or y is 0), rr = (a/n1)/(c/n2),\n")
cat("// se = sqrt(1/a - 1/n1 + 1/c - 1/n2), exp(log(rr) + c(-1, 1) * qnorm((1+level)/2) * se)\n")
for (i in seq_len(nrow(tab))) with(tab[i, ], {
  if (x == 0 && y == 0) return(invisible())
  h <- if (x == 0 || y == 0) 0.5 else 0
  a <- x + h; n1 <- nx + 2 * h; c <- y + h; n2 <- ny + 2 * h
  rr <- (a / n1) / (c / n2)
  se <- sqrt(max(0, 1 / a - 1 / n1 + 1 / c - 1 / n2))
  ci <- exp(log(rr) + c(-1, 1) * qnorm((1 + level) / 2) * se)
  cat(sprintf('{name: "%s", x: %d, nx: %d, y: %d, ny: %d, level: %s, est: %s, se: %s, lo: %s, hi: %s, corrected: %s},\n',
    case, x, nx, y, ny, g(level), g(rr), g(se), g(ci[1]), g(ci[2]), tolower(h > 0)))
})

cat("\n// Woolf: cells + 0.5 when any is zero, or = (a/b)/(c/d), se = sqrt(1/a+1/b+1/c+1/d),\n")
cat("// exp(log(or) + c(-1, 1) * qnorm((1+level)/2) * se)\n")
for (i in seq_len(nrow(tab))) with(tab[i, ], {
  if ((x == 0 && y == 0) || (x == nx && y == ny)) return(invisible())
  cells <- c(x, nx - x, y, ny - y)
  h <- if (any(cells == 0)) 0.5 else 0
  cells <- cells + h
  or <- (cells[1] / cells[2]) / (cells[3] / cells[4])
  se <- sqrt(sum(1 / cells))
  ci <- exp(log(or) + c(-1, 1) * qnorm((1 + level) / 2) * se)
  cat(sprintf('{name: "%s", x: %d, nx: %d, y: %d, ny: %d, level: %s, est: %s, se: %s, lo: %s, hi: %s, corrected: %s},\n',
    case, x, nx, y, ny, g(level), g(or), g(se), g(ci[1]), g(ci[2]), tolower(h > 0)))
})

rates <- read.csv("testdata/binary/rates.csv")
cat("\n// poisson.test(c(x, y), c(tx, ty), alternative = ..., conf.level = level): estimate, p.value, conf.int\n")
for (i in seq_len(nrow(rates))) with(rates[i, ], {
  for (alt in c("two.sided", "less", "greater")) {
    r <- poisson.test(c(x, y), c(tx, ty), alternative = alt, conf.level = level)
    cat(sprintf('{name: "%s", alt: %s, x: %d, tx: %s, y: %d, ty: %s, level: %s, rr: %s, p: %s, lo: %s, hi: %s},\n',
      case, c(two.sided = "TwoSided", less = "Less", greater = "Greater")[[alt]], x, g(tx), y, g(ty), g(level),
      g(unname(r$estimate)), g(r$p.value), g(r$conf.int[1]), g(r$conf.int[2])))
  }
})

pv <- read.csv("testdata/binary/pvalues.csv")
cat("\n// p.adjust(p, \"holm\"), p.adjust(p, \"BH\")\n")
for (s in unique(pv$set)) {
  p <- pv$p[pv$set == s]
  v <- function(q) paste(sapply(q, g), collapse = ", ")
  cat(sprintf('{name: "%s", p: []float64{%s}, holm: []float64{%s}, bh: []float64{%s}},\n',
    s, v(p), v(p.adjust(p, "holm")), v(p.adjust(p, "BH"))))
}

# evalkit analyse on the example trials in cmd/evalkit/testdata/analyse:
# the numbers of each comparison, for cmd/evalkit/analyse_r_test.go.
ex <- "cmd/evalkit/testdata/analyse/"
row <- function(file, args, treat, method, v) cat(sprintf('{file: "%s", args: "%s", treatment: "%s", method: "%s", want: []float64{%s}},\n',
  file, args, treat, method, paste(sapply(v, g), collapse = ", ")))
cat("\n// analyse examples: estimate, ci_low, ci_high, p_value, p_holm, then effect sizes (value, ci_low, ci_high) and tests (statistic, p_value)\n")
binex <- function(file, outcome, level = 0.95, args = "") {
  d <- read.csv(paste0(ex, file), colClasses = "character")
  d <- d[!(d$arm %in% c("", "NA")) & !is.na(d$arm) & !(d[[outcome]] %in% c("", "NA")) & !is.na(d[[outcome]]), ]
  d$y <- as.numeric(d[[outcome]])
  arms <- sort(setdiff(unique(d$arm), "control"))
  res <- lapply(arms, function(a) {
    x <- sum(d$y[d$arm == a]); nx <- sum(d$arm == a); y <- sum(d$y[d$arm == "control"]); ny <- sum(d$arm == "control")
    m <- matrix(c(x, y, nx - x, ny - y), 2)
    w1 <- wil(x, nx, level); w2 <- wil(y, ny, level); dd <- w1[1] - w2[1]
    rr <- (x / nx) / (y / ny); serr <- sqrt(1 / x - 1 / nx + 1 / y - 1 / ny)
    or <- (x / (nx - x)) / (y / (ny - y)); seor <- sqrt(1 / x + 1 / (nx - x) + 1 / y + 1 / (ny - y))
    z <- qnorm((1 + level) / 2); cs <- chisq.test(m, correct = FALSE)
    c(dd, dd - sqrt((w1[1] - w1[2])^2 + (w2[3] - w2[1])^2), dd + sqrt((w1[3] - w1[1])^2 + (w2[1] - w2[2])^2),
      fisher.test(m)$p.value, NA, rr, rr * exp(-z * serr), rr * exp(z * serr), or, or * exp(-z * seor), or * exp(z * seor),
      unname(cs$statistic), cs$p.value)
  })
  holm <- p.adjust(sapply(res, `[`, 4), "holm")
  for (i in seq_along(arms)) { v <- res[[i]]; v[5] <- holm[i]; row(file, args, arms[i], "fisher_exact", v) }
}
cat("// fisher.test, chisq.test(correct = FALSE), prop.test Wilson intervals (Newcombe), Katz and Woolf written out, p.adjust holm\n")
binex("reoffending.csv", "reoffended")
binex("reoffending.csv", "reoffended", 0.9, "--level 0.9")
binex("three_arm.csv", "reattended")
cat("// poisson.test(c(sum_x, sum_y), c(exposure_x, exposure_y)); exposure 1 per unit without --exposure\n")
h <- read.csv(paste0(ex, "hotspots.csv")); h <- h[!is.na(h$crimes), ]
for (e in c("weeks", "")) {
  ex1 <- if (e == "") rep(1, nrow(h)) else h[[e]]
  p <- poisson.test(c(sum(h$crimes[h$arm == "patrol"]), sum(h$crimes[h$arm == "control"])),
    c(sum(ex1[h$arm == "patrol"]), sum(ex1[h$arm == "control"])))
  row("hotspots.csv", if (e == "") "--model poisson" else "--exposure weeks --model poisson", "patrol", "poisson_exact",
    c(p$estimate, p$conf.int, p$p.value, p$p.value))
}
cat("// MASS::glm.nb(crimes ~ treat + offset(log(weeks))): exp(coef), se, exp(confint.default), Wald p (MASS 7.3-58.2)\n")
h$treat <- as.numeric(h$arm == "patrol")
m <- MASS::glm.nb(crimes ~ treat + offset(log(weeks)), data = h)
s <- summary(m)$coefficients
row("hotspots.csv", "--exposure weeks", "patrol", "negbin_glm",
  c(exp(coef(m)[["treat"]]), s["treat", 2], exp(confint.default(m)["treat", ]), s["treat", 4]))
cat("// t.test(x, y), t.test(x, y, var.equal = TRUE), wilcox.test(x, y); effectsize 0.8.3 cohens_d, hedges_g, glass_delta (CIs by Nelder-Mead)\n")
a <- read.csv(paste0(ex, "attendance.csv")); a <- a[!is.na(a$attendance), ]
x <- a$attendance[a$arm == "navigator"]; y <- a$attendance[a$arm == "control"]
w <- t.test(x, y); s <- t.test(x, y, var.equal = TRUE); mw <- suppressWarnings(wilcox.test(x, y))
es <- lapply(list(effectsize::cohens_d, effectsize::hedges_g, effectsize::glass_delta), function(f) {
  e <- f(x, y); c(e[[1]], e$CI_low, e$CI_high) })
row("attendance.csv", "", "navigator", "welch_t",
  c(unname(w$estimate[1] - w$estimate[2]), w$conf.int, w$p.value, w$p.value, unlist(es),
    unname(s$statistic), s$p.value, unname(mw$statistic), mw$p.value))
