# Sourced by test.sh and the benchmark scripts: a throwaway PostgreSQL 15 on a free 127.0.0.1 port,
# in a temporary folder, stopped and deleted when the calling script exits, on success and failure alike.
#
#   source scripts/throwaway-postgres.sh
#   start_throwaway_postgres [extra server options, e.g. "-c fsync=off"]
#   echo "$PG_SERVER"   # Host=127.0.0.1;Port=…;Username=postgres

pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_throwaway_postgres() {
  local status=$?
  if [ -n "${pg_dir:-}" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  exit $status
}

start_throwaway_postgres() {
  pg_dir=$(mktemp -d /tmp/fieldcontracts-pg.XXXXXX)
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  trap stop_throwaway_postgres EXIT INT TERM
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
  printf '==> starting PostgreSQL on 127.0.0.1:%s\n' "$pg_port"
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir ${1:-}" \
    start >/dev/null
  PG_SERVER="Host=127.0.0.1;Port=$pg_port;Username=postgres"
}
