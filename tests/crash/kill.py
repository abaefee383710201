"""The full kill test: hundreds of writers and dozens of typists, each SIGKILLed at a random
moment, then the checks of ``kill_harness`` (see docs/reliability.md).

    PYTHONPATH=src python3 tests/crash/kill.py --rounds 300 --editor-rounds 30 \
        --conversion-rounds 60

A run prints its seed; ``--seed`` repeats a run's choice of kill points. Exits 1 on a failure,
keeping the journals it failed on.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from conversion_kills import run_conversion_kills
from kill_harness import run_editor_kills, run_writer_kills


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=300, help="writer processes to kill")
    parser.add_argument("--editor-rounds", type=int, default=30, help="typists to kill")
    parser.add_argument(
        "--conversion-rounds", type=int, default=60, help="encrypt/decrypt runs to kill"
    )
    parser.add_argument("--seed", type=int, help="repeat a run's kill points")
    parser.add_argument("--keep", action="store_true", help="keep the journals afterwards")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    workdir = Path(tempfile.mkdtemp(prefix="reflect-kill-"))
    isolate(workdir)
    print(f"seed {seed}; journals in {workdir}", flush=True)
    started = time.monotonic()
    try:
        ledger = run_writer_kills(workdir / "journal", args.rounds, seed, report)
        writers_done = time.monotonic()
        typists = run_editor_kills(workdir, args.editor_rounds, seed, report)
        typists_done = time.monotonic()
        run_conversion_kills(workdir / "converted", args.conversion_rounds, seed, report)
    except AssertionError as exc:
        print(f"FAILED (seed {seed}; journals kept in {workdir}): {exc}", file=sys.stderr)
        return 1
    worst = max((t.lost_seconds for t in typists), default=0.0)
    print(
        f"ok: {args.rounds} writers killed in {writers_done - started:.0f}s, "
        f"{ledger.acknowledged} acknowledged changes all kept; "
        f"{args.editor_rounds} typists killed in {time.monotonic() - writers_done:.0f}s, "
        f"at most {worst:.2f}s of typing lost; "
        f"{args.conversion_rounds} conversions killed in {time.monotonic() - typists_done:.0f}s, "
        "nothing lost"
    )
    if not args.keep:
        shutil.rmtree(workdir)
    return 0


def isolate(workdir: Path) -> None:
    """Children get a home of their own, so nothing touches the real one."""
    home = workdir / "home"
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.lower())


def report(line: str) -> None:
    print(line, flush=True)


if __name__ == "__main__":
    sys.exit(main())
