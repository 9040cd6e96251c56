#!/usr/bin/env bash
# `npm start`: set up everything and start the portal on the embedded default
# (SQLite under .ml-data/, local-process driver, guest sign-in, demo data).
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
mkdir -p .ml-data
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
