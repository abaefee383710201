"""The file types Reflect opens when the system hands it a file: what installers associate.

A double-clicked file reaches Reflect as ``reflect FILE`` (Windows and Linux file associations)
or a file-open event (macOS); either way only these suffixes are opened
(``reflect.cli.main.is_bundle_file``). The installer recipes in ``packaging/`` register exactly
these, and ``tests/packaging`` checks each recipe against this list. Contact cards
(``.reflectcard``) are read by ``reflect peer add`` and the Trio page, not opened on their own,
so they are not associated. Kept free of imports: the command line reads it at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileType:
    suffix: str  # with its dot, lower case
    mime: str  # the shared-mime-info type on Linux; the Content Type on Windows
    description: str  # what the system's file manager calls it
    progid: str  # the Windows ProgID
    uti: str  # the macOS uniform type identifier Reflect exports


BUNDLE = FileType(
    ".reflect", "application/x-reflect-bundle", "Reflect bundle", "Reflect.Bundle",
    "org.reflect-journal.bundle",
)  # fmt: skip
PACK = FileType(
    ".reflectpack", "application/x-reflect-pack", "Reflect facilitator pack", "Reflect.Pack",
    "org.reflect-journal.pack",
)  # fmt: skip

OPENED = (BUNDLE, PACK)
SUFFIXES = tuple(t.suffix for t in OPENED)
