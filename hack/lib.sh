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
# The real node (hack/real-node): kubelet and kube-proxy, CoreDNS, and the static programs of its images,
# each rebuilt when its sources change.
KUBE_NODE_BIN_DIR="$SCALABLEAPP_CACHE/kube-node-$KUBE_VERSION"
COREDNS_BIN_DIR="$SCALABLEAPP_CACHE/coredns-$(cat "$HACK_DIR"/real-node/coredns/go.* "$HACK_DIR"/real-node/coredns/*.go \
  2>/dev/null | sha256sum | cut -c1-12)"
NODE_PROGRAMS_DIR="$SCALABLEAPP_CACHE/node-programs-$(cat "$HACK_DIR"/real-node/programs/go.mod \
  "$HACK_DIR"/real-node/programs/*/*.go 2>/dev/null | sha256sum | cut -c1-12)"
# The load driver of make bench-live (vegeta), rebuilt when its sources change.
BENCH_LIVE_BIN_DIR="$SCALABLEAPP_CACHE/bench-live-$(cat "$HACK_DIR"/bench-live/go.* "$HACK_DIR"/bench-live/*.go \
  2>/dev/null | sha256sum | cut -c1-12)"
log() { printf '[hack] %s\n' "$*" >&2; }

# image_users ROOTFS: /etc/passwd and /etc/group of an image's root filesystem: root, and the non-root user 65532
# every image of ours runs as.
image_users() {
  mkdir -p "$1/etc"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$1/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' >"$1/etc/group"
}

# apt_install_without_services "pkg ..." "service ...": installs Debian packages without letting their
# maintainer scripts start the packaged daemons (policy-rc.d exit 101, only added if absent), then keeps
# those services disabled via the init system that owns them (never by process name, so a daemon the
# tests or the demo started on the same port is left alone).
apt_install_without_services() {
  local packages=$1 services=$2 sudo="" policy=/usr/sbin/policy-rc.d added_policy="" s
  [[ $EUID -eq 0 ]] || sudo=sudo
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod 755 "$policy"; added_policy=1
  fi
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null || {
    [[ -n $added_policy ]] && $sudo rm -f "$policy"; return 1; }
  [[ -n $added_policy ]] && $sudo rm -f "$policy"
  for s in $services; do
    if [[ -d /run/systemd/system ]]; then
      $sudo systemctl disable --now "$s.service" >/dev/null 2>&1 || true
    elif [[ -x /etc/init.d/$s ]]; then
      $sudo "/etc/init.d/$s" stop >/dev/null 2>&1 || true
    fi
  done
}
