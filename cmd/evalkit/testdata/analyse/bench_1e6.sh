#!/usr/bin/env bash
# The speed check of evalkit analyse on a 10^6-row continuous trial against
# R 4.2.2 doing the same analysis (data.table::fread, t.test twice,
# wilcox.test, effectsize 0.8.3 cohens_d, hedges_g, glass_delta), both
# timed by /usr/bin/time in the same run. Run from the repository root:
#   bash cmd/evalkit/testdata/analyse/bench_1e6.sh [DIR]
set -euo pipefail
dir=${1:-$(mktemp -d)}
go build -o "$dir/evalkit" ./cmd/evalkit
Rscript -e 'set.seed(1); n <- 1e6
  d <- data.frame(id = sprintf("U%07d", 1:n), arm = sample(c("control", "treatment"), n, TRUE))
  d$score <- round(rnorm(n, 50 + 0.5 * (d$arm == "treatment"), 10), 3)
  data.table::fwrite(d, commandArgs(TRUE)[1])' "$dir/big.csv"
cat > "$dir/bench.R" <<'R'
suppressPackageStartupMessages({library(data.table); library(effectsize)})
d <- fread(commandArgs(TRUE)[1])
x <- d$score[d$arm == "treatment"]; y <- d$score[d$arm == "control"]
r <- list(t.test(x, y), t.test(x, y, var.equal = TRUE), wilcox.test(x, y),
  cohens_d(x, y), hedges_g(x, y), glass_delta(x, y))
R
for i in 1 2 3; do
  /usr/bin/time -f "evalkit %e s wall, %U s user, %S s sys, %M KB max RSS" \
    "$dir/evalkit" analyse --in "$dir/big.csv" --outcome score --json > "$dir/evalkit.json"
  /usr/bin/time -f "R       %e s wall, %U s user, %S s sys, %M KB max RSS" \
    Rscript "$dir/bench.R" "$dir/big.csv"
done
