"""The oldest glibc a Linux bundle runs on: the highest GLIBC_ version any of its ELF files needs.

    python3 packaging/linux/glibc_floor.py BUNDLE_DIR [--report] [--max X.Y]

Prints the floor (e.g. ``2.34``). ``--report`` also lists, for each version above 2.17, the
files that need it, so a build that rose can be traced to the library that raised it. ``--max``
exits 1 when the floor is above X.Y (a release built for Ubuntu 22.04 uses ``--max 2.35``).

Reads each file's version-needs table (``.gnu.version_r``, what the dynamic loader checks at
start) with the standard library only, for every shared library and executable in the folder:
the same answer as ``objdump -T``'s GLIBC_ references, without binutils.
"""

from __future__ import annotations

import argparse
import struct
import sys
from collections import defaultdict
from pathlib import Path

SHT_GNU_VERNEED = 0x6FFFFFFE
ELF_MAGIC = b"\x7fELF"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def needed_versions(path: Path) -> set[str]:
    """Every ``GLIBC_x.y`` version ``path`` needs; empty for anything not a 64-bit ELF file."""
    data = path.read_bytes()
    if data[:4] != ELF_MAGIC or data[4] != 2:  # ELFCLASS64 only: the bundles are 64-bit
        return set()
    endian = "<" if data[5] == 1 else ">"
    (shoff,) = struct.unpack_from(endian + "Q", data, 0x28)
    shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x3A)
    sections = [
        struct.unpack_from(endian + "IIQQQQIIQQ", data, shoff + n * shentsize) for n in range(shnum)
    ]
    found: set[str] = set()
    for _name, kind, _flags, _addr, offset, _size, link, info, _align, _entsize in sections:
        if kind != SHT_GNU_VERNEED:
            continue
        strings = sections[link][4]  # the linked string table's file offset
        entry = offset
        for _ in range(info):  # info: the number of Verneed entries
            _version, count, _file, aux, following = struct.unpack_from(
                endian + "HHIII", data, entry
            )
            at = entry + aux
            for _ in range(count):
                _hash, _flags2, _other, name, next_aux = struct.unpack_from(
                    endian + "IHHII", data, at
                )
                end = data.index(b"\0", strings + name)
                text = data[strings + name : end].decode("ascii", "replace")
                if text.startswith("GLIBC_") and text[6:7].isdigit():
                    found.add(text[6:])
                at += next_aux
            if not following:
                break
            entry += following
    return found


def elf_files(folder: Path) -> list[Path]:
    """Regular files in ``folder`` that start like an ELF file."""
    files = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    files.append(path)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--report", action="store_true")
    parser.add_argument("--max", dest="maximum")
    args = parser.parse_args()
    needs: dict[str, list[str]] = defaultdict(list)
    for path in elf_files(args.bundle):
        for version in needed_versions(path):
            needs[version].append(str(path.relative_to(args.bundle)))
    if not needs:
        print(f"no ELF file in {args.bundle} needs glibc", file=sys.stderr)
        return 1
    floor = max(needs, key=version_key)
    print(floor)
    if args.report:
        for version in sorted(needs, key=version_key, reverse=True):
            if version_key(version) > (2, 17):
                names = needs[version]
                shown = ", ".join(names[:6]) + (
                    f" and {len(names) - 6} more" if len(names) > 6 else ""
                )
                print(f"  GLIBC_{version}: {shown}", file=sys.stderr)
    if args.maximum and version_key(floor) > version_key(args.maximum):
        print(f"the bundle needs glibc {floor}, newer than {args.maximum}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
