# Sourced by script/test: a throwaway PostgreSQL cluster for the PostgreSQL test run.
# start_postgres_cluster creates it in a temporary folder (initdb), listening on 127.0.0.1 only, on a free
# port, with its unix socket in that folder, and trust authentication (nothing else can reach it). It
# exports FACTCHECK_TEST_POSTGRES (a connection string to the "postgres" database) and stops and deletes
# the cluster when the script exits. Any failure stops the script: CI must never skip the PostgreSQL run.

postgres_fail() {
  echo "" >&2
  echo "ERROR: the PostgreSQL test cluster could not be started: $*" >&2
  echo "       script/test runs the suite on PostgreSQL too and does not skip it (Debian package: postgresql)." >&2
  [ -n "${POSTGRES_DIR:-}" ] && [ -f "$POSTGRES_DIR/server.log" ] && tail -n 20 "$POSTGRES_DIR/server.log" >&2
  exit 1
}

# Runs a PostgreSQL program as the cluster's owner: initdb and postgres refuse to run as root.
as_postgres_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_postgres_cluster() {
  [ -z "${POSTGRES_DIR:-}" ] && return 0
  as_postgres_owner "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$POSTGRES_DIR"
}

start_postgres_cluster() {
  POSTGRES_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$POSTGRES_BIN/initdb" ] || postgres_fail "no initdb under /usr/lib/postgresql/*/bin"
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    postgres_fail "running as root, and there is no 'postgres' user to own the cluster"
  fi

  POSTGRES_DIR=$(mktemp -d /tmp/factcheck-postgres.XXXXXX)
  trap stop_postgres_cluster EXIT
  trap 'exit 130' INT TERM # through the EXIT trap, so an interrupted run leaves no server behind
  [ "$(id -u)" -eq 0 ] && chown postgres "$POSTGRES_DIR"

  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') \
    || postgres_fail "could not find a free port"

  as_postgres_owner "$POSTGRES_BIN/initdb" -D "$POSTGRES_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$POSTGRES_DIR/initdb.log" 2>&1 || { cat "$POSTGRES_DIR/initdb.log" >&2; postgres_fail "initdb failed"; }
  # Durability settings are off: the cluster is deleted at the end, and the suite creates a database per test class.
  as_postgres_owner "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $POSTGRES_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || postgres_fail "pg_ctl start failed"

  export FACTCHECK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$POSTGRES_BIN/postgres" --version | awk '{print $3}') test cluster on 127.0.0.1:$port ($POSTGRES_DIR)"
}
