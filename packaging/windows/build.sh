#!/usr/bin/env bash
# Build Reflect for Windows: the bundle and its smoke test, then three things to ship:
#   dist/Reflect-Setup-VERSION.exe               Inno Setup, per user by default (no admin)
#   dist/Reflect-VERSION-x64.msi                 WiX v5, machine-wide, for IT (Intune, ConfigMgr)
#   dist/Reflect-VERSION-windows-x64-portable.zip  the bundle folder, runs from any folder
# Runs in Git Bash (as on GitHub's Windows runners). See docs/packaging.md.
#
#   packaging/windows/build.sh [--no-smoke] [--no-msi]
#
# Environment (optional):
#   REFLECT_PACK        a .reflectpack built into the Setup .exe (the packs folder beside
#                       reflect.exe) and the portable zip (reflect\packs\); for the MSI, IT
#                       leaves the pack beside the .msi instead
#   REFLECT_SIGN_TOOL   a signtool command line with $f for the file, e.g.
#                       signtool sign /fd sha256 /tr http://timestamp.example /td sha256 /f cert.pfx /p PASS $f
#                       signs the installer and uninstaller (the bundle's exe: sign it first,
#                       with the same command, before the installer is made)
#   ISCC                path to Inno Setup's ISCC.exe (default: on PATH, or Inno Setup 6's folder)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
smoke=1 msi=1
for arg in "$@"; do
  case "$arg" in
    --no-smoke) smoke=0 ;;
    --no-msi) msi=0 ;;
    *) echo "usage: packaging/windows/build.sh [--no-smoke] [--no-msi]" >&2; exit 2 ;;
  esac
done
python="${PYTHON:-python}"

"$root/packaging/bundle.sh"
bundle="$root/dist/bundle/reflect"
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/src/reflect/__init__.py")"

if [ "$smoke" = 1 ]; then
  "$root/packaging/smoke.sh" "$bundle"
fi

if [ -n "${REFLECT_SIGN_TOOL:-}" ]; then
  echo "== signing reflect.exe"
  ${REFLECT_SIGN_TOOL//\$f/$(cygpath -w "$bundle/reflect.exe")}
fi

iscc="${ISCC:-$(command -v iscc || command -v ISCC || true)}"
[ -n "$iscc" ] || iscc="/c/Program Files (x86)/Inno Setup 6/ISCC.exe"
[ -f "$iscc" ] || { echo "Inno Setup 6 not found (choco install innosetup); or set ISCC" >&2; exit 1; }

args=("/DAppVersion=$version")
[ -n "${REFLECT_PACK:-}" ] && args+=("/DPack=$(cygpath -w "$REFLECT_PACK")")
[ -n "${REFLECT_SIGN_TOOL:-}" ] && args+=("/DSign" "/Sreflectsign=$REFLECT_SIGN_TOOL")
# MSYS would rewrite /D... arguments as paths; this keeps them as they are.
MSYS2_ARG_CONV_EXCL='*' "$iscc" "${args[@]}" "$(cygpath -w "$root/packaging/windows/reflect.iss")"
ls -l "$root/dist/Reflect-Setup-$version.exe"

echo "== portable zip"
portable="$root/dist/Reflect-$version-windows-x64-portable.zip"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -a "$bundle" "$stage/reflect"
[ -n "${REFLECT_PACK:-}" ] && install -Dm644 "$REFLECT_PACK" "$stage/reflect/packs/$(basename "$REFLECT_PACK")"
rm -f "$portable"
(cd "$stage" && "$python" -m zipfile -c "$portable" reflect)
ls -l "$portable"

if [ "$msi" = 1 ]; then
  echo "== MSI (WiX v5)"
  command -v wix >/dev/null || { echo "WiX not found: dotnet tool install --global wix --version 5.0.2; or --no-msi" >&2; exit 1; }
  out="$root/dist/Reflect-$version-x64.msi"
  MSYS2_ARG_CONV_EXCL='*' wix build "$(cygpath -w "$root/packaging/windows/reflect.wxs")" -arch x64 \
    -d "Version=$version" -bindpath "Bundle=$(cygpath -w "$bundle")" \
    -bindpath "Icons=$(cygpath -w "$root/build/packaging/icons")" -o "$(cygpath -w "$out")"
  if [ -n "${REFLECT_SIGN_TOOL:-}" ]; then
    ${REFLECT_SIGN_TOOL//\$f/$(cygpath -w "$out")}
  fi
  ls -l "$out"
fi
