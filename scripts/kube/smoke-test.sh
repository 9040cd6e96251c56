#!/usr/bin/env bash
# Self-check of the test control plane, with curl + the admin token only:
# build (or take from the cache), start in a temp folder, create a namespace,
# a Pod and a batch/v1 Job, wait for the Job controller to make the Job's Pod,
# list them, stop, and check that no process of ours is left.
#
#   bash scripts/kube/smoke-test.sh
#
# There is no kubelet (and no Node): Pods stay Pending and unscheduled; the
# scheduler only reports them as unschedulable.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
_log() { printf '\033[1;33m[kube-smoke]\033[0m %s\n' "$*" >&2; }
fail() { _log "FAILED: $*"; exit 1; }

T0=$(date +%s)
bash "$HERE/build-control-plane.sh" || fail "build"
T_BUILD=$(($(date +%s) - T0))

DIR="$(mktemp -d "${TMPDIR:-/tmp}/ml-kube-smoke.XXXXXX")"
PIDS_SEEN=""
finish() {
  local status=$?
  bash "$HERE/control-plane.sh" stop "$DIR" || status=1
  local p left=""
  for p in $PIDS_SEEN; do
    if [ -d "/proc/$p" ] && [ "$(awk '/^State:/ {print $2}' "/proc/$p/status" 2>/dev/null)" != Z ]; then
      left="$left $p"
    fi
  done
  if [ -n "$left" ]; then
    _log "FAILED: processes left after stop:$left"
    status=1
  else
    _log "after stop: none of the pids ($PIDS_SEEN) is alive"
  fi
  if [ "$status" = 0 ]; then
    rm -rf "$DIR"
    _log "ok (build/cache ${T_BUILD}s, control plane start ${T_START:-?}s, total $(($(date +%s) - T0))s)"
  else
    _log "kept $DIR for the logs"
  fi
  exit "$status"
}
trap finish EXIT

T1=$(date +%s)
bash "$HERE/control-plane.sh" start "$DIR" >/dev/null || fail "start"
T_START=$(($(date +%s) - T1))
PIDS_SEEN="$(cat "$DIR"/pids/*.pid | tr '\n' ' ')"
set -a
. "$DIR/env"
set +a

# api METHOD PATH [JSON]: prints the response body, fails on HTTP >= 400.
api() {
  local method="$1" path="$2" body="${3:-}"
  local args=(-sS --fail-with-body --max-time 10 --cacert "$KUBE_CA_FILE"
    -H "Authorization: Bearer $KUBE_TOKEN" -H "Content-Type: application/json" -X "$method")
  [ -n "$body" ] && args+=(--data "$body")
  curl "${args[@]}" "$KUBE_API_URL$path"
}

_log "server version: $(api GET /version | jq -r '.gitVersion + " (" + .goVersion + ")"')"

NS=ml-smoke
api POST /api/v1/namespaces "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"$NS\"}}" >/dev/null ||
  fail "create namespace"
_log "created namespace $NS"

# The ServiceAccount admission plugin rejects pods until the controller-manager
# has made the namespace's default service account (and its token).
for i in $(seq 1 60); do
  api GET "/api/v1/namespaces/$NS/serviceaccounts/default" 2>/dev/null |
    jq -e '(.secrets // []) | length > 0' >/dev/null && break
  [ "$i" = 60 ] && fail "no default service account (with a token) in $NS after 30s: controller-manager?"
  sleep 0.5
done
_log "the controller-manager made the default service account (with a token secret)"

api POST "/api/v1/namespaces/$NS/pods" '{
  "apiVersion": "v1", "kind": "Pod",
  "metadata": {"name": "hello"},
  "spec": {"containers": [{"name": "main", "image": "busybox", "command": ["echo", "hi"]}],
           "restartPolicy": "Never"}}' >/dev/null || fail "create pod"
_log "created pod $NS/hello"

api POST "/apis/batch/v1/namespaces/$NS/jobs" '{
  "apiVersion": "batch/v1", "kind": "Job",
  "metadata": {"name": "hello-job"},
  "spec": {"backoffLimit": 0,
           "template": {"spec": {"containers": [{"name": "main", "image": "busybox", "command": ["echo", "hi"]}],
                                 "restartPolicy": "Never"}}}}' >/dev/null || fail "create job"
_log "created job $NS/hello-job"

for i in $(seq 1 60); do
  n="$(api GET "/api/v1/namespaces/$NS/pods?labelSelector=job-name%3Dhello-job" | jq '.items | length')"
  [ "${n:-0}" -ge 1 ] && break
  [ "$i" = 60 ] && fail "the Job controller made no pod for hello-job in 30s"
  sleep 0.5
done
_log "the Job controller created a pod for hello-job"

# The scheduler sees the pods and, with no nodes, marks them unschedulable.
for i in $(seq 1 40); do
  api GET "/api/v1/namespaces/$NS/pods/hello" |
    jq -e '.status.conditions // [] | any(.type == "PodScheduled" and .reason == "Unschedulable")' >/dev/null && break
  [ "$i" = 40 ] && fail "the scheduler did not mark pod hello Unschedulable in 20s"
  sleep 0.5
done
_log "the scheduler tried pod hello: PodScheduled=False/Unschedulable (no nodes)"

echo "--- pods in $NS"
api GET "/api/v1/namespaces/$NS/pods" | jq -r '.items[] |
  "\(.metadata.name)\tphase=\(.status.phase)\towner=\((.metadata.ownerReferences // [])[0].kind // "-")\tscheduled=\((.status.conditions // [])[] | select(.type == "PodScheduled") | "\(.status)/\(.reason)")\tsa-token-volume=\([.spec.volumes[]?.name] | join(","))"'
echo "--- jobs in $NS"
api GET "/apis/batch/v1/namespaces/$NS/jobs" | jq -r '.items[] | "\(.metadata.name)\tactive=\(.status.active // 0)\tstart=\(.status.startTime)"'
echo "--- events in $NS"
api GET "/api/v1/namespaces/$NS/events" | jq -r '.items[] | "\(.involvedObject.kind)/\(.involvedObject.name)\t\(.source.component)\t\(.reason)\t\(.message)"'
