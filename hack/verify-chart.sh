#!/usr/bin/env bash
# Proves the Helm chart against helm itself and the local cluster's API server:
#   generated copies fresh (CRD, config/rbac), `helm lint` clean, values.schema.json refuses bad values, the
#   opt-in Grafana dashboard ConfigMap labelled for the sidecar and holding the generated JSON,
#   rendered default and non-default values accepted by `kubectl apply --dry-run=server`, the alerts
#   checked and unit-tested by promtool, and
#   `helm install` / `helm upgrade` / `helm uninstall` succeed, the uninstall keeping the CRD and users' apps.
# Expects the cluster environment (eval "$(hack/cluster-env.sh)") and a running cluster.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CHART="$REPO_ROOT/helm/scalableapp-operator"
TESTDATA="$HACK_DIR/testdata"
RELEASE=chart-test
NS=chart-test
CRD_NAME=scalableapps.scalableapp.io
helm() { "$HELM_BIN_DIR/helm" "$@"; }
fail() { log "FAIL: $*"; exit 1; }

log "chart: generated copies are fresh"
diff -u "$REPO_ROOT/crds/$CRD_NAME-v1.yml" "$CHART/files/crds/$CRD_NAME-v1.yml" \
  || fail "the chart's CRD copy is stale: run 'make chart-crd' and commit it"
diff -u "$REPO_ROOT/config/rbac/role.yaml" <("$HACK_DIR/generate-rbac.sh") \
  || fail "config/rbac/role.yaml differs from the chart's RBAC: run 'make rbac' and commit it"

log "chart: helm lint"
for values in "" "$TESTDATA/chart-values-namespaced.yaml" "$TESTDATA/chart-values-podmonitor.yaml" \
    "$TESTDATA/chart-values-dashboard.yaml"; do
  helm lint --strict "$CHART" ${values:+--values "$values"} >/dev/null || helm lint --strict "$CHART" ${values:+--values "$values"}
done

log "chart: values.schema.json refuses misspelt and mistyped values"
expect_refused() {
  local why=$1; shift
  local out
  if out=$(helm template t "$CHART" "$@" 2>&1); then fail "helm accepted $*"; fi
  grep -q -- "$why" <<<"$out" || fail "helm refused $* without saying '$why': $out"
}
expect_refused "additional properties 'replicas' not allowed" --set replicas=3
expect_refused "replicaCount" --set replicaCount=two
expect_refused "image/digest" --set image.digest=latest
expect_refused "watchNamespaces" --set 'watchNamespaces[0]=Team_A'
expect_refused "are exclusive" --set metrics.serviceMonitor.enabled=true --set metrics.podMonitor.enabled=true
expect_refused "labelValue" --set grafanaDashboard.labelValue=1
expect_refused "must not carry credentials" --set 'prometheus.url=http://reader:s3cret@prometheus:9090'
expect_refused "must not carry credentials" --set 'prometheus.allowedUrls[0]=http://reader:s3cret@thanos:10902'
expect_refused "callTimeout" --set cdn.callTimeout=0s
expect_refused "needs replicaCount 1" --set leaderElection.enabled=false
expect_refused "node drains would block" --set podDisruptionBudget.minAvailable=2
expect_refused "node drains would block" --set podDisruptionBudget.minAvailable=100%

log "chart: the opt-in Grafana dashboard ConfigMap, labelled for the sidecar, holds the generated JSON"
if helm template t "$CHART" | grep -q grafana_dashboard; then fail "the dashboard ConfigMap is rendered by default"; fi
DASHBOARD_JSON="$CHART/dashboards/scalableapp-operator.json"
dashboard_cm() { helm template "$RELEASE" "$CHART" --namespace "$NS" --show-only templates/grafana-dashboard.yaml "$@"; }
field() { kubectl create --dry-run=client -f - -o jsonpath="$1"; }
[[ $(dashboard_cm --values "$TESTDATA/chart-values-dashboard.yaml" | field '{.metadata.labels.grafana_dashboard}') == 1 ]] \
  || fail "the dashboard ConfigMap lacks the label grafana_dashboard: \"1\" the kube-prometheus-stack sidecar selects"
[[ $(dashboard_cm --values "$TESTDATA/chart-values-dashboard.yaml" | field '{.metadata.annotations.grafana_folder}') == Platform ]] \
  || fail "grafanaDashboard.folder did not become the grafana_folder annotation"
diff -u "$DASHBOARD_JSON" <(dashboard_cm --set grafanaDashboard.enabled=true | field '{.data.scalableapp-operator\.json}'; echo) \
  || fail "the ConfigMap's dashboard differs from $DASHBOARD_JSON"
[[ $(dashboard_cm --set grafanaDashboard.enabled=true --set grafanaDashboard.label=team_dashboards \
    --set grafanaDashboard.labelValue=yes --set grafanaDashboard.namespace=monitoring \
    | field '{.metadata.namespace} {.metadata.labels.team_dashboards}') == "monitoring yes" ]] \
  || fail "grafanaDashboard.label, labelValue and namespace did not reach the ConfigMap"

log "chart: the API server accepts the rendered chart (server-side dry run)"
# A namespace left terminating by the previous run cannot take new objects yet.
kubectl wait --for=delete namespace/"$NS" namespace/chart-team-a namespace/chart-team-b --timeout=120s >/dev/null 2>&1 || true
kubectl apply --server-side -f "$TESTDATA/monitoring-crds.yaml" >/dev/null
kubectl wait --for condition=Established --timeout=60s -f "$TESTDATA/monitoring-crds.yaml" >/dev/null
# The release namespace enforces Pod Security "restricted": the operator's Pods (and the helm-test Pod) are
# admitted only if the chart's securityContext meets it, and the install waits for them.
for ns in "$NS" chart-team-a chart-team-b; do
  kubectl create namespace "$ns" --dry-run=client -o yaml | kubectl apply --server-side -f - >/dev/null
done
kubectl label namespace "$NS" pod-security.kubernetes.io/enforce=restricted --overwrite >/dev/null
# A server-side dry run cannot create the CRD the helm-test ScalableApp needs, so that hook is left out here;
# with the CRD installed below it is rendered and accepted in the install step.
for values in "" "$TESTDATA/chart-values-namespaced.yaml" "$TESTDATA/chart-values-podmonitor.yaml" \
    "$TESTDATA/chart-values-dashboard.yaml"; do
  helm template "$RELEASE" "$CHART" --namespace "$NS" --skip-tests ${values:+--values "$values"} \
    | kubectl apply --server-side --force-conflicts --dry-run=server -f - >/dev/null \
    || fail "the API server refused the chart rendered with ${values:-default values}"
done

log "chart: promtool checks and unit-tests the alerts"
rules_dir=$(mktemp -d); trap 'rm -rf "$rules_dir"' EXIT
helm template "$RELEASE" "$CHART" --namespace "$NS" --set metrics.prometheusRule.enabled=true \
    --show-only templates/prometheusrule.yaml \
  | kubectl create --dry-run=client -f - -o jsonpath='{.spec}' >"$rules_dir/chart-alerts.rules.json"
cp "$TESTDATA/chart-alerts-test.yaml" "$rules_dir/"
promtool check rules "$rules_dir/chart-alerts.rules.json" >/dev/null
(cd "$rules_dir" && promtool test rules chart-alerts-test.yaml >/dev/null) \
  || (cd "$rules_dir" && promtool test rules chart-alerts-test.yaml) || fail "the chart's alerts do not fire as hack/testdata/chart-alerts-test.yaml expects"

log "chart: helm install, upgrade, uninstall"
helm uninstall "$RELEASE" --namespace "$NS" --wait >/dev/null 2>&1 || true
# A CRD installed before (make install, dist/install.yaml, the tests) is adopted into the release, as users
# coming from the plain manifests do.
if kubectl get crd "$CRD_NAME" >/dev/null 2>&1; then
  kubectl label crd "$CRD_NAME" app.kubernetes.io/managed-by=Helm --overwrite >/dev/null
  kubectl annotate crd "$CRD_NAME" meta.helm.sh/release-name="$RELEASE" meta.helm.sh/release-namespace="$NS" --overwrite >/dev/null
fi
helm install "$RELEASE" "$CHART" --namespace "$NS" --wait --timeout 3m >/dev/null
kubectl wait --for=condition=Available --timeout=120s -n "$NS" deployment/"$RELEASE-scalableapp-operator" >/dev/null
[[ $(kubectl get crd "$CRD_NAME" -o jsonpath='{.metadata.annotations.helm\.sh/resource-policy}') == keep ]] \
  || fail "the CRD is not marked helm.sh/resource-policy: keep"
# The helm-test hook's objects, created for real now that the CRD is installed (a dry run would refuse the Pod
# for want of its ServiceAccount). `helm test` itself cannot pass here: kwok runs no container.
helm template "$RELEASE" "$CHART" --namespace "$NS" --show-only templates/tests/app-ready.yaml \
  | kubectl apply --server-side -f - >/dev/null
kubectl apply -n "$NS" -f - >/dev/null <<'YAML'
apiVersion: scalableapp.io/v1alpha1
kind: ScalableApp
metadata:
  name: users-app
spec:
  image: registry.k8s.io/pause:3.10
YAML

helm upgrade "$RELEASE" "$CHART" --namespace "$NS" --reuse-values --set replicaCount=3 --wait --timeout 3m >/dev/null
[[ $(kubectl get deployment -n "$NS" "$RELEASE-scalableapp-operator" -o jsonpath='{.spec.replicas}') == 3 ]] \
  || fail "helm upgrade --set replicaCount=3 did not reach the Deployment"
kubectl wait --for=condition=Available --timeout=120s -n "$NS" deployment/"$RELEASE-scalableapp-operator" >/dev/null

helm uninstall "$RELEASE" --namespace "$NS" --wait --timeout 3m >/dev/null
kubectl get crd "$CRD_NAME" >/dev/null || fail "helm uninstall removed the CRD despite crds.keep"
kubectl get scalableapp -n "$NS" users-app >/dev/null || fail "helm uninstall removed a user's ScalableApp"
if kubectl get deployment -n "$NS" "$RELEASE-scalableapp-operator" >/dev/null 2>&1; then fail "the operator Deployment survived helm uninstall"; fi
if kubectl get clusterrole "$RELEASE-scalableapp-operator" >/dev/null 2>&1; then fail "the ClusterRole survived helm uninstall"; fi

kubectl delete namespace "$NS" chart-team-a chart-team-b --wait=false >/dev/null
log "chart: all checks passed"
