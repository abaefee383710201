#!/usr/bin/env bash
# Build Reflect for Linux and smoke-test what was built: the one command (docs/packaging.md).
#
#   packaging/linux/build.sh [--pack FILE.reflectpack] [--no-smoke] [--untrimmed]
#
# 1. makes sure the system libraries a complete bundle carries, and the smoke test's tools,
#    are installed (installs them with apt-get when run as root, as in CI)
# 2. builds the trimmed one-folder bundle (packaging/bundle.sh)
# 3. packs dist/reflect-VERSION-linux-ARCH.tar.gz and dist/reflect-journal_VERSION_ARCH.deb;
#    --pack also places a facilitator pack in both (the tarball's reflect/packs/, the .deb's
#    /etc/xdg/reflect/packs/), where Reflect picks it up on start
# 4. smoke-tests the unpacked tarball and the .deb unpacked into a scratch root
#    (packaging/smoke.sh), and checks the .deb's metadata and contents
# 5. writes sizes and the glibc the bundle needs (packaging/linux/glibc_floor.py: the highest
#    GLIBC_ version any shared library or the executable needs, and which files need it) to
#    dist/linux-build.txt
# REFLECT_MAX_GLIBC=2.35 fails the build when the bundle needs a newer glibc (release builds).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dist="$root/dist"
started=$SECONDS

pack="" smoke=1 bundle_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pack) pack="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
    --no-smoke) smoke=0 ;;
    --untrimmed) bundle_args+=(--untrimmed) ;;
    *) echo "usage: packaging/linux/build.sh [--pack FILE] [--no-smoke] [--untrimmed]" >&2; exit 2 ;;
  esac
  shift
done

# Qt's xcb platform plugin links these; PyInstaller carries whichever the build machine has,
# so a machine missing one builds a bundle that fails on desktops missing it too.
# libglib2.0-0: QtCore itself links GLib (a fresh Debian 11 root has none).
bundled=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1
  libwayland-client0 libwayland-cursor0 libwayland-egl1 libfontconfig1 libdbus-1-3 libglib2.0-0)
tools=(binutils fonts-dejavu-core)
# desktop-file-utils: desktop-file-validate checks the .deb's reflect.desktop.
[ "$smoke" = 1 ] && tools+=(dbus gnome-keyring strace xvfb xauth desktop-file-utils)
missing=()
for pkg in "${bundled[@]}" "${tools[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Install them: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

"$root/packaging/bundle.sh" "${bundle_args[@]}"
bundle="$dist/bundle/reflect"
if [ ${#bundle_args[@]} = 0 ]; then
  # What trim.py drops must be gone, with the libraries only those pieces needed (the GTK
  # theme's cairo and pango): proof that dropping plugins before PyInstaller follows their
  # dependencies still works with the pinned PyInstaller.
  leftovers="$(find "$bundle" \( -name 'libcairo*' -o -name 'libpango*' -o -name 'libgdk*' \
    -o -name 'libqgtk3*' -o -name 'libqeglfs*' -o -name 'libqvnc*' -o -path '*/PySide6/Qt/translations/*' \) -print)"
  [ -z "$leftovers" ] || { echo "the bundle is not trimmed as trim.py says:" $leftovers >&2; exit 1; }
fi
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/src/reflect/__init__.py")"
arch="$(dpkg --print-architecture)"
tarball="$dist/reflect-$version-linux-$(uname -m).tar.gz"
deb="$dist/reflect-journal_${version}_$arch.deb"

echo "== $tarball"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -a "$bundle" "$stage/reflect"
if [ -n "$pack" ]; then  # a tarball unpacked anywhere looks for packs beside the app
  install -Dm644 "$pack" "$stage/reflect/packs/$(basename "$pack")"
fi
tar -C "$stage" -czf "$tarball" reflect

echo "== $deb"
"$root/packaging/linux/make_deb.sh" "$bundle" "$deb" ${pack:+"$pack"}

# The oldest glibc the bundle runs on: the highest GLIBC_ version any of its ELF files (every
# shared library and the executable) needs; --report names the files behind each version.
echo "== the glibc the bundle needs"
glibc_report="$stage/glibc.txt"
glibc="$("${PYTHON:-python3}" "$root/packaging/linux/glibc_floor.py" "$bundle" --report \
  ${REFLECT_MAX_GLIBC:+--max "$REFLECT_MAX_GLIBC"} 2>"$glibc_report")" || {
  cat "$glibc_report" >&2
  echo "The bundle needs glibc ${glibc:-?}, newer than REFLECT_MAX_GLIBC=${REFLECT_MAX_GLIBC:-}:" \
    "build on an older distribution (docs/packaging.md)." >&2
  exit 1
}
awk 'NR <= 3 {print " " $0}' "$glibc_report"

# picked_up EXE XDG_CONFIG_DIRS: does a fresh journal get the --pack programme on first start?
picked_up() {
  local journal
  journal="$(mktemp -d)"
  env -u REFLECT_PACKS_DIR XDG_CONFIG_DIRS="$2" QT_QPA_PLATFORM=offscreen HOME="$journal" \
    timeout 180 "$1" --data-dir "$journal" --quit-after-paint 2>/dev/null
  "$1" --data-dir "$journal" programme --json | grep -q '"id": "' \
    || { echo "the pack shipped with $1 was not installed on first start" >&2; exit 1; }
  rm -rf "$journal"
  echo "   the shipped pack was installed on first start"
}

if [ "$smoke" = 1 ]; then
  echo "== smoke test: the unpacked tarball"
  mkdir "$stage/unpacked"
  tar -C "$stage/unpacked" -xzf "$tarball"
  "$root/packaging/smoke.sh" "$stage/unpacked/reflect"
  # The installed-app smoke test the workflow runs on every system, here on the tarball.
  "${PYTHON:-python3}" "$root/packaging/smoke_installed.py" "$stage/unpacked/reflect/reflect" \
    ${pack:+--expect-pack-installed}
  # From reflect/packs/ beside the executable (an empty XDG folder hides /etc/xdg).
  [ -z "$pack" ] || picked_up "$stage/unpacked/reflect/reflect" "$stage/no-xdg"

  echo "== smoke test: the .deb"
  info="$(dpkg-deb --info "$deb")"
  contents="$(dpkg-deb --contents "$deb")"
  for field in "Package: reflect-journal" "Version: $version" "Depends: libc6 (>= $glibc)"; do
    grep -qF "$field" <<<"$info" || { echo "deb: no '$field' in dpkg-deb --info" >&2; exit 1; }
  done
  for path in ./opt/reflect/reflect ./usr/bin/reflect ./usr/share/applications/reflect.desktop \
    ./usr/share/icons/hicolor/scalable/apps/reflect.svg ./usr/share/mime/packages/reflect.xml \
    ${pack:+./etc/xdg/reflect/packs/$(basename "$pack")}; do
    grep -qF " $path" <<<"$contents" || { echo "deb: $path missing" >&2; exit 1; }
  done
  dpkg-deb -x "$deb" "$stage/root"
  # The relative symlink works inside the scratch root as it will in /usr/bin.
  "$stage/root/usr/bin/reflect" --version
  if command -v update-mime-database >/dev/null; then
    update-mime-database "$stage/root/usr/share/mime" >/dev/null 2>&1
    grep -q "application/x-reflect-pack:\*\.reflectpack" "$stage/root/usr/share/mime/globs2"
    grep -q "application/x-reflect-bundle:\*\.reflect$" "$stage/root/usr/share/mime/globs2"
    echo "   shared-mime-info: *.reflect and *.reflectpack registered"
  fi
  # Always checked: desktop-file-utils is installed above (or the build stopped asking for it).
  command -v desktop-file-validate >/dev/null \
    || { echo "desktop-file-validate not found: install desktop-file-utils" >&2; exit 1; }
  desktop-file-validate "$stage/root/usr/share/applications/reflect.desktop"
  echo "   desktop-file-validate: reflect.desktop is valid"
  "$root/packaging/smoke.sh" "$stage/root/opt/reflect"
  # From etc/xdg/reflect/packs/ in the scratch root, as from /etc/xdg once installed.
  [ -z "$pack" ] || picked_up "$stage/root/opt/reflect/reflect" "$stage/root/etc/xdg"
fi

report="$dist/linux-build.txt"
{
  echo "Reflect $version, built $(date -u +%Y-%m-%dT%H:%MZ) on $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "bundle unpacked: $(du -sm "$bundle" | cut -f1) MB ($(find "$bundle" -type f | wc -l) files)"
  echo "tar.gz: $(( $(stat -c %s "$tarball") / 1048576 )) MB  $(basename "$tarball")"
  echo "deb: $(( $(stat -c %s "$deb") / 1048576 )) MB  $(basename "$deb")"
  echo "needs glibc >= $glibc (packaging/linux/glibc_floor.py); the files that set it:"
  awk 'NR <= 3 {print " " $0}' "$glibc_report"
  echo "build$( [ "$smoke" = 1 ] && echo " and smoke test"): $(( SECONDS - started )) s"
} | tee "$report"
