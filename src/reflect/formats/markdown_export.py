"""Export to a folder of Markdown files with front matter, one file per entry.

The files open in any editor or in Obsidian, and Reflect's Markdown importer reads them back
(ids included). Framework responses become ``##`` sections headed by their prompt id, listed in
the front matter's ``responses`` so the importer can tell them from headings in the body.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from reflect.core.contents import JournalContents
from reflect.core.entry import Entry
from reflect.errors import BadInput
from reflect.files import sync_folder, translated_os_errors, write_new_private_text
from reflect.formats.progress import Progress, no_progress
from reflect.messages import Msg

# Written as ``reflect-markdown`` in every file; version 1 files (before it) carried no marker
# and no list of responses, so their response sections read back as body text.
FORMAT_VERSION = 2
FORMAT_KEY = "reflect-markdown"
_SLUG = re.compile(r"[^a-z0-9]+")
# Characters a YAML reader cannot hold as they are (controls, U+0085, U+FFFE, U+FFFF), or
# that a line-based reader would split on (U+2028, U+2029) or strip (a BOM), written as
# \\uXXXX escapes. Everything else YAML 1.1 calls printable is written as it is.
_UNSAFE = re.compile(
    "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def write_markdown_folder(
    contents: JournalContents, out: Path, progress: Progress = no_progress
) -> int:
    """Write every live entry into the new (or empty) folder ``out``; return the count."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BadInput(Msg.EXPORT_FOLDER_NOT_EMPTY, path=out)
    questions = {i.id: i.question for i in contents.inquiries}
    live = [e for e in contents.entries if e.deleted is None]
    with translated_os_errors(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        # Built beside the target and renamed into place, so a failure leaves no half folder.
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
        try:
            _write_files(live, questions, staging, progress)
            if out.exists():
                out.rmdir()
            os.replace(staging, out)
            sync_folder(out.parent)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return len(live)


def _write_files(
    entries: list[Entry], questions: dict[str, str], folder: Path, progress: Progress
) -> None:
    used: set[str] = set()
    for n, entry in enumerate(entries, start=1):
        name = _file_name(entry, used)
        write_new_private_text(folder / name, entry_markdown(entry, questions))
        progress(n, len(entries))


def entry_markdown(entry: Entry, questions: dict[str, str]) -> str:
    fields = [
        (FORMAT_KEY, str(FORMAT_VERSION)),
        ("id", entry.id),
        ("title", entry.title),
        ("kind", str(entry.kind)),
        ("created", entry.created),
        ("updated", entry.updated),
    ]
    if entry.inquiry_id:
        fields += [("inquiry", entry.inquiry_id), ("question", questions.get(entry.inquiry_id, ""))]
    if entry.framework_id:
        fields.append(("framework", entry.framework_id))
    if entry.event_id:
        fields.append(("event", entry.event_id))
    lines = ["---", *(f"{key}: {quote(value)}" for key, value in fields)]
    lines.append("tags: [" + ", ".join(quote(tag) for tag in entry.tags) + "]")
    if entry.responses:
        ids = ", ".join(quote(r.prompt_id) for r in entry.responses)
        lines.append(f"responses: [{ids}]")
    lines += ["---", ""]
    text = "\n".join(lines)
    if entry.title:
        text += f"# {entry.title}\n\n"
    text += entry.body.rstrip() + "\n"
    for response in entry.responses:
        text += f"\n## {response.prompt_id}\n\n{response.text.rstrip()}\n"
    return text


def quote(value: str) -> str:
    """A double-quoted YAML string that reads back as exactly ``value``."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


def _file_name(entry: Entry, used: set[str]) -> str:
    stem = (
        entry.created[:10]
        + "-"
        + (_SLUG.sub("-", entry.display_title.lower()).strip("-")[:60] or "entry")
    )
    name, n = f"{stem}.md", 2
    while name in used:
        name, n = f"{stem}-{n}.md", n + 1
    used.add(name)
    return name
