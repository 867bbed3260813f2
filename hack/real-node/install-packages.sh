#!/usr/bin/env bash
# Installs what the real node runs from Debian's packages, once: containerd (CRI), runc (crun refuses this
# machine's hybrid cgroup layout), the CNI plugins (bridge, host-local, loopback in /usr/lib/cni), iptables
# (kube-proxy's Service rules) and kmod/iproute2. containerd's packaged service is kept from running: the node
# starts its own containerd with everything under the cluster directory. Quick no-op when installed.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

NODE_PACKAGES="containerd runc containernetworking-plugins iptables iproute2 kmod"
missing=()
for pkg in $NODE_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if (( ${#missing[@]} )); then
  log "installing ${missing[*]} from apt"
  # apt is shared with anything else installing on this machine.
  exec 9>/tmp/apt.lock; flock 9
  apt_install_without_services "${missing[*]}" "containerd"
  exec 9>&-
fi
log "$(containerd --version | cut -d' ' -f1-3), $(runc --version | head -n 1), CNI $(ls /usr/lib/cni | tr '\n' ' ')"
