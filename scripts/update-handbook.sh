#!/usr/bin/env bash
# Regenerates docs/handbook (the handbook of the shipped rule sets, `xuncha doc` output) from
# the current build; ctest's handbook_current fails until this is run after a change to the
# rule sets or to `xuncha doc`. BUILD_DIR chooses the build folder (default: build).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=$(cd "${BUILD_DIR:-$root/build}" && pwd)

cmake --build "$build_dir" --target xuncha >/dev/null
cmake -DXUNCHA="$build_dir/cli/xuncha" -DBASE="$root" \
      -DCASES="$root/docs/handbook/handbook.cmake" -DOUT="$build_dir/tests/golden/handbook" \
      -DUPDATE=1 -P "$root/tests/golden/tool_golden.cmake"
git -C "$root" status --short -- docs/handbook
