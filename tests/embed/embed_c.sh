#!/usr/bin/env bash
# The installed package end to end: `cmake --install` into a fresh prefix; the library exports
# the C API and nothing else; examples/embed-c builds against the installed package with CMake
# (find_package(Xuncha)) and with pkg-config (its Makefile); both builds evaluate the national
# rule set over the sample population and write the same results and report figures, byte for
# byte, as the installed `xuncha run`.
#
#   embed_c.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1
repo=$2
work=$3

rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" --strip >"$work/install.log"
lib=$(find "$prefix" -name 'libxuncha.so' | head -1)
[[ -n $lib ]] || { echo "FAIL: no libxuncha.so installed"; exit 1; }
for file in include/xuncha/xuncha.h bin/xuncha; do
  [[ -e $prefix/$file ]] || { echo "FAIL: $file is not installed"; exit 1; }
done

# Only the C API is exported.
others=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep -v '^xuncha_' || true)
if [[ -n $others ]]; then
  echo "FAIL: libxuncha.so exports more than the C API:"
  echo "$others" | head -20
  exit 1
fi
declared=$(grep -c '^XUNCHA_API' "$prefix/include/xuncha/xuncha.h")
exported=$(nm -D --defined-only "$lib" | grep -c ' xuncha_')
if [[ $declared != "$exported" ]]; then
  echo "FAIL: xuncha.h declares $declared calls, libxuncha.so exports $exported"
  exit 1
fi

# The example, built against the installed package both ways.
cmake -S "$repo/examples/embed-c" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" \
  >"$work/cmake-configure.log"
cmake --build "$work/cmake-build" >"$work/cmake-build.log"
mkdir -p "$work/pc-build"
pcdir=$(dirname "$(find "$prefix" -name xuncha.pc | head -1)")
PKG_CONFIG_PATH=$pcdir make -s -C "$repo/examples/embed-c" BUILD="$work/pc-build" \
  >"$work/pc-build.log"

# The package says the version of the command line it came with, and refuses a later one.
version=$("$prefix/bin/xuncha" --version | awk '{print $2}')
pcversion=$(PKG_CONFIG_PATH=$pcdir pkg-config --modversion xuncha)
[[ $pcversion == "$version" ]] || { echo "FAIL: xuncha.pc says $pcversion, xuncha $version"; exit 1; }
mkdir -p "$work/too-new"
printf 'cmake_minimum_required(VERSION 3.16)\nproject(p LANGUAGES C)\nfind_package(Xuncha 99 REQUIRED)\n' \
  >"$work/too-new/CMakeLists.txt"
if cmake -S "$work/too-new" -B "$work/too-new/build" -DCMAKE_PREFIX_PATH="$prefix" \
  >"$work/too-new/log" 2>&1; then
  echo "FAIL: find_package(Xuncha 99) accepted version $version"
  exit 1
fi

# The reference: the installed command line.
mkdir -p "$work/reference"
(cd "$repo" && "$prefix/bin/xuncha" run rulesets/national/2023.xr \
  --data examples/population.csv --out "$work/reference/results.csv" \
  --report "$work/reference/report.json" --engine interp >"$work/reference/run.log" 2>&1)

status=0
for variant in cmake-build pc-build; do
  out=$work/out-$variant
  mkdir -p "$out"
  (cd "$repo" && "$work/$variant/embed" rulesets/national/2023.xr examples/population.csv \
    "$out" >"$out/stdout.txt")
  for file in results.csv report.json; do
    if ! cmp -s "$work/reference/$file" "$out/$file"; then
      echo "FAIL: $variant: $file differs from xuncha run's"
      diff "$work/reference/$file" "$out/$file" | head -10
      status=1
    fi
  done
  grep -q "records: 10000 evaluated" "$out/stdout.txt" || {
    echo "FAIL: $variant printed:"; cat "$out/stdout.txt"; status=1; }
done
[[ $status == 0 ]] && echo "embed_c: installed package OK; both builds equal xuncha run"
cat "$work/out-cmake-build/stdout.txt"
exit $status
