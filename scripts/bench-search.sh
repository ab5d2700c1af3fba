#!/usr/bin/env bash
# The search benchmark of issue 3 in one run: PostgreSQL FTS baseline and hirekit (in process,
# over HTTP, and at concurrency 16) on the same corpus and queries, with the ratio table and
# judged relevance. Figures go to docs/BENCHMARKS.md.
#
#   scripts/bench-search.sh [POSTINGS] [--no-pg] [extra `hirekit bench search` flags…]
#
# POSTINGS (default 300000) selects /tmp/bench<N>.jsonl, built with ../shared/bench's generator
# when missing. PostgreSQL runs as a throwaway cluster with default settings (as in
# BENCHMARKS.md); it is installed with apt-get when missing. Needs the release binary:
# `cargo build --release -p hirekit`.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-300000}
shift || true
pg=1
extra=()
for a in "$@"; do
  if [ "$a" = "--no-pg" ]; then pg=0; else extra+=("$a"); fi
done

shared=${HIREKIT_SHARED:-../shared}
corpus=/tmp/bench${n}.jsonl
if [ ! -s "$corpus" ]; then
  [ -f "$shared/bench/make_jobposting_jsonl.py" ] || { echo "skip: $shared/bench is absent" >&2; exit 0; }
  echo "building $corpus …" >&2
  python3 "$shared/bench/make_jobposting_jsonl.py" "$n" "$corpus"
fi

bin=target/release/hirekit
[ -x "$bin" ] || { echo "build it first: cargo build --release -p hirekit" >&2; exit 1; }

args=(bench search --corpus "$corpus" --queries "$shared/bench/queries_1000.jsonl"
      --hirekit --hirekit-index "/tmp/hirekit-bench-index-$n" --concurrency 16 --duration-s 30
      --judged crates/searchbench/data/judged_queries.toml --salary-rule overlap)

if [ "$pg" = 1 ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  pgdata=$(mktemp -d /tmp/hirekit-bench-pg.XXXXXX)
  port=${PGPORT:-55499}
  chown postgres "$pgdata"
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -w -l "$pgdata/log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdata" start >/dev/null
  trap 'runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null; rm -rf "$pgdata"' EXIT
  runuser -u postgres -- "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE searchbench"
  args+=(--pg-url "postgres://postgres@127.0.0.1:$port/searchbench")
fi

echo "machine: $(nproc) vCPU, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)" >&2
"$bin" "${args[@]}" "${extra[@]}"
