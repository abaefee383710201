#!/usr/bin/env bash
# Build the Linux .tar.gz and .deb on Debian 11 (glibc 2.31), so that they start on Debian 11,
# Ubuntu 22.04 and every newer system. Needs root, debootstrap and Debian's package mirror only
# (no container registry, no python.org). See docs/packaging.md, "the glibc floor".
#
#   sudo packaging/linux/build_debian11.sh [--pack FILE.reflectpack]
#
# 1. build/bullseye: a Debian 11 root made with debootstrap (once; about 400 MB)
# 2. Python 3.11 built inside it from Debian's own source package (bookworm's python3.11,
#    fetched with apt-get source; once, then kept in /opt/python3.11 inside the root)
# 3. this checkout (git archive HEAD) built there: packaging/linux/build.sh --no-smoke with that
#    Python, REFLECT_MAX_GLIBC=2.31 so a newer symbol fails the build; --pack as in build.sh
# 4. the results copied to dist/debian11/, and smoke-tested on this machine
#    (packaging/smoke.sh and packaging/smoke_installed.py on the unpacked tarball)
# 5. smoke-tested again inside the Debian 11 root, on its glibc 2.31: the unpacked tarball, and
#    the .deb installed with apt (which checks its Depends) and removed again
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
chroot_dir="$root/build/bullseye"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap and chroot)" >&2; exit 1; }
pack=""
case "${1:-}" in
  --pack) pack="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")" ;;
  "") ;;
  *) echo "usage: packaging/linux/build_debian11.sh [--pack FILE]" >&2; exit 2 ;;
esac

if [ ! -x "$chroot_dir/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
  echo "== Debian 11 root: $chroot_dir"
  debootstrap --variant=minbase --include=build-essential,ca-certificates,dpkg-dev,libssl-dev,\
zlib1g-dev,libbz2-dev,libreadline-dev,libsqlite3-dev,libffi-dev,liblzma-dev,libexpat1-dev,\
uuid-dev,libgdbm-dev,xz-utils,binutils,git bullseye "$chroot_dir" "$mirror"
fi

mount -t proc proc "$chroot_dir/proc"
trap 'umount "$chroot_dir/proc"' EXIT
# This machine's certificate authorities, so pip inside the root trusts what this machine
# trusts (a network that re-signs TLS, as here, needs its own authority there too).
cp "${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}" "$chroot_dir/etc/ssl/certs/host-bundle.crt"
in_root() { chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  SSL_CERT_FILE=/etc/ssl/certs/host-bundle.crt PIP_CERT=/etc/ssl/certs/host-bundle.crt \
  bash -euc "$1"; }

if [ ! -x "$chroot_dir/opt/python3.11/bin/python3.11" ]; then
  echo "== Python 3.11 from Debian's source package, built inside the root"
  echo "deb-src $mirror bookworm main" >"$chroot_dir/etc/apt/sources.list.d/bookworm-src.list"
  in_root '
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    mkdir -p /src && cd /src && apt-get source -qq --download-only python3.11
    rm -rf Python-3.11.* && tar -xzf python3.11_3.11.*.orig.tar.gz && cd Python-3.11.*/
    ./configure -q --prefix=/opt/python3.11 --enable-shared LDFLAGS=-Wl,-rpath,/opt/python3.11/lib
    make -s -j"$(nproc)" >/src/make.log 2>&1
    make -s altinstall >/src/install.log 2>&1'
fi
in_root '/opt/python3.11/bin/python3.11 -c "import ssl, sqlite3, ctypes, lzma, bz2"'

echo "== building this checkout inside the root"
rm -rf "$chroot_dir/reflect"
mkdir "$chroot_dir/reflect"
git -C "$root" archive HEAD | tar -x -C "$chroot_dir/reflect"
pack_arg=""
if [ -n "$pack" ]; then
  cp "$pack" "$chroot_dir/reflect/" && pack_arg="--pack /reflect/$(basename "$pack")"
fi
in_root "cd /reflect && PYTHON=/opt/python3.11/bin/python3.11 REFLECT_MAX_GLIBC=2.31 \
  packaging/linux/build.sh --no-smoke $pack_arg"

out="$root/dist/debian11"
rm -rf "$out" && mkdir -p "$out"
cp "$chroot_dir"/reflect/dist/*.tar.gz "$chroot_dir"/reflect/dist/*.deb \
  "$chroot_dir/reflect/dist/linux-build.txt" "$out/"
cat "$out/linux-build.txt"

echo "== smoke test of the Debian 11 build, on this machine"
stage="$(mktemp -d)"
trap 'umount "$chroot_dir/proc"; rm -rf "$stage"' EXIT
tar -C "$stage" -xzf "$out"/reflect-*.tar.gz
"$root/packaging/smoke.sh" "$stage/reflect"
python3 "$root/packaging/smoke_installed.py" "$stage/reflect/reflect" ${pack:+--expect-pack-installed}

echo "== smoke test inside the Debian 11 root (glibc 2.31): the tarball, then the .deb"
rm -rf "$chroot_dir/kit" "$chroot_dir/kit-app" && mkdir "$chroot_dir/kit" "$chroot_dir/kit-app"
git -C "$root" archive HEAD | tar -x -C "$chroot_dir/kit"
tar -C "$chroot_dir/kit-app" -xzf "$out"/reflect-*.tar.gz
cp "$out"/reflect-journal_*.deb "$chroot_dir/kit/"
in_root '
  smoke() { /opt/python3.11/bin/python3.11 /kit/packaging/smoke_installed.py "$1"; }
  ldd --version | head -1
  smoke /kit-app/reflect/reflect
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /kit/reflect-journal_*.deb >/dev/null
  smoke /usr/bin/reflect
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq reflect-journal >/dev/null
  test ! -e /opt/reflect/reflect'
floor="$(sed -n 's/^needs glibc >= \([0-9.]*\).*/\1/p' "$out/linux-build.txt")"
echo "Debian 11 build in $out: needs glibc >= $floor; smoke-tested here and on glibc 2.31"
