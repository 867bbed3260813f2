#!/usr/bin/env bash
# Prints the operator's default JVM flags: the Helm chart's jvmOptions value, their one source
# (make bench-fleet and the demo run the operator with them too).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
sed -n 's/^jvmOptions: *"\(.*\)"$/\1/p' "$REPO_ROOT/helm/scalableapp-operator/values.yaml"
