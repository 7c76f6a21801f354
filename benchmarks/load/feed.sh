#!/usr/bin/env bash
# Load on #2685's calendar feed over loopback, side by side with a bare Kestrel endpoint in the same run.
# Builds the web application and benchmarks/FieldContracts.Benchmarks.BareKestrel in Release, starts the
# bare endpoint and the application (Development: demo contract and users, a throwaway SQLite file) on free
# 127.0.0.1 ports, signs in as the demo Purchasing user, makes a whole-contract feed through the API, then
# runs wrk (2 threads, 32 connections by default) against:
#   - the bare endpoint (a short constant);
#   - GET /feeds/{token}.ics with the feed's ETag in If-None-Match (304, no body);
#   - GET /feeds/{token}.ics with Accept-Encoding: gzip, br (200, the whole calendar, Brotli);
#   - GET /feeds/{token}.ics without Accept-Encoding (200, the whole calendar, uncompressed).
# Prints requests per second, p99 latency and the ratio to the bare endpoint for each, and stops both
# servers whatever happens. The machine's other work moves the absolute figures; the ratio is the measure.
#
# Usage: benchmarks/load/feed.sh [duration, default 10s] [connections, default 32]
# Needs: the .NET 10 SDK, curl, python3, wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-10s}
threads=2
connections=${2:-32}

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }

work=$(mktemp -d /tmp/fieldcontracts-load.XXXXXX)
app_pid=""
bare_pid=""
cleanup() {
  status=$?
  for pid in $app_pid $bare_pid; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT INT TERM

echo "==> building (Release)"
dotnet build src/FieldContracts.Web -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet build benchmarks/FieldContracts.Benchmarks.BareKestrel -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
bin=src/FieldContracts.Web/bin/Release/net10.0
bare_bin=benchmarks/FieldContracts.Benchmarks.BareKestrel/bin/Release/net10.0

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
bare="http://127.0.0.1:$(free_port)/"
echo "==> starting the bare Kestrel endpoint on $bare"
(
  cd "$bare_bin"
  ASPNETCORE_URLS="${bare%/}" exec dotnet FieldContracts.Benchmarks.BareKestrel.dll >"$work/bare.log" 2>&1
) &
bare_pid=$!

base="http://127.0.0.1:$(free_port)"
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

for _ in $(seq 1 1200); do
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

for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "$bare" 2>/dev/null && break
  sleep 0.5
done
curl -fsS -o /dev/null "$bare" || { echo "the bare endpoint did not answer" >&2; cat "$work/bare.log" >&2; exit 1; }
brotli_bytes=$(curl -fsS -H 'Accept-Encoding: gzip, br' "$feed" | wc -c)
echo "    compressed (br): $brotli_bytes bytes"

# wrk's Requests/sec and the 99th percentile of its latency distribution, in milliseconds.
rps() { awk '/^Requests\/sec:/ {print $2}'; }
p99() { awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f", v}'; }
run() { # name, then wrk arguments
  local name=$1; shift
  echo "==> wrk -t$threads -c$connections -d$duration: $name" >&2
  wrk -t"$threads" -c"$connections" -d2s "$@" >/dev/null 2>&1 || true   # warm-up
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@")
  printf '%s\n' "$out" | sed 's/^/    /' >&2
  printf '%s %s\n' "$(printf '%s\n' "$out" | rps)" "$(printf '%s\n' "$out" | p99)"
}

read -r bare_rps bare_p99 < <(run "bare Kestrel" "$bare")
read -r nm_rps nm_p99 < <(run "304 (If-None-Match)" -H "If-None-Match: $etag" "$feed")
read -r br_rps br_p99 < <(run "200 (Accept-Encoding: gzip, br)" -H "Accept-Encoding: gzip, br" "$feed")
read -r full_rps full_p99 < <(run "200 (uncompressed)" "$feed")

ratio() { python3 -c "print(f'{100*float(\"$1\")/float(\"$2\"):.0f}%')"; }
echo
echo "wrk -t$threads -c$connections -d$duration over loopback; feed: $events events, $bytes bytes plain, $brotli_bytes bytes Brotli"
printf '%-34s %12s %10s %10s\n' "endpoint" "requests/s" "p99 (ms)" "of bare"
printf '%-34s %12s %10s %10s\n' "bare Kestrel (constant)" "$bare_rps" "$bare_p99" "100%"
printf '%-34s %12s %10s %10s\n' "feed 304 (If-None-Match)" "$nm_rps" "$nm_p99" "$(ratio "$nm_rps" "$bare_rps")"
printf '%-34s %12s %10s %10s\n' "feed 200 (gzip, br: Brotli)" "$br_rps" "$br_p99" "$(ratio "$br_rps" "$bare_rps")"
printf '%-34s %12s %10s %10s\n' "feed 200 (uncompressed)" "$full_rps" "$full_p99" "$(ratio "$full_rps" "$bare_rps")"
echo "targets: 304 at least 50% of bare, 200 (compressed) at least 25%, p99 under 20 ms"
