#!/usr/bin/env bash
# Builds the real node's images without a daemon (hack/real-node/oci-image.sh) and imports them into its
# containerd: pause (the sandbox image), kubectl (the chart's `helm test` pod), load-target (the app the tests
# and `make bench-live` load) and Varnish (the edge pods, assembled from Debian packages). Each archive is cached
# in $SCALABLEAPP_CACHE/node-images under a fingerprint of its inputs. Extra OCI/Docker archives given as
# arguments (the operator's Jib tarball) are imported as they are.
#   images.sh [ARCHIVE...]
set -euo pipefail
shopt -s inherit_errexit
source "$(dirname "$0")/../cluster-env.sh"
source "$HACK_DIR/real-node/env.sh"
IMAGES_DIR="$SCALABLEAPP_CACHE/node-images"
mkdir -p "$IMAGES_DIR"

# image NAME FINGERPRINT ROOTFS_BUILDER ENTRYPOINT...: the cached archive of NAME, built when missing.
image() {
  local name=$1 fingerprint=$2 builder=$3; shift 3
  local tar="$IMAGES_DIR/${name//[\/:]/_}-$(sha256sum <<<"$fingerprint $(sha256sum "$HACK_DIR/real-node/oci-image.sh")" | cut -c1-12).tar"
  if [[ ! -f $tar ]]; then
    local rootfs; rootfs=$(mktemp -d)
    "$builder" "$rootfs"
    "$HACK_DIR/real-node/oci-image.sh" "$name" "$rootfs" "$tar" "$@"
    rm -rf "$rootfs"
    log "built image $name"
  fi
  echo "$tar"
}
static_rootfs() { # static_rootfs BINARY... -> a root filesystem with the binaries in /usr/local/bin and /etc/passwd
  local rootfs=$1; shift
  mkdir -p "$rootfs/usr/local/bin" "$rootfs/etc" "$rootfs/tmp"
  chmod 1777 "$rootfs/tmp"
  cp "$@" "$rootfs/usr/local/bin/"
  image_users "$rootfs"
}
pause_rootfs() { static_rootfs "$1" "$NODE_PROGRAMS_DIR/pause"; }
kubectl_rootfs() { static_rootfs "$1" "$KUBE_BIN_DIR/kubectl"; }
load_target_rootfs() { static_rootfs "$1" "$NODE_PROGRAMS_DIR/load-target"; }
# varnishd runs its C compiler and housekeeping through /bin/sh: dash and coreutils, which Debian marks Essential
# rather than listing as dependencies.
VARNISH_PACKAGES="varnish dash coreutils"
varnish_rootfs() { "$HACK_DIR/real-node/debian-rootfs.sh" "$1" $VARNISH_PACKAGES; }

import() {
  ctr_node images import "$1" >/dev/null || { log "ctr images import $1 failed"; exit 1; }
}
"$HACK_DIR/build-binaries.sh" node-programs
tar=$(image "$PAUSE_IMAGE" "$NODE_PROGRAMS_DIR" pause_rootfs /usr/local/bin/pause); import "$tar"
tar=$(image "$KUBECTL_IMAGE" "$KUBE_BIN_DIR" kubectl_rootfs /usr/local/bin/kubectl); import "$tar"
tar=$(image "$LOAD_TARGET_IMAGE" "$NODE_PROGRAMS_DIR" load_target_rootfs /usr/local/bin/load-target); import "$tar"
# A second name for the same image: changing an app's image to it is a rollout (the purge-on-rollout test).
ctr_node images tag --force "$LOAD_TARGET_IMAGE" "$LOAD_TARGET_IMAGE_NEXT" >/dev/null
tar=$(image "$VARNISH_IMAGE" "$(sha256sum "$HACK_DIR/real-node/debian-rootfs.sh") $VARNISH_PACKAGES" varnish_rootfs \
  /usr/sbin/varnishd); import "$tar"
for tar in "$@"; do import "$tar"; done
log "images in the real node: $(ctr_node images ls -q | grep -v '^sha256:' | tr '\n' ' ')"
