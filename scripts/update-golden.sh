#!/usr/bin/env bash
# Rewrites tests/golden/**/*.expected from what the current `xuncha check` prints, for review
# with `git diff tests/golden` before committing. Arguments narrow the cases to those whose
# path contains one of them:  scripts/update-golden.sh syntax/ weights/xr0203
# BUILD_DIR chooses the build folder (default: build).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}

if ! log=$(cmake --build "$build_dir" --target xuncha xuncha_golden_runner 2>&1); then
  echo "$log" >&2
  exit 1
fi
"$build_dir/tests/golden/xuncha_golden_runner" --update "$build_dir/cli/xuncha" \
  "$root/tests/golden" "$@"
git -C "$root" status --short -- tests/golden
