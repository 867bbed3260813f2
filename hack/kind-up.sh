#!/usr/bin/env bash
# Alternative to cluster-up.sh for machines with Docker: a one-node Kind cluster named like the
# local one, with metrics-server for HPA, its kubeconfig at the same stable path.
# Settings (env): see hack/cluster-env.sh, plus
#   KIND                kind binary (default: `kind` on PATH, else built once from Go modules)
#   KIND_NODE_IMAGE     node image (kindest/node:$KUBE_VERSION; kind publishes images for
#                       selected patch releases only: if the tag is missing, use one listed
#                       in your kind release notes)
#   SCALABLEAPP_METRICS_SERVER  1 = install metrics-server (1)
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"

KIND_VERSION="${KIND_VERSION:-v0.32.0}"   # the kind kwok v0.8.0 is tested with
KIND_NODE_IMAGE="${KIND_NODE_IMAGE:-kindest/node:$KUBE_VERSION}"
NAME="$SCALABLEAPP_CLUSTER_NAME"

if [[ -z "${KIND:-}" ]]; then
  KIND=$(command -v kind || true)
  if [[ -z "$KIND" ]]; then
    KIND="$SCALABLEAPP_CACHE/kind-$KIND_VERSION/kind"
    [[ -x "$KIND" ]] || GOBIN="$(dirname "$KIND")" CGO_ENABLED=0 go install "sigs.k8s.io/kind@$KIND_VERSION"
  fi
fi
# The kwok cluster writes the same kubeconfig; one cluster at a time.
if [[ -d "$KWOK_WORKDIR/clusters/$NAME" ]]; then
  log "the local kwok cluster $NAME exists; run hack/cluster-down.sh first"; exit 1
fi
mkdir -p "$SCALABLEAPP_CLUSTER_DIR"

if "$KIND" get clusters 2>/dev/null | grep -qx "$NAME"; then
  log "kind cluster $NAME already up"
  "$KIND" export kubeconfig --name "$NAME" --kubeconfig "$KUBECONFIG" 2>/dev/null
else
  log "creating kind cluster $NAME ($KIND_NODE_IMAGE)"
  "$KIND" create cluster --name "$NAME" --image "$KIND_NODE_IMAGE" --kubeconfig "$KUBECONFIG" --wait 180s
fi

if [[ "${SCALABLEAPP_METRICS_SERVER:-1}" == 1 ]] && ! kubectl get apiservice v1beta1.metrics.k8s.io >/dev/null 2>&1; then
  log "installing metrics-server $METRICS_SERVER_VERSION"
  kubectl apply -f "https://github.com/kubernetes-sigs/metrics-server/releases/download/$METRICS_SERVER_VERSION/components.yaml" >/dev/null
  # Kind's kubelets serve self-signed certificates.
  kubectl -n kube-system patch deployment metrics-server --type=json \
    -p '[{"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"--kubelet-insecure-tls"}]' >/dev/null
  kubectl -n kube-system rollout status deployment/metrics-server --timeout=180s >/dev/null
fi
echo "$KUBECONFIG"
