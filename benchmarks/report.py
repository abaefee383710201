"""The results table: printed for a terminal, written as JSON and as Markdown for the docs."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.measure import Figure

_COLUMNS = ("measurement", "Reflect", "reference", "ratio", "target", "met")
DOC_START = "<!-- results:start (written by benchmarks/run.py --update-doc) -->"
DOC_END = "<!-- results:end -->"


@dataclass
class Results:
    figures: list[Figure] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    machine: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": "reflect-benchmarks",
            "version": 1,
            "settings": self.settings,
            "machine": self.machine,
            "figures": [figure.as_json() for figure in self.figures],
        }


def machine() -> dict[str, Any]:
    return {
        "system": platform.platform(),
        "processor": _cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_average": [round(n, 2) for n in os.getloadavg()],
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def amount(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "x":
        return f"{value:.2f}×"
    if value < 0.01:
        return f"{value * 1000:.2f} ms"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def rows(figures: Sequence[Figure]) -> list[tuple[str, ...]]:
    return [
        (
            figure.label,
            amount(figure.value, figure.unit),
            f"{amount(figure.reference, figure.unit)} ({figure.reference_label})",
            f"{figure.ratio:.2f}×",
            figure.target.text if figure.target else "",
            {True: "yes", False: "NO", None: ""}[figure.met],
        )
        for figure in figures
    ]


def text_table(figures: Sequence[Figure]) -> str:
    table = [_COLUMNS, *rows(figures)]
    widths = [max(len(row[n]) for row in table) for n in range(len(_COLUMNS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in table
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(figures: Sequence[Figure]) -> str:
    lines = ["| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    lines += [
        "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows(figures)
    ]
    return "\n".join(lines)


def search_kinds_table(figures: Sequence[Figure]) -> str:
    """Search times by kind of query (from the p95 figures' details), Reflect beside the floor."""
    lines = [
        "| search | kind | Reflect p50 | floor p50 | Reflect p95 | floor p95 |",
        "|---|---|---|---|---|---|",
    ]
    for figure in figures:
        if not (figure.key.startswith("search.") and figure.details):
            continue
        size = figure.key.split(".")[1]
        for kind, times in figure.details.items():
            cells = [amount(times[name], "s") for name in ("p50", "floor_p50", "p95", "floor_p95")]
            lines.append(f"| {size} | {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines) if len(lines) > 2 else ""


def markdown(results: Results) -> str:
    info = results.machine
    settings = ", ".join(f"{key} {value}" for key, value in results.settings.items())
    load = ", ".join(str(n) for n in info["load_average"])
    return (
        f"Machine: {info['processor']}, {info['cores']} cores; {info['system']}; "
        f"Python {info['python']}, SQLite {info['sqlite']}; load average at the start {load}.\n"
        f"Run: {settings}.\n\n{markdown_table(results.figures)}\n"
        + (f"\n{kinds}\n" if (kinds := search_kinds_table(results.figures)) else "")
    )


def write(results: Results, out: Path) -> tuple[Path, Path]:
    """The JSON at ``out`` and the Markdown beside it (``.md``)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results.as_json(), indent=1, ensure_ascii=False) + "\n", "utf-8")
    table = out.with_suffix(".md")
    table.write_text(markdown(results), encoding="utf-8")
    return out, table


def update_doc(doc: Path, results: Results) -> None:
    """Replace the results section of ``doc`` (between its two markers) with this run's."""
    text = doc.read_text(encoding="utf-8")
    before, found, rest = text.partition(DOC_START)
    _, ended, after = rest.partition(DOC_END)
    if not (found and ended):
        raise SystemExit(f"{doc} has no results markers")
    doc.write_text(f"{before}{DOC_START}\n{markdown(results)}{DOC_END}{after}", encoding="utf-8")
