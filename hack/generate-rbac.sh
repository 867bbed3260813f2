#!/usr/bin/env bash
# Prints config/rbac/role.yaml: the chart's RBAC for the whole cluster, rendered by helm for the plain
# manifests (release scalableapp-operator in scalableapp-system), so the chart is the one source of the
# operator's permissions. Helm's own bookkeeping labels are left out: these objects are not a release.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
echo "# Generated from helm/scalableapp-operator/templates/rbac.yaml by 'make rbac'; do not edit."
"$HELM_BIN_DIR/helm" template scalableapp-operator "$REPO_ROOT/helm/scalableapp-operator" \
    --namespace scalableapp-system --show-only templates/rbac.yaml \
  | grep -v -e '^# Source:' -e 'helm.sh/chart:' -e 'app.kubernetes.io/managed-by:' -e 'app.kubernetes.io/version:'
