#!/usr/bin/env bash
# Build Reflect for Windows: the bundle, its smoke test, then the Inno Setup installer.
# Runs in Git Bash (as on GitHub's Windows runners). See docs/packaging.md.
#
#   packaging/windows/build.sh [--no-smoke]
#
# Environment (optional):
#   REFLECT_PACK        a .reflectpack the installer places in %ProgramData%\Reflect\packs\
#   REFLECT_SIGN_TOOL   a signtool command line with $f for the file, e.g.
#                       signtool sign /fd sha256 /tr http://timestamp.example /td sha256 /f cert.pfx /p PASS $f
#                       signs the installer and uninstaller (the bundle's exe: sign it first,
#                       with the same command, before the installer is made)
#   ISCC                path to Inno Setup's ISCC.exe (default: on PATH, or Inno Setup 6's folder)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
smoke=1
[ "${1:-}" = "--no-smoke" ] && smoke=0

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
