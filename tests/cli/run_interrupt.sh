#!/usr/bin/env bash
# An interrupted `xuncha run` leaves no partial output: Ctrl-C (SIGINT) while it writes a
# large population ends it with exit code 130; the results, errors and report files are not
# created (an older results file of that name is left as it was) and no temporary file
# (.<name>.xuncha-*.tmp) remains.
#   run_interrupt.sh XUNCHA SOURCE_DIR WORK_DIR
set -euo pipefail
set -m # background jobs keep the default SIGINT disposition (not ignored as without job control)
xuncha=$1
source_dir=$2
work=$3

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

rm -rf "$work"
mkdir -p "$work"
cd "$work"

ruleset=$source_dir/rulesets/national/2023.xr
"$xuncha" gen --rows 300000 --seed 5 --ruleset "$ruleset" --out population.csv --quiet
mkdir out
printf 'older results\n' >out/results.csv

"$xuncha" run "$ruleset" --data population.csv --out out/results.csv --errors out/errors.csv \
  --report out/report.json --threads 2 --quiet &
pid=$!

# Wait until the results' temporary file has rows in it (the run is writing), then interrupt.
started=false
for _ in $(seq 1 2000); do
  if ! kill -0 "$pid" 2>/dev/null; then
    break
  fi
  for tmp in out/.results.csv.xuncha-*.tmp; do
    if [[ -s $tmp ]]; then
      started=true
    fi
  done
  if $started; then
    break
  fi
  sleep 0.01
done
if ! $started; then
  kill -KILL "$pid" 2>/dev/null || true
  fail "the run ended (or never wrote) before it could be interrupted"
fi
kill -INT "$pid"
code=0
wait "$pid" || code=$?

[[ $code == 130 ]] || fail "expected exit code 130 after SIGINT, got $code"
[[ $(cat out/results.csv) == "older results" ]] || fail "the older results file was changed"
[[ ! -e out/errors.csv ]] || fail "an errors file was written"
[[ ! -e out/report.json ]] || fail "a report file was written"
leftovers=$(find out -name '.*.xuncha-*.tmp')
[[ -z $leftovers ]] || fail "temporary files left behind: $leftovers"
[[ $(find out -type f | wc -l) == 1 ]] || fail "unexpected files: $(find out -type f)"

echo "ok: interrupted while writing: exit 130, older results untouched, nothing else written"
