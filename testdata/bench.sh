#!/usr/bin/env bash
# The speed checks of the issues, evalkit against R 4.2.2 on the same files in
# the same run (R with data.table, estimatr, effectsize and pwr installed).
# Run from anywhere on a quiet machine:  bash testdata/bench.sh [DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
B=${1:-$(mktemp -d)}
go build -o $B/evalkit ./cmd/evalkit
T() { /usr/bin/time -f "$1: %e s wall, %U s user, %S s sys, %M KB max RSS" "${@:2}"; }
echo "== randomise 1e6 rows, 1000 strata"
go run ./testdata/rct/bigcsv > $B/big_units.csv
for i in 1 2 3; do
  rm -f $B/alloc.csv*; T evalkit $B/evalkit randomise --in $B/big_units.csv --id unit_id --block area --arms control,treatment --seed 1 --out $B/alloc.csv > /dev/null
  T R Rscript testdata/r/rct_randomise_speed.R $B/big_units.csv $B/alloc_r.csv
done
echo "== analyse continuous 1e6"
bash cmd/evalkit/testdata/analyse/bench_1e6.sh $B 2>&1 | grep -E "evalkit|^R "
echo "== analyse HC2 / CR2 1e6"
Rscript testdata/r/analyse2_speed.R gen $B
for i in 1 2; do
  T evalkit-hc2 $B/evalkit analyse --in $B/blocks.csv --outcome y --covariates x --block block --json > /dev/null
  T R-hc2 Rscript testdata/r/analyse2_speed.R hc2 $B > /dev/null
done
T evalkit-cr2 $B/evalkit analyse --in $B/clusters.csv --outcome y --covariates x --block block --cluster cluster --json > /dev/null
T R-cr2 Rscript testdata/r/analyse2_speed.R cr2 $B > /dev/null
echo "== RI 10000 draws n=1000"
head -1 $B/ri1000.csv
for i in 1 2 3; do
  T evalkit-ri-cov $B/evalkit analyse --in $B/ri1000.csv --outcome y --covariates x --block block --permutations 10000 --seed 1 --json > /dev/null
  T evalkit-ri-plain $B/evalkit analyse --in $B/ri1000.csv --outcome y --permutations 10000 --seed 1 --json > /dev/null
done
echo "== negative binomial 1e6 rows, a covariate and 20 blocks"
Rscript -e 'set.seed(2); n <- 1e6; arm <- sample(c("control","treatment"), n, TRUE)
  b <- sample(sprintf("a%02d", 1:20), n, TRUE); x <- rpois(n, 5)
  mu <- exp(0.5 + 0.1*(arm == "treatment") + 0.05*x); y <- rnbinom(n, size = 2, mu = mu)
  data.table::fwrite(data.frame(arm, area = b, x, y, weeks = 26), commandArgs(TRUE)[1])' $B/counts.csv
T evalkit-negbin $B/evalkit analyse --in $B/counts.csv --outcome y --type count --exposure weeks --covariates x --block area --json > /dev/null
T R-negbin Rscript -e 'suppressMessages(library(MASS)); d <- data.table::fread(commandArgs(TRUE)[1])
  d$treat <- as.numeric(d$arm == "treatment")
  m <- glm.nb(y ~ treat + x + factor(area) + offset(log(weeks)), data = d)' $B/counts.csv
echo "== Go benchmarks"
go test ./rct -run XXX -bench 'Randomise' -benchtime 10x 2>&1 | grep -E "^Bench|ok"
go test ./rct/power -run XXX -bench 'Curve|Simulation' -benchtime 5x 2>&1 | grep -E "^Bench|ok"
go test ./internal/table -run XXX -bench . -benchtime 5x 2>&1 | grep -E "^Bench|ok"
go test ./stats -run XXX -bench 'MannWhitney|WelchT|OLSHC2Blocks|OLSCR2$' -benchtime 3x 2>&1 | grep -E "^Bench|ok"
echo "== R power curve, wilcox 1e6"
Rscript -e 'library(pwr); t0 <- Sys.time(); d <- seq(0.1, 1.5, length.out = 2000); n <- sapply(d, function(e) pwr.t.test(d = e, power = 0.8)$n); print(Sys.time() - t0)'
Rscript -e 'set.seed(1); x <- rnorm(5e5); y <- rnorm(5e5, 0.01); print(system.time(wilcox.test(x, y)))'
