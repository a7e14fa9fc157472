# Sourced by .ci/run: a throwaway PostgreSQL server for the tests, stopped when the shell exits.
#
# Installs Debian's `postgresql` package if no server binaries are found, makes a cluster
# in a temporary folder (as the `postgres` user when run as root: initdb refuses root),
# listens on 127.0.0.1 on a free port, and exports LEARNINGHUB_TEST_PG_URL for
# tests/databases.py. Durability is switched off (fsync=off): the cluster lives for one run.
# An already exported LEARNINGHUB_TEST_PG_URL is used as it is.

start_test_postgres() {
  if [ -n "${LEARNINGHUB_TEST_PG_URL:-}" ]; then
    echo "PostgreSQL for the tests: given ($LEARNINGHUB_TEST_PG_URL)"
    return
  fi
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "installing: postgresql"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  PG_TMP=$(mktemp -d /tmp/learninghub-pg.XXXXXX)
  local as_owner=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_TMP"
    as_owner=(runuser -u postgres --)
  fi
  PG_AS_OWNER=("${as_owner[@]}")
  PG_CTL="$bindir/pg_ctl"
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as_owner[@]}" "$bindir/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log"
  trap stop_test_postgres EXIT
  "${as_owner[@]}" "$PG_CTL" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w start -o \
    "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
  export LEARNINGHUB_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  export LEARNINGHUB_TEST_PG_REQUIRED=1
  echo "PostgreSQL for the tests: $("$bindir/postgres" --version), $LEARNINGHUB_TEST_PG_URL"
}

stop_test_postgres() {
  if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP/data" ]; then
    "${PG_AS_OWNER[@]}" "$PG_CTL" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
}
