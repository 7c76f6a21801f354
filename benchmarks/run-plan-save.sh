#!/usr/bin/env bash
# Runs the plan-save benchmarks against a throwaway PostgreSQL 15 on 127.0.0.1 (and an SQLite file),
# stopping and deleting the server on success and failure alike. Arguments replace the default
# BenchmarkDotNet arguments, e.g. ./benchmarks/run-plan-save.sh --filter '*SavePlannedRows*' --job short
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*"; }

pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
pg_dir=$(mktemp -d /tmp/fieldcontracts-bench-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  status=$?
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  exit $status
}
trap cleanup EXIT INT TERM
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
log "starting PostgreSQL on 127.0.0.1:$pg_port"
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
# Durable commits, as in production: no fsync=off or synchronous_commit=off here, unlike the test server.
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir" \
  start >/dev/null
export FIELDCONTRACTS_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"

args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--filter '*PlanSave*' --job short)
log "running benchmarks: ${args[*]}"
dotnet run -c Release --project benchmarks/FieldContracts.Benchmarks -- "${args[@]}"
