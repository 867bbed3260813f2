# Shared settings for hack/ scripts. Source it; do not run it.
HACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HACK_DIR/.." && pwd)"
# shellcheck source=versions.env
source "$HACK_DIR/versions.env"
# Built binaries live outside the repo so a fresh clone on a warm machine reuses them.
SCALABLEAPP_CACHE="${SCALABLEAPP_CACHE:-$HOME/.cache/scalableapp}"
KUBE_BIN_DIR="$SCALABLEAPP_CACHE/kubernetes-$KUBE_VERSION"
ETCD_BIN_DIR="$SCALABLEAPP_CACHE/etcd-$ETCD_VERSION"
KWOK_BIN_DIR="$SCALABLEAPP_CACHE/kwok-$KWOK_VERSION"
# The GitOps checkers (kstatus as Flux reads it, Argo CD's Lua health), rebuilt whenever hack/gitops changes.
GITOPS_TOOLS_DIR="$SCALABLEAPP_CACHE/gitops-tools-$(cat "$HACK_DIR"/gitops/go.mod "$HACK_DIR"/gitops/go.sum \
  "$HACK_DIR"/gitops/*/*.go | sha256sum | cut -c1-12)"
HELM_BIN_DIR="$SCALABLEAPP_CACHE/helm-$HELM_VERSION"
log() { printf '[hack] %s\n' "$*" >&2; }
