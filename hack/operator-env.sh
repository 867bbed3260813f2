#!/usr/bin/env bash
# Prints the operator's default environment besides its settings, as NAME=value words for env(1): the Helm
# chart's mallocArenaMax value, its one source (make bench-fleet, the demo and dist/install.yaml use it too).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
arenas=$(sed -n 's/^mallocArenaMax: *"\(.*\)"$/\1/p' "$REPO_ROOT/helm/scalableapp-operator/values.yaml")
[[ -z "$arenas" ]] || echo "MALLOC_ARENA_MAX=$arenas"
