#!/usr/bin/env bash
# The project's one test command: installs what the tests need, starts a throwaway PostgreSQL on
# 127.0.0.1, runs every test project (each database test on SQLite and on PostgreSQL), and stops
# what it started, on success and on failure alike.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '==> %s\n' "$*"; }

# 1. System packages: Chromium for the browser tests; calendar parsers and an SMTP server for later suites.
apt_packages=(chromium fonts-dejavu-core python3-icalendar python3-vobject python3-aiosmtpd)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. npm packages used by tests (calendar parsers), when the repository has them.
for dir in tests/*/; do
  if [ -f "$dir/package.json" ] && [ -f "$dir/package-lock.json" ]; then
    log "npm ci in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
done

# 3. The local .NET tools (.config/dotnet-tools.json: dotnet-ef, for scripts/add-migration.sh).
log "restoring .NET tools"
dotnet tool restore >/dev/null

# 4. A throwaway PostgreSQL 15 on a free loopback port (fast and non-durable: it is thrown away).
source scripts/throwaway-postgres.sh
start_throwaway_postgres "-c fsync=off -c synchronous_commit=off -c max_connections=300"
export FIELDCONTRACTS_TEST_POSTGRES="$PG_SERVER;Include Error Detail=true"

# 5. Build once, then run every test project.
log "building"
dotnet build FieldContracts.sln -c Release -nologo -v quiet -clp:ErrorsOnly
log "testing"
results=$(mktemp)
set +e
dotnet test FieldContracts.sln -c Release --no-build -nologo -v quiet "$@" 2>&1 | tee "$results"
test_status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
rm -f "$results"
echo "tests: $passed passed, $failed failed"
exit "$test_status"
