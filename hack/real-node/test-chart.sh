#!/usr/bin/env bash
# The chart installed for real, on the real node (make test-real-node; hack/real-node/up.sh must have run):
#   1. `helm install` puts two operator pods on the real node, in a namespace enforcing Pod Security "restricted";
#   2. one of them holds the leader Lease;
#   3. `helm test` passes (its pod runs kubectl in a container);
#   4. a ScalableApp becomes Ready with real pods behind its Service, and its Varnish edge pods answer MISS, then
#      HIT, then PASS through the edge Service;
#   5. after a rollout of a new image, the in-cluster operator purges the edge (CdnPurged, and a MISS again);
#   6. killing the leader pod moves the Lease to the other pod, and the app keeps converging (a new minimum of
#      replicas is reached);
#   7. an HPA scales the load target up from the CPU the kubelet measured (metrics-server reading the real node).
# Every step polls with a deadline and fails with what it saw; nothing is skipped. Prints each step's time.
#   test-chart.sh OPERATOR_IMAGE_TAR
set -euo pipefail
source "$(dirname "$0")/../cluster-env.sh"
source "$HACK_DIR/real-node/env.sh"
IMAGE_TAR=${1:?usage: test-chart.sh OPERATOR_IMAGE_TAR (operator/target/jib-image.tar, from mvn package)}
CHART="$REPO_ROOT/helm/scalableapp-operator"
NS=real-chart APP_NS=real-app RELEASE=real APP=web HOST=web.real.test
OPERATOR_DEPLOYMENT="$RELEASE-scalableapp-operator"
helm() { "$HELM_BIN_DIR/helm" "$@"; }
suite_start=$SECONDS step_start=$SECONDS failures=0
fail() { log "FAIL: $*"; dump; exit 1; }
step() { log "ok ($((SECONDS - step_start))s): $*"; step_start=$SECONDS; }
dump() {
  kubectl get pods -A -o wide --field-selector "spec.nodeName=$REAL_NODE_NAME" >&2 || true
  kubectl get events -n "$APP_NS" --sort-by=.lastTimestamp 2>/dev/null | tail -n 15 >&2 || true
  kubectl logs -n "$NS" "deployment/$OPERATOR_DEPLOYMENT" --tail=30 >&2 2>/dev/null || true
}
# poll SECONDS WHAT CMD...: runs CMD every 2 s until it succeeds; fails naming WHAT and CMD's last output.
poll() {
  local seconds=$1 what=$2 out=""; shift 2
  local deadline=$((SECONDS + seconds))
  while (( SECONDS < deadline )); do
    if out=$("$@" 2>&1); then return 0; fi
    sleep 2
  done
  fail "$what within ${seconds}s; last: ${out:0:600}"
}
jsonpath() { kubectl get "$@" 2>/dev/null; }

kubectl get node "$REAL_NODE_NAME" >/dev/null 2>&1 \
  || fail "no node $REAL_NODE_NAME: start the cluster with SCALABLEAPP_REAL_NODE=1 (make real-node-up)"
[[ -f $IMAGE_TAR ]] || fail "no operator image at $IMAGE_TAR: run mvn package (Jib writes it)"
"$HACK_DIR/real-node/images.sh" "$IMAGE_TAR"
step "images imported into the real node's containerd"

# A namespace whose pods all go to the real node (PodNodeSelector, PodTolerationRestriction).
real_namespace() {
  kubectl create namespace "$1" --dry-run=client -o yaml | kubectl apply --server-side -f - >/dev/null
  kubectl annotate namespace "$1" --overwrite >/dev/null \
    "scheduler.alpha.kubernetes.io/node-selector=$REAL_NODE_LABEL=true" \
    "scheduler.alpha.kubernetes.io/defaultTolerations=[{\"key\":\"$REAL_NODE_LABEL\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]"
}
helm uninstall "$RELEASE" -n "$NS" --wait >/dev/null 2>&1 || true
kubectl delete namespace "$NS" "$APP_NS" --ignore-not-found --wait=true --timeout=120s >/dev/null
real_namespace "$NS"
kubectl label namespace "$NS" pod-security.kubernetes.io/enforce=restricted --overwrite >/dev/null
real_namespace "$APP_NS"

# 1. Two operator pods, running the image on the real node.
helm install "$RELEASE" "$CHART" -n "$NS" --wait --timeout 6m \
  --set "tests.kubectlImage=$KUBECTL_IMAGE" --set "tests.appImage=$PAUSE_IMAGE" >/dev/null \
  || fail "helm install did not become ready"
running_on_node() { # running_on_node NS SELECTOR COUNT: COUNT Ready pods, all on the real node
  local lines
  lines=$(kubectl get pods -n "$1" -l "$2" --field-selector=status.phase=Running \
    -o jsonpath='{range .items[*]}{.spec.nodeName} {.status.containerStatuses[0].ready} {.status.podIP}{"\n"}{end}')
  echo "$lines"
  [[ $(grep -c "^$REAL_NODE_NAME true 10\.244\." <<<"$lines") -eq $3 && $(wc -l <<<"$lines") -eq $3 ]]
}
poll 180 "two operator pods Ready on $REAL_NODE_NAME" running_on_node "$NS" app.kubernetes.io/instance="$RELEASE" 2
step "helm install: two operator pods Ready on $REAL_NODE_NAME in a restricted namespace"

# 2. One of them holds the Lease.
leader() { kubectl get lease -n "$NS" "$OPERATOR_DEPLOYMENT" -o jsonpath='{.spec.holderIdentity}'; }
holds_lease() {
  local holder; holder=$(leader)
  kubectl get pod -n "$NS" "$holder" -o jsonpath='{.status.phase}' | grep -qx Running && echo "$holder"
}
poll 120 "an operator pod holding the Lease $NS/$OPERATOR_DEPLOYMENT" holds_lease
first_leader=$(leader)
step "the Lease is held by $first_leader"

# 3. helm test: its pod runs kubectl in the cluster and waits for the test app to be Ready.
helm test "$RELEASE" -n "$NS" --timeout 5m >/dev/null || fail "helm test failed: $(helm test "$RELEASE" -n "$NS" --logs 2>&1 | tail -n 20)"
step "helm test passed"

# 4. An app with real pods and a Varnish edge in front of it.
apply_app() { # apply_app IMAGE MIN_REPLICAS
  kubectl apply --server-side -f - >/dev/null <<YAML
apiVersion: scalableapp.io/v1alpha1
kind: ScalableApp
metadata: {name: $APP, namespace: $APP_NS}
spec:
  image: $1
  port: 8080
  env:
  - {name: WORK_ROUNDS, value: "2000"}
  - {name: CACHE_MAX_AGE, value: "600"}
  resources: {requests: {cpu: 50m, memory: 32Mi}, limits: {memory: 64Mi}}
  replicas: {min: $2, max: 4}
  probes:
    readiness: {path: /healthz}
  securityProfile: Restricted
  cdn:
    provider: varnish
    hosts: [$HOST]
    rules:
    - {name: api, pathPrefix: /api/, action: Bypass}
    - {name: static, pathPrefix: /static/, ttl: 1h}
    purge: {onRollout: true, mode: prefixes, prefixes: [/static/]}
    varnish: {image: $VARNISH_IMAGE, minReplicas: 1, maxReplicas: 2, cacheSizeMiB: 32}
YAML
}
apply_app "$LOAD_TARGET_IMAGE" 2
ready() { kubectl get scalableapp -n "$APP_NS" "$APP" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' | grep -qx True; }
poll 300 "ScalableApp $APP_NS/$APP Ready" ready
poll 120 "two app pods Ready on $REAL_NODE_NAME" running_on_node "$APP_NS" "app.kubernetes.io/name=$APP" 2
endpoints() { # the Service's ready endpoints are the pods' bridge addresses
  local ips; ips=$(kubectl get endpointslices -n "$APP_NS" -l "kubernetes.io/service-name=$APP" \
    -o jsonpath='{range .items[*].endpoints[?(@.conditions.ready==true)]}{.addresses[0]}{"\n"}{end}')
  echo "$ips"; [[ $(grep -c '^10\.244\.0\.' <<<"$ips") -ge 2 ]]
}
poll 60 "two ready endpoints on the pod bridge behind Service $APP" endpoints
app_ip=$(kubectl get service -n "$APP_NS" "$APP" -o jsonpath='{.spec.clusterIP}')
port=$(kubectl get service -n "$APP_NS" "$APP" -o jsonpath='{.spec.ports[0].port}')
poll 60 "an answer from the app through its Service $app_ip:$port" curl -fsS --max-time 5 "http://$app_ip:$port/"
step "ScalableApp Ready, served by real pods through its Service"

edge_ip=$(kubectl get service -n "$APP_NS" "$APP-edge" -o jsonpath='{.spec.clusterIP}' 2>/dev/null) || true
[[ -n $edge_ip ]] || fail "no edge Service $APP_NS/$APP-edge"
edge_port=$(kubectl get service -n "$APP_NS" "$APP-edge" -o jsonpath='{.spec.ports[0].port}')
x_cache() { curl -sS --max-time 5 -o /dev/null -D - -H "Host: $HOST" "http://$edge_ip:$edge_port$1" | tr -d '\r' | sed -n 's/^[Xx]-[Cc]ache: //p'; }
expect_cache() { # expect_cache PATH WANT
  local got; got=$(x_cache "$1"); echo "X-Cache $got on $1"; [[ $got == "$2" ]]
}
poll 240 "the edge pods answering through Service $APP-edge" curl -fsS --max-time 5 -o /dev/null -H "Host: $HOST" "http://$edge_ip:$edge_port/api/ping"
poll 10 "MISS first" expect_cache /static/a.css MISS
poll 10 "then HIT" expect_cache /static/a.css HIT
poll 10 "PASS for a bypassed path" expect_cache /api/cart PASS
step "the edge answers MISS, HIT, PASS through Service $APP-edge"

# 5. A rollout of a new image: the in-cluster operator (no other runs anywhere) bans /static/ on every edge pod.
purged_before=$(kubectl get events -n "$APP_NS" --field-selector reason=CdnPurged -o name | wc -l)
apply_app "$LOAD_TARGET_IMAGE_NEXT" 2
purged() { (( $(kubectl get events -n "$APP_NS" --field-selector reason=CdnPurged -o name | wc -l) > purged_before )); }
poll 240 "a CdnPurged Event after the rollout" purged
poll 30 "a MISS for the purged object" expect_cache /static/a.css MISS
message=$(kubectl get events -n "$APP_NS" --field-selector reason=CdnPurged -o jsonpath='{.items[-1:].message}')
step "rollout purged by the in-cluster operator: $message"

# 6. Kill the leader: the other pod takes the Lease, and the app keeps converging.
kubectl delete pod -n "$NS" "$first_leader" --grace-period=0 --force --wait=false >/dev/null 2>&1
moved() { local h; h=$(leader); [[ -n $h && $h != "$first_leader" ]] && holds_lease; }
poll 120 "the Lease moving away from the killed leader $first_leader" moved
new_leader=$(leader)
apply_app "$LOAD_TARGET_IMAGE_NEXT" 3
poll 240 "three app pods Ready on $REAL_NODE_NAME under the new leader" running_on_node "$APP_NS" "app.kubernetes.io/name=$APP" 3
step "leader $first_leader killed; $new_leader took the Lease and scaled the app to 3"

# 7. Real CPU drives a real HPA: load-target spends CPU per request; two request loops push one pod over 70 %.
kubectl apply -n "$APP_NS" -f - >/dev/null <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: cpu-probe}
spec:
  selector: {matchLabels: {app: cpu-probe}}
  template:
    metadata: {labels: {app: cpu-probe}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
      - name: load-target
        image: $LOAD_TARGET_IMAGE
        resources: {requests: {cpu: 100m}}
        readinessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 2}
        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
---
apiVersion: v1
kind: Service
metadata: {name: cpu-probe}
spec: {selector: {app: cpu-probe}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: cpu-probe}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: cpu-probe}
  minReplicas: 1
  maxReplicas: 3
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
YAML
kubectl rollout status -n "$APP_NS" deployment/cpu-probe --timeout=120s >/dev/null || fail "the cpu-probe pod did not start"
probe_ip=$(kubectl get service -n "$APP_NS" cpu-probe -o jsonpath='{.spec.clusterIP}')
load_end=$((SECONDS + 240)) loaders=()
trap 'kill ${loaders[@]+"${loaders[@]}"} 2>/dev/null || true' EXIT
for _ in 1 2; do
  ( while (( SECONDS < load_end )); do curl -s -o /dev/null --max-time 5 "http://$probe_ip/load" || true; done ) &
  loaders+=($!)
done
scaled() {
  local s; s=$(kubectl get hpa -n "$APP_NS" cpu-probe -o jsonpath='{.status.currentMetrics[0].resource.current.averageUtilization} {.status.desiredReplicas} {.status.currentReplicas}')
  echo "utilisation %, desired, current: $s"; read -r cpu desired _ <<<"$s"
  [[ -n $cpu && ${desired:-0} -ge 2 && $(kubectl get deployment -n "$APP_NS" cpu-probe -o jsonpath='{.status.readyReplicas}') -ge 2 ]]
}
poll 230 "the HPA scaling cpu-probe to 2 ready pods from the kubelet's CPU" scaled
kill "${loaders[@]}" 2>/dev/null || true
step "a real HPA scaled cpu-probe to $(kubectl get deployment -n "$APP_NS" cpu-probe -o jsonpath='{.status.readyReplicas}') pods at $(kubectl get hpa -n "$APP_NS" cpu-probe -o jsonpath='{.status.currentMetrics[0].resource.current.averageUtilization}') % CPU"

kubectl delete scalableapp -n "$APP_NS" "$APP" --wait=true --timeout=120s >/dev/null || fail "the app was not deleted"
helm uninstall "$RELEASE" -n "$NS" --wait --timeout 3m >/dev/null || fail "helm uninstall failed"
kubectl delete namespace "$NS" "$APP_NS" --wait=false >/dev/null
log "real-node chart suite passed in $((SECONDS - suite_start))s"
