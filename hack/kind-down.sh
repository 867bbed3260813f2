#!/usr/bin/env bash
# Deletes the Kind cluster made by hack/kind-up.sh and its kubeconfig. Idempotent.
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"

KIND="${KIND:-$(command -v kind || echo "$SCALABLEAPP_CACHE/kind-${KIND_VERSION:-v0.32.0}/kind")}"
if [[ -x "$KIND" ]] && "$KIND" get clusters 2>/dev/null | grep -qx "$SCALABLEAPP_CLUSTER_NAME"; then
  log "deleting kind cluster $SCALABLEAPP_CLUSTER_NAME"
  "$KIND" delete cluster --name "$SCALABLEAPP_CLUSTER_NAME" --kubeconfig "$KUBECONFIG"
  rm -f "$KUBECONFIG"   # only now: the path may belong to the kwok cluster otherwise
else
  log "kind cluster $SCALABLEAPP_CLUSTER_NAME not present"
fi
