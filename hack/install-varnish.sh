#!/usr/bin/env bash
# Installs Varnish (`varnishd`, `varnishadm`, `varnishlog`) from Debian's package, once: the CDN tests compile
# every generated VCL with `varnishd -C` and run a real varnishd in front of a local origin, and `make demo`
# runs one in place of the edge pods kwok does not run. The package's own services are kept from running
# (they would hold port 6081 and a system-wide work directory). Quick no-op when already installed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if ! command -v varnishd >/dev/null 2>&1 && [[ ! -x /usr/sbin/varnishd ]]; then
  log "installing varnish from apt"
  apt_install_without_services varnish "varnish varnishncsa"
fi

log "$(/usr/sbin/varnishd -V 2>&1 | head -n 1)"
