#!/usr/bin/env bash
# Installs Prometheus (`prometheus` and `promtool`) from Debian's package, once.
# The package's own service is kept from running: it would hold port 9090, which the demo's
# Prometheus uses. Quick no-op when already installed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if ! command -v prometheus >/dev/null || ! command -v promtool >/dev/null; then
  log "installing prometheus from apt"
  apt_install_without_services prometheus prometheus
fi

log "$(promtool --version 2>&1 | head -n 1)"
