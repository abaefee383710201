"""The benchmark command: build what is missing, run each measurement, print and save the table.

See docs/benchmarks.md. Everything generated (corpora, journals, floor databases, the two venvs)
goes under ``benchmarks/.work/``, which git ignores; results go to ``--out`` (JSON) and beside
it as Markdown.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from benchmarks import (
    bench_cli,
    bench_encryption,
    bench_exchange,
    bench_import,
    bench_save,
    bench_search,
    bench_startup,
    bench_typing,
    queries,
    report,
    venvs,
)
from benchmarks.corpus import DEFAULT_SEED, SIZES
from benchmarks.journals import Workspace
from benchmarks.measure import Figure
from benchmarks.processes import ROOT

MEASUREMENTS = (
    "search",
    "cli",
    "startup",
    "import",
    "save",
    "exchange",
    "typing",
    "encryption",
)
EXCHANGE_SIZE = 1_000


@dataclass(frozen=True)
class Effort:
    """How many queries and repeats: the full run, or --quick for a couple of minutes."""

    queries_per_kind: int
    search_repeats: int
    cli_queries_per_kind: int
    cli_repeats: int
    startup_repeats: int
    import_repeats: int
    saves: int
    exchange_repeats: int


FULL = Effort(25, 3, 1, 3, 5, 3, 300, 3)
QUICK = Effort(10, 2, 1, 1, 3, 1, 60, 1)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__)
    parser.add_argument("--sizes", help="corpus sizes, from 1k,10k,100k,300k (default: all)")
    parser.add_argument("--quick", action="store_true", help="1k and 10k, few repeats")
    parser.add_argument("--only", help=f"some of {','.join(MEASUREMENTS)}")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/latest.json")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks/.work")
    parser.add_argument("--fresh", action="store_true", help="rebuild corpora and journals")
    parser.add_argument(
        "--update-doc", action="store_true", help="put the table into docs/benchmarks.md"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    _fixed_time_zone()
    labels = (args.sizes or ("1k,10k" if args.quick else ",".join(SIZES))).split(",")
    sizes = {label: SIZES[label] for label in labels}
    chosen = args.only.split(",") if args.only else list(MEASUREMENTS)
    effort = QUICK if args.quick else FULL
    if args.fresh:
        shutil.rmtree(args.work, ignore_errors=True)
    workspace = Workspace(args.work, args.seed)
    results = report.Results(
        settings={
            "sizes": ",".join(sizes),
            "mode": "quick" if args.quick else "full",
            "seed": args.seed,
        },
        machine=report.machine(),
    )
    started = time.perf_counter()
    for name in chosen:
        for step_label, step in _steps(name, workspace, sizes, effort):
            _note(f"{step_label}...")
            results.figures += step()
    results.settings["seconds"] = round(time.perf_counter() - started)
    shutil.rmtree(workspace.scratch_root, ignore_errors=True)  # copies of large journals
    print(report.text_table(results.figures))
    json_path, markdown_path = report.write(results, args.out)
    _note(f"Wrote {json_path} and {markdown_path} in {results.settings['seconds']} s.")
    if args.update_doc:
        report.update_doc(ROOT / "docs" / "benchmarks.md", results)
        _note("Updated docs/benchmarks.md.")
    binding = [f for f in results.figures if f.target is None or f.target.binding]
    return 0 if all(figure.met is not False for figure in binding) else 1


def _steps(
    name: str, workspace: Workspace, sizes: dict[str, int], effort: Effort
) -> list[tuple[str, Callable[[], list[Figure]]]]:
    """The measurement ``name`` as labelled steps, one per corpus size where it has sizes."""
    largest = max(sizes, key=sizes.__getitem__)
    work = workspace.root
    if name == "search":
        query_list = queries.queries(effort.queries_per_kind, workspace.seed)
        return [
            (
                f"search, {label}",
                partial(
                    bench_search.run, workspace, size, label, query_list, effort.search_repeats
                ),
            )
            for label, size in sizes.items()
        ]
    if name == "typing":
        return [
            (
                f"typing, Journal page, size and backup, {label} (common words)",
                partial(bench_typing.run, workspace, size, label),
            )
            for label, size in sizes.items()
        ]
    if name == "cli":
        query_list = queries.queries(effort.cli_queries_per_kind, workspace.seed)
        return [
            (
                f"reflect search and jrnl, {label}",
                partial(_cli_step, workspace, size, label, query_list, effort.cli_repeats),
            )
            for label, size in sizes.items()
        ]
    if name == "startup":
        return [
            (
                f"cold start, empty and {largest}",
                lambda: bench_startup.run(
                    workspace,
                    {largest: sizes[largest]},
                    effort.startup_repeats,
                    venvs.reflect_python(work),
                ),
            )
        ]
    if name == "import":
        return [
            (
                f"import, {largest}",
                lambda: bench_import.run(workspace, sizes[largest], largest, effort.import_repeats),
            )
        ]
    if name == "save":
        return [
            (
                f"save, {largest} journal",
                lambda: bench_save.run(workspace, sizes[largest], largest, effort.saves),
            )
        ]
    if name == "encryption":
        query_list = queries.queries(effort.queries_per_kind, workspace.seed)
        return [
            (
                f"encryption on beside off, {largest}",
                lambda: bench_encryption.run(
                    workspace,
                    sizes[largest],
                    largest,
                    bench_encryption.Effort(
                        query_list,
                        effort.search_repeats,
                        effort.saves,
                        effort.startup_repeats,
                        effort.import_repeats,
                    ),
                    venvs.reflect_python(work),
                ),
            )
        ]
    if name == "exchange":
        return [
            (
                "share and receive",
                lambda: bench_exchange.run(workspace, EXCHANGE_SIZE, effort.exchange_repeats),
            )
        ]
    raise SystemExit(f"unknown measurement {name!r}; choose from {', '.join(MEASUREMENTS)}")


def _cli_step(
    workspace: Workspace, size: int, label: str, query_list: list[queries.Query], repeats: int
) -> list[Figure]:
    """The process benchmark, once the two venvs it runs in exist."""
    python, jrnl = venvs.reflect_python(workspace.root), venvs.jrnl_command(workspace.root)
    return bench_cli.run(workspace, size, label, query_list, repeats, python, jrnl)


def _fixed_time_zone() -> None:
    """jrnl files hold local times: one zone for every process makes runs comparable."""
    os.environ["TZ"] = "UTC"
    time.tzset()


def _note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
