#!/usr/bin/env bash
# Wrap a built Reflect bundle in a .deb.
#
#   packaging/linux/make_deb.sh BUNDLE_DIR OUT.deb [PACK.reflectpack]
#
# Layout: the bundle in /opt/reflect, /usr/bin/reflect a relative symlink to it, the desktop
# entry, the icon and the shared-mime-info file under /usr/share (the distribution's dpkg
# triggers refresh the MIME, desktop and icon caches). With PACK, the pack goes in the
# machine-wide drop-in folder /etc/xdg/reflect/packs/ as a conffile, and every user's Reflect
# installs it on start. Depends lists the system libraries the bundle does not carry, found
# from the bundle's own ELF files, and the glibc it needs. Built with dpkg-deb only (no
# debhelper), as root:root. REFLECT_DEB_MAINTAINER sets the Maintainer field.
set -euo pipefail

bundle="$(cd "${1:?usage: make_deb.sh BUNDLE_DIR OUT.deb [PACK]}" && pwd)"
out="${2:?usage: make_deb.sh BUNDLE_DIR OUT.deb [PACK]}"
pack="${3:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/src/reflect/__init__.py")"
maintainer="${REFLECT_DEB_MAINTAINER:-Reflect maintainers <reflect@example.org>}"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/pkg"

install -d "$pkg/opt" "$pkg/usr/bin" "$pkg/DEBIAN"
cp -a "$bundle" "$pkg/opt/reflect"
ln -s ../../opt/reflect/reflect "$pkg/usr/bin/reflect"
install -Dm644 "$root/resources/reflect.desktop" "$pkg/usr/share/applications/reflect.desktop"
install -Dm644 "$root/resources/icons/reflect.svg" \
  "$pkg/usr/share/icons/hicolor/scalable/apps/reflect.svg"
install -Dm644 "$here/reflect-mime.xml" "$pkg/usr/share/mime/packages/reflect.xml"
install -Dm644 /dev/stdin "$pkg/usr/share/doc/reflect-journal/copyright" <<EOF
Reflect, a local-first journal. License: MIT.
The bundle in /opt/reflect carries Python, Qt (LGPL-3.0, via PySide6) and other libraries
under their own licenses; see /opt/reflect/_internal for their metadata.
EOF

if [ -n "$pack" ]; then
  # Check the signature with the bundle itself, so a damaged pack never ships.
  REFLECT_PACKS_DIR="$stage/none" QT_QPA_PLATFORM=offscreen \
    "$bundle/reflect" --data-dir "$stage/check" pack show "$pack" >/dev/null
  install -Dm644 "$pack" "$pkg/etc/xdg/reflect/packs/$(basename "$pack")"
  # A conffile: an administrator's removal or replacement survives upgrades.
  echo "/etc/xdg/reflect/packs/$(basename "$pack")" >"$pkg/DEBIAN/conffiles"
fi

# The libraries the bundle needs from the system: every NEEDED entry not carried inside it.
elf_files() { find "$bundle" -type f \( -name '*.so*' -o -path "$bundle/reflect" \) -print0; }
carried="$(find "$bundle" -type f -name '*.so*' -printf '%f\n' | sort -u)"
needed="$(elf_files | xargs -0 objdump -p 2>/dev/null | awk '/NEEDED/ {print $2}' | sort -u)"
glibc="$("${PYTHON:-python3}" "$here/glibc_floor.py" "$bundle")"  # as build.sh reports it
depends=("libc6 (>= $glibc)")
for lib in $needed; do
  grep -qxF "$lib" <<<"$carried" && continue
  case "$lib" in ld-linux*|libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*) continue ;; esac
  # awk reads to the end: leaving early would kill ldconfig with SIGPIPE, fatal under pipefail.
  path="$(ldconfig -p | awk -v lib="$lib" '$1 == lib && !found {print $NF; found = 1}')"
  [ -n "$path" ] || { echo "make_deb: $lib is not installed here; cannot name its package" >&2; exit 1; }
  owner="$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path")"
  depends+=("${owner%%:*}")
done
# The bundled fontconfig reads the system's configuration, and needs a font.
depends+=("fontconfig-config" "fonts-dejavu-core | fonts-liberation2 | fonts-noto-core")
depends_line="$(printf '%s\n' "${depends[@]}" | awk '!seen[$0]++' | paste -sd, - | sed 's/,/, /g')"

cat >"$pkg/DEBIAN/control" <<EOF
Package: reflect-journal
Version: $version
Architecture: $(dpkg --print-architecture)
Maintainer: $maintainer
Installed-Size: $(du -sk "$pkg" | cut -f1)
Depends: $depends_line
Recommends: gnome-keyring | org.freedesktop.secrets
Section: editors
Priority: optional
Description: private, local-first journal for leaders of improvement
 Reflect keeps your inquiry question alive through a peer learning programme:
 reflections after each workshop, notes from your coaching trio, the actions you
 start and the things you stop, in one SQLite file on your own computer. It
 never touches the network. Keys live in the system keyring when one works
 (Recommends), else in a passphrase-protected file.
EOF

mkdir -p "$(dirname "$out")"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$out" >/dev/null
echo "wrote $out (glibc >= $glibc)"
