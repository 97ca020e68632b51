# Randomisation inference as a power user writes it instead of ri2: a
# vectorised loop over matrices of 10,000 draws at a time, the treatment
# permuted with replicate/sample (whole clusters when a cluster column is
# named), the difference in means of every draw by crossprod, and
#   p = (1 + #{|T*| >= |T_obs|}) / (1 + B).
# R 4.2.2, base R only. The speed peer of evalkit analyse --permutations in
# testdata/bench.sh.
#   Rscript testdata/r/ri_loop.R FILE.csv DRAWS [CLUSTER]   prints T_obs and p
#   Rscript testdata/r/ri_loop.R gen DIR                    writes DIR/ri_units.csv
#       (1,000 units, half treated) and DIR/ri_clusters.csv (200 clusters of
#       25 units, 10 blocks, half the clusters treated), columns
#       id, block, cluster, arm, x, y
args <- commandArgs(trailingOnly = TRUE)
if (args[1] == "gen") {
  set.seed(20261201)
  n <- 1000
  arm <- sample(rep(c(0, 1), n / 2))
  x <- rnorm(n)
  write.csv(data.frame(id = sprintf("u%04d", 1:n), block = sprintf("b%d", sample(1:10, n, TRUE)),
                       cluster = sprintf("u%04d", 1:n), arm = ifelse(arm == 1, "treatment", "control"),
                       x = round(x, 6), y = round(0.1 * arm + 0.5 * x + rnorm(n), 6)),
            file.path(args[2], "ri_units.csv"), row.names = FALSE, quote = FALSE)
  J <- 200
  cl <- rep(1:J, each = 25)
  carm <- as.vector(sapply(1:10, function(b) sample(rep(c(0, 1), J / 20))))
  x <- rnorm(length(cl))
  y <- 0.1 * carm[cl] + 0.5 * x + rnorm(J, sd = 0.3)[cl] + rnorm(length(cl))
  write.csv(data.frame(id = sprintf("u%05d", seq_along(cl)), block = sprintf("b%d", (cl - 1) %/% 20 + 1),
                       cluster = sprintf("c%03d", cl), arm = ifelse(carm[cl] == 1, "treatment", "control"),
                       x = round(x, 6), y = round(y, 6)),
            file.path(args[2], "ri_clusters.csv"), row.names = FALSE, quote = FALSE)
  quit(save = "no")
}
d <- read.csv(args[1])
B <- as.integer(args[2])
z <- as.numeric(d$arm == "treatment")
if (length(args) >= 3) {
  g <- match(d[[args[3]]], unique(d[[args[3]]]))  # unit -> cluster
  zg <- tapply(z, g, max)                         # the clusters' arms
} else {
  g <- seq_along(z)
  zg <- z
}
diff <- function(Z) {  # one difference in means per column of a 0/1 matrix
  nt <- colSums(Z)
  st <- drop(crossprod(d$y, Z))
  st / nt - (sum(d$y) - st) / (length(d$y) - nt)
}
t_obs <- diff(matrix(z))
set.seed(1)
extreme <- 0
for (done in seq(0, B - 1, by = 10000)) {
  m <- min(10000, B - done)
  Z <- replicate(m, sample(zg))[g, , drop = FALSE]
  extreme <- extreme + sum(abs(diff(Z)) >= abs(t_obs) * (1 - 1e-9))
}
cat(sprintf("T_obs = %.6f, p = %.6f (%d draws)\n", t_obs, (1 + extreme) / (1 + B), B))
