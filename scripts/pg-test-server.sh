#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL server on loopback for the parity tests.
# `eval "$(scripts/pg-test-server.sh start)"` exports ALSDESK_TEST_PG_URL and ALSDESK_PG_DIR.
set -euo pipefail
action=${1:-start}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  command -v initdb >/dev/null || { echo "echo 'no PostgreSQL server binaries found' >&2"; exit 0; }
  bindir=$(dirname "$(command -v initdb)")
fi
as_pg() {  # PostgreSQL refuses to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    dir=$(mktemp -d /tmp/alsdesk-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=${ALSDESK_PG_PORT:-54329}
    as_pg "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
    as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres alsdesk_test
    echo "export ALSDESK_PG_DIR=$dir"
    echo "export ALSDESK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/alsdesk_test"
    ;;
  stop)
    dir=${ALSDESK_PG_DIR:?}
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
esac
