#!/usr/bin/env bash
# Installs what Xuncha needs on Debian 12 and builds it into build/ (Ninja, RelWithDebInfo,
# ccache). Safe to run again: it installs only what is missing, and says nothing when
# everything is there; the build only redoes what changed.
#
#   bash scripts/setup.sh              install and build
#   bash scripts/setup.sh --no-build   install only
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$root/build"
do_build=1

for arg in "$@"; do
  case "$arg" in
    --no-build) do_build=0 ;;
    -h | --help)
      sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "setup.sh: unknown option '$arg' (the only option is --no-build)" >&2
      exit 2
      ;;
  esac
done

# pybind11-dev, python3-dev and python3-numpy build the Python module (bindings/python);
# python3-pandas, python3-dask and python3-distributed are what it returns and scales out on.
# neovim is the real editor the language server's end-to-end test drives (tests/lsp).
# make and pkg-config build examples/embed-c against the installed C library (tests/embed).
# clang-19 and libclang-rt-19-dev: clang++-19 -fsanitize=fuzzer for the fuzz target
# (scripts/fuzz.sh; the libFuzzer runtime is in libclang-rt-19-dev, only recommended by
# clang-19, and clang 14 rejects a header of the ANTLR 4.9 runtime). g++ builds the rest.
packages=(
  g++ cmake ninja-build ccache
  default-jre-headless antlr4 libantlr4-runtime-dev uuid-dev
  llvm-19-dev libfmt-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-19 libclang-rt-19-dev
  pybind11-dev python3-dev python3-numpy python3-pandas python3-dask python3-distributed
  neovim
  make pkg-config
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || {
      echo "setup.sh: run as root to install: ${missing[*]}" >&2
      exit 1
    }
    sudo=(sudo)
  fi
  echo "setup.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ((do_build == 0)); then
  exit 0
fi

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
    >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)"
