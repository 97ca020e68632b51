#!/usr/bin/env bash
# The speed checks of the issues: evalkit against its peer (R 4.2.2 with
# data.table, estimatr and MASS) and against the floor program
# (testdata/bench/floor: only the reading, hashing and writing randomise
# cannot avoid), whole-process, on the same files, in one run. Each job runs
# 3 times (R twice) and the fastest run counts; peak memory is the maximum
# resident set size of that run (/usr/bin/time). Run on a quiet machine:
#
#	bash testdata/bench.sh [DIR]       about 10 minutes on 2 cores
#	BENCH_1E7=1 bash testdata/bench.sh  adds memory at 10^7 rows against the file's size
#
# It prints each run, then the table of issue #20 (also written to DIR/bench.md).
set -uo pipefail
cd "$(dirname "$0")/.."
B=${1:-$(mktemp -d)}
mkdir -p "$B"
go build -o "$B/evalkit" ./cmd/evalkit
go build -o "$B/floor" ./testdata/bench/floor
declare -A WALL RSS

# run NAME TIMES CMD...: runs CMD TIMES times, keeping the fastest.
run() {
  local name=$1 times=$2 i w u s m
  shift 2
  for ((i = 1; i <= times; i++)); do
    rm -f "$B"/out.* "$B"/out.*.manifest.json
    if ! /usr/bin/time -f "%e %U %S %M" -o "$B/time" "$@" > "$B/stdout" 2> "$B/stderr"; then
      echo "$name: failed: $(tail -n 1 "$B/stderr")"
      return
    fi
    read -r w u s m < <(tail -n 1 "$B/time")
    echo "$name: $w s wall, $u s user, $s s sys, $((m / 1024)) MiB"
    if [[ -z ${WALL[$name]:-} ]] || awk "BEGIN{exit !($w < ${WALL[$name]})}"; then
      WALL[$name]=$w RSS[$name]=$((m / 1024))
    fi
  done
}

echo "== data"
go run ./testdata/rct/bigcsv > "$B/units.csv"
Rscript -e 'set.seed(1); n <- 1e6
  d <- data.frame(id = sprintf("U%07d", 1:n), arm = sample(c("control", "treatment"), n, TRUE))
  d$score <- round(rnorm(n, 50 + 0.5 * (d$arm == "treatment"), 10), 3)
  data.table::fwrite(d, commandArgs(TRUE)[1])' "$B/continuous.csv"
Rscript testdata/r/analyse2_speed.R gen "$B"
Rscript -e 'set.seed(2); n <- 1e6; arm <- sample(c("control","treatment"), n, TRUE)
  b <- sample(sprintf("a%02d", 1:20), n, TRUE); x <- rpois(n, 5)
  mu <- exp(0.5 + 0.1*(arm == "treatment") + 0.05*x); y <- rnbinom(n, size = 2, mu = mu)
  data.table::fwrite(data.frame(arm, area = b, x, y, weeks = 26), commandArgs(TRUE)[1])' "$B/counts.csv"
Rscript testdata/r/ri_loop.R gen "$B"
cat > "$B/continuous.R" <<'R'
suppressPackageStartupMessages({library(data.table); library(effectsize)})
d <- fread(commandArgs(TRUE)[1])
x <- d$score[d$arm == "treatment"]; y <- d$score[d$arm == "control"]
r <- list(t.test(x, y), t.test(x, y, var.equal = TRUE), wilcox.test(x, y),
  cohens_d(x, y), hedges_g(x, y), glass_delta(x, y))
R
cat > "$B/negbin.R" <<'R'
suppressMessages(library(MASS)); d <- data.table::fread(commandArgs(TRUE)[1])
d$treat <- as.numeric(d$arm == "treatment")
m <- glm.nb(y ~ treat + x + factor(area) + offset(log(weeks)), data = d)
R

echo "== randomise 10^6 units in 1,000 strata"
run randomise 3 "$B/evalkit" randomise --in "$B/units.csv" --id unit_id --block area \
  --arms control,treatment --seed 1 --out "$B/out.csv"
run randomise-floor 3 "$B/floor" "$B/units.csv" "$B/out.floor"
run randomise-R 2 Rscript testdata/r/rct_randomise_speed.R "$B/units.csv" "$B/out.R.csv"
echo "== analyse, continuous, 10^6 rows"
run analyse 3 "$B/evalkit" analyse --in "$B/continuous.csv" --outcome score --json
run analyse-R 2 Rscript "$B/continuous.R" "$B/continuous.csv"
echo "== HC2 with 50 block effects, 10^6 rows"
run hc2 3 "$B/evalkit" analyse --in "$B/blocks.csv" --outcome y --covariates x --block block --json
run hc2-R 2 Rscript testdata/r/analyse2_speed.R hc2 "$B"
echo "== negative binomial, 10^6 rows, a covariate and 20 blocks"
run negbin 3 "$B/evalkit" analyse --in "$B/counts.csv" --outcome y --type count --exposure weeks \
  --covariates x --block area --json
run negbin-R 2 Rscript "$B/negbin.R" "$B/counts.csv"
echo "== randomisation inference, 10^5 draws: 1,000 units; 200 clusters"
run ri-units 3 "$B/evalkit" analyse --in "$B/ri_units.csv" --outcome y --permutations 100000 --seed 1 --json
run ri-units-R 2 Rscript testdata/r/ri_loop.R "$B/ri_units.csv" 100000
run ri-clusters 3 "$B/evalkit" analyse --in "$B/ri_clusters.csv" --outcome y --cluster cluster \
  --permutations 100000 --seed 1 --json
run ri-clusters-R 2 Rscript testdata/r/ri_loop.R "$B/ri_clusters.csv" 100000 cluster

ratio() { awk "BEGIN{ if ($2 > 0) printf \"%.1f\", $1 / $2; else print \"-\" }"; }
row() { # job, evalkit run, peer run, floor run or "", target
  local peer=- floor=-
  [[ -n ${WALL[$3]:-} && -n ${WALL[$2]:-} ]] && peer="$(ratio "${WALL[$3]}" "${WALL[$2]}")× (${WALL[$3]} s)"
  [[ -n $4 && -n ${WALL[$4]:-} && -n ${WALL[$2]:-} ]] && floor="$(ratio "${WALL[$2]}" "${WALL[$4]}")× the floor (${WALL[$4]} s)"
  echo "| $1 | ${WALL[$2]:-failed} s | $peer | $floor | ${RSS[$2]:-?} MiB | $5 |"
}
{
  echo "| job | evalkit | the peer's time ÷ evalkit's | evalkit ÷ the floor | evalkit's memory | target |"
  echo "|---|---|---|---|---|---|"
  row "randomise, 10^6 in 1,000 strata" randomise randomise-R randomise-floor "≥ 5× R, ≤ 2× the floor, ≤ 100 MiB"
  row "analyse, 10^6 continuous" analyse analyse-R "" "≥ 15× R, ≤ 120 MiB"
  row "HC2 + 50 block effects" hc2 hc2-R "" "≥ 10× R, ≤ 150 MiB"
  row "negative binomial, 10^6 and 20 blocks" negbin negbin-R "" "≥ 9× glm.nb, ≤ 250 MiB"
  row "RI at unit level, n = 1000, 10^5 draws" ri-units ri-units-R "" "≥ 10× the R loop"
  row "RI, 200 clusters, 10^5 draws" ri-clusters ri-clusters-R "" "≥ 4× the R loop"
} | tee "$B/bench.md"

if [[ -n ${BENCH_1E7:-} ]]; then
  echo "== memory at 10^7 rows against the file's size"
  go run ./testdata/rct/bigcsv 1e7 > "$B/units7.csv"
  Rscript -e 'set.seed(1); n <- 1e7
    d <- data.frame(id = sprintf("U%08d", 1:n), arm = sample(c("control", "treatment"), n, TRUE))
    d$score <- round(rnorm(n, 50, 10), 3); data.table::fwrite(d, commandArgs(TRUE)[1])' "$B/continuous7.csv"
  run randomise-1e7 1 "$B/evalkit" randomise --in "$B/units7.csv" --id unit_id --block area \
    --arms control,treatment --seed 1 --out "$B/out.csv"
  run analyse-1e7 1 "$B/evalkit" analyse --in "$B/continuous7.csv" --outcome score --json
  for j in randomise-1e7:units7.csv analyse-1e7:continuous7.csv; do
    size=$(($(stat -c %s "$B/${j#*:}") / 1048576))
    echo "| ${j%%:*} | ${RSS[${j%%:*}]:-?} MiB | file $size MiB | $(ratio "${RSS[${j%%:*}]:-0}" "$size")× the file (target ≤ 2×) |" | tee -a "$B/bench.md"
  done
fi
