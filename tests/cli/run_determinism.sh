#!/usr/bin/env bash
# `xuncha run` end to end: results, errors and report files are byte-identical for any
# --threads and --batch-bytes (CSV and JSON Lines results), every input row lands in exactly
# one output row, and reading standard input / writing standard output gives the same bytes.
# Two populations: the national rule set's, made by `xuncha gen`, and the example rule set's,
# made here with missing values, record errors (a zero cost divides by zero) and ties; both
# with rows that cannot be read.
#   run_determinism.sh XUNCHA SOURCE_DIR WORK_DIR
set -euo pipefail
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

# check RULESET POPULATION ROWS UNREADABLE: runs the population with several thread counts and
# batch sizes, into <name>-out-*/, and compares everything.
check() {
  local ruleset=$1 population=$2 rows=$3 rejected=$4
  local name
  name=$(basename "$population" .csv)

  run() {
    local label=$1 ext=$2
    shift 2
    local out=$name-out-$label code=0
    mkdir -p "$out"
    "$xuncha" run "$ruleset" --data "$population" --out "$out/results.$ext" \
      --errors "$out/errors.csv" --report "$out/report.json" --quiet "$@" || code=$?
    echo "$code" >"$out/exit"
  }
  run t1 csv --threads 1
  run t4 csv --threads 4
  run t3-tiny-batches csv --threads 3 --batch-bytes 100
  run t1-jsonl jsonl --threads 1
  run t4-jsonl jsonl --threads 4 --batch-bytes 4096

  local base=$name-out-t1
  [[ $(cat "$base/exit") == 1 ]] ||
    fail "$name: expected exit code 1 (rows could not be read), got $(cat "$base/exit")"
  for label in t4 t3-tiny-batches; do
    for file in results.csv errors.csv report.json exit; do
      cmp "$base/$file" "$name-out-$label/$file" ||
        fail "$name: $file of --threads 1 and of $label differ"
    done
  done
  for file in results.jsonl errors.csv report.json exit; do
    cmp "$name-out-t1-jsonl/$file" "$name-out-t4-jsonl/$file" ||
      fail "$name: $file of the JSON Lines runs differ"
  done
  cmp "$base/report.json" "$name-out-t1-jsonl/report.json" ||
    fail "$name: the report depends on the results format"

  # Rows in = result rows + error rows (the provenance and header lines aside; no key or
  # text of these populations holds a line break).
  local results errors jsonl
  results=$(($(wc -l <"$base/results.csv") - 2))
  errors=$(($(wc -l <"$base/errors.csv") - 2))
  jsonl=$(($(wc -l <"$name-out-t1-jsonl/results.jsonl") - 1))
  ((errors == rejected)) || fail "$name: expected $rejected error rows, found $errors"
  ((results + errors == rows)) || fail "$name: $results result rows + $errors error rows != $rows"
  ((jsonl == results)) || fail "$name: $jsonl JSON Lines result rows, $results CSV rows"

  # Standard input and standard output: the same results and report; the errors name the
  # input '-' instead of the file.
  local code=0
  "$xuncha" run "$ruleset" --data - --input-format csv --out - --errors "$name-stdin-errors.csv" \
    --report "$name-stdin-report.json" --quiet <"$population" >"$name-stdout.csv" || code=$?
  [[ $code == 1 ]] || fail "$name: stdin run: expected exit code 1, got $code"
  cmp "$base/results.csv" "$name-stdout.csv" || fail "$name: results written to stdout differ"
  cmp "$base/report.json" "$name-stdin-report.json" || fail "$name: report of the stdin run differs"
  diff <(cut -d, -f2- "$base/errors.csv") <(cut -d, -f2- "$name-stdin-errors.csv") >/dev/null ||
    fail "$name: errors of the stdin run differ (beyond the file column)"
  [[ $(awk -F, 'NR > 2 { print $1 }' "$name-stdin-errors.csv" | sort -u) == "-" ]] ||
    fail "$name: errors of the stdin run should name the input '-'"
  # Without --quiet, the summary and the report table go to stderr, never into the results.
  "$xuncha" run "$ruleset" --data "$population" --out - --format jsonl --errors /dev/null \
    --color=never >"$name-stdout.jsonl" 2>"$name-stderr.txt" || true
  cmp "$name-out-t1-jsonl/results.jsonl" "$name-stdout.jsonl" ||
    fail "$name: JSON Lines results on stdout differ"
  grep -q "records read from" "$name-stderr.txt" || fail "$name: no summary on stderr"

  local record_errors
  record_errors=$(grep -c '^[^,]*,error,' "$base/results.csv" || true)
  echo "ok: $name: $rows rows ($rejected unreadable, $record_errors record errors): outputs" \
    "identical for threads 1/3/4, batch bytes 100/4096/default, files and stdin/stdout"
}

# The national rule set's population; every 501st data row gets a date that does not exist,
# every 777th loses its last cell.
national=$source_dir/rulesets/national/2023.xr
"$xuncha" gen --rows 20000 --seed 7 --ruleset "$national" --out generated.csv --quiet
awk -F, -v OFS=, '
  NR == 1 { print; for (i = 1; i <= NF; i++) if ($i == "licence_expiry") date = i; next }
  (NR - 1) % 501 == 0 { $date = "2023-02-30" }
  (NR - 1) % 777 == 0 { NF = NF - 1 }
  { print }' generated.csv >national.csv
bad=$(awk 'NR > 1 && ((NR - 1) % 501 == 0 || (NR - 1) % 777 == 0)' national.csv | wc -l)
check "$national" national.csv 20000 "$bad"

# The example rule set's population: optional values missing, zero costs (record errors),
# scores that tie, and a bad int every 613th row.
awk 'BEGIN {
  srand(11)
  print "id,region,size,credit,license_expiry,special_equipment_checked,drills_per_year," \
        "certified_staff_ratio,so2,so2_limit,electricity_kwh,reported_output,revenue,cost," \
        "data_encrypted,incidents_3y,overdue_rectifications"
  split("杭州 宁波 温州 嘉兴 湖州", regions, " ")
  for (i = 1; i <= 30000; i++) {
    drills = (i % 613 == 0) ? "two" : int(rand() * 6)
    cost = (rand() < 0.02) ? 0 : int(rand() * 1000) + 1
    revenue = (rand() < 0.1) ? "" : int(rand() * 3000)
    kwh = (rand() < 0.2) ? "" : int(rand() * 2000000)
    printf "E%06d,%s,%s,%s,2024-%02d-%02d,%s,%s,%.2f,%d,35,%s,%d,%s,%d,%s,%d,%d\n", i,
      regions[int(rand() * 5) + 1], (rand() < 0.2) ? "规模以上" : "sme",
      substr("ABC", int(rand() * 3) + 1, 1), int(rand() * 12) + 1, int(rand() * 28) + 1,
      (rand() < 0.9) ? "true" : "false", drills, rand(), int(rand() * 50), kwh,
      int(rand() * 1500) + 1, revenue, cost, (rand() < 0.5) ? "是" : "否",
      (rand() < 0.05) ? 1 : 0, int(rand() * 3)
  }
}' >sketch.csv
check "$source_dir/rulesets/examples/sketch.xr" sketch.csv 30000 $((30000 / 613))
