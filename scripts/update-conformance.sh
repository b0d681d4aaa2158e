#!/usr/bin/env bash
# Rewrites tests/conformance/<case>/expected/ from what the current `xuncha run` produces, for
# review with `git diff tests/conformance` before committing: the expected files are the
# specification, so read every changed line. Arguments narrow the cases to those whose folder
# name contains one of them:  scripts/update-conformance.sh tables- missing-
# BUILD_DIR chooses the build folder (default: build); ENGINE the back end (default: interp).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
engine=${ENGINE:-interp}

if ! log=$(cmake --build "$build_dir" --target xuncha 2>&1); then
  echo "$log" >&2
  exit 1
fi
for case_dir in "$root"/tests/conformance/*/; do
  case_dir=${case_dir%/}
  name=$(basename "$case_dir")
  [[ -f $case_dir/rules.xr ]] || continue
  if (($# > 0)); then
    wanted=false
    for part in "$@"; do
      [[ $name == *"$part"* ]] && wanted=true
    done
    $wanted || continue
  fi
  cmake -DXUNCHA="$build_dir/cli/xuncha" -DCASE_DIR="$case_dir" \
    -DWORK_DIR="$build_dir/tests/conformance/update/$name" -DENGINE="$engine" -DUPDATE=ON \
    -P "$root/tests/conformance/run_case.cmake"
done
git -C "$root" status --short -- tests/conformance
