#!/usr/bin/env bash
# Build Reflect's one-folder PyInstaller bundle for this operating system.
#
#   packaging/bundle.sh [--untrimmed]
#
# Makes a build venv (build/packaging/venv) with the pinned tools from
# packaging/requirements-build.txt and Reflect itself installed (not editable, so resources/
# lands inside the package), renders the icons, and runs packaging/pyinstaller/reflect.spec.
# The bundle ends up in dist/bundle/reflect/ (and dist/bundle/Reflect.app on macOS).
# --untrimmed keeps every Qt plugin and translation, to measure what trimming saves.
# Works on Linux, macOS and Windows (Git Bash, as on the CI runners). See docs/packaging.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/build/packaging"
dist="$root/dist/bundle"
python="${PYTHON:-python3}"

untrimmed=0
for arg in "$@"; do
  case "$arg" in
    --untrimmed) untrimmed=1 ;;
    *) echo "usage: packaging/bundle.sh [--untrimmed]" >&2; exit 2 ;;
  esac
done

if [ -d "$work/venv/Scripts" ]; then bin="$work/venv/Scripts"; else bin="$work/venv/bin"; fi
if [ ! -x "$bin/python" ] && [ ! -x "$bin/python.exe" ]; then
  echo "== build venv: $work/venv"
  "$python" -m venv "$work/venv"
  if [ -d "$work/venv/Scripts" ]; then bin="$work/venv/Scripts"; else bin="$work/venv/bin"; fi
fi
echo "== pinned build tools and Reflect itself"
"$bin/python" -m pip install -q --disable-pip-version-check -r "$root/packaging/requirements-build.txt"
# A fresh wheel every time, so the bundle holds this checkout's code and resources.
"$bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$root"
"$bin/python" -m pip install -q --disable-pip-version-check "$root"

echo "== icons"
"$bin/python" "$root/packaging/pyinstaller/make_icons.py" "$work/icons"

echo "== PyInstaller"
rm -rf "$dist"
REFLECT_ICONS="$work/icons" REFLECT_UNTRIMMED="$untrimmed" \
  "$bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work/pyinstaller" \
  "$root/packaging/pyinstaller/reflect.spec"
rm -rf "$root/build/lib" "$root/build/bdist."* # left by the wheel build
echo "== bundle: $dist"
