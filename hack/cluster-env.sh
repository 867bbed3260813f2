#!/usr/bin/env bash
# Environment of the local cluster, shared by hack/cluster-*.sh and anything that talks to it.
#   source hack/cluster-env.sh        # exports KUBECONFIG, PATH (cached kubectl first), ...
#   eval "$(hack/cluster-env.sh)"     # same, from a shell or a Makefile recipe
#   hack/cluster-env.sh               # prints the export lines
# Settings (env, all optional):
#   SCALABLEAPP_CLUSTER_NAME  cluster name                    (scalableapp)
#   SCALABLEAPP_CLUSTER_DIR   state dir, gitignored           ($REPO_ROOT/.cluster)
#   SCALABLEAPP_KUBECONFIG    kubeconfig written by *-up.sh   ($SCALABLEAPP_CLUSTER_DIR/kubeconfig)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCALABLEAPP_CLUSTER_NAME="${SCALABLEAPP_CLUSTER_NAME:-scalableapp}"
SCALABLEAPP_CLUSTER_DIR="${SCALABLEAPP_CLUSTER_DIR:-$REPO_ROOT/.cluster}"
SCALABLEAPP_KUBECONFIG="${SCALABLEAPP_KUBECONFIG:-$SCALABLEAPP_CLUSTER_DIR/kubeconfig}"
# kwokctl keeps clusters, pki, logs and its download cache here instead of ~/.kwok.
export KWOK_WORKDIR="$SCALABLEAPP_CLUSTER_DIR/kwok"
export KUBECONFIG="$SCALABLEAPP_KUBECONFIG"
# kubectl's discovery cache would otherwise land in ~/.kube/cache.
export KUBECACHEDIR="$SCALABLEAPP_CLUSTER_DIR/kube-cache"
# Cached kubectl (same version as the server) wins over whatever is installed; helm for the chart tests,
# kstatus and argocd-health (hack/gitops) for the GitOps tests.
case ":$PATH:" in *":$KUBE_BIN_DIR:"*) ;; *) export PATH="$KUBE_BIN_DIR:$KWOK_BIN_DIR:$HELM_BIN_DIR:$GITOPS_TOOLS_DIR:$PATH" ;; esac
export SCALABLEAPP_CLUSTER_NAME SCALABLEAPP_CLUSTER_DIR SCALABLEAPP_KUBECONFIG
# Optional metrics-server for HPA resource metrics, built by hack/build-metrics-server.sh.
# v0.8.1 (kwok v0.8.0's default) is not served by the Go module proxy; v0.8.0 is.
METRICS_SERVER_VERSION="${METRICS_SERVER_VERSION:-v0.8.0}"
METRICS_SERVER_BIN_DIR="$SCALABLEAPP_CACHE/metrics-server-$METRICS_SERVER_VERSION"

# kwokctl trusts its pid files blindly, but a pid may have died (a zombie, if nothing reaps it)
# or been reused after a reboot. A component is live only if its argv[0] is one of the
# cluster's own binaries; only those are ever treated as running or killed.
is_cluster_component() {
  local exe
  exe=$(tr '\0' '\n' 2>/dev/null <"/proc/$1/cmdline" | head -n 1) || true
  [[ "$exe" == "$KWOK_WORKDIR/clusters/$SCALABLEAPP_CLUSTER_NAME/bin/"* ]]
}
cluster_component_pids() {
  local f pid
  for f in "$KWOK_WORKDIR/clusters/$SCALABLEAPP_CLUSTER_NAME"/pids/*.pid; do
    [[ -f "$f" ]] || continue
    pid=$(<"$f")
    if is_cluster_component "$pid"; then echo "$pid"; fi
  done
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  for v in KUBECONFIG PATH KUBECACHEDIR KWOK_WORKDIR SCALABLEAPP_CLUSTER_NAME; do
    printf 'export %s=%q\n' "$v" "${!v}"
  done
fi
