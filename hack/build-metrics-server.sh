#!/usr/bin/env bash
# Builds metrics-server from its Go module, once per version, into
# $SCALABLEAPP_CACHE/metrics-server-<version>/ (same layout and .complete marker as build-binaries.sh).
# Optional: only needed for HPA resource metrics on the local kwok cluster.
set -euo pipefail
source "$(dirname "$0")/cluster-env.sh"   # METRICS_SERVER_VERSION, METRICS_SERVER_BIN_DIR

dest="$METRICS_SERVER_BIN_DIR"
[[ -f "$dest/.complete" ]] && exit 0

export GOFLAGS="-buildvcs=false -mod=mod" CGO_ENABLED=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log "building metrics-server-$METRICS_SERVER_VERSION (first time only; cached in $dest)"
start=$SECONDS
# kwokctl runs `metrics-server --version` to pick flags, so stamp a real version
# (metrics-server's Makefile stamps client-go's version package).
pkg=k8s.io/client-go/pkg/version
GOBIN="$work/out" go install -trimpath \
  -ldflags "-s -w -X $pkg.gitVersion=$METRICS_SERVER_VERSION -X $pkg.gitTreeState=clean" \
  "sigs.k8s.io/metrics-server/cmd/metrics-server@$METRICS_SERVER_VERSION"
mkdir -p "$(dirname "$dest")"; rm -rf "$dest"
mv "$work/out" "$dest"; touch "$dest/.complete"
log "built metrics-server-$METRICS_SERVER_VERSION in $((SECONDS - start))s"
