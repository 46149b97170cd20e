#!/usr/bin/env bash
# Start a private PostgreSQL server on a free local port for the tests, owned by this run, and export
# CIRCLES_TEST_PG. Sourced by test.sh. Skipped (tests then skip PostgreSQL) when it cannot start.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PG_BIN" ]; then
  echo "PostgreSQL is not installed; PostgreSQL tests will be skipped." >&2
  return 0
fi
PG_DIR=$(mktemp -d /tmp/circles-pg.XXXXXX)
PG_PORT=${CIRCLES_PG_PORT:-55432}
PG_RUN=(); [ "$(id -u)" -eq 0 ] && { chown postgres "$PG_DIR"; PG_RUN=(runuser -u postgres --); }
"${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U circles --auth=trust >/dev/null
"${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null
"${PG_RUN[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U circles circles_test
export CIRCLES_TEST_PG="postgresql://circles@127.0.0.1:$PG_PORT/circles_test"
stop_postgres() { "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; }
trap stop_postgres EXIT
