#!/usr/bin/env bash
# A throwaway Kubernetes v1.20.2 control plane on 127.0.0.1 for integration
# tests: Debian's etcd, then kube-apiserver, kube-controller-manager and
# kube-scheduler (built by build-control-plane.sh into the cache). No kubelet:
# pods are accepted and stay Pending.
#
#   bash scripts/kube/control-plane.sh start  DIR   # start; waits for /readyz
#   bash scripts/kube/control-plane.sh status DIR   # exit 0 if all 4 are up
#   bash scripts/kube/control-plane.sh stop   DIR   # stop them, by pid
#
# DIR holds everything: pki/ (CA, apiserver serving cert, service-account key,
# made with openssl), tokens.csv (static tokens), *.kubeconfig, etcd/ (data),
# logs/, pids/, and `env`:
#
#   KUBE_API_URL=https://127.0.0.1:<port>
#   KUBE_TOKEN=<admin token, group system:masters>
#   KUBE_CA_FILE=DIR/pki/ca.crt
#   KUBECONFIG=DIR/admin.kubeconfig
#
# (plain KEY=value lines: `set -a; . DIR/env; set +a`). A second `start` on the
# same DIR keeps its keys, tokens and etcd data and takes new ports.
#
# Env: ML_KUBE_BIN_DIR (the binaries, as in build-control-plane.sh),
#      ML_KUBE_ETCD (default: etcd from PATH, Debian's etcd-server),
#      ML_KUBE_START_TIMEOUT (seconds to wait for readiness, default 90).
set -uo pipefail

KUBE_VERSION=1.20.2
BIN_DIR="${ML_KUBE_BIN_DIR:-${ML_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ml-platform}/kube-$KUBE_VERSION/bin}"
ETCD="${ML_KUBE_ETCD:-$(command -v etcd || echo /usr/bin/etcd)}"
START_TIMEOUT="${ML_KUBE_START_TIMEOUT:-90}"
SERVICE_CIDR=10.0.0.0/24
SERVICE_IP=10.0.0.1
SA_ISSUER=https://kubernetes.default.svc.cluster.local
# Stopped in this order (reverse start order).
COMPONENTS=(kube-scheduler kube-controller-manager kube-apiserver etcd)

_log() { printf '\033[1;32m[kube]\033[0m %s\n' "$*" >&2; }
die() { _log "ERROR: $*"; exit 1; }

usage() {
  echo "usage: $0 start|stop|status DIR" >&2
  exit 2
}

[ $# -eq 2 ] || usage
CMD="$1"
mkdir -p "$2" 2>/dev/null || die "cannot create $2"
DIR="$(cd "$2" && pwd)"
PKI="$DIR/pki"
PIDS="$DIR/pids"
LOGS="$DIR/logs"

# --- processes ---------------------------------------------------------------

# Prints the pid of COMPONENT if its pid file names a live process that is
# really ours (its command line mentions DIR: a recycled pid is not killed).
live_pid() {
  local f="$PIDS/$1.pid" pid
  [ -f "$f" ] || return 1
  pid="$(cat "$f" 2>/dev/null)"
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$DIR/" || return 1
  # A zombie is not running.
  [ "$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null)" != Z ] || return 1
  echo "$pid"
}

# Whether COMPONENT, just started, is still alive. Unlike live_pid it does not
# look at the command line: until the background shell has exec'd the
# component it is still this script's (a busy machine showed that window).
started_alive() {
  local pid
  pid="$(cat "$PIDS/$1.pid" 2>/dev/null)"
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  [ -r "/proc/$pid/status" ] || return 1
  [ "$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null)" != Z ]
}

stop_one() {
  local name="$1" pid i
  if ! pid="$(live_pid "$name")"; then
    rm -f "$PIDS/$name.pid"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    [ "$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null)" = Z ] && break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null && [ "$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null)" != Z ]; then
    _log "$name (pid $pid) did not stop on SIGTERM within 10s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null
    sleep 0.2
  fi
  rm -f "$PIDS/$name.pid"
  _log "stopped $name (pid $pid)"
}

stop_all() {
  local c
  for c in "${COMPONENTS[@]}"; do stop_one "$c"; done
}

# start_bg NAME CMD ARGS...: runs CMD in its own session (a Ctrl-C in the
# caller's terminal does not reach it), output to logs/NAME.log, pid to
# pids/NAME.pid.
start_bg() {
  local name="$1"
  shift
  setsid "$@" </dev/null >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
}

# --- ports -------------------------------------------------------------------

USED_PORTS=" "
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# pick_port VAR: sets VAR to a free port on 127.0.0.1 below the kernel's
# ephemeral range (32768+). Not in a $(...) subshell, so that USED_PORTS
# remembers what was handed out and no two components get the same port.
pick_port() {
  local p i
  for i in $(seq 1 200); do
    p=$((20000 + RANDOM % 12000))
    case "$USED_PORTS" in *" $p "*) continue ;; esac
    port_in_use "$p" && continue
    USED_PORTS="$USED_PORTS$p "
    printf -v "$1" '%s' "$p"
    return 0
  done
  return 1
}

# --- keys, certificates, tokens ---------------------------------------------

# Makes what is missing in pki/ (a second start keeps the keys, so the
# service-account tokens in etcd stay valid). Runs only with $PKI set.
ensure_pki() {
  [ -n "$PKI" ] && [ -n "$DIR" ] || return 1
  mkdir -p "$PKI"
  chmod 700 "$PKI"
  cat >"$PKI/openssl.cnf" <<EOF
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
[v3_server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid
subjectAltName = DNS:localhost, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, IP:127.0.0.1, IP:$SERVICE_IP
[v3_client]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
authorityKeyIdentifier = keyid
EOF
  if [ ! -f "$PKI/ca.crt" ] || [ ! -f "$PKI/apiserver.crt" ] || [ ! -f "$PKI/sa.key" ]; then
    _log "generating the CA, the apiserver's serving certificate and the service-account key (openssl) in $PKI"
    (
      set -e
      cd "$PKI"
      openssl genrsa -out ca.key 2048
      openssl req -x509 -new -key ca.key -subj "/CN=ml-platform-test-kube-ca" -days 3650 \
        -config openssl.cnf -extensions v3_ca -out ca.crt
      openssl genrsa -out apiserver.key 2048
      openssl req -new -key apiserver.key -subj "/CN=kube-apiserver" -config openssl.cnf -out apiserver.csr
      openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
        -extfile openssl.cnf -extensions v3_server -out apiserver.crt
      openssl genrsa -out sa.key 2048
      openssl rsa -in sa.key -pubout -out sa.pub
      chmod 600 ./*.key
    ) >>"$LOGS/openssl.log" 2>&1 || { cat "$LOGS/openssl.log" >&2; return 1; }
  fi
  # The front-proxy (request-header) CA, as kubeadm makes it: the apiserver
  # publishes it in kube-system/extension-apiserver-authentication, where the
  # controller-manager and the scheduler look for it (without it they log an
  # error every few seconds); the aggregation layer uses the client cert.
  if [ ! -f "$PKI/front-proxy-ca.crt" ] || [ ! -f "$PKI/front-proxy-client.crt" ]; then
    (
      set -e
      cd "$PKI"
      openssl genrsa -out front-proxy-ca.key 2048
      openssl req -x509 -new -key front-proxy-ca.key -subj "/CN=ml-platform-test-front-proxy-ca" -days 3650 \
        -config openssl.cnf -extensions v3_ca -out front-proxy-ca.crt
      openssl genrsa -out front-proxy-client.key 2048
      openssl req -new -key front-proxy-client.key -subj "/CN=front-proxy-client" -config openssl.cnf \
        -out front-proxy-client.csr
      openssl x509 -req -in front-proxy-client.csr -CA front-proxy-ca.crt -CAkey front-proxy-ca.key \
        -CAcreateserial -days 3650 -extfile openssl.cnf -extensions v3_client -out front-proxy-client.crt
      chmod 600 ./*.key
    ) >>"$LOGS/openssl.log" 2>&1 || { cat "$LOGS/openssl.log" >&2; return 1; }
  fi

  [ -f "$DIR/tokens.csv" ] && return 0
  # Static tokens (token,user,uid,"groups"): the admin, and the identities
  # the bootstrap RBAC policy gives the controller-manager and the scheduler.
  local admin kcm sched
  admin="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
  kcm="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
  sched="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
  (
    umask 077
    {
      echo "$admin,ml-platform-admin,ml-platform-admin,\"system:masters\""
      echo "$kcm,system:kube-controller-manager,system:kube-controller-manager"
      echo "$sched,system:kube-scheduler,system:kube-scheduler"
    } >"$DIR/tokens.csv"
  )
}

token_of() { awk -F, -v u="$1" '$2 == u {print $1}' "$DIR/tokens.csv"; }

# write_kubeconfig FILE USER TOKEN
write_kubeconfig() {
  (
    umask 077
    cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: ml-platform-test
  cluster:
    server: $API_URL
    certificate-authority: $PKI/ca.crt
users:
- name: $2
  user:
    token: $3
contexts:
- name: $2@ml-platform-test
  context:
    cluster: ml-platform-test
    user: $2
current-context: $2@ml-platform-test
EOF
  )
}

# --- waiting -----------------------------------------------------------------

# wait_for NAME DEADLINE CMD...: retries CMD until it succeeds, the component
# dies or DEADLINE (epoch seconds) passes.
wait_for() {
  local name="$1" deadline="$2"
  shift 2
  while :; do
    "$@" >/dev/null 2>&1 && return 0
    if ! started_alive "$name"; then
      _log "$name exited; last lines of $LOGS/$name.log:"
      tail -n 30 "$LOGS/$name.log" >&2
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      _log "$name not ready after ${START_TIMEOUT}s; last lines of $LOGS/$name.log:"
      tail -n 30 "$LOGS/$name.log" >&2
      return 1
    fi
    sleep 0.3
  done
}

curl_ok() { curl -sS --fail --max-time 3 "$@"; }

# --- commands ----------------------------------------------------------------

do_start() {
  local b c
  for b in kube-apiserver kube-controller-manager kube-scheduler; do
    [ -x "$BIN_DIR/$b" ] || die "$BIN_DIR/$b is missing: run bash scripts/kube/build-control-plane.sh first"
  done
  [ -x "$ETCD" ] || die "no etcd ($ETCD): apt-get install etcd-server (build-control-plane.sh does)"
  command -v openssl >/dev/null || die "openssl is missing"
  command -v curl >/dev/null || die "curl is missing"
  mkdir -p "$PIDS" "$LOGS"
  for c in "${COMPONENTS[@]}"; do
    if live_pid "$c" >/dev/null; then
      die "$c is already running from $DIR (pid $(live_pid "$c")): stop it first"
    fi
  done

  local t0 deadline
  t0=$(date +%s)
  deadline=$((t0 + START_TIMEOUT))
  ensure_pki || die "could not make the keys and certificates"

  local etcd_port etcd_peer api_port kcm_port sched_port
  pick_port etcd_port && pick_port etcd_peer && pick_port api_port &&
    pick_port kcm_port && pick_port sched_port || die "no free ports"
  API_URL="https://127.0.0.1:$api_port"
  local etcd_url="http://127.0.0.1:$etcd_port"

  # From here on, a failure stops what was started.
  trap 'stop_all' EXIT

  _log "starting etcd ($("$ETCD" --version 2>/dev/null | awk '/^etcd Version/ {print $3}')) on $etcd_url"
  mkdir -p "$DIR/etcd"
  chmod 700 "$DIR/etcd"
  start_bg etcd "$ETCD" --name ml-platform-test \
    --data-dir "$DIR/etcd" \
    --listen-client-urls "$etcd_url" --advertise-client-urls "$etcd_url" \
    --listen-peer-urls "http://127.0.0.1:$etcd_peer" \
    --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer" \
    --initial-cluster "ml-platform-test=http://127.0.0.1:$etcd_peer" \
    --initial-cluster-state new \
    --logger zap --log-outputs stderr
  wait_for etcd "$deadline" curl_ok "$etcd_url/health" || exit 1

  _log "starting kube-apiserver on $API_URL"
  mkdir -p "$DIR/apiserver-certs"
  start_bg kube-apiserver "$BIN_DIR/kube-apiserver" \
    --bind-address=127.0.0.1 --secure-port="$api_port" --insecure-port=0 \
    --advertise-address=127.0.0.1 --endpoint-reconciler-type=none \
    --cert-dir="$DIR/apiserver-certs" \
    --etcd-servers="$etcd_url" \
    --service-cluster-ip-range="$SERVICE_CIDR" \
    --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
    --client-ca-file="$PKI/ca.crt" \
    --requestheader-client-ca-file="$PKI/front-proxy-ca.crt" \
    --requestheader-allowed-names=front-proxy-client \
    --requestheader-username-headers=X-Remote-User \
    --requestheader-group-headers=X-Remote-Group \
    --requestheader-extra-headers-prefix=X-Remote-Extra- \
    --proxy-client-cert-file="$PKI/front-proxy-client.crt" \
    --proxy-client-key-file="$PKI/front-proxy-client.key" \
    --token-auth-file="$DIR/tokens.csv" \
    --authorization-mode=RBAC \
    --enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,DefaultTolerationSeconds,Priority,ResourceQuota \
    --service-account-issuer="$SA_ISSUER" \
    --service-account-signing-key-file="$PKI/sa.key" \
    --service-account-key-file="$PKI/sa.pub" \
    --api-audiences="$SA_ISSUER" \
    --profiling=false
  local admin_token
  admin_token="$(token_of ml-platform-admin)"
  wait_for kube-apiserver "$deadline" \
    curl_ok --cacert "$PKI/ca.crt" -H "Authorization: Bearer $admin_token" "$API_URL/readyz" || exit 1
  _log "kube-apiserver is ready ($(($(date +%s) - t0))s)"

  write_kubeconfig "$DIR/admin.kubeconfig" ml-platform-admin "$admin_token"
  write_kubeconfig "$DIR/controller-manager.kubeconfig" system:kube-controller-manager \
    "$(token_of system:kube-controller-manager)"
  write_kubeconfig "$DIR/scheduler.kubeconfig" system:kube-scheduler "$(token_of system:kube-scheduler)"

  _log "starting kube-controller-manager and kube-scheduler"
  mkdir -p "$DIR/controller-manager-certs" "$DIR/scheduler-certs"
  # Each controller runs as its own service account
  # (--use-service-account-credentials): the bootstrap RBAC roles are made for
  # that; the controller-manager's own user may not create pods (Job
  # controller) etc.
  start_bg kube-controller-manager "$BIN_DIR/kube-controller-manager" \
    --kubeconfig="$DIR/controller-manager.kubeconfig" \
    --authentication-kubeconfig="$DIR/controller-manager.kubeconfig" \
    --authorization-kubeconfig="$DIR/controller-manager.kubeconfig" \
    --bind-address=127.0.0.1 --secure-port="$kcm_port" --port=0 \
    --cert-dir="$DIR/controller-manager-certs" \
    --leader-elect=false \
    --use-service-account-credentials=true \
    --service-account-private-key-file="$PKI/sa.key" \
    --root-ca-file="$PKI/ca.crt" \
    --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
    --service-cluster-ip-range="$SERVICE_CIDR" \
    --profiling=false
  start_bg kube-scheduler "$BIN_DIR/kube-scheduler" \
    --kubeconfig="$DIR/scheduler.kubeconfig" \
    --authentication-kubeconfig="$DIR/scheduler.kubeconfig" \
    --authorization-kubeconfig="$DIR/scheduler.kubeconfig" \
    --bind-address=127.0.0.1 --secure-port="$sched_port" --port=0 \
    --cert-dir="$DIR/scheduler-certs" \
    --leader-elect=false \
    --profiling=false
  # Their /healthz is open (--authorization-always-allow-paths), served with a
  # self-signed certificate.
  wait_for kube-controller-manager "$deadline" curl_ok -k "https://127.0.0.1:$kcm_port/healthz" || exit 1
  wait_for kube-scheduler "$deadline" curl_ok -k "https://127.0.0.1:$sched_port/healthz" || exit 1

  (
    umask 077
    {
      echo "KUBE_API_URL=$API_URL"
      echo "KUBE_TOKEN=$admin_token"
      echo "KUBE_CA_FILE=$PKI/ca.crt"
      echo "KUBECONFIG=$DIR/admin.kubeconfig"
      echo "KUBE_ETCD_URL=$etcd_url"
      echo "KUBE_CONTROLLER_MANAGER_URL=https://127.0.0.1:$kcm_port"
      echo "KUBE_SCHEDULER_URL=https://127.0.0.1:$sched_port"
    } >"$DIR/env"
  )
  trap - EXIT
  _log "control plane up in $(($(date +%s) - t0))s: $API_URL (env: $DIR/env, logs: $LOGS)"
  cat "$DIR/env"
}

do_status() {
  local c pid ok=0
  for c in etcd kube-apiserver kube-controller-manager kube-scheduler; do
    if pid="$(live_pid "$c")"; then
      echo "$c: running (pid $pid)"
    else
      echo "$c: not running"
      ok=1
    fi
  done
  if [ -f "$DIR/env" ]; then
    local KUBE_API_URL KUBE_TOKEN KUBE_CA_FILE
    KUBE_API_URL="$(sed -n 's/^KUBE_API_URL=//p' "$DIR/env")"
    KUBE_TOKEN="$(sed -n 's/^KUBE_TOKEN=//p' "$DIR/env")"
    KUBE_CA_FILE="$(sed -n 's/^KUBE_CA_FILE=//p' "$DIR/env")"
    if curl_ok --cacert "$KUBE_CA_FILE" -H "Authorization: Bearer $KUBE_TOKEN" "$KUBE_API_URL/readyz" >/dev/null 2>&1; then
      echo "readyz: ok ($KUBE_API_URL)"
    else
      echo "readyz: not answering ($KUBE_API_URL)"
      ok=1
    fi
  fi
  return "$ok"
}

case "$CMD" in
  start) do_start ;;
  stop) stop_all ;;
  status) do_status ;;
  *) usage ;;
esac
