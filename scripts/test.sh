#!/usr/bin/env bash
# `npm test`: every test tier of the monorepo, in order, then a summary.
#
#   lint       the house style: prettier --check on the whole repo, the
#              OpenAPI types generated from openapi.yaml up to date (yarn
#              openapi:check, once that script exists), and backstage-cli repo
#              lint with no warnings (the Kubernetes module also forbids any)
#   typecheck  yarn tsc
#   unit       every package's jest tests (backstage-cli repo test) on SQLite
#   postgres   the tests of the packages that use TestDatabases again, with a
#              throwaway PostgreSQL 15 (scripts/postgres.sh) given to
#              @backstage/backend-test-utils through
#              BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
#   kubernetes builds (or takes from the cache) kube-apiserver & co 1.20.2
#              (scripts/kube/build-control-plane.sh), starts etcd and the control
#              plane on 127.0.0.1 (scripts/kube/control-plane.sh) and runs the
#              Kubernetes driver's integration tests against it (src/integration:
#              the driver alone, with the in-process test kubelet as the node,
#              and end to end through the ML API); stops every process by pid
#              afterwards, also on failure
#   browser    e2e/run.mjs: builds the frontend, starts the portal on a free
#              port with a temp data folder, drives Debian's chromium with
#              playwright-core (e2e/*.test.mjs)
#
# Usage: bash scripts/test.sh [TIER...]   (default: all of them, in that order)
# Ends with a line `N passed, N failed` counting tiers; exits non-zero if any
# tier failed. Logs of each tier: $ML_TEST_LOG_DIR (default a temp folder).

T0=$(date +%s)
# env.sh installs Node, yarn and the dependencies, and exits on failure (set
# -e): still end with a summary line then.
REACHED_TIERS=0
setup_failed() {
  local status=$?
  if [ "$REACHED_TIERS" = 0 ] && [ "$status" != 0 ]; then
    printf '\nsetup (Node, yarn install) failed with exit %s\n' "$status"
    echo "tiers: 0 passed, 1 failed"
  fi
}
trap setup_failed EXIT
source "$(dirname "$0")/env.sh"
REACHED_TIERS=1
set +e
set -uo pipefail
cd "$REPO_ROOT"
SETUP_SECONDS=$(($(date +%s) - T0))

ALL_TIERS=(lint typecheck unit postgres kubernetes browser)
if [ $# -gt 0 ]; then
  TIERS=("$@")
  for t in "${TIERS[@]}"; do
    case " ${ALL_TIERS[*]} " in
      *" $t "*) ;;
      *) echo "unknown tier '$t' (tiers: ${ALL_TIERS[*]})" >&2; exit 2 ;;
    esac
  done
else
  TIERS=("${ALL_TIERS[@]}")
fi

LOG_DIR="${ML_TEST_LOG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/ml-test-logs.XXXXXX")}"
mkdir -p "$LOG_DIR"

# TestDatabases treats CI=true as "docker is available" and would try to start
# containers for every database without a connection string; there is no
# docker here. Postgres comes only from the postgres tier's connection string.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
unset BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING

source "$REPO_ROOT/scripts/postgres.sh"
KUBE_DIR=""
kube_stop() {
  if [ -n "$KUBE_DIR" ]; then
    bash "$REPO_ROOT/scripts/kube/control-plane.sh" stop "$KUBE_DIR" || true
    rm -rf "$KUBE_DIR"
    KUBE_DIR=""
  fi
}
cleanup() {
  pg_stop >/dev/null 2>&1 || true
  kube_stop >/dev/null 2>&1
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT
trap 'echo "terminated" >&2; exit 143' TERM

declare -A RESULT SECONDS_TAKEN DETAIL
banner() { printf '\n\033[1;36m==== %s ====\033[0m\n' "$*"; }

# The jest summary lines of a log ("Test Suites: ...", "Tests: ...").
jest_counts() {
  grep -aE '^(Test Suites|Tests):' "$1" | sed 's/\x1b\[[0-9;]*m//g' | tr -s ' ' | paste -sd ';' -
}

# --watchAll=false: `backstage-cli repo test` adds --watch when CI is unset;
# --ci: never write snapshots.
JEST_ARGS=(--watchAll=false --ci)

# Every check runs, so one run names every problem; the tier fails if any did.
tier_lint() {
  local status=0
  echo "prettier --check ."
  yarn prettier --check --loglevel warn . || status=1
  if node -e "process.exit(require('./package.json').scripts['openapi:check'] ? 0 : 1)"; then
    echo "yarn openapi:check"
    yarn openapi:check || status=1
  fi
  echo "backstage-cli repo lint --max-warnings 0"
  yarn backstage-cli repo lint --max-warnings 0 || status=1
  return $status
}

tier_typecheck() {
  yarn tsc
}

tier_unit() {
  yarn backstage-cli repo test "${JEST_ARGS[@]}"
}

# Packages (folders) whose sources use @backstage/backend-test-utils'
# TestDatabases: the ones whose tests can run on Postgres.
postgres_packages() {
  local dir
  for dir in packages/* plugins/*; do
    [ -f "$dir/package.json" ] && [ -d "$dir/src" ] || continue
    if grep -rqs --include='*.ts' --include='*.tsx' --include='*.js' 'TestDatabases' "$dir/src"; then
      echo "$dir"
    fi
  done
}

tier_postgres() {
  local dirs names=() dir
  mapfile -t dirs < <(postgres_packages)
  if [ ${#dirs[@]} -eq 0 ]; then
    echo "no package uses TestDatabases: nothing to run on Postgres"
    return 99
  fi
  for dir in "${dirs[@]}"; do
    names+=("$(node -p "require('./$dir/package.json').name")")
  done
  echo "packages using TestDatabases: ${names[*]}"
  pg_start || return 1
  yarn backstage-cli repo test "${JEST_ARGS[@]}" --selectProjects "${names[@]}"
  local status=$?
  pg_stop
  return $status
}

tier_kubernetes() {
  bash scripts/kube/build-control-plane.sh || return 1
  KUBE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ml-kube-tier.XXXXXX")"
  if ! bash scripts/kube/control-plane.sh start "$KUBE_DIR" >/dev/null; then
    kube_stop
    return 1
  fi
  (cd plugins/ml-backend-module-kubernetes &&
    ML_KUBE_ENV="$KUBE_DIR/env" yarn backstage-cli package test "${JEST_ARGS[@]}" --runInBand src/integration)
  local status=$?
  kube_stop
  return $status
}

ensure_chromium() {
  local chromium="${E2E_CHROMIUM:-/usr/bin/chromium}"
  [ -x "$chromium" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "$chromium is missing: install Debian's chromium (apt-get install chromium)" >&2
    return 1
  fi
  log "installing Debian's chromium (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
}

tier_browser() {
  ensure_chromium || return 1
  E2E_ARTIFACT_DIR="$LOG_DIR/browser-artifacts" node e2e/run.mjs
}

for tier in "${TIERS[@]}"; do
  banner "$tier"
  started=$(date +%s)
  logfile="$LOG_DIR/$tier.log"
  # Not `| tee`: the tier runs in this shell, so the Postgres it starts is
  # known to the EXIT trap.
  "tier_$tier" > >(tee "$logfile") 2>&1
  status=$?
  wait $! 2>/dev/null # tee has written everything before the log is read
  SECONDS_TAKEN[$tier]=$(($(date +%s) - started))
  case "$status" in
    0) RESULT[$tier]=passed ;;
    99) RESULT[$tier]=skipped ;;
    *) RESULT[$tier]=failed ;;
  esac
  case "$tier" in
    unit | postgres | kubernetes) DETAIL[$tier]="$(jest_counts "$logfile")" ;;
    browser) DETAIL[$tier]="$(grep -aE '^ℹ (tests|pass|fail) ' "$logfile" | sed 's/^ℹ //' | paste -sd ',' -)" ;;
    *) DETAIL[$tier]="" ;;
  esac
  if [ "${RESULT[$tier]}" = failed ]; then
    DETAIL[$tier]="exit $status; ${DETAIL[$tier]}"
  fi
done

passed=0 failed=0 skipped=0
banner "summary"
printf '%-10s %-8s %6s  %s\n' tier result time details
printf '%-10s %-8s %5ss  %s\n' setup done "$SETUP_SECONDS" "node + yarn install"
for tier in "${TIERS[@]}"; do
  printf '%-10s %-8s %5ss  %s\n' "$tier" "${RESULT[$tier]}" "${SECONDS_TAKEN[$tier]}" "${DETAIL[$tier]}"
  case "${RESULT[$tier]}" in
    passed) passed=$((passed + 1)) ;;
    failed) failed=$((failed + 1)) ;;
    skipped) skipped=$((skipped + 1)) ;;
  esac
done
echo "total time: $(($(date +%s) - T0))s; logs in $LOG_DIR"
if [ "$skipped" -gt 0 ]; then
  echo "tiers: $passed passed, $failed failed, $skipped skipped"
else
  echo "tiers: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
