#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests: initdb into a fresh temp folder,
# started with pg_ctl on 127.0.0.1 and a free port, with a password role that
# may create databases (Backstage makes one database per plugin, and
# @backstage/backend-test-utils' TestDatabases one per test).
#
# Two ways to use it:
#
#   source scripts/postgres.sh      # defines the functions below, runs nothing
#   pg_start                        # exports ML_PG_DIR, ML_PG_PORT,
#                                   # ML_PG_CONNECTION_STRING and
#                                   # BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
#   trap pg_stop EXIT               # stops the cluster and deletes its folder
#
#   bash scripts/postgres.sh run CMD ARGS...  # start, run CMD with the env
#                                              # vars above, stop (even if CMD
#                                              # fails); exits with CMD's status
#   bash scripts/postgres.sh start  # start and leave it running; prints the
#                                   # env vars as `export` lines (eval-able)
#   bash scripts/postgres.sh stop [DIR]   # stop the one `start` left running
#                                          # (or the cluster in DIR)
#   bash scripts/postgres.sh        # self-check: start, query, stop
#
# Installs Debian's PostgreSQL 15 with apt-get only when its initdb is
# missing. Works as root (the server runs as the `postgres` user) and as an
# ordinary user (the server runs as that user).

PG_VERSION=15
PG_BIN="${ML_PG_BIN:-/usr/lib/postgresql/$PG_VERSION/bin}"
PG_STATE_FILE="${ML_PG_STATE_FILE:-${TMPDIR:-/tmp}/ml-platform-postgres.state}"

_pg_log() { printf '\033[1;35m[postgres]\033[0m %s\n' "$*" >&2; }

# Runs a command as the user that owns the cluster.
_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd / && runuser -u postgres -- "$@")
    else
      (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
    fi
  else
    "$@"
  fi
}

pg_ensure_installed() {
  if [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/postgres" ]; then
    :
  else
    if [ "$(id -u)" != 0 ]; then
      _pg_log "PostgreSQL $PG_VERSION is missing ($PG_BIN/initdb) and we are not root: install Debian's postgresql-$PG_VERSION"
      return 1
    fi
    _pg_log "installing Debian's postgresql-$PG_VERSION (apt-get)"
    # Don't let the package create and start its own cluster on :5432.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/ml-platform-no-main.conf
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || return 1
    apt-get install -y -qq --no-install-recommends "postgresql-$PG_VERSION" >&2 || return 1
    [ -x "$PG_BIN/initdb" ] || { _pg_log "apt-get installed no $PG_BIN/initdb"; return 1; }
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    _pg_log "creating the postgres system user"
    useradd --system --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin postgres
  fi
}

_pg_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Stops and deletes the clusters of earlier runs whose shell died without
# cleaning up (killed with SIGKILL, machine reset). A cluster left running on
# purpose by `postgres.sh start` has no owner.pid and is kept.
pg_reap_stale() {
  local dir owner
  for dir in "${TMPDIR:-/tmp}"/ml-platform-pg.*; do
    [ -f "$dir/owner.pid" ] || continue
    owner="$(cat "$dir/owner.pid" 2>/dev/null)"
    if [ -n "$owner" ] && ! kill -0 "$owner" 2>/dev/null; then
      _pg_log "removing the cluster of a run that is gone (pid $owner): $dir"
      pg_stop "$dir" >/dev/null 2>&1 || true
    fi
  done
}

# pg_start: start a fresh cluster and export its connection settings. The
# cluster belongs to this shell ($$): if the shell dies without pg_stop, the
# next pg_start removes it.
pg_start() {
  pg_ensure_installed || return 1
  pg_reap_stale
  local dir user password port attempt
  dir="$(mktemp -d "${TMPDIR:-/tmp}/ml-platform-pg.XXXXXX")" || return 1
  export ML_PG_DIR="$dir"
  echo "$$" > "$dir/owner.pid"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  user=backstage
  password="pw$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

  _pg_log "initdb into $dir/data"
  if ! _pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    return 1
  fi

  port="${ML_PG_PORT_START:-5433}"
  for attempt in $(seq 1 50); do
    if _pg_port_in_use "$port"; then
      port=$((port + 1))
      continue
    fi
    # The socket goes into the cluster's own folder, so no /var/run/postgresql
    # is needed and nothing is shared with another cluster.
    if _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >"$dir/pg_ctl.log" 2>&1; then
      break
    fi
    # Someone may have taken the port between the check and the start.
    if grep -q 'could not bind\|Address already in use' "$dir/server.log" 2>/dev/null; then
      port=$((port + 1))
      continue
    fi
    cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null
    return 1
  done
  if ! _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    _pg_log "could not start PostgreSQL on any port from ${ML_PG_PORT_START:-5433}"
    return 1
  fi
  export ML_PG_PORT="$port"

  if ! _pg_as_owner "$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt \
    -c "CREATE ROLE $user LOGIN CREATEDB PASSWORD '$password'" >&2; then
    _pg_log "could not create the role $user"
    return 1
  fi

  export ML_PG_CONNECTION_STRING="postgresql://$user:$password@127.0.0.1:$port/postgres"
  # What @backstage/backend-test-utils' TestDatabases reads for POSTGRES_15.
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$ML_PG_CONNECTION_STRING"
  export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$port" POSTGRES_USER="$user" POSTGRES_PASSWORD="$password"
  _pg_log "PostgreSQL $PG_VERSION is up on 127.0.0.1:$port (role $user, folder $dir)"
}

# pg_stop [DIR]: stop the cluster (the one pg_start made, or the one in DIR)
# and delete its folder. Safe to call twice.
pg_stop() {
  local dir="${1:-${ML_PG_DIR:-}}"
  [ -n "$dir" ] || return 0
  case "$dir" in
    "${TMPDIR:-/tmp}"/ml-platform-pg.*) ;;
    *) _pg_log "refusing to delete $dir: not a folder made by pg_start"; return 1 ;;
  esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
      _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    _pg_log "stopped PostgreSQL in $dir"
  fi
  rm -rf "$dir"
  if [ "${ML_PG_DIR:-}" = "$dir" ]; then
    unset ML_PG_DIR ML_PG_PORT ML_PG_CONNECTION_STRING BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
    unset POSTGRES_HOST POSTGRES_PORT POSTGRES_USER POSTGRES_PASSWORD
  fi
}

_pg_main() {
  set -uo pipefail
  local cmd="${1:-check}"
  [ $# -gt 0 ] && shift
  case "$cmd" in
    start)
      pg_start || { pg_stop; exit 1; }
      # Left running on purpose: not for pg_reap_stale.
      rm -f "$ML_PG_DIR/owner.pid"
      echo "$ML_PG_DIR" > "$PG_STATE_FILE"
      printf 'export %s=%q\n' \
        ML_PG_DIR "$ML_PG_DIR" ML_PG_PORT "$ML_PG_PORT" \
        ML_PG_CONNECTION_STRING "$ML_PG_CONNECTION_STRING" \
        BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING "$ML_PG_CONNECTION_STRING"
      ;;
    stop)
      local dir="${1:-}"
      if [ -z "$dir" ] && [ -f "$PG_STATE_FILE" ]; then
        dir="$(cat "$PG_STATE_FILE")"
      fi
      if [ -z "$dir" ]; then
        _pg_log "nothing to stop (no $PG_STATE_FILE; pass the folder)"
        exit 0
      fi
      pg_stop "$dir"
      if [ -f "$PG_STATE_FILE" ] && [ "$(cat "$PG_STATE_FILE")" = "$dir" ]; then
        rm -f "$PG_STATE_FILE"
      fi
      ;;
    run)
      [ $# -gt 0 ] || { echo "usage: $0 run CMD [ARGS...]" >&2; exit 2; }
      trap 'pg_stop' EXIT
      trap 'exit 130' INT
      trap 'exit 143' TERM
      pg_start || exit 1
      local status=0
      "$@" || status=$?
      exit "$status"
      ;;
    check)
      trap 'pg_stop' EXIT
      pg_start || exit 1
      PGPASSWORD="$POSTGRES_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$ML_PG_PORT" -U "$POSTGRES_USER" \
        -d postgres -v ON_ERROR_STOP=1 -qAt \
        -c 'CREATE DATABASE ml_platform_check' \
        -c 'DROP DATABASE ml_platform_check' \
        -c 'SELECT version()' || exit 1
      _pg_log "ok: connected with a password over TCP and created a database"
      ;;
    *)
      echo "usage: $0 [check|start|stop [DIR]|run CMD [ARGS...]]" >&2
      exit 2
      ;;
  esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  _pg_main "$@"
fi
