#!/usr/bin/env bash
# Builds the real node's images without a daemon (hack/real-node/oci-image.sh) and imports them into its
# containerd: pause (the sandbox image), kubectl (the chart's `helm test` pod), load-target (the app the tests
# and `make bench-live` load) and Varnish (the edge pods, assembled from Debian packages). Each archive is cached
# in $SCALABLEAPP_CACHE/node-images under a fingerprint of its inputs. Extra OCI/Docker archives given as
# arguments (the operator's Jib tarball) are imported as they are.
#   images.sh [ARCHIVE...]
set -euo pipefail
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
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' >"$rootfs/etc/group"
}
pause_rootfs() { static_rootfs "$1" "$NODE_PROGRAMS_DIR/pause"; }
kubectl_rootfs() { static_rootfs "$1" "$KUBE_BIN_DIR/kubectl"; }
load_target_rootfs() { static_rootfs "$1" "$NODE_PROGRAMS_DIR/load-target"; }
varnish_rootfs() { "$HACK_DIR/real-node/debian-rootfs.sh" "$1" varnish; }

"$HACK_DIR/build-binaries.sh" node-programs
archives=(
  "$(image "$PAUSE_IMAGE" "$NODE_PROGRAMS_DIR" pause_rootfs /usr/local/bin/pause)"
  "$(image "$KUBECTL_IMAGE" "$KUBE_BIN_DIR" kubectl_rootfs /usr/local/bin/kubectl)"
  "$(image "$LOAD_TARGET_IMAGE" "$NODE_PROGRAMS_DIR" load_target_rootfs /usr/local/bin/load-target)"
  "$(image "$VARNISH_IMAGE" "$(sha256sum "$HACK_DIR/real-node/debian-rootfs.sh")" varnish_rootfs /usr/sbin/varnishd)"
  "$@"
)
for tar in "${archives[@]}"; do
  ctr_node images import "$tar" >/dev/null || { log "ctr images import $tar failed"; exit 1; }
done
log "images in the real node: $(ctr_node images ls -q | grep -v '^sha256:' | tr '\n' ' ')"
