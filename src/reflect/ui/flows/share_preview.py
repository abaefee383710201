"""What a share preview shows: the items that will leave, as plain text with every field exactly
as it will be sent, and one line per warning about text that may identify someone.

Plain text, not rendered Markdown, so that a warning's span in a field (``Finding.start:end``)
is a span of the preview too and can be highlighted: :func:`preview_text` records where each
field begins, in the UTF-16 positions Qt's documents count in. Nothing in it is interpreted,
so nothing can be loaded. Pure Python apart from ``translate``, so it can be laid out off the
UI thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from reflect.core.entry import title_of
from reflect.messages import Msg
from reflect.services.privacy_scan import Finding
from reflect.ui.texts import entry_title as shown_title

Item = Mapping[str, Any]
CONTEXT = "SharePreview"
RULE = "―" * 24  # between items


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def qt_length(text: str) -> int:
    """The length of ``text`` as Qt counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@dataclass
class PreviewText:
    """The preview's text and where, in it, each field of each item begins."""

    text: str = ""
    starts: dict[tuple[int, str], int] = field(default_factory=dict)

    def span(self, finding: Finding, items: Sequence[Item]) -> tuple[int, int] | None:
        """Where ``finding`` is in the text, as Qt positions; None if its field is not shown."""
        start = self.starts.get((finding.item, finding.field))
        value = field_value(items[finding.item], finding.field)
        if start is None or value is None:
            return None
        begin = start + qt_length(value[: finding.start])
        return begin, begin + qt_length(value[finding.start : finding.end])


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.starts: dict[tuple[int, str], int] = {}

    def words(self, text: str) -> None:
        self.parts.append(text)
        self.size += qt_length(text)

    def value(self, item: int, path: str, text: str) -> None:
        """A field's text as it leaves. Qt reads "\\r\\n" as one line break, which would shift
        every position after it, so its "\\r" shows as a space; all else is one to one."""
        self.starts[(item, path)] = self.size
        self.words(text.replace("\r\n", " \n"))

    def line(self, label: str, item: int, path: str, text: str) -> None:
        self.words(label)
        self.value(item, path, text)
        self.words("\n")


def preview_text(items: Sequence[Item]) -> PreviewText:
    """Every item, in order, with each free-text field as it will be sent."""
    out = _Writer()
    for n, item in enumerate(items):
        if n:
            out.words(f"\n{RULE}\n\n")
        LAYOUTS.get(str(item.get("type")), _other)(out, n, item)
    return PreviewText("".join(out.parts), out.starts)


def _inquiry(out: _Writer, n: int, item: Item) -> None:
    out.line(tr("INQUIRY: "), n, "question", str(item["question"]))
    wordings = list(item.get("wordings", []))
    if wordings and wordings[-1].get("question") == item["question"]:
        # The last wording is the question above: its warnings are shown there.
        out.starts[(n, f"wordings[{len(wordings) - 1}].question")] = out.starts[(n, "question")]
        wordings = wordings[:-1]
    if wordings:
        out.words(tr("Earlier wordings, oldest first:") + "\n")
        for w, wording in enumerate(wordings):
            when = str(wording.get("created") or "")[:10]
            out.line(
                f"  {when}  " if when else "  ", n, f"wordings[{w}].question", wording["question"]
            )
    if item.get("why"):
        out.line(tr("Why it matters: "), n, "why", str(item["why"]))
    if item.get("status", "active") != "active" or item.get("status_note"):
        out.line(tr("Status: {0}. ").format(item.get("status")), n, "status_note",
                 str(item.get("status_note", "")))  # fmt: skip


def _note(out: _Writer, n: int, item: Item) -> None:
    out.words(tr("WHAT I WOULD LIKE FROM YOU THIS TIME") + "\n")
    out.line("", n, "text", str(item["text"]))


def _entry(out: _Writer, n: int, item: Item) -> None:
    out.words(tr("ENTRY · {0} · {1}").format(item["kind"], str(item["created"])[:10]) + "\n")
    if item.get("title"):
        out.line(tr("Title: "), n, "title", str(item["title"]))
    if item.get("body"):
        out.line("", n, "body", str(item["body"]))
    for r, response in enumerate(item.get("responses", [])):
        out.words(f"\n{response.get('label') or response['prompt_id']}\n")
        out.line("", n, f"responses[{r}].text", str(response["text"]))
    if item.get("tags"):
        out.words(tr("Tags: {0}").format(", ".join(item["tags"])) + "\n")


def _action(out: _Writer, n: int, item: Item) -> None:
    due = tr(", due {0}").format(item["due"]) if item.get("due") else ""
    out.words(tr("ACTION · {0} · {1}{2}").format(item["kind"], item["status"], due) + "\n")
    out.line("", n, "text", str(item["text"]))


def _assessment(out: _Writer, n: int, item: Item) -> None:
    name = item.get("framework_name") or item["framework_id"]
    out.words(tr("SELF-ASSESSMENT: {0}").format(name) + "\n")
    for s, score in enumerate(item.get("scores", [])):
        out.line(f"  {score['domain_id']}: {score['score']}  ", n, f"scores[{s}].evidence",
                 str(score.get("evidence", "")))  # fmt: skip
    if item.get("note"):
        out.line(tr("Note: "), n, "note", str(item["note"]))


def _connection_counts(out: _Writer, n: int, item: Item) -> None:
    out.words(tr("CONNECTIONS BY SECTOR (counts only: no names, places or notes)") + "\n")
    for month in item.get("months", []):
        counts = ", ".join(f"{k} {v}" for k, v in month.items() if k != "month")
        out.words(f"  {month.get('month')}: {counts}\n")


def _other(out: _Writer, n: int, item: Item) -> None:
    out.words(tr("Other item: {0}").format(item.get("type")) + "\n")


LAYOUTS = {
    "inquiry": _inquiry,
    "note": _note,
    "entry": _entry,
    "action": _action,
    "assessment": _assessment,
    "connection-counts": _connection_counts,
}


def field_value(item: Item, path: str) -> str | None:
    """The text at ``path`` (such as ``responses[0].text``) inside ``item``, if it is text."""
    value: Any = item
    for part in path.replace("[", ".[").split("."):
        if part.startswith("["):
            index = int(part[1:-1])
            value = value[index] if isinstance(value, list) and index < len(value) else None
        elif isinstance(value, Mapping):
            value = value.get(part)
        else:
            return None
    return value if isinstance(value, str) else None


def entry_title(item: Item) -> str:
    """The entry's name as every page shows it (core.entry.title_of)."""
    responses = (str(r.get("text", "")) for r in item.get("responses", []))
    return shown_title(title_of(str(item.get("title", "")), str(item.get("body", "")), responses))


def item_label(item: Item) -> str:
    """A short name for an item, so a warning says where it is."""
    kind = item.get("type")
    if kind == "entry":
        return entry_title(item)
    if kind == "note":
        return tr("Your note")
    if kind == "inquiry":
        return tr("The inquiry")
    if kind == "action":
        return tr("An action")
    if kind == "connection-counts":
        return tr("Counts of your connections")
    return tr("The self-assessment")


def msg_text(msg: Msg) -> str:
    """A catalogue message with no details to fill in, translated."""
    return QCoreApplication.translate("Messages", msg.template)


def finding_text(finding: Finding, items: Sequence[Item]) -> str:
    reason = msg_text(finding.reason)
    return f"{item_label(items[finding.item])}: “{finding.text}” {reason}"


def entry_for(finding: Finding, items: Sequence[Item]) -> str | None:
    """The id of the journal entry a finding is in, when it is in one the user can edit."""
    item = items[finding.item]
    if item.get("type") == "entry":
        return str(item["id"])
    return None
