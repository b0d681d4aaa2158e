#!/usr/bin/env bash
# Copies the extension into a build folder and installs its npm packages there from the
# committed package-lock.json (`npm ci`), so that tests never write into the source tree and
# several build folders do not share one node_modules. Skips `npm ci` when that lock file was
# installed already.
#
#   stage.sh SOURCE_DIR DEST_DIR
set -euo pipefail

src=$(cd "$1" && pwd)
mkdir -p "$2"
dest=$(cd "$2" && pwd)

for tool in node npm; do
  command -v "$tool" >/dev/null || {
    echo "stage.sh: '$tool' is not installed (scripts/setup.sh installs nodejs and npm)" >&2
    exit 1
  }
done

# Everything but installed packages and built packages; the copy is refreshed on every run.
(cd "$src" && find . -path ./node_modules -prune -o -name '*.vsix' -prune -o -type f -print0) |
  while IFS= read -r -d '' file; do
    mkdir -p "$dest/$(dirname "$file")"
    cp -p "$src/$file" "$dest/$file"
  done

stamp="$dest/node_modules/.xuncha-installed-lock.json"
if [[ -f "$stamp" ]] && cmp -s "$stamp" "$src/package-lock.json"; then
  exit 0
fi
cd "$dest"
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
cp "$src/package-lock.json" "$stamp"
