#!/usr/bin/env bash
# ctest bench_smoke: every benchmark xuncha_bench lists runs on a small population, none fails,
# and the summary of targets is printed. Speed is not checked here.
#
#   bash bench/smoke.sh path/to/xuncha_bench
set -euo pipefail

bench=${1:?usage: smoke.sh path/to/xuncha_bench}
export XR_BENCH_ROWS=${XR_BENCH_ROWS:-2000}

fail() {
  echo "bench_smoke: $*" >&2
  exit 1
}

listed=$("$bench" --benchmark_list_tests)
[[ -n "$listed" ]] || fail "xuncha_bench lists no benchmarks"

status=0
output=$("$bench" --benchmark_min_time=0.01) || status=$?
echo "$output"
((status == 0)) || fail "xuncha_bench exited with status $status"

while IFS= read -r name; do
  grep -q -F -- "$name " <<<"$output" || fail "benchmark $name did not report a measurement"
done <<<"$listed"
if grep -q "ERROR OCCURRED" <<<"$output"; then
  fail "a benchmark reported an error"
fi
for line in "interpreter, evaluation alone:" "CSV load, read + parse:" "memory floor:"; do
  grep -q -F -- "$line" <<<"$output" || fail "the summary lacks '$line'"
done
echo "bench_smoke: $(wc -l <<<"$listed") benchmarks ran on $XR_BENCH_ROWS records"
