# Reference values for evalkit's power and sample-size code (stats/noncentralt.go,
# rct/power). Run with R 4.2.2 and pwr 1.3.0:
#   Rscript testdata/r/power.R SECTION
# Each section prints Go table rows, pasted into the test files named below,
# with every value printed by sprintf("%.17g"). The output of each section
# is committed as testdata/power/SECTION.txt:
#   for s in pt ptc qt ttest ttestn ttestd prop propn propp counts countsn cluster clusterj; do
#     Rscript testdata/r/power.R $s > testdata/power/$s.txt; done
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

# --- pwr.t2n.test: rct/power/ttest_ref_test.go ------------------------------
# Power rows: {alternative, alpha, d, n1, n2, power}.
alt_go <- c(two.sided = "stats.TwoSided", greater = "stats.Greater", less = "stats.Less")
if (section %in% c("ttest", "all")) {
  suppressMessages(library(pwr))
  for (alt in c("two.sided", "greater", "less"))
    for (alpha in c(0.05, 0.01))
      for (d in c(0.1, 0.3, 0.5, 1.2, -0.4))
        for (nn in list(c(10, 10), c(25, 40), c(64, 64), c(200, 150), c(3, 2), c(2.5, 7.25))) {
          p <- pwr.t2n.test(n1 = nn[1], n2 = nn[2], d = d, sig.level = alpha, alternative = alt)$power
          cat(sprintf("\t{%s, %s, %s, %s, %s, %s}, // pwr.t2n.test(n1 = %s, n2 = %s, d = %s, sig.level = %s, alternative = \"%s\")$power\n",
                      alt_go[alt], g(alpha), g(d), g(nn[1]), g(nn[2]), g(p), nn[1], nn[2], d, alpha, alt))
        }
}
# Solved n rows: {alternative, alpha, d, ratio, power, n1}, n1 the root of
# pwr.t2n.test(n1, ratio * n1) = power found by uniroot(tol = 1e-12).
ttest_n <- function(d, ratio, power, alpha, alt) {
  f <- function(n) pwr.t2n.test(n1 = n, n2 = ratio * n, d = d, sig.level = alpha, alternative = alt)$power - power
  uniroot(f, c(max(2, 2 / ratio), 1e9), tol = 1e-12)$root
}
if (section %in% c("ttestn", "all")) {
  suppressMessages(library(pwr))
  for (alt in c("two.sided", "greater"))
    for (d in c(0.2, 0.5, 0.8, 2.5))
      for (ratio in c(1, 2, 0.5))
        for (power in c(0.8, 0.9)) {
          if (d == 2.5 && ratio != 1) next
          n <- if (d == 2.5 && power == 0.8) NA else ttest_n(d, ratio, power, 0.05, alt)
          if (is.na(n)) next
          cat(sprintf("\t{%s, 0.05, %s, %s, %s, %s}, // uniroot(pwr.t2n.test(n1 = n, n2 = %s * n, d = %s, power = %s, alternative = \"%s\") - power, tol = 1e-12)\n",
                      alt_go[alt], g(d), g(ratio), g(power), g(n), ratio, d, power, alt))
        }
  # pwr.t.test(n = NULL) uses the same function of n; its own root is looser.
  cat(sprintf("\t// pwr.t.test(d = 0.5, power = 0.8)$n = %s (tol eps^0.25)\n", g(pwr.t.test(d = 0.5, power = 0.8)$n)))
}
# Solved d rows: {alternative, alpha, n1, n2, power, d}.
if (section %in% c("ttestd", "all")) {
  suppressMessages(library(pwr))
  for (alt in c("two.sided", "greater", "less"))
    for (nn in list(c(20, 20), c(64, 64), c(30, 90), c(500, 500)))
      for (power in c(0.8, 0.95)) {
        f <- function(d) pwr.t2n.test(n1 = nn[1], n2 = nn[2], d = d, alternative = alt)$power - power
        iv <- if (alt == "less") c(-10, -1e-7) else c(1e-7, 10)
        d <- uniroot(f, iv, tol = 1e-12)$root
        cat(sprintf("\t{%s, 0.05, %s, %s, %s, %s}, // uniroot(pwr.t2n.test(n1 = %s, n2 = %s, d = d, alternative = \"%s\")$power - %s, c(%s, %s), tol = 1e-12)\n",
                    alt_go[alt], g(nn[1]), g(nn[2]), g(power), g(d), nn[1], nn[2], alt, power, iv[1], iv[2]))
      }
}

# --- two proportions: rct/power/prop_ref_test.go ----------------------------
# Power rows: {method, alternative, alpha, p_control, p_treatment, n1, n2, power}.
# pwr.2p2n.test(h = ES.h(p_treatment, p_control), n1 = n_control, n2 = n_treatment);
# power.prop.test(n, p1 = p_control, p2 = p_treatment, strict = TRUE) for equal arms.
if (section %in% c("prop", "all")) {
  suppressMessages(library(pwr))
  for (alt in c("two.sided", "greater", "less"))
    for (pp in list(c(0.3, 0.2), c(0.1, 0.15), c(0.5, 0.52), c(0.02, 0.01), c(0.95, 0.99)))
      for (nn in list(c(100, 100), c(250, 400), c(1500, 1500), c(12, 30))) {
        h <- ES.h(pp[2], pp[1])
        p <- pwr.2p2n.test(h = h, n1 = nn[1], n2 = nn[2], alternative = alt)$power
        cat(sprintf("\t{Arcsine, %s, 0.05, %s, %s, %s, %s, %s}, // pwr.2p2n.test(h = ES.h(%s, %s), n1 = %s, n2 = %s, alternative = \"%s\")$power\n",
                    alt_go[alt], g(pp[1]), g(pp[2]), g(nn[1]), g(nn[2]), g(p), pp[2], pp[1], nn[1], nn[2], alt))
        if (nn[1] == nn[2] && alt != "less" && ((alt == "greater") == (pp[2] > pp[1]) || alt == "two.sided")) {
          ps <- if (alt == "two.sided") "two.sided" else "one.sided"
          p <- power.prop.test(n = nn[1], p1 = pp[1], p2 = pp[2], strict = TRUE, alternative = ps)$power
          cat(sprintf("\t{Pooled, %s, 0.05, %s, %s, %s, %s, %s}, // power.prop.test(n = %s, p1 = %s, p2 = %s, strict = TRUE, alternative = \"%s\")$power\n",
                      alt_go[alt], g(pp[1]), g(pp[2]), g(nn[1]), g(nn[2]), g(p), nn[1], pp[1], pp[2], ps))
        }
      }
}
# Solved n rows: {method, alternative, p_control, p_treatment, ratio, power, n_control}.
if (section %in% c("propn", "all")) {
  suppressMessages(library(pwr))
  for (pp in list(c(0.3, 0.2), c(0.1, 0.15), c(0.5, 0.45), c(0.02, 0.04)))
    for (ratio in c(1, 2))
      for (power in c(0.8, 0.9)) {
        h <- ES.h(pp[2], pp[1])
        f <- function(n) pwr.2p2n.test(h = h, n1 = n, n2 = ratio * n)$power - power
        n <- uniroot(f, c(2, 1e9), tol = 1e-12)$root
        cat(sprintf("\t{Arcsine, stats.TwoSided, %s, %s, %s, %s, %s}, // uniroot(pwr.2p2n.test(h = ES.h(%s, %s), n1 = n, n2 = %s * n)$power - %s, tol = 1e-12)\n",
                    g(pp[1]), g(pp[2]), g(ratio), g(power), g(n), pp[2], pp[1], ratio, power))
        if (ratio == 1) {
          f <- function(n) power.prop.test(n = n, p1 = pp[1], p2 = pp[2], strict = TRUE)$power - power
          n <- uniroot(f, c(2, 1e9), tol = 1e-12)$root
          cat(sprintf("\t{Pooled, stats.TwoSided, %s, %s, 1, %s, %s}, // uniroot(power.prop.test(n = n, p1 = %s, p2 = %s, strict = TRUE)$power - %s, tol = 1e-12)\n",
                      g(pp[1]), g(pp[2]), g(power), g(n), pp[1], pp[2], power))
        }
      }
}
# Solved p_treatment rows: {method, alternative, reduction, p_control, n, power, p_treatment}.
if (section %in% c("propp", "all")) {
  suppressMessages(library(pwr))
  for (pc in c(0.3, 0.1))
    for (n in c(200, 1000))
      for (dir in c("up", "down")) {
        f <- function(pt) pwr.2p2n.test(h = ES.h(pt, pc), n1 = n, n2 = n)$power - 0.8
        iv <- if (dir == "up") c(pc, 1 - 1e-12) else c(1e-12, pc)
        pt <- uniroot(f, iv, tol = 1e-14)$root
        cat(sprintf("\t{Arcsine, stats.TwoSided, %s, %s, %s, 0.8, %s}, // uniroot(pwr.2p2n.test(h = ES.h(pt, %s), n1 = %s, n2 = %s)$power - 0.8, c(%s, %s), tol = 1e-14)\n",
                    dir == "down", g(pc), g(n), g(pt), pc, n, n, iv[1], iv[2]))
        f <- function(pt) power.prop.test(n = n, p1 = pc, p2 = pt, strict = TRUE)$power - 0.8
        pt <- uniroot(f, iv, tol = 1e-14)$root
        cat(sprintf("\t{Pooled, stats.TwoSided, %s, %s, %s, 0.8, %s}, // uniroot(power.prop.test(n = %s, p1 = %s, p2 = pt, strict = TRUE)$power - 0.8, c(%s, %s), tol = 1e-14)\n",
                    dir == "down", g(pc), g(n), g(pt), n, pc, iv[1], iv[2]))
      }
}

# --- counts (the contract's Wald formula): rct/power/counts_ref_test.go -------
# No R package implements this exact formula; it is written out here from
# the contract (shared/spec/cli.md, evalkit power counts).
counts_power <- function(mu0, rr, k, nc, nt, alpha = 0.05, alt = "two.sided") {
  ik <- if (is.na(k)) 0 else 1 / k
  V <- (1 / mu0 + ik) / nc + (1 / (rr * mu0) + ik) / nt
  z <- log(rr) / sqrt(V)
  switch(alt,
    two.sided = pnorm(abs(z) - qnorm(1 - alpha / 2)) + pnorm(-abs(z) - qnorm(1 - alpha / 2)),
    greater = pnorm(z - qnorm(1 - alpha)),
    less = pnorm(-z - qnorm(1 - alpha)))
}
kgo <- function(k) if (is.na(k)) "0" else g(k)
if (section %in% c("counts", "all")) {
  # Power rows: {alternative, mu0, rr, k (0 = Poisson), n_c, n_t, power}.
  for (alt in c("two.sided", "greater", "less"))
    for (mr in list(c(2.5, 0.8), c(0.4, 0.6), c(12, 1.15), c(1, 0.95)))
      for (k in c(NA, 0.7, 5))
        for (nn in list(c(60, 60), c(200, 100))) {
          p <- counts_power(mr[1], mr[2], k, nn[1], nn[2], alt = alt)
          cat(sprintf("\t{%s, %s, %s, %s, %s, %s, %s}, // counts_power(mu0 = %s, rr = %s, k = %s, nc = %s, nt = %s, alt = \"%s\")\n",
                      alt_go[alt], g(mr[1]), g(mr[2]), kgo(k), g(nn[1]), g(nn[2]), g(p), mr[1], mr[2], k, nn[1], nn[2], alt))
        }
}
if (section %in% c("countsn", "all")) {
  # Solved n rows: {mu0, rr, k, ratio, power, n_c}.
  for (mr in list(c(2.5, 0.8), c(0.4, 0.6), c(12, 1.15)))
    for (k in c(NA, 0.7))
      for (ratio in c(1, 2)) {
        f <- function(n) counts_power(mr[1], mr[2], k, n, ratio * n) - 0.8
        n <- uniroot(f, c(2, 1e9), tol = 1e-12)$root
        cat(sprintf("\t{%s, %s, %s, %s, 0.8, %s}, // uniroot(counts_power(mu0 = %s, rr = %s, k = %s, n, %s * n) - 0.8, c(2, 1e9), tol = 1e-12)\n",
                    g(mr[1]), g(mr[2]), kgo(k), g(ratio), g(n), mr[1], mr[2], k, ratio))
      }
  # Solved rate ratio rows: {mu0, k, n, reduction, power, rr}.
  for (mu0 in c(2.5, 0.4))
    for (k in c(NA, 0.7))
      for (dir in c("up", "down")) {
        iv <- if (dir == "up") c(1, 20) else c(0.3, 1)
        f <- function(rr) counts_power(mu0, rr, k, 100, 100) - 0.8
        rr <- uniroot(f, iv, tol = 1e-14)$root
        cat(sprintf("\t{%s, %s, 100, %s, 0.8, %s}, // uniroot(counts_power(mu0 = %s, rr, k = %s, 100, 100) - 0.8, c(%s, %s), tol = 1e-14)\n",
                    g(mu0), kgo(k), if (dir == "down") "true" else "false", g(rr), mu0, k, iv[1], iv[2]))
      }
}

# --- cluster (CRA2): rct/power/cluster_ref_test.go ---------------------------
# PowerUpR is not installable here. These are PowerUpR's mdes.cra2r2 and
# power.cra2r2 (R/cra2r2.R and R/utils.R of PowerUpR on CRAN: .mdes.fun and
# .power.fun) written out, with the contract's cv adjustment, which is the
# identity when cv = 0: rho2 * (1 - r22) becomes rho2 * (1 - r22) * (1 + cv^2).
cra2_sse <- function(rho2, n, J, p = 0.5, r21 = 0, r22 = 0, cv = 0)
  sqrt(rho2 * (1 - r22) * (1 + cv^2) / (p * (1 - p) * J) + (1 - rho2) * (1 - r21) / (p * (1 - p) * J * n))
mdes_cra2 <- function(power = 0.8, alpha = 0.05, two.tailed = TRUE, rho2, p = 0.5, g2 = 0, r21 = 0, r22 = 0, n, J, cv = 0) {
  df <- J - g2 - 2
  SSE <- cra2_sse(rho2, n, J, p, r21, r22, cv)
  T1 <- ifelse(two.tailed, abs(qt(alpha / 2, df)), abs(qt(alpha, df)))
  T2 <- abs(qt(power, df))
  M <- ifelse(power >= 0.5, T1 + T2, T1 - T2)
  M * SSE
}
power_cra2 <- function(es = 0.25, alpha = 0.05, two.tailed = TRUE, rho2, g2 = 0, p = 0.5, r21 = 0, r22 = 0, n, J, cv = 0) {
  df <- J - g2 - 2
  SSE <- cra2_sse(rho2, n, J, p, r21, r22, cv)
  lamda <- es / SSE
  ifelse(two.tailed == FALSE,
         1 - pt(qt(alpha, df, lower.tail = FALSE), df, lamda),
         1 - pt(qt(alpha / 2, df, lower.tail = FALSE), df, lamda) + pt(-qt(alpha / 2, df, lower.tail = FALSE), df, lamda))
}
if (section %in% c("cluster", "all")) {
  # Rows: {two_tailed, alpha, rho2, n, J, p, r21, r22, g2, cv, es, power, mdes at power 0.8}.
  cases <- list(
    list(rho2 = 0.2, n = 4, J = 20, p = 0.5, r21 = 0, r22 = 0, g2 = 0, cv = 0),
    list(rho2 = 0.05, n = 25, J = 40, p = 0.5, r21 = 0.3, r22 = 0.5, g2 = 1, cv = 0),
    list(rho2 = 0.15, n = 60, J = 30, p = 1/3, r21 = 0.5, r22 = 0.4, g2 = 2, cv = 0.4),
    list(rho2 = 0, n = 10, J = 12, p = 0.5, r21 = 0, r22 = 0, g2 = 0, cv = 0.6),
    list(rho2 = 0.4, n = 200, J = 100, p = 0.4, r21 = 0.2, r22 = 0.7, g2 = 3, cv = 0.2))
  for (tt in c(TRUE, FALSE)) for (cs in cases) for (es in c(0.1, 0.25, 0.6)) {
    pw <- do.call(power_cra2, c(list(es = es, two.tailed = tt), cs))
    md <- do.call(mdes_cra2, c(list(power = 0.8, two.tailed = tt), cs))
    md3 <- do.call(mdes_cra2, c(list(power = 0.3, two.tailed = tt), cs))
    cat(sprintf("\t{%s, 0.05, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s}, // power_cra2(es = %s, two.tailed = %s, rho2 = %s, n = %s, J = %s, p = %s, r21 = %s, r22 = %s, g2 = %s, cv = %s); mdes_cra2(power = 0.8 and 0.3, ...)\n",
                tolower(tt), g(cs$rho2), g(cs$n), g(cs$J), g(cs$p), g(cs$r21), g(cs$r22), cs$g2, g(cs$cv), g(es), g(pw), g(md), g(md3),
                es, tt, cs$rho2, cs$n, cs$J, cs$p, cs$r21, cs$r22, cs$g2, cs$cv))
  }
}
if (section %in% c("clusterj", "all")) {
  # Rows: {rho2, n, p, r21, r22, g2, cv, es, power, J}: the smallest J with
  # J * p whole and mdes_cra2(J) <= es, found by counting J upwards.
  cases <- list(
    list(rho2 = 0.2, n = 4, p = 0.5, r21 = 0, r22 = 0, g2 = 0, cv = 0, es = 0.5),
    list(rho2 = 0.05, n = 25, p = 0.5, r21 = 0.3, r22 = 0.5, g2 = 1, cv = 0, es = 0.2),
    list(rho2 = 0.15, n = 60, p = 1/3, r21 = 0.5, r22 = 0.4, g2 = 2, cv = 0.4, es = 0.25),
    list(rho2 = 0.1, n = 20, p = 0.4, r21 = 0, r22 = 0, g2 = 0, cv = 0.5, es = 0.3),
    list(rho2 = 0.02, n = 8, p = 0.5, r21 = 0, r22 = 0, g2 = 0, cv = 0, es = 3))
  for (cs0 in cases) for (pw in c(0.8, 0.9)) {
    cs <- cs0; es <- cs$es; cs$es <- NULL
    step <- which(abs((1:1000) * cs$p - round((1:1000) * cs$p)) < 1e-9)[1]
    J <- step * ceiling((cs$g2 + 3) / step)
    while (do.call(mdes_cra2, c(list(power = pw, J = J), cs)) > es) J <- J + step
    cat(sprintf("\t{%s, %s, %s, %s, %s, %s, %s, %s, %s, %s}, // smallest J = k * %s with mdes_cra2(power = %s, rho2 = %s, n = %s, J, p = %s, r21 = %s, r22 = %s, g2 = %s, cv = %s) <= %s\n",
                g(cs$rho2), g(cs$n), g(cs$p), g(cs$r21), g(cs$r22), cs$g2, g(cs$cv), g(es), g(pw), J,
                step, pw, cs$rho2, cs$n, cs$p, cs$r21, cs$r22, cs$g2, cs$cv, es))
  }
}
