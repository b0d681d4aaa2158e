#!/usr/bin/env bash
# Peak memory and phase throughput of a whole `xuncha run` (issue 3): generates a population
# with `xuncha gen` into a temporary folder (1,000,000 records by default), runs the national
# rule set over it with --stats on 1 and on 2 threads, and prints the peak memory and the
# phases against the targets. Exits 1 when the memory target (under 1 GB) is missed or a
# command fails; speed is reported, not enforced (the machines are shared and noisy; the
# phase figures are per CPU second, so a loaded machine does not lower them much).
#
#   bench/run-population.sh [--xuncha PATH] [--rows N] [--ruleset FILE] [--memory-limit BYTES]
#
# --xuncha defaults to build/cli/xuncha (scripts/setup.sh's build); --ruleset to
# rulesets/national/2023.xr (relative to the repository root, where the script runs);
# --memory-limit to the target, 1000000000 bytes.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
xuncha="$root/build/cli/xuncha"
rows=1000000
ruleset=rulesets/national/2023.xr
seed=2024
memory_target=1000000000 # bytes: "under 1 GB"

usage() {
  sed -n '9,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "$1"
}
while (($# > 0)); do
  case "$1" in
    --xuncha) xuncha=${2:?--xuncha needs a path}; shift 2 ;;
    --rows) rows=${2:?--rows needs a number}; shift 2 ;;
    --ruleset) ruleset=${2:?--ruleset needs a file}; shift 2 ;;
    --memory-limit) memory_target=${2:?--memory-limit needs a number of bytes}; shift 2 ;;
    -h | --help) usage 0 ;;
    *) echo "run-population.sh: unknown option '$1'" >&2; usage 2 ;;
  esac
done
[[ "$rows" =~ ^[0-9]+$ ]] || { echo "run-population.sh: --rows takes a number" >&2; exit 2; }
[[ "$memory_target" =~ ^[0-9]+$ ]] || {
  echo "run-population.sh: --memory-limit takes a number of bytes" >&2
  exit 2
}
[[ -x "$xuncha" ]] || {
  echo "run-population.sh: no xuncha at $xuncha (build it, or give --xuncha PATH)" >&2
  exit 1
}
xuncha=$(cd "$(dirname "$xuncha")" && pwd)/$(basename "$xuncha")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xuncha-population.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$root"

# The number after `"KEY": ` in a --stats file (keys are unique there); 0 when it is null.
stat_of() {
  local value
  value=$(sed -n "s/^ *\"$2\": \([-0-9.eE+]*\),\{0,1\}\$/\1/p" "$1" | head -n 1)
  echo "${value:-0}"
}
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
grouped() { # 1234567.8 -> 1,234,568
  awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); out = ""
    while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
    print s out }'
}

start=$(date +%s.%N)
"$xuncha" gen --rows "$rows" --seed "$seed" --ruleset "$ruleset" --out "$tmp/population.csv" \
  --quiet
generated=$(calc "%.1f" "$(date +%s.%N) - $start")
bytes=$(stat -c %s "$tmp/population.csv")
echo "population: $(grouped "$rows") records of $ruleset, $(calc "%.1f" "$bytes / 1e6") MB of CSV" \
  "(xuncha gen --rows $rows --seed $seed, ${generated} s)"

for threads in 1 2; do
  if ! "$xuncha" run "$ruleset" --data "$tmp/population.csv" --out "$tmp/results-$threads.csv" \
    --threads "$threads" --stats --quiet 2>"$tmp/stats-$threads.json"; then
    cat "$tmp/stats-$threads.json" >&2
    echo "run-population.sh: xuncha run --threads $threads failed" >&2
    exit 1
  fi
done

memory_met=1
row() { printf "  %-26s %-20s %-20s %s\n" "$@"; }
row "" "threads 1" "threads 2" "target"
declare -A peak wall load evaluate write
for threads in 1 2; do
  stats="$tmp/stats-$threads.json"
  peak[$threads]=$(stat_of "$stats" peak_memory_bytes)
  wall[$threads]=$(stat_of "$stats" wall)
  load[$threads]=$(stat_of "$stats" load_megabytes_per_cpu_second)
  evaluate[$threads]=$(stat_of "$stats" evaluate_records_per_cpu_second)
  write[$threads]=$(calc "%.1f" "$(stat_of "$stats" records) / ($(stat_of "$stats" write) + 1e-9)")
  if awk "BEGIN { exit !(${peak[$threads]} >= $memory_target) }"; then
    memory_met=0
  fi
done
verdict() { awk "BEGIN { exit !($1) }" && echo met || echo "missed$2"; }
row "peak memory" "$(calc "%.1f MB" "${peak[1]} / 1e6")" "$(calc "%.1f MB" "${peak[2]} / 1e6")" \
  "< $(calc "%g" "$memory_target / 1e6") MB: $(verdict "${peak[1]} < $memory_target && ${peak[2]} < $memory_target" "")"
row "load (read + parse)" "$(calc "%.1f MB/s" "${load[1]}")" "$(calc "%.1f MB/s" "${load[2]}")" \
  ">= 150 MB/s per core: $(verdict "${load[1]} >= 150" " (reported, not enforced)")"
row "evaluate" "$(grouped "${evaluate[1]}") rec/s" "$(grouped "${evaluate[2]}") rec/s" \
  ">= 2,000,000 records/s per core: $(verdict "${evaluate[1]} >= 2000000" \
    " (reported, not enforced)")"
row "write (format + write)" "$(grouped "${write[1]}") rec/s" "$(grouped "${write[2]}") rec/s" \
  "none (reported)"
row "wall" "$(calc "%.2f s" "${wall[1]}")" "$(calc "%.2f s" "${wall[2]}")" ""
echo "  (load, evaluate and write per CPU second, summed over the threads doing them: per core)"
echo "threads 1 vs 2: wall $(calc "%.2f" "${wall[1]}") s vs $(calc "%.2f" "${wall[2]}") s" \
  "($(calc "%.2f" "${wall[1]} / (${wall[2]} + 1e-9)")x); peak memory" \
  "$(calc "%.1f" "${peak[1]} / 1e6") MB vs $(calc "%.1f" "${peak[2]} / 1e6") MB"
echo "  (wall time depends on what else the machine runs: $(nproc) cores, load" \
  "$(cut -d ' ' -f 1 /proc/loadavg))"

if ((memory_met == 0)); then
  echo "run-population.sh: peak memory target missed (not under $(calc "%g" \
    "$memory_target / 1e6") MB)" >&2
  exit 1
fi
