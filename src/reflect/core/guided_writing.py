"""Writing under a framework's prompts: one slot per prompt, and switching frameworks safely.

Switching framework never drops text: an answer whose prompt the new framework lacks moves into
the entry's free text under a heading naming the prompt it answered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reflect.core import coaching
from reflect.core.entry import Response
from reflect.core.framework import Framework


@dataclass(frozen=True)
class Slot:
    """One prompt's box in the editor: what it asks, a hint, and what has been written."""

    prompt_id: str
    label: str
    help: str = ""
    text: str = ""


def prompt_label(framework: Framework | None, framework_id: str | None, prompt_id: str) -> str:
    """The label the person saw: the framework's, a coaching field's, else the id in words."""
    prompt = framework.prompt(prompt_id) if framework is not None else None
    if prompt is not None:
        return prompt.label
    coaching_labels = {p.value: label for p, label in coaching.PROMPT_LABELS.items()}
    if framework_id == coaching.FRAMEWORK_ID and prompt_id in coaching_labels:
        return coaching_labels[prompt_id]
    return prompt_id.replace("-", " ").replace("_", " ").capitalize()


def slots_for(
    framework: Framework | None, framework_id: str | None, responses: tuple[Response, ...]
) -> tuple[Slot, ...]:
    """A slot per prompt of the framework, filled from ``responses``; answers to prompts the
    framework does not have (an edited copy, a coaching session) keep slots of their own."""
    written = {r.prompt_id: r.text for r in responses}
    slots = [
        Slot(p.id, p.label, p.help, written.pop(p.id, ""))
        for p in (framework.prompts if framework is not None else ())
    ]
    slots += [
        Slot(prompt_id, prompt_label(framework, framework_id, prompt_id), "", text)
        for prompt_id, text in written.items()
    ]
    return tuple(slots)


def switch_framework(
    body: str, slots: tuple[Slot, ...], new: Framework | None
) -> tuple[str, tuple[Slot, ...]]:
    """The body and slots after choosing ``new`` (None: no framework)."""
    kept = {s.prompt_id: s.text for s in slots}
    new_slots = tuple(
        Slot(p.id, p.label, p.help, kept.pop(p.id, ""))
        for p in (new.prompts if new is not None else ())
    )
    labels = {s.prompt_id: s.label for s in slots}
    moved = [f"## {labels[pid]}\n\n{text.strip()}" for pid, text in kept.items() if text.strip()]
    merged = "\n\n".join(part for part in (body.rstrip(), *moved) if part)
    return merged, new_slots


def responses_of(slots: tuple[Slot, ...]) -> tuple[Response, ...]:
    return tuple(Response(s.prompt_id, s.text) for s in slots)


def with_texts(slots: tuple[Slot, ...], texts: list[str]) -> tuple[Slot, ...]:
    return tuple(replace(slot, text=text) for slot, text in zip(slots, texts, strict=True))


def as_markdown(slots: tuple[Slot, ...]) -> str:
    """The answers as Markdown sections, as the preview and exports show them."""
    return "\n\n".join(f"## {s.label}\n\n{s.text.strip()}" for s in slots if s.text.strip())
