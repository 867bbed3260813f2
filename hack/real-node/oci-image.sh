#!/usr/bin/env bash
# Packs a root filesystem directory into a one-layer OCI image archive that `ctr images import` reads, without
# a container daemon or a registry (the real node's images: pause, kubectl, load-target, varnish).
#   oci-image.sh NAME:TAG ROOTFS OUT.tar [ENTRYPOINT...]
# The image runs as the non-root user 65532 unless IMAGE_USER is set; IMAGE_ENV holds extra "K=V" lines.
# Reproducible: files are sorted, owned by root and dated 1970, so the same input gives the same digest.
set -euo pipefail
name=${1:?usage: oci-image.sh NAME:TAG ROOTFS OUT.tar [ENTRYPOINT...]}
rootfs=$(realpath "${2:?rootfs}"); out=$(realpath -m "${3:?out}"); shift 3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/blobs/sha256"

blob() { # blob FILE -> prints "digest size" after moving FILE into blobs/
  local sum size; sum=$(sha256sum "$1" | cut -d' ' -f1); size=$(stat -c %s "$1")
  mv "$1" "$work/blobs/sha256/$sum"; echo "sha256:$sum $size"
}
json_strings() { local first=1 s; printf '['; for s in "$@"; do ((first)) || printf ','; first=0
  printf '"%s"' "$(sed 's/["\\]/\\&/g' <<<"$s")"; done; printf ']'; }

tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -C "$rootfs" -cf "$work/layer" .
read -r layer layer_size < <(blob "$work/layer")
mapfile -t env_lines < <(printf 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n%s' "${IMAGE_ENV:-}" | sed '/^$/d')
printf '{"architecture":"amd64","os":"linux","config":{"User":"%s","Env":%s,"Entrypoint":%s,"WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":["%s"]}}' \
  "${IMAGE_USER:-65532}" "$(json_strings "${env_lines[@]}")" "$(json_strings "$@")" "$layer" >"$work/config"
read -r config config_size < <(blob "$work/config")
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%s}]}' \
  "$config" "$config_size" "$layer" "$layer_size" >"$work/manifest"
read -r manifest manifest_size < <(blob "$work/manifest")
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%s,"platform":{"architecture":"amd64","os":"linux"},"annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"%s"}}]}' \
  "$manifest" "$manifest_size" "$name" "${name##*:}" >"$work/index.json"
echo '{"imageLayoutVersion":"1.0.0"}' >"$work/oci-layout"
mkdir -p "$(dirname "$out")"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$work" -cf "$out.tmp" oci-layout index.json blobs
mv "$out.tmp" "$out"
