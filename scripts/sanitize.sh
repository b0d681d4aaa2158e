#!/usr/bin/env bash
# Builds the project and its tests with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer (XUNCHA_SANITIZE=ON, g++) in build-asan/, then runs every test
# there. Any sanitizer report fails the test that triggered it, and so this script.
#
# Settings (environment):
#   XR_ASAN_BUILD  build directory                    (default build-asan)
#   XR_ASAN_JOBS   parallel compile and test jobs     (default: the number of cores)
#   any further arguments are passed to ctest (e.g. -R fuzz_corpus_replay)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${XR_ASAN_BUILD:-$repo/build-asan}
jobs=${XR_ASAN_JOBS:-$(nproc)}

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

start=$SECONDS
mkdir -p "$build"
# The benchmarks are left out: they measure speed, which an instrumented build cannot show,
# and the main build runs their smoke test.
# -O1 -g1 (line tables: enough for symbolised reports) builds much faster than the default
# -O2 -g and still runs the suite quickly under ASan.
# g++ 12 with -fsanitize=address reports false -Wmaybe-uninitialized inside libstdc++
# (std::function in <regex>) at -O1 and -O2; its manual warns that sanitizers cause these.
cmake -S "$repo" -B "$build" -G Ninja -DXUNCHA_SANITIZE=ON -DXUNCHA_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCMAKE_CXX_FLAGS="-Wno-maybe-uninitialized" \
  "${launcher[@]}" \
  >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 2; }
cmake --build "$build" -j"$jobs"
built=$SECONDS
echo "sanitize.sh: built in $((built - start)) s"

# Leaks are errors (LeakSanitizer is on by default with ASan on Linux; say so anyway), and
# so is any undefined behaviour (the build has -fno-sanitize-recover=undefined).
asan=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-$asan:strict_init_order=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

ctest --test-dir "$build" --output-on-failure -j"$jobs" "$@" </dev/null
echo "sanitize.sh: tests passed in $((SECONDS - built)) s ($((SECONDS - start)) s in all)"
