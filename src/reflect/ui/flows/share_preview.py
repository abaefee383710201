"""What a share preview shows: the items that will leave, as Markdown for the safe browser,
and one line per warning about text that may identify someone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from reflect.core.entry import title_of
from reflect.messages import Msg
from reflect.services.privacy_scan import Finding
from reflect.ui.texts import entry_title as shown_title

Item = Mapping[str, Any]
CONTEXT = "SharePreview"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def items_markdown(items: Sequence[Item]) -> str:
    """Every item, in order, as the reader will see it (Markdown bodies kept as written)."""
    return "\n\n---\n\n".join(item_markdown(item) for item in items)


def item_markdown(item: Item) -> str:
    kind = item.get("type")
    if kind == "inquiry":
        return inquiry_markdown(item)
    if kind == "note":
        return f"## {tr('What I would like from you this time')}\n\n{item['text']}"
    if kind == "entry":
        return entry_markdown(item)
    if kind == "action":
        return f"- **{tr('Action')}** ({item['status']}): {item['text']}"
    if kind == "assessment":
        return assessment_markdown(item)
    return f"*{tr('Other item')}: {kind}*"


def inquiry_markdown(item: Item) -> str:
    lines = [f"## {tr('Inquiry')}: {item['question']}"]
    if item.get("why"):
        lines.append(f"\n{item['why']}")
    earlier = [w["question"] for w in item.get("wordings", [])][:-1]
    if earlier:
        lines.append(f"\n{tr('Earlier wordings')}:\n")
        lines += [f"- {question}" for question in earlier]
    return "\n".join(lines)


def entry_title(item: Item) -> str:
    """The entry's name as every page shows it (core.entry.title_of)."""
    responses = (str(r.get("text", "")) for r in item.get("responses", []))
    return shown_title(title_of(str(item.get("title", "")), str(item.get("body", "")), responses))


def entry_markdown(item: Item) -> str:
    title = entry_title(item)
    parts = [f"### {title}", f"*{item['kind']} · {str(item['created'])[:10]}*", item["body"]]
    for response in item.get("responses", []):
        parts.append(f"**{response.get('label') or response['prompt_id']}**\n\n{response['text']}")
    return "\n\n".join(part for part in parts if part)


def assessment_markdown(item: Item) -> str:
    name = item.get("framework_name") or item["framework_id"]
    lines = [f"## {tr('Self-assessment')}: {name}", ""]
    lines += [f"- {s['domain_id']}: {s['score']}" for s in item.get("scores", [])]
    return "\n".join(lines)


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
