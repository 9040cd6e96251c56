#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager and kube-scheduler v1.20.2
# from Debian bookworm's `kubernetes` source package, once, into a cache
# outside the repo:
#
#   ${ML_KUBE_BIN_DIR:-${ML_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ml-platform}/kube-1.20.2/bin}
#
# Usage: bash scripts/kube/build-control-plane.sh [--force]
#
# If the three binaries are in the cache with a matching .stamp, this exits 0
# at once (no apt, no network). Otherwise, as root:
#   1. adds a deb-src entry made from the machine's own Debian sources
#      (/etc/apt/sources.list.d/ml-platform-deb-src.{sources,list}), unless a
#      deb-src entry is already configured; then apt-get update
#   2. apt-get install golang-go rsync jq (the build-deps that matter),
#      dpkg-dev (apt-get source unpacks with dpkg-source), etcd-server (for
#      control-plane.sh) and golang-github-modern-go-reflect2-dev
#   3. apt-get source kubernetes into a temp folder (bookworm has
#      1.20.5+really1.20.2-1.1+deb12u1: upstream v1.20.2)
#   4. replaces the vendored github.com/modern-go/reflect2 1.0.1 with Debian's
#      1.0.2: 1.0.1 makes the apiserver crash under Go >= 1.18 (bookworm's
#      golang-go is 1.19), see README.md
#   5. make WHAT="cmd/kube-apiserver cmd/kube-controller-manager
#      cmd/kube-scheduler", as debian/rules does (CGO_ENABLED=0, a throwaway
#      HOME), offline: GOPROXY=off, vendored sources only
#   6. copies the binaries and a .stamp into the cache
#
# The whole log goes to <cache>/../build.log. Env:
#   ML_KUBE_BIN_DIR     where the binaries go (default above)
#   ML_KUBE_KEEP_BUILD  1: keep the temp source/build folder
set -uo pipefail

KUBE_VERSION=1.20.2
# Bump when the recipe changes, so that caches built the old way are rebuilt.
RECIPE=1
STAMP_ID="kube-$KUBE_VERSION recipe-$RECIPE reflect2-from-debian"
BIN_DIR="${ML_KUBE_BIN_DIR:-${ML_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ml-platform}/kube-$KUBE_VERSION/bin}"
BINARIES=(kube-apiserver kube-controller-manager kube-scheduler)
DEB_SRC_NAME=ml-platform-deb-src
REFLECT2_DEB=/usr/share/gocode/src/github.com/modern-go/reflect2

_log() { printf '\033[1;36m[kube-build]\033[0m %s\n' "$*" >&2; }

cache_ok() {
  local b
  for b in "${BINARIES[@]}"; do
    [ -x "$BIN_DIR/$b" ] || return 1
  done
  [ -f "$BIN_DIR/.stamp" ] && [ "$(head -n1 "$BIN_DIR/.stamp")" = "$STAMP_ID" ]
}

FORCE=0
case "${1:-}" in
  --force) FORCE=1 ;;
  "") ;;
  *) echo "usage: $0 [--force]" >&2; exit 2 ;;
esac

if [ "$FORCE" = 0 ] && cache_ok; then
  _log "cached: $BIN_DIR ($(sed -n 2p "$BIN_DIR/.stamp"))"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  _log "ERROR: $BIN_DIR has no kube binaries and building them needs root (apt-get)."
  _log "Run once as root: bash $0   (or point ML_KUBE_BIN_DIR at a built cache)"
  exit 1
fi

CACHE_ROOT="$(dirname "$BIN_DIR")"
mkdir -p "$CACHE_ROOT"
LOG="$CACHE_ROOT/build.log"

# One build at a time (e.g. two CI jobs on the same machine): the second waits
# and then finds the cache filled.
exec 9>"$CACHE_ROOT/.build.lock"
if ! flock -n 9; then
  _log "another build is running (lock $CACHE_ROOT/.build.lock); waiting for it"
  flock 9
fi
if [ "$FORCE" = 0 ] && cache_ok; then
  _log "cached (built by the other run): $BIN_DIR"
  exit 0
fi

: > "$LOG"
T_START=$(date +%s)
STEP_NAME=""
STEP_T0=0
TIMINGS=()
WORK=""

step() {
  step_end
  STEP_NAME="$1"
  STEP_T0=$(date +%s)
  _log "$STEP_NAME"
  printf '\n===== %s (%s) =====\n' "$STEP_NAME" "$(date -u +%FT%TZ)" >>"$LOG"
}
step_end() {
  if [ -n "$STEP_NAME" ]; then
    TIMINGS+=("$(printf '%5ss  %s' $(($(date +%s) - STEP_T0)) "$STEP_NAME")")
    STEP_NAME=""
  fi
}
fail() {
  _log "ERROR during \"$STEP_NAME\": $*"
  _log "last lines of $LOG:"
  tail -n 40 "$LOG" >&2
  _log "build FAILED after $(($(date +%s) - T_START))s; full log: $LOG"
  exit 1
}
cleanup() {
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    if [ "${ML_KUBE_KEEP_BUILD:-0}" = 1 ]; then
      _log "kept the build folder: $WORK"
    else
      rm -rf "$WORK"
    fi
  fi
  rm -rf "$BIN_DIR.new.$$"
}
trap cleanup EXIT
# Runs a command with its output in the log only.
run() { "$@" >>"$LOG" 2>&1; }

# --- deb-src ---------------------------------------------------------------

# True if some enabled deb-src entry is configured already (by anyone).
have_deb_src() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    grep -Eq '^[[:space:]]*deb-src[[:space:]]' "$f" && return 0
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN { RS = ""; found = 0 }
      {
        types = ""; enabled = 1
        n = split($0, line, "\n")
        for (i = 1; i <= n; i++) {
          if (line[i] ~ /^[Tt]ypes:/) types = " " substr(line[i], 7) " "
          if (line[i] ~ /^[Ee]nabled:[[:space:]]*[Nn]o/) enabled = 0
        }
        if (enabled && types ~ /[[:space:]]deb-src[[:space:]]/) found = 1
      }
      END { exit found ? 0 : 1 }' "$f" && return 0
  done
  return 1
}

# Writes deb-src twins of the machine's enabled `deb` entries: deb822
# stanzas (*.sources) into $DEB_SRC_NAME.sources, one-line entries
# (sources.list, *.list) into $DEB_SRC_NAME.list. Same URIs, suites,
# components and keys; only the type changes.
add_deb_src() {
  local f out822="/etc/apt/sources.list.d/$DEB_SRC_NAME.sources"
  local outlist="/etc/apt/sources.list.d/$DEB_SRC_NAME.list"
  local tmp822 tmplist
  tmp822="$(mktemp)"
  tmplist="$(mktemp)"
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    [ "$f" = "$out822" ] && continue
    awk -v src="$f" 'BEGIN { RS = ""; ORS = "" }
      {
        n = split($0, line, "\n")
        types = ""; enabled = 1; body = ""
        for (i = 1; i <= n; i++) {
          if (line[i] ~ /^#/) continue
          if (line[i] ~ /^[Tt]ypes:/) { types = " " substr(line[i], 7) " "; continue }
          if (line[i] ~ /^[Ee]nabled:[[:space:]]*[Nn]o/) enabled = 0
          body = body line[i] "\n"
        }
        if (enabled && types ~ /[[:space:]]deb[[:space:]]/) {
          print "# from " src "\nTypes: deb-src\n" body "\n"
        }
      }' "$f" >>"$tmp822"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    [ "$f" = "$outlist" ] && continue
    sed -nE 's/^[[:space:]]*deb([[:space:]])/deb-src\1/p' "$f" >>"$tmplist"
  done
  if [ ! -s "$tmp822" ] && [ ! -s "$tmplist" ]; then
    rm -f "$tmp822" "$tmplist"
    return 1
  fi
  if [ -s "$tmp822" ]; then
    { echo "# Added by scripts/kube/build-control-plane.sh (apt-get source kubernetes)."; cat "$tmp822"; } >"$out822"
    chmod 644 "$out822"
    _log "added $out822"
  fi
  if [ -s "$tmplist" ]; then
    { echo "# Added by scripts/kube/build-control-plane.sh (apt-get source kubernetes)."; cat "$tmplist"; } >"$outlist"
    chmod 644 "$outlist"
    _log "added $outlist"
  fi
  rm -f "$tmp822" "$tmplist"
  cat "$out822" "$outlist" >>"$LOG" 2>/dev/null
  return 0
}

export DEBIAN_FRONTEND=noninteractive

step "deb-src entry"
if [ -f "/etc/apt/sources.list.d/$DEB_SRC_NAME.sources" ] || [ -f "/etc/apt/sources.list.d/$DEB_SRC_NAME.list" ]; then
  _log "present: /etc/apt/sources.list.d/$DEB_SRC_NAME.*"
elif have_deb_src; then
  _log "a deb-src entry is configured already; not adding one"
else
  add_deb_src || fail "found no enabled 'deb' entry in /etc/apt/sources.list{,.d/*.list,.d/*.sources} to derive a deb-src entry from"
fi

step "apt-get update"
# A third-party repository without sources makes update exit non-zero; what
# matters is whether Debian's kubernetes source is found afterwards.
run apt-get update || _log "warning: apt-get update reported errors (see $LOG); going on"
SRC_VERSION="$(apt-cache showsrc kubernetes 2>>"$LOG" | sed -n 's/^Version: //p' | sort -V | tail -n1)"
[ -n "$SRC_VERSION" ] || fail "apt-cache showsrc kubernetes found nothing: no deb-src entry for Debian bookworm main?"
_log "source package: kubernetes $SRC_VERSION"
case "$SRC_VERSION" in
  *1.20.2*) ;;
  *) fail "kubernetes $SRC_VERSION is not upstream $KUBE_VERSION (expected bookworm's 1.20.5+really1.20.2-…)" ;;
esac

step "apt-get install (build-deps, etcd-server, reflect2)"
run apt-get install -y --no-install-recommends \
  golang-go rsync jq dpkg-dev etcd-server golang-github-modern-go-reflect2-dev ||
  fail "apt-get install failed"
[ -f "$REFLECT2_DEB/go_above_118.go" ] || fail "$REFLECT2_DEB/go_above_118.go missing: golang-github-modern-go-reflect2-dev is not the Go 1.18-aware 1.0.2"
GO_VERSION="$(go version | awk '{print $3}')"
REFLECT2_VERSION="$(dpkg-query -W -f '${Version}' golang-github-modern-go-reflect2-dev)"
_log "$GO_VERSION, golang-github-modern-go-reflect2-dev $REFLECT2_VERSION"

step "apt-get source kubernetes=$SRC_VERSION"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ml-kube-build.XXXXXX")"
chmod 755 "$WORK"
mkdir "$WORK/src"
# apt downloads as _apt: let it write there (else a warning and an
# unsandboxed download).
if id _apt >/dev/null 2>&1; then chown _apt "$WORK/src"; fi
(cd "$WORK/src" && run apt-get source "kubernetes=$SRC_VERSION") || fail "apt-get source kubernetes failed"
SRC="$(find "$WORK/src" -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*' | head -n1)"
[ -n "$SRC" ] && [ -f "$SRC/Makefile" ] || fail "no unpacked kubernetes-* folder in $WORK/src"
grep -q "tag: v$KUBE_VERSION'" "$SRC/hack/lib/version.sh" ||
  fail "$SRC is not upstream v$KUBE_VERSION (hack/lib/version.sh has $(grep -o "tag: v[0-9.]*" "$SRC/hack/lib/version.sh"))"
VENDOR_REFLECT2="$(sed -n 's|^# github.com/modern-go/reflect2 \(v[0-9.]*\)$|\1|p; s|^# github.com/modern-go/reflect2 \(v[0-9.]*\) => .*|\1|p' "$SRC/vendor/modules.txt" | head -n1)"
_log "unpacked $SRC (vendored reflect2 $VENDOR_REFLECT2)"

step "replace vendored reflect2 ($VENDOR_REFLECT2) with Debian's ($REFLECT2_VERSION)"
rm -rf "$SRC/vendor/github.com/modern-go/reflect2"
cp -r "$REFLECT2_DEB" "$SRC/vendor/github.com/modern-go/reflect2" || fail "copying $REFLECT2_DEB"
# Keep go.mod and vendor/modules.txt telling the truth (the make build runs in
# GOPATH mode and does not read them, but `go build -mod=vendor` would).
sed -i -E 's#(github\.com/modern-go/reflect2) v1\.0\.1#\1 v1.0.2#g' "$SRC/go.mod" "$SRC/vendor/modules.txt"
grep -n 'modern-go/reflect2' "$SRC/go.mod" "$SRC/vendor/modules.txt" >>"$LOG"
grep -q 'reflect2 v1.0.1' "$SRC/go.mod" "$SRC/vendor/modules.txt" && fail "reflect2 v1.0.1 still named in go.mod/modules.txt"

step "make WHAT=\"cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler\""
mkdir -p "$WORK/home"
# As debian/rules: CGO_ENABLED=0, Debian's Go first in PATH, a throwaway HOME,
# SOURCE_DATE_EPOCH from debian/changelog (the binaries' buildDate).
# Offline: GOPROXY=off, and hack/lib/init.sh builds with GO111MODULE=off, in
# which mode vendor/ is the only source of dependencies. GOFLAGS stays empty:
# hack/lib/golang.sh turns GOFLAGS into build tags (`-mod=vendor` would become
# the tag "-mod=vendor").
SOURCE_DATE_EPOCH="$(cd "$SRC" && dpkg-parsechangelog -S Timestamp 2>/dev/null || date +%s)"
(
  cd "$SRC" &&
    env HOME="$WORK/home" PATH="/usr/lib/go/bin:$PATH" CGO_ENABLED=0 GOPROXY=off GOFLAGS= \
      GOSUMDB=off GOTOOLCHAIN=local SOURCE_DATE_EPOCH="$SOURCE_DATE_EPOCH" \
      make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler" >>"$LOG" 2>&1
) || fail "make failed"

step "check and cache the binaries"
NEW="$BIN_DIR.new.$$"
rm -rf "$NEW"
mkdir -p "$NEW"
for b in "${BINARIES[@]}"; do
  [ -x "$SRC/_output/bin/$b" ] || fail "make produced no _output/bin/$b"
  v="$("$SRC/_output/bin/$b" --version 2>&1)"
  echo "$b --version: $v" >>"$LOG"
  [ "$v" = "Kubernetes v$KUBE_VERSION" ] || fail "$b --version says '$v', not 'Kubernetes v$KUBE_VERSION'"
  install -m 0755 "$SRC/_output/bin/$b" "$NEW/$b" || fail "copying $b"
done
step_end
BUILD_SECONDS=$(($(date +%s) - T_START))
{
  echo "$STAMP_ID"
  echo "kubernetes $SRC_VERSION (v$KUBE_VERSION), $GO_VERSION, reflect2 $REFLECT2_VERSION (Debian) instead of vendored $VENDOR_REFLECT2, built $(date -u +%FT%TZ) in ${BUILD_SECONDS}s"
} >"$NEW/.stamp"
rm -rf "$BIN_DIR"
mv "$NEW" "$BIN_DIR" || fail "moving $NEW to $BIN_DIR"

_log "timings:"
for t in "${TIMINGS[@]}"; do _log "$t"; done
_log "built in ${BUILD_SECONDS}s: $BIN_DIR/{$(IFS=,; echo "${BINARIES[*]}")} (log: $LOG)"
