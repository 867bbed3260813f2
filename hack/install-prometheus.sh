#!/usr/bin/env bash
# Installs Prometheus (`prometheus` and `promtool`) from Debian's package, once.
# The package's own service is kept from running: it would hold port 9090, which the demo's
# Prometheus uses. Quick no-op when already installed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SUDO=""
[[ $EUID -eq 0 ]] || SUDO=sudo

# Keeps the packaged daemon stopped, via the init system that owns it (never by process name,
# so a Prometheus started by us on 9090 is left alone).
disable_service() {
  if [[ -d /run/systemd/system ]]; then
    $SUDO systemctl disable --now prometheus.service >/dev/null 2>&1 || true
  elif [[ -x /etc/init.d/prometheus ]]; then
    $SUDO /etc/init.d/prometheus stop >/dev/null 2>&1 || true
  fi
}

if ! command -v prometheus >/dev/null || ! command -v promtool >/dev/null; then
  log "installing prometheus from apt"
  # policy-rc.d exit 101 tells maintainer scripts not to start services during the install
  # (only added if absent, and removed again).
  policy=/usr/sbin/policy-rc.d added_policy=""
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod 755 "$policy"; added_policy=1
  fi
  trap '[[ -n $added_policy ]] && $SUDO rm -f "$policy"' EXIT
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  disable_service
fi

log "$(promtool --version 2>&1 | head -n 1)"
