#!/usr/bin/env bash
# Assembles a root filesystem in OUT from this machine's installed Debian packages: PACKAGE... and everything they
# depend on (Depends and Pre-Depends, the first installed alternative of each), as dpkg lists their files. Manual
# pages, translations and documentation are left out, except each package's copyright file, its licence.
# Adds /etc/passwd and /etc/group with the non-root user 65532, and /tmp. Used for the real node's Varnish image,
# assembled like the operator's base (hack/image-rootfs.sh), because no registry image can be pulled here.
#   debian-rootfs.sh OUT PACKAGE...
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
out=$(realpath -m "${1:?usage: debian-rootfs.sh OUT PACKAGE...}"); shift

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
declare -A seen=()
queue=("$@")
# "package provides..." of every installed package, for virtual dependencies.
provides=$(dpkg-query -W -f='${Package} ${Provides}\n' 2>/dev/null)
while (( ${#queue[@]} )); do
  pkg=${queue[0]}; queue=("${queue[@]:1}")
  [[ -n ${seen[$pkg]:-} ]] && continue
  installed "$pkg" || { log "$pkg is not installed: cannot assemble its files"; exit 1; }
  seen[$pkg]=1
  # "a (>= 1), b | c, d:any" -> one package per alternative group: the first one installed.
  deps=$(dpkg-query -W -f='${Depends}, ${Pre-Depends}' "$pkg" | tr ',' '\n')
  while IFS= read -r group; do
    [[ -z ${group// } ]] && continue
    chosen=""
    IFS='|' read -ra alternatives <<<"$group"
    for alt in "${alternatives[@]}"; do
      alt=$(sed 's/(.*)//; s/:any//; s/[[:space:]]//g' <<<"$alt")
      if installed "$alt"; then chosen=$alt; break; fi
      # A virtual package: the installed package that provides it.
      provider=$(awk -v v="$alt" '{for (i = 2; i <= NF; i++) {p = $i; sub(/,$/, "", p); if (p == v) {print $1; exit}}}' \
        <<<"$provides")
      if [[ -n $provider ]]; then chosen=$provider; break; fi
    done
    [[ -n $chosen ]] || { log "$pkg needs '$group', and none of it is installed"; exit 1; }
    queue+=("$chosen")
  done <<<"$deps"
done

rm -rf "$out"; mkdir -p "$out"
# Merged /usr: the top-level directories are links, as on the build machine.
for d in bin sbin lib lib64; do
  if [[ -L /$d ]]; then ln -s "$(readlink "/$d")" "$out/$d"; mkdir -p "$out/$(readlink "/$d")"; fi
done
for pkg in "${!seen[@]}"; do dpkg-query -L "$pkg"; done | sort -u \
  | grep -v -E '^/usr/share/(man|locale|info|lintian|bug)/|^/usr/share/doc/' \
  | while IFS= read -r f; do if [[ -L $f || ( -f $f && ! -d $f ) ]]; then printf '%s\n' "${f#/}"; fi; done >"$out.files"
for pkg in "${!seen[@]}"; do
  if [[ -f /usr/share/doc/$pkg/copyright ]]; then echo "usr/share/doc/$pkg/copyright"; fi
done >>"$out.files"
tar -C / -cf - --no-recursion -T "$out.files" | tar -C "$out" --keep-directory-symlink -xf -
rm -f "$out.files"
mkdir -p "$out/tmp" "$out/home/nonroot" "$out/etc"
chmod 1777 "$out/tmp"
image_users "$out"
log "root filesystem of $* in $out: $(du -sh "$out" | cut -f1), ${#seen[@]} packages"
