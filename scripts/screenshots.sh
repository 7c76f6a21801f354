#!/usr/bin/env bash
# Starts the demo application (July 10, 2003, on a fresh embedded database) and captures the four home pages at
# desktop width and on a phone into docs/screenshots/. Needs a built solution (dotnet build), Node.js and Chromium
# (CHROMIUM_PATH, default /usr/bin/chromium); playwright-core is installed into a temporary folder when
# PLAYWRIGHT_NODE_MODULES does not point at a node_modules that has it.
# Usage: scripts/screenshots.sh [port]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:-5183}"
data="$(mktemp -d)"
modules="${PLAYWRIGHT_NODE_MODULES:-}"
if [[ -z "$modules" || ! -d "$modules/playwright-core" ]]; then
    tools="$(mktemp -d)"
    npm install --prefix "$tools" --no-audit --no-fund --loglevel=error playwright-core@1 >/dev/null
    modules="$tools/node_modules"
fi

ASPNETCORE_ENVIRONMENT=Development Storage__DataDirectory="$data" \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    dotnet run --no-build --no-launch-profile --project "$root/src/FieldContracts.Web" >"$data/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$app" 2>/dev/null; then cat "$data/app.log" >&2; exit 1; fi
    sleep 1
done

NODE_PATH="$modules" node "$root/scripts/screenshots.mjs" "http://127.0.0.1:$port"
