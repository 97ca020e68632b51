#!/usr/bin/env bash
# Checks that the head-of-research program, a module of its own that uses
# only rct/analysis and frame, prints byte for byte what evalkit analyse
# --json prints, reading each example trial from CSV and from a gota
# dataframe. Run from anywhere: bash examples/headofresearch/check.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/evalkit" ./cmd/evalkit)
(cd "$here" && go build -o "$tmp/headofresearch" .)
ex="$root/examples"
check() {
  local trial=$1 file=$2; shift 2
  "$tmp/evalkit" analyse --in "$ex/$file" --json "$@" >"$tmp/want.json"
  for source in csv gota; do
    "$tmp/headofresearch" -trial "$trial" -source "$source" "$ex/$file" >"$tmp/got.json"
    if ! cmp -s "$tmp/want.json" "$tmp/got.json"; then
      echo "headofresearch: $trial from $source differs from evalkit analyse --json $*"
      diff "$tmp/want.json" "$tmp/got.json" | head -20
      exit 1
    fi
  done
  echo "headofresearch: $trial: csv and gota agree with evalkit analyse --json"
}
check navigators school_navigators.csv --outcome attendance --covariates attendance_baseline \
  --block town --cluster school --permutations 2000 --seed 1
check deterrence focused_deterrence.csv --outcome reoffended
check hotspots hotspots.csv --outcome crimes_after --type count --exposure weeks \
  --covariates crimes_before --block area
check hotspots-exact hotspots.csv --outcome crimes_after --type count --exposure weeks \
  --model poisson --permutations 500 --seed 3
