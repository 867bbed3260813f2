#!/usr/bin/env bash
# Builds the local control plane from Go modules, once per version:
#   etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok, kwokctl, helm,
#   and the GitOps checkers of hack/gitops (kstatus, argocd-health);
#   on request (hack/real-node/up.sh): kube-node (kubelet, kube-proxy), coredns, node-programs;
#   bench-live (the load driver of make bench-live).
# Binaries go to $SCALABLEAPP_CACHE/<component>-<version>/; a finished directory is never rebuilt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

export GOFLAGS="-buildvcs=false -mod=mod"
export CGO_ENABLED=0

# Runs a build in a scratch directory and publishes the result atomically,
# so an interrupted build never leaves a half-filled cache entry behind.
build_once() {
  local dest=$1 builder=$2
  if [[ -f "$dest/.complete" ]]; then return 0; fi
  local work; work=$(mktemp -d)
  log "building $(basename "$dest") (first time only; cached in $dest)"
  local start=$SECONDS
  ( cd "$work" && "$builder" "$work/out" )
  mkdir -p "$(dirname "$dest")"; rm -rf "$dest"
  mv "$work/out" "$dest"; touch "$dest/.complete"; rm -rf "$work"
  log "built $(basename "$dest") in $((SECONDS - start))s"
}

build_etcd() {
  # etcd's main module carries replace directives, so `go install` refuses it;
  # a tiny wrapper module around the server package builds the same binary.
  local out=$1
  mkdir -p "$out" etcd && cd etcd
  go mod init scalableapp.local/etcd >/dev/null 2>&1
  cat > main.go <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" >/dev/null
  go mod tidy >/dev/null
  go build -trimpath -ldflags "-s -w" -o "$out/etcd" .
}

# kube_wrapper_build OUT PKG...: builds k8s.io/kubernetes commands in a wrapper module.
kube_wrapper_build() {
  # k8s.io/kubernetes points its staging modules at ./staging; the wrapper replaces each
  # with its published v0.x twin. The list is read from the module's own go.mod.
  local out=$1; shift
  local minor=${KUBE_VERSION#v1.} gomod pkg
  local staging_version="v0.${minor}"
  mkdir -p "$out" kube && cd kube
  go mod init scalableapp.local/kube >/dev/null 2>&1
  gomod=$(go mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  {
    echo "require k8s.io/kubernetes $KUBE_VERSION"
    echo "replace ("
    sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\t\1 => \1 '"$staging_version"'#p' "$gomod"
    echo ")"
  } >> go.mod
  { printf '//go:build tools\n\npackage tools\n\nimport (\n'
    for pkg in "$@"; do printf '\t_ "%s"\n' "$pkg"; done
    printf ')\n'; } > tools.go
  go mod tidy -e >/dev/null 2>&1 || true
  local ver=$KUBE_VERSION major=1 minor_num=${minor%%.*} ld=""
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $pkg.gitVersion=$ver -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor_num"
    ld+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  go build -tags tools -trimpath -ldflags "-s -w $ld" -o "$out/" "$@"
}

build_kubernetes() {
  kube_wrapper_build "$1" k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl
}

# The real node (hack/real-node): the kubelet and kube-proxy of the control plane's version.
build_kube_node() {
  kube_wrapper_build "$1" k8s.io/kubernetes/cmd/kubelet k8s.io/kubernetes/cmd/kube-proxy
}

# The real node's cluster DNS: CoreDNS with only the plugins its Corefile uses (hack/real-node/coredns).
build_coredns() {
  local out=$1
  mkdir -p "$out"
  ( cd "$HACK_DIR/real-node/coredns" && go build -trimpath -ldflags "-s -w" -o "$out/coredns" . )
}

# Static programs packed into the real node's images (hack/real-node/images): pause, load-target.
build_node_programs() {
  local out=$1
  mkdir -p "$out"
  ( cd "$HACK_DIR/real-node/programs" && go build -trimpath -ldflags "-s -w" -o "$out/" ./... )
}

# The load driver of make bench-live (hack/bench-live: vegeta as a library).
build_bench_live() {
  local out=$1
  mkdir -p "$out"
  ( cd "$HACK_DIR/bench-live" && go build -trimpath -ldflags "-s -w" -o "$out/bench-live" . )
}

build_kwok() {
  local out=$1
  mkdir -p "$out"
  GOBIN="$out" go install -trimpath -ldflags "-s -w" \
    "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION" "sigs.k8s.io/kwok/cmd/kwokctl@$KWOK_VERSION"
}

build_gitops() {
  local out=$1
  mkdir -p "$out"
  ( cd "$HACK_DIR/gitops" && go build -trimpath -ldflags "-s -w" -o "$out/" ./... )
}


build_helm() {
  # Stamped as Helm's own Makefile does: its version, and the Kubernetes version of the client-go it is
  # built with (helm template/lint's default capabilities; unstamped it claims v1.20).
  local out=$1 gomod client_go pkg ld
  mkdir -p "$out"
  gomod=$(go mod download -json "helm.sh/helm/v3@$HELM_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  client_go=$(sed -n 's#^\s*k8s.io/client-go v0\.\([0-9]*\)\..*#\1#p' "$gomod")
  ld="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
  for pkg in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
    ld+=" -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=$client_go"
  done
  GOBIN="$out" go install -trimpath -ldflags "$ld" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
}

components=("${@:-etcd kubernetes kwok helm gitops}")
for c in ${components[*]}; do
  case $c in
    etcd) build_once "$ETCD_BIN_DIR" build_etcd ;;
    kubernetes) build_once "$KUBE_BIN_DIR" build_kubernetes ;;
    kwok) build_once "$KWOK_BIN_DIR" build_kwok ;;
    gitops) build_once "$GITOPS_TOOLS_DIR" build_gitops ;;
    helm) build_once "$HELM_BIN_DIR" build_helm ;;
    kube-node) build_once "$KUBE_NODE_BIN_DIR" build_kube_node ;;
    coredns) build_once "$COREDNS_BIN_DIR" build_coredns ;;
    node-programs) build_once "$NODE_PROGRAMS_DIR" build_node_programs ;;
    bench-live) build_once "$BENCH_LIVE_BIN_DIR" build_bench_live ;;
    *) echo "unknown component: $c" >&2; exit 2 ;;
  esac
done
