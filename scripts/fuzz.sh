#!/usr/bin/env bash
# Fuzzes the front end (parse, check, lower) with libFuzzer for a bounded time.
#
# Builds tests/fuzz as its own project in build-fuzz/ with clang (coverage + ASan + UBSan),
# builds the seeds and the dictionary, then fuzzes. Exits 0 when nothing was found; on a
# crash, leak, per-input timeout or memory blow-up it exits 1, and each input found is kept
# under tests/fuzz/crashes/ beside a .repro file with the command that replays it.
#
# Settings (environment):
#   XR_FUZZ_SECONDS   total fuzzing time; 0 builds only       (default 60)
#   XR_FUZZ_TIMEOUT   seconds one input may take (hang)       (default 2)
#   XR_FUZZ_RSS_MB    memory limit, also per single malloc    (default 2048)
#   XR_FUZZ_MAX_LEN   largest input generated, in bytes       (default 4096)
#   XR_FUZZ_JOBS      parallel fuzzing processes (-fork)      (default 1)
#   XR_FUZZ_CXX       the clang++ to build with               (default clang++-19)
#   XR_FUZZ_BUILD     build directory                         (default build-fuzz)
#   XR_FUZZ_ARGS      extra libFuzzer flags, appended
# New interesting inputs accumulate in $XR_FUZZ_BUILD/corpus across runs.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${XR_FUZZ_SECONDS:-60}
timeout=${XR_FUZZ_TIMEOUT:-2}
rss_mb=${XR_FUZZ_RSS_MB:-2048}
max_len=${XR_FUZZ_MAX_LEN:-4096}
jobs=${XR_FUZZ_JOBS:-1}
cxx=${XR_FUZZ_CXX:-clang++-19}
build=${XR_FUZZ_BUILD:-$repo/build-fuzz}
crashes=$repo/tests/fuzz/crashes

if ! command -v "$cxx" >/dev/null; then
  echo "fuzz.sh: $cxx not found (apt-get install clang-19 libclang-rt-19-dev)" >&2
  exit 2
fi
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

start=$SECONDS
mkdir -p "$build"
cmake -S "$repo/tests/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" "${launcher[@]}" \
  >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 2; }
cmake --build "$build" -j"${XR_FUZZ_BUILD_JOBS:-2}" --target compile_fuzzer
echo "fuzz.sh: built in $((SECONDS - start)) s"
if ((seconds == 0)); then
  exit 0 # build only (libFuzzer would read -max_total_time=0 as "forever")
fi

"$repo/tests/fuzz/build_corpus.sh" "$build/work"
mkdir -p "$build/corpus" "$crashes"

# The seeds are read, never written: new inputs go to $build/corpus only.
flags=(
  -max_total_time="$seconds"
  -timeout="$timeout"
  -rss_limit_mb="$rss_mb"
  -malloc_limit_mb="$rss_mb"
  -max_len="$max_len"
  -dict="$build/work/xr.dict"
  -artifact_prefix="$crashes/"
  -print_final_stats=1
)
if ((jobs > 1)); then
  flags+=(-fork="$jobs")
fi
# shellcheck disable=SC2206 # word splitting of extra flags is intended
flags+=(${XR_FUZZ_ARGS:-})

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

before=$(mktemp)
trap 'rm -f "$before"' EXIT
find "$crashes" -maxdepth 1 -type f ! -name '*.repro' | sort >"$before"

# libFuzzer stops itself after max_total_time; the outer limit only guards against a hang
# that its own watchdog misses.
status=0
timeout --signal=KILL $((seconds + 10 * timeout + 120)) \
  "$build/compile_fuzzer" "${flags[@]}" "$build/corpus" "$build/work/seeds" || status=$?

found=()
while IFS= read -r artifact; do
  found+=("$artifact")
done < <(find "$crashes" -maxdepth 1 -type f ! -name '*.repro' | sort | comm -13 "$before" -)

if ((status == 0 && ${#found[@]} == 0)); then
  echo "fuzz.sh: no crash, leak, hang or memory blow-up in ${seconds} s" \
       "($((SECONDS - start)) s including the build)"
  exit 0
fi

echo "fuzz.sh: FAILED (libFuzzer exit status $status)" >&2
for artifact in "${found[@]}"; do
  repro="$build/compile_fuzzer -timeout=$timeout -rss_limit_mb=$rss_mb $artifact"
  {
    echo "# Replays the input that failed (to build the fuzzer: XR_FUZZ_SECONDS=0 scripts/fuzz.sh)."
    echo "$repro"
    echo "# Shrink it:"
    echo "$build/compile_fuzzer -minimize_crash=1 -max_total_time=120 -timeout=$timeout $artifact"
  } >"$artifact.repro"
  echo "fuzz.sh: kept $artifact" >&2
  echo "fuzz.sh: replay with: $repro" >&2
done
exit 1
