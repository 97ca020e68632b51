# Reference values for evalkit's ICC interval and cluster ANOVA (stats/icc*.go), by hand
# from R's own lm, anova and qf. R 4.2.2.
# Run from the repository root:  Rscript testdata/r/lmm_icc.R
p17 <- function(x) paste(sprintf("%.17g", x), collapse = ", ")
searle <- function(F, df1, df2, n0, level = 0.95) {
  a <- 1 - level
  fu <- qf(1 - a / 2, df1, df2); fl <- qf(a / 2, df1, df2)
  c((F / fu - 1) / (F / fu + n0 - 1), (F / fl - 1) / (F / fl + n0 - 1))
}
donner_n0 <- function(cluster) {
  nj <- table(cluster); N <- sum(nj); (N - sum(nj^2) / N) / (length(nj) - 1)
}
anova_line <- function(fit) { a <- anova(fit); a["factor(cluster)", ] }
show <- function(what, a, n0, levels = c(0.95, 0.9)) {
  cat("#", what, "\n")
  cat("ms_between:", p17(a[["Mean Sq"]] * 0 + a[["Sum Sq"]] / a[["Df"]]), "ms_within:", p17(attr(a, "msw")),
      "\nF:", p17(a[["F value"]]), "df:", a[["Df"]], attr(a, "dfw"), "n0:", p17(n0), "\n")
  for (l in levels) cat("searle", l, ":", p17(searle(a[["F value"]], a[["Df"]], attr(a, "dfw"), n0, l)), "\n")
}
oneway <- function(d, form) {
  f <- lm(as.formula(form), data = d)
  a <- anova(f)
  line <- a["factor(cluster)", ]
  attr(line, "msw") <- a["Residuals", "Mean Sq"]; attr(line, "dfw") <- a["Residuals", "Df"]
  line
}
for (file in c("balanced.csv", "unequal.csv")) {
  d <- read.csv(file.path("testdata/lmm", file))
  show(sprintf("%s: anova(lm(y ~ factor(cluster)))", file), oneway(d, "y ~ factor(cluster)"), donner_n0(d$cluster))
}
d <- read.csv("testdata/lmm/blocks.csv")
# The clusters within their arm-by-block cells. Written as the contract writes it,
# y ~ factor(treat):factor(block) + factor(cluster), R puts the main effect factor(cluster)
# before the interaction in the sequential anova (terms are ordered by degree), and the
# factor(cluster) line is then the one-way ANOVA (df J - 1); a factor of the cells keeps the
# order, and gives df J - cells as the contract asks:
d$cell <- interaction(d$treat, d$block)
show("blocks.csv: anova(lm(y ~ factor(cell) + factor(cluster))), cell = interaction(treat, block)",
     oneway(d, "y ~ factor(cell) + factor(cluster)"), donner_n0(d$cluster))
a <- anova(lm(y ~ factor(treat):factor(block) + factor(cluster), data = d))
cat("# for the record, anova(lm(y ~ factor(treat):factor(block) + factor(cluster))) has rows",
    paste(rownames(a), collapse = ", "), "with df", a$Df, "\n")
d <- read.csv("testdata/lmm/arms.csv")
show("arms.csv: anova(lm(y ~ factor(arm) + factor(cluster)))", oneway(d, "y ~ factor(arm) + factor(cluster)"), donner_n0(d$cluster))
d <- read.csv("testdata/lmm/singular.csv")
show("singular.csv: anova(lm(y ~ factor(cluster)))", oneway(d, "y ~ factor(cluster)"), donner_n0(d$cluster))
cat("# searle(F, df1, df2, n0, level) by hand at chosen values\n")
for (a in list(c(2.5, 19, 180, 10, 0.95), c(0.4, 19, 180, 10, 0.95), c(30, 3, 8, 3.5, 0.99), c(1, 1, 1, 2, 0.5),
               c(5, 200, 1e5, 50, 0.95), c(0, 4, 20, 5, 0.95)))
  cat("searle(", paste(a, collapse = ", "), "):", p17(searle(a[1], a[2], a[3], a[4], a[5])), "\n")
cat("# qf\n")
for (a in list(c(0.025, 19, 180), c(0.975, 19, 180), c(1e-10, 2, 3), c(1 - 1e-10, 2, 3), c(0.5, 1e4, 1e4)))
  cat("qf(", paste(a, collapse = ", "), "):", p17(qf(a[1], a[2], a[3])), "\n")
cat("qf(1e-10, 2, 3, lower.tail = FALSE):", p17(qf(1e-10, 2, 3, lower.tail = FALSE)), "\n")
