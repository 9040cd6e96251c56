#!/usr/bin/env bash
# `npm start`: set up everything and start the portal on the embedded default
# (SQLite under .ml-data/, local-process driver, guest sign-in, demo data).
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
mkdir -p .ml-data
log "starting the portal: frontend http://localhost:3000, backend http://localhost:7007"
exec yarn backstage-cli repo start "$@"
