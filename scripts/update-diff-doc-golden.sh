#!/usr/bin/env bash
# Rewrites the golden outputs of `xuncha diff` and `xuncha doc` (tests/golden/diff and
# tests/golden/doc) from what the current build prints, for review with
# `git diff tests/golden` before committing. BUILD_DIR chooses the build folder (default: build).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=$(cd "${BUILD_DIR:-$root/build}" && pwd)

cmake --build "$build_dir" --target xuncha >/dev/null
for area in diff doc; do
  cmake -DXUNCHA="$build_dir/cli/xuncha" -DBASE="$root/tests/golden/$area" \
        -DCASES="$root/tests/golden/$area/cases.cmake" -DOUT="$build_dir/tests/golden/$area" \
        -DUPDATE=1 -P "$root/tests/golden/tool_golden.cmake"
done
git -C "$root" status --short -- tests/golden/diff tests/golden/doc
