#!/usr/bin/env bash
# Replays every saved differential case through the real command line: `xuncha run` with
# --engine interp and with --engine jit over the case's rules.xr and records.csv, and the two
# runs' results, errors, report and exit status compared with cmp.
#
#   replay_regressions.sh <xuncha> <regressions folder> <scratch folder>
set -u
xuncha=$1
cases=$2
scratch=$3

failed=0
count=0
rm -rf "$scratch"
for dir in "$cases"/*/; do
  [ -f "$dir/rules.xr" ] || continue
  name=$(basename "$dir")
  count=$((count + 1))
  for engine in interp jit; do
    out="$scratch/$name/$engine"
    mkdir -p "$out"
    # Run inside the case folder with relative paths, so messages do not depend on where the
    # repository is.
    (cd "$dir" && "$xuncha" run rules.xr --data records.csv --out "$out/results.csv" \
       --errors "$out/errors.csv" --report "$out/report.json" --indicators --quiet \
       --color=never --engine "$engine" >"$out/stdout" 2>"$out/stderr")
    echo $? >"$out/exit"
  done
  for file in results.csv errors.csv report.json exit; do
    if ! cmp -s "$scratch/$name/interp/$file" "$scratch/$name/jit/$file"; then
      echo "differential case $name: $file differs between --engine interp and --engine jit"
      diff "$scratch/$name/interp/$file" "$scratch/$name/jit/$file" | head -20
      failed=1
    fi
  done
  if [ ! -s "$scratch/$name/interp/results.csv" ]; then
    echo "differential case $name: no results were written; stderr:"
    cat "$scratch/$name/interp/stderr"
    failed=1
  fi
done
if [ "$count" -eq 0 ]; then
  echo "no cases under $cases"
  exit 1
fi
[ "$failed" -eq 0 ] && echo "differential regressions: $count case(s), both engines agree"
exit "$failed"
