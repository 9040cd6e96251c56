#!/usr/bin/env bash
# `npm start`: set up everything and start the portal on the embedded default
# (SQLite under .ml-data/, local-process driver, guest sign-in, demo data).
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
mkdir -p .ml-data
# As root, workloads run under per-project uids that must pass every folder
# above .ml-data (README, Local workload isolation).
if [ "$(id -u)" = 0 ]; then
  dir="$REPO_ROOT"
  while [ "$dir" != / ]; do
    if [ "$(( 0$(stat -c %a "$dir") & 01 ))" = 0 ]; then
      log "warning: $dir is closed to other users, so isolated workloads cannot reach .ml-data; give it o+x (chmod o+x $dir) or set ml.storage.root elsewhere"
      break
    fi
    dir="$(dirname "$dir")"
  done
fi
# A second portal (or anything else) on these ports would make the backend
# die with EADDRINUSE while the frontend keeps running: say so up front.
for port in 3000 7007; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is already in use (another \`npm start\`?): stop that first"
    exit 1
  fi
done
log "starting the portal: frontend http://localhost:3000, backend http://localhost:7007"
exec yarn backstage-cli repo start "$@"
