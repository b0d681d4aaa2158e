#!/usr/bin/env bash
# Replays every saved differential case through the real command line: `xuncha run` with
# --engine interp and with --engine jit over the case's rules.xr and records.csv, and the two
# runs' results, errors, report and exit status compared with cmp.
#
#   replay_regressions.sh <xuncha> <regressions folder> <scratch folder>
#
# A case's optional `args` file holds the options of `xuncha run` it needs, one a line (blank
# lines and lines starting with # ignored); without it the case runs with --indicators.
set -u
# Absolute paths: each run starts in its case's folder.
xuncha=$(realpath "$1")
cases=$(realpath "$2")
scratch=$(realpath -m "$3")

failed=0
count=0
rm -rf "$scratch"
for dir in "$cases"/*/; do
  [ -f "$dir/rules.xr" ] || continue
  name=$(basename "$dir")
  count=$((count + 1))
  args=(--indicators)
  if [ -f "$dir/args" ]; then
    args=()
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in '' | '#'*) ;; *) args+=("$line") ;; esac
    done <"$dir/args"
  fi
  for engine in interp jit; do
    out="$scratch/$name/$engine"
    mkdir -p "$out"
    # Run inside the case folder with relative paths, so messages do not depend on where the
    # repository is.
    (cd "$dir" && "$xuncha" run rules.xr --data records.csv --out "$out/results.csv" \
       --errors "$out/errors.csv" --report "$out/report.json" "${args[@]}" --quiet \
       --color=never --engine "$engine" >"$out/stdout" 2>"$out/stderr")
    echo $? >"$out/exit"
  done
  for file in results.csv errors.csv report.json exit; do
    if ! cmp -s "$scratch/$name/interp/$file" "$scratch/$name/jit/$file"; then
      echo "differential case $name: $file differs between --engine interp and --engine jit"
      diff "$scratch/$name/interp/$file" "$scratch/$name/jit/$file" 2>&1 | head -20
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
