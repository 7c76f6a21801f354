#!/usr/bin/env bash
# Runs the plan-save benchmarks against a throwaway PostgreSQL 15 on 127.0.0.1 (and an SQLite file),
# stopping and deleting the server on success and failure alike. Arguments replace the default
# BenchmarkDotNet arguments, e.g. ./benchmarks/run-plan-save.sh --filter '*SavePlannedRows*' --job short
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*"; }

source scripts/throwaway-postgres.sh
# Durable commits, as in production: no fsync=off or synchronous_commit=off here, unlike the test server.
start_throwaway_postgres
export FIELDCONTRACTS_BENCH_POSTGRES="$PG_SERVER"

args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--filter '*PlanSave*' --job short)
log "running benchmarks: ${args[*]}"
dotnet run -c Release --project benchmarks/FieldContracts.Benchmarks -- "${args[@]}"
