#!/usr/bin/env bash
# Load on #2685's calendar feed over loopback: builds the web application in Release, starts it in
# Development (demo contract and users) on a throwaway SQLite file and a free 127.0.0.1 port, signs in
# as the demo Purchasing user, makes a whole-contract feed through the API, then runs wrk against
# GET /feeds/{token}.ics twice: plain requests (200, the whole calendar) and requests that carry the
# feed's ETag in If-None-Match (304, no body). Prints requests per second for each and stops the
# application whatever happens.
#
# Usage: benchmarks/load/feed.sh [duration, default 10s]
# Needs: the .NET 10 SDK, curl, python3, wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-10s}
threads=2
connections=16

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }

work=$(mktemp -d /tmp/fieldcontracts-load.XXXXXX)
app_pid=""
cleanup() {
  status=$?
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT INT TERM

echo "==> building (Release)"
dotnet build src/FieldContracts.Web -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
bin=src/FieldContracts.Web/bin/Release/net10.0

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
echo "==> starting the application on $base"
(
  cd "$bin"
  ASPNETCORE_ENVIRONMENT=Development \
  ASPNETCORE_URLS="$base" \
  ConnectionStrings__Postgres="" \
  Storage__DataDirectory="$work/data" \
  Demo__Enabled=true \
  Clock__Today=2003-07-10 \
  Logging__LogLevel__Default=Warning \
  exec dotnet FieldContracts.Web.dll >"$work/app.log" 2>&1
) &
app_pid=$!

for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$base/healthz" || { echo "the application did not answer /healthz" >&2; cat "$work/app.log" >&2; exit 1; }

echo "==> signing in as purchasing@hartford.example and making a feed of #2685"
jar="$work/cookies"
form=$(curl -fsS -c "$jar" -b "$jar" "$base/account/sign-in")
antiforgery=$(printf '%s' "$form" | python3 -c 'import re,sys,html; print(html.unescape(re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", sys.stdin.read()).group(1)))')
curl -fsS -o /dev/null -c "$jar" -b "$jar" \
  --data-urlencode "Input.Email=purchasing@hartford.example" \
  --data-urlencode "Input.Password=FieldContracts-2685" \
  --data-urlencode "__RequestVerificationToken=$antiforgery" \
  "$base/account/sign-in"
created=$(curl -fsS -b "$jar" -H 'Content-Type: application/json' \
  -d '{"scope":"WholeContract","contract":"2685"}' "$base/api/feeds")
feed=$(printf '%s' "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["links"]["https"])')

headers=$(curl -fsS -D - -o "$work/feed.ics" "$feed")
etag=$(printf '%s' "$headers" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
events=$(grep -c '^BEGIN:VEVENT' "$work/feed.ics")
bytes=$(wc -c <"$work/feed.ics")
not_modified=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$feed")
[ "$not_modified" = "304" ] || { echo "If-None-Match answered $not_modified, not 304" >&2; exit 1; }
echo "    feed: $events events, $bytes bytes, ETag $etag"

rps() { awk '/^Requests\/sec:/ {print $2}'; }
echo "==> wrk -t$threads -c$connections -d$duration: 200 (whole calendar)"
full=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$feed")
printf '%s\n' "$full" | sed 's/^/    /'
echo "==> wrk -t$threads -c$connections -d$duration: 304 (If-None-Match)"
cond=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "If-None-Match: $etag" "$feed")
printf '%s\n' "$cond" | sed 's/^/    /'

echo
echo "requests/s, 200 (full feed, $bytes bytes): $(printf '%s\n' "$full" | rps)"
echo "requests/s, 304 (If-None-Match):           $(printf '%s\n' "$cond" | rps)"
