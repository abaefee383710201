"""A received bundle's items written out as one Markdown document, to show read-only.

Everything a peer wrote is untrusted: the document goes only to ``SafeBrowser.show_markdown``,
which escapes raw HTML, loads no images and asks before opening a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from reflect.core.entry import Entry, title_of

Item = dict[str, Any]
# CommonMark lets a backslash escape any ASCII punctuation, so a title shows as typed.
MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def tr(text: str) -> str:
    return QCoreApplication.translate("BundleText", text)


def short_time(timestamp: str | None) -> str:
    if not timestamp:
        return ""
    try:
        return datetime.fromisoformat(timestamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return timestamp


def dated(wording: Item) -> str:
    """When a wording was written, in brackets; nothing for one that does not say."""
    when = short_time(wording.get("created"))
    return f" ({when})" if when else ""


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def inquiry_text(item: Item) -> str:
    parts = [tr("## Inquiry: {0}").format(one_line(item["question"]))]
    if item.get("why"):
        parts.append(tr("*Why it matters:* {0}").format(item["why"]))
    if item.get("status") and item["status"] != "active":
        parts.append(tr("*Status:* {0} {1}").format(item["status"], item.get("status_note", "")))
    earlier = [w for w in item.get("wordings", []) if one_line(w["question"]) != item["question"]]
    if earlier:
        parts.append(tr("Earlier wordings:"))
        parts.append("\n".join(f"- {one_line(w['question'])}{dated(w)}" for w in earlier))
    return "\n\n".join(parts)


def entry_text(item: Item) -> str:
    title = one_line(item.get("title", ""))
    meta = f"*{item['kind']} · {short_time(item['created'])}*"
    parts = [f"### {title}" if title else "", meta, item.get("body", "")]
    for response in item.get("responses", []):
        parts.append(f"**{one_line(response['label'] or response['prompt_id'])}**")
        parts.append(response["text"])
    if item.get("tags"):
        parts.append(tr("*Tags:* {0}").format(", ".join(one_line(t) for t in item["tags"])))
    return "\n\n".join(p for p in parts if p)


def action_text(item: Item) -> str:
    due = tr(", due {0}").format(item["due"]) if item.get("due") else ""
    return tr("- **{0}:** {1} ({2}{3})").format(
        item["kind"].capitalize(), one_line(item["text"]), item.get("status", "open"), due
    )


def assessment_text(item: Item) -> str:
    name = one_line(item.get("framework_name") or item["framework_id"])
    rows = [f"- {one_line(s['domain_id'])}: **{s['score']}** {s.get('evidence', '')}" for s in
            item["scores"]]  # fmt: skip
    parts = [tr("## Self-assessment: {0}").format(name), "\n".join(rows), item.get("note", "")]
    return "\n\n".join(p for p in parts if p)


def connection_counts_text(item: Item) -> str:
    """Counts by sector per month: all a share ever holds about the sender's connections."""
    rows = [
        "- " + one_line(str(m.get("month"))) + ": "
        + ", ".join(f"{one_line(str(k))} **{v}**" for k, v in m.items() if k != "month")
        for m in item.get("months", [])
    ]  # fmt: skip
    return tr("## Connections by sector") + "\n\n" + "\n".join(rows)


def note_text(item: Item) -> str:
    return tr("## A note\n\n{0}").format(item["text"])


def comment_text(item: Item, about: Mapping[str, Entry]) -> str:
    """A peer's comment, headed by the title of your entry it is about (never its id)."""
    entry = about.get(item["about"])
    if entry is None:
        heading = tr("On an entry no longer in this journal")
    else:
        title = one_line(entry.display_title) or tr("Untitled")
        heading = (tr("On your entry “{0}” (in the trash)") if entry.deleted else
                   tr("On your entry “{0}”")).format(title)  # fmt: skip
    return f"### {escaped(heading)}\n\n{item['body']}"


def escaped(text: str) -> str:
    """Plain text for a Markdown line: every punctuation mark taken literally."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


RENDERERS: dict[str, Callable[[Item], str]] = {
    "inquiry": inquiry_text,
    "entry": entry_text,
    "action": action_text,
    "assessment": assessment_text,
    "note": note_text,
    "connection-counts": connection_counts_text,
}


def bundle_markdown(items: Iterable[Item], about: Mapping[str, Entry] | None = None) -> str:
    """Every item the app knows how to show, in the sender's order; actions grouped.
    ``about`` holds your entries that comments are about, by id, to name them by title."""
    blocks: list[str] = []
    actions: list[str] = []
    for item in items:
        render = RENDERERS.get(item["type"])
        if item["type"] == "action":
            actions.append(action_text(item))
        elif item["type"] == "comment":
            blocks.append(comment_text(item, about or {}))
        elif render is not None:
            blocks.append(render(item))
    if actions:
        blocks.append(tr("## Actions") + "\n\n" + "\n".join(actions))
    return "\n\n---\n\n".join(blocks)


def entry_label(item: Item) -> str:
    """How one shared entry is named in the feedback form."""
    answers = (str(response["text"]) for response in item.get("responses", []))
    title = one_line(title_of(str(item.get("title", "")), str(item.get("body", "")), answers))
    title = title if len(title) <= 60 else title[:59] + "…"
    return f"{title or item['kind']} ({short_time(item['created'])})"
