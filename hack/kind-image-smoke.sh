#!/usr/bin/env bash
# `make test CLUSTER=kind`, after the suite: loads the image the build wrote ($1, an OCI tarball) into the
# Kind cluster, installs dist/install.yaml (which runs that image), waits for the operator's Pods to be
# ready, has it reconcile a small app, then removes the installation again. Needs Docker; kwok Pods run
# no containers, so on the kwok cluster OperatorImageIT boots the image from its root filesystem instead.
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"
image_tar=${1:?usage: kind-image-smoke.sh IMAGE_TAR}
KIND="${KIND:-$(command -v kind || echo "$SCALABLEAPP_CACHE/kind-${KIND_VERSION:-v0.32.0}/kind")}"
ns=image-smoke

log "loading $image_tar into kind cluster $SCALABLEAPP_CLUSTER_NAME"
"$KIND" load image-archive "$image_tar" --name "$SCALABLEAPP_CLUSTER_NAME"
cleanup() {
  kubectl delete namespace "$ns" --ignore-not-found --wait=false >/dev/null
  kubectl delete --ignore-not-found -f "$REPO_ROOT/dist/install.yaml" >/dev/null
}
trap cleanup EXIT
kubectl apply --server-side --force-conflicts -f "$REPO_ROOT/dist/install.yaml" >/dev/null
kubectl -n scalableapp-system rollout status deployment/scalableapp-operator --timeout=180s
kubectl create namespace "$ns" --dry-run=client -o yaml | kubectl apply -f - >/dev/null
kubectl -n "$ns" apply -f - >/dev/null <<'APP'
apiVersion: scalableapp.io/v1alpha1
kind: ScalableApp
metadata: {name: smoke}
spec: {image: nginxinc/nginx-unprivileged:1.27, port: 8080}
APP
kubectl -n "$ns" wait --for=condition=Ready sapp/smoke --timeout=180s
log "the operator image runs in kind and reconciled sapp/smoke"
