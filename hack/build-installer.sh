#!/usr/bin/env bash
# Writes dist/install.yaml: the CRD, RBAC and the operator Deployment running image $1, in one file
# that `kubectl apply --server-side -f` installs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
image=${1:?usage: build-installer.sh IMAGE}
jvm_options=$("$HACK_DIR/operator-jvm-options.sh")
malloc_arena_max=$("$HACK_DIR/operator-env.sh" | sed -n 's/^MALLOC_ARENA_MAX=//p')
mkdir -p "$REPO_ROOT/dist"
{
  for f in "$REPO_ROOT"/crds/*.yml "$REPO_ROOT"/config/rbac/*.yaml "$REPO_ROOT"/config/manager/*.yaml; do
    echo "---"
    sed -e "s|IMAGE_PLACEHOLDER|$image|" -e "s|JVM_OPTIONS_PLACEHOLDER|$jvm_options|" \
      -e "s|MALLOC_ARENA_MAX_PLACEHOLDER|$malloc_arena_max|" "$f"
  done
} >"$REPO_ROOT/dist/install.yaml"
log "wrote dist/install.yaml (image $image)"
