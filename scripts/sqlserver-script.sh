#!/usr/bin/env bash
# Writes docs/sql/sqlserver-idempotent.sql: every SQL Server migration as one script that can be run against a database
# at any of them (dotnet ef migrations script --idempotent), for a DBA who applies migrations by hand. No SQL Server is
# needed. A test (SqlServerWithoutServerTests) fails when the checked-in script is not the one the migrations make.
#
#   scripts/sqlserver-script.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

project=src/FieldContracts.Data.Migrations.SqlServer
dotnet tool restore >/dev/null
if [ "${1:-}" != "--no-build" ]; then
  dotnet build "$project" -c Debug -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
fi
mkdir -p docs/sql
if ! out=$(dotnet ef migrations script --idempotent --no-build --project "$project" --startup-project "$project" \
  --context FieldContractsDbContext --output docs/sql/sqlserver-idempotent.sql 2>&1); then
  printf '%s\n' "$out" >&2
  exit 1
fi
echo "==> wrote docs/sql/sqlserver-idempotent.sql"
