"""How results look on a terminal and as JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from reflect.core.backup import Backup
from reflect.core.entry import Entry
from reflect.core.inquiry import Inquiry
from reflect.core.search import SearchHit
from reflect.formats.progress import Progress

SHORT_ID = 8
F = TypeVar("F", bound=Callable[..., Any])


def out_option(kinds: str) -> Callable[[F], F]:
    """``--out FILE``, required, whose extension (one of ``kinds``) picks the format."""
    return click.option(
        "--out",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help=f"The file to write: {kinds}.",
    )


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def counted(number: int, one: str, many: str = "") -> str:
    """``1 entry``, ``7 entries``: the number and its noun (``many`` defaults to one + "s")."""
    return f"{number} {one if number == 1 else many or one + 's'}"


def local_time(text: str) -> str:
    return datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")


def inquiry_json(inquiry: Inquiry) -> dict[str, Any]:
    data = asdict(inquiry)
    data["question"] = inquiry.question
    data["status"] = str(inquiry.status)
    return data


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "created": entry.created,
        "updated": entry.updated,
        "kind": str(entry.kind),
        "title": entry.display_title,
        "tags": list(entry.tags),
        "inquiry_id": entry.inquiry_id,
        "framework_id": entry.framework_id,
        "body": entry.body,
    }


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "created": hit.created,
        "kind": hit.kind,
        "title": hit.title,
        "snippet": hit.plain_snippet,
        "highlights": [text for text, marked in hit.snippet_spans() if marked],
        "tags": list(hit.tags),
        "inquiry_id": hit.inquiry_id,
        "score": hit.score,
    }


def inquiry_line(inquiry: Inquiry) -> str:
    status = click.style(f"{inquiry.status:<9}", fg="cyan")
    return f"{inquiry.id[:SHORT_ID]}  {status}  {inquiry.question}"


def entry_line(entry: Entry) -> str:
    tags = " ".join(f"#{t}" for t in entry.tags)
    kind = click.style(f"{entry.kind:<10}", fg="cyan")
    return f"{entry.id[:SHORT_ID]}  {local_time(entry.created)}  {kind}  {entry.display_title}" + (
        f"  {click.style(tags, dim=True)}" if tags else ""
    )


def hit_lines(hit: SearchHit) -> str:
    head = f"{hit.id[:SHORT_ID]}  {local_time(hit.created)}  {hit.kind:<10}  "
    snippet = "".join(
        click.style(text, bold=True, fg="yellow") if marked else text
        for text, marked in hit.snippet_spans()
    )
    return head + click.style(hit.title, bold=True) + "\n    " + " ".join(snippet.split())


def backup_json(backup: Backup) -> dict[str, Any]:
    return {
        "path": str(backup.path),
        "taken": backup.taken.isoformat(),
        "reason": str(backup.reason),
        "size": backup.size,
    }


def backup_line(backup: Backup) -> str:
    taken = backup.taken.astimezone().strftime("%Y-%m-%d %H:%M")
    reason = click.style(f"{backup.reason:<13}", fg="cyan")
    return f"{taken}  {reason}  {size_text(backup.size):>8}  {backup.path}"


def size_text(size: int) -> str:
    """A file size in decimal units, as file managers show it: 950 B, 312 kB, 1.2 MB."""
    amount, unit = float(size), "B"
    for unit in ("B", "kB", "MB", "GB"):
        if amount < 1000 or unit == "GB":
            break
        amount /= 1000
    if unit == "B":
        return f"{size} B"
    return f"{amount:.1f} {unit}" if amount < 10 else f"{amount:.0f} {unit}"


@contextmanager
def progress_bar(label: str) -> Iterator[Progress]:
    """A progress callback that draws a bar on a terminal and stays quiet elsewhere."""
    stream = sys.stderr
    if not stream.isatty():
        yield lambda done, total: None
        return
    with click.progressbar(length=1, label=label, file=stream) as bar:

        def update(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        yield update
