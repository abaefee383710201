"""Smoke-test an installed Reflect, the same way on Windows, macOS and Linux.

    python packaging/smoke_installed.py PATH/TO/reflect[.exe] [--require-keyring]
        [--expect-pack-installed]

The installers workflow (.github/workflows/installers.yml) runs it after a silent install as a
user without administrator rights, against the installed executable, before it uninstalls.
packaging/smoke.sh checks the built bundle more deeply (X server, strace, Secret Service); this
checks what a person's first days with the installed app need, with the standard library only:

1. ``--version`` prints this checkout's version
2. the window opens, paints and quits (offscreen)
3. a demo journal (``reflect demo``), then ``search`` finds an entry in it; ``write`` then
   ``search`` finds the new entry (SQLite FTS5 inside the bundle)
4. a bundle, from the command line: one journal shares an entry with another
   (``share --out x.reflect``), the other opens it (``receive x.reflect``)
5. a pack, from the command line: ``pack build`` (signed), ``pack show``, ``pack install``,
   then ``programme`` lists its events
6. the keyring: a fresh journal's ``key show --json`` says where its keys went; with
   ``--require-keyring`` that must be the system's keyring (Windows Credential Manager, the
   macOS Keychain, a Secret Service)
7. with ``--expect-pack-installed``: a pack the installer placed in a drop-in folder (the
   ``packs`` folder beside the executable, or the machine-wide one) is installed by a fresh
   journal's first window start

A double-clicked file (``reflect FILE.reflect``, what the associations run) opens the window and
asks before it receives or installs anything, so that path is left to the window's own tests;
here the same files are opened with the commands that do it without asking.

Steps 1-5 keep their keys in a passphrase file (the keyring forced off), so they never depend
on the runner's keychain. Every journal is in a scratch folder; nothing real is touched.
Exit status 0 when every step passed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "correct horse battery staple"
NO_KEYRING = "keyring.backends.fail.Keyring"
PASS_ENV = ("--passphrase-env", "SMOKE_PASSPHRASE")  # keys in a passphrase file


class SmokeFailed(Exception):
    pass


class Reflect:
    """Runs the installed executable with a scratch environment and a deadline."""

    def __init__(self, exe: Path, scratch: Path) -> None:
        self.exe = exe
        self.scratch = scratch
        self.env = dict(os.environ)
        self.env.update(
            QT_QPA_PLATFORM="offscreen",
            SMOKE_PASSPHRASE=PASSPHRASE,
            REFLECT_PACKS_DIR=str(scratch / "no-packs"),
            PYTHON_KEYRING_BACKEND=NO_KEYRING,
        )
        self.env.pop("REFLECT_DATA_DIR", None)

    def __call__(self, journal: str, *args: str, unset: tuple[str, ...] = ()) -> str:
        """Run ``reflect --data-dir SCRATCH/journal ARGS``; ``unset`` names variables to drop."""
        command = [str(self.exe), "--data-dir", str(self.scratch / journal), *args]
        env = {k: v for k, v in self.env.items() if k not in unset}
        if "PYTHON_KEYRING_BACKEND" in unset and os.environ.get("PYTHON_KEYRING_BACKEND"):
            env["PYTHON_KEYRING_BACKEND"] = os.environ["PYTHON_KEYRING_BACKEND"]  # the caller's
        done = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=180,
            cwd=self.scratch,
        )
        if done.returncode != 0:
            raise SmokeFailed(
                f"{' '.join(command[1:])} exited {done.returncode}:\n{done.stdout}{done.stderr}"
            )
        return done.stdout.replace("\r\n", "\n")


def expect(text: str, output: str) -> None:
    if text not in output:
        raise SmokeFailed(f"expected {text!r} in:\n{output}")


def step(title: str) -> None:
    print(f"-- {title}", flush=True)


def version_of_checkout() -> str:
    init = (ROOT / "src" / "reflect" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "(.*)"', init, re.MULTILINE)
    assert found, "no __version__ in src/reflect/__init__.py"
    return found.group(1)


def card_of(reflect: Reflect, journal: str, name: str) -> Path:
    shown = reflect(journal, "key", "show", "--name", name, *PASS_ENV)
    card = re.search(
        r"-----BEGIN REFLECT CONTACT CARD-----.*?-----END REFLECT CONTACT CARD-----",
        shown,
        re.DOTALL,
    )
    if not card:
        raise SmokeFailed(f"no contact card in:\n{shown}")
    path = reflect.scratch / f"{journal}.reflectcard"
    path.write_text(card.group(0) + "\n", encoding="utf-8")
    return path


def smoke(exe: Path, scratch: Path, require_keyring: bool, expect_pack: bool) -> None:
    reflect = Reflect(exe, scratch)

    step("1. --version")
    expect(f"Reflect, version {version_of_checkout()}", reflect("journal", "--version"))

    step("2. the window opens, paints and quits")
    reflect("journal", "--quit-after-paint")
    if not (scratch / "journal" / "journal.db").is_file():
        raise SmokeFailed("no journal.db after the window ran")

    step("3. a demo journal, and search")
    expect("Added a demo journal", reflect("demo", "demo"))
    expect("inquiry", reflect("demo", "search", "inquiry").lower())
    reflect("journal", "write", "Relationships first, measures second.")
    expect("Relationships first", reflect("journal", "search", "relationship"))

    step("4. a bundle, shared by one journal and opened by another from the command line")
    keys = ("--keys-passphrase-env", "SMOKE_PASSPHRASE")
    reflect("sender", "peer", "add", "", str(card_of(reflect, "receiver", "Bea Peer")))
    reflect("receiver", "peer", "add", "", str(card_of(reflect, "sender", "Ann Sender")))
    entry = reflect("sender", "write", "Shared from the installed app.").strip()
    bundle = scratch / "summary.reflect"
    reflect("sender", "share", "--to", "Bea Peer", "--entry", entry, "--out", str(bundle), *keys)
    expect("Received a summary from Ann Sender", reflect("receiver", "receive", str(bundle), *keys))
    expect("Ann Sender", reflect("receiver", "inbox"))

    step("5. a facilitator pack: build, show, install, from the command line")
    pack = scratch / "cohort.reflectpack"
    spec = ROOT / "docs" / "examples" / "programme-pack.toml"
    reflect("journal", "pack", "build", str(spec), "--out", str(pack), *PASS_ENV)
    expect("Leading Across Systems", reflect("reader", "pack", "show", str(pack)))
    expect("Installed", reflect("reader", "pack", "install", str(pack)))
    expect("Welcome session", reflect("reader", "programme"))

    step("6. the system keyring")
    shown = reflect(
        "keyring",
        "key",
        "show",
        "--name",
        "Kay Ring",
        "--json",
        *PASS_ENV,
        unset=("PYTHON_KEYRING_BACKEND",),
    )
    card = json.loads(shown)
    print(f"   keys kept in: {card.get('store')} ({card.get('where')})")
    if require_keyring and card.get("store") != "keyring":
        raise SmokeFailed(f"expected the system keyring, got {card.get('store')}")

    if expect_pack:
        step("7. the pack the installer placed is installed on first start")
        beside = exe.parent / "packs"
        if beside.is_dir():
            print(f"   beside the app: {', '.join(p.name for p in beside.glob('*.reflectpack'))}")
        # The real drop-in folders: no REFLECT_PACKS_DIR, which would replace them.
        reflect("dropin", "--quit-after-paint", unset=("REFLECT_PACKS_DIR",))
        expect('"id": "', reflect("dropin", "programme", "--json"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exe", type=Path, help="the installed reflect executable")
    parser.add_argument("--require-keyring", action="store_true")
    parser.add_argument("--expect-pack-installed", action="store_true")
    args = parser.parse_args()
    exe = args.exe.resolve()
    if not exe.is_file():
        print(f"SMOKE FAILED: no executable at {exe}", file=sys.stderr)
        return 1
    scratch = Path(tempfile.mkdtemp(prefix="reflect-smoke-"))
    try:
        smoke(exe, scratch, args.require_keyring, args.expect_pack_installed)
    except (SmokeFailed, subprocess.TimeoutExpired) as exc:
        print(f"SMOKE FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"SMOKE PASSED: {exe}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
